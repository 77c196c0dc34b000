-- Compact decision audit (decision 0040): consecutive entries of a batch's audit that differ only in their source
-- row (a bulk decision's one entry per row) are kept as one row: row_count entries, source_row the first of them,
-- source_rows every row as ranges ("7+999" is rows 7 to 1006, "12" is row 12; NULL for a single entry).
-- first_entry is the position of the row's first entry in its batch's audit, so a page of a batch's audit reads only
-- the rows that hold it. Rows recorded before this version are single entries (row_count 1, first_entry NULL), and
-- Sluice reads both.
-- PostgreSQL: TEXT is unbounded.
ALTER TABLE sluice_decision_audit ADD COLUMN row_count INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE sluice_decision_audit ADD COLUMN source_rows TEXT;
ALTER TABLE sluice_decision_audit ADD COLUMN first_entry BIGINT;
CREATE INDEX ix_sluice_audit_batch ON sluice_decision_audit (batch_id, first_entry);
