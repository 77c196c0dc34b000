package io.sluice.core.review;

import java.util.Locale;

/** What an audit entry records. */
public enum AuditAction {
    APPROVE, REJECT, CLEAR, EDIT, UNDO, REDO;

    private static final AuditAction[] VALUES = values();
    private final String label = name().toLowerCase(Locale.ROOT);

    /** The word stored in the review file ("approve", "undo", ...). */
    public String label() {
        return label;
    }

    static AuditAction parse(String label) {
        for (AuditAction action : VALUES) {
            if (action.label.equalsIgnoreCase(label)) {
                return action;
            }
        }
        throw new IllegalArgumentException("No audit action '" + label + "'");
    }

    /** The action that sets a row to {@code status}; null (no decision) is a clear. */
    static AuditAction deciding(DecisionStatus status) {
        return status == null ? CLEAR : status == DecisionStatus.APPROVED ? APPROVE : REJECT;
    }
}
