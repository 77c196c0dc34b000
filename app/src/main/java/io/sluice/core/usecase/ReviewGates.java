package io.sluice.core.usecase;

import io.sluice.core.review.DecisionCounts;
import io.sluice.core.validate.GateMeasures;
import io.sluice.core.validate.ValidationSummary;

/** What the quality gates measure on a review: its current scores and error rows, and the rows the steward rejected. */
final class ReviewGates {

    private ReviewGates() {
    }

    /** The measures of a review; {@code current} is null when the review was never validated. */
    static GateMeasures measures(ValidationSummary current, DecisionCounts decisions) {
        long rows = decisions.pending() + decisions.approved() + decisions.rejected();
        return current == null ? new GateMeasures(rows, 0, decisions.rejected(), null)
                : new GateMeasures(current.rows(), current.withErrors(), decisions.rejected(), current.scores());
    }
}
