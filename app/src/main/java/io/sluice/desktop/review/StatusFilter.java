package io.sluice.desktop.review;

import io.sluice.core.review.DecisionStatus;
import io.sluice.core.review.RowFilter;

/** The grid's decision filter. */
public enum StatusFilter {
    ALL("Any status"), PENDING("Pending"), APPROVED("Approved"), REJECTED("Rejected"),
    /** The rows whose status the rule last applied in the Rules step (or its undo) changed. */
    CHANGED_BY_LAST_RULE("Changed by the last rule");

    private final String label;

    StatusFilter(String label) {
        this.label = label;
    }

    RowFilter toRowFilter() {
        return switch (this) {
            case ALL -> RowFilter.all();
            case PENDING -> RowFilter.pending();
            case APPROVED -> RowFilter.withStatus(DecisionStatus.APPROVED);
            case REJECTED -> RowFilter.withStatus(DecisionStatus.REJECTED);
            case CHANGED_BY_LAST_RULE -> RowFilter.changedByLastRule();
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
