-- A steward can take a decision back ("clear": the row is pending again); the review's audit log records it, and so
-- does the copy of that log kept with an import batch.
ALTER TABLE sluice_decision_audit DROP CONSTRAINT ck_sluice_audit_action;
ALTER TABLE sluice_decision_audit ADD CONSTRAINT ck_sluice_audit_action
    CHECK (action IN ('approve', 'reject', 'clear', 'edit', 'undo', 'redo'));
