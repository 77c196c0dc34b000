package io.sluice.desktop.review;

import io.sluice.core.review.DecisionStatus;
import io.sluice.core.review.RowFilter;

/** The grid's decision filter. */
public enum StatusFilter {
    ALL("Any status"), PENDING("Pending"), APPROVED("Approved"), REJECTED("Rejected");

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
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
