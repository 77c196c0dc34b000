package io.sluice.core.review;

import java.util.Locale;

/** What an audit entry records. */
public enum AuditAction {
    APPROVE, REJECT, CLEAR, EDIT, UNDO, REDO;

    /** The word stored in the review file ("approve", "undo", ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AuditAction parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }

    /** The action that sets a row to {@code status}; null (no decision) is a clear. */
    static AuditAction deciding(DecisionStatus status) {
        return status == null ? CLEAR : status == DecisionStatus.APPROVED ? APPROVE : REJECT;
    }
}
