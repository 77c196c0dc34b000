package io.sluice.core.usecase;

import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.DecisionCounts;
import io.sluice.core.review.Review;
import io.sluice.core.validate.GateMeasures;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.QualityGates;
import io.sluice.core.validate.ValidationSummary;

import java.nio.file.Path;
import java.util.List;

/**
 * The quality gates of a review as it stands now: its profile's gates over its current scores and error rows (with
 * the steward's edits) and the rows the steward rejected; what an import of the review would be measured by.
 */
public final class ReviewGates {

    private ReviewGates() {
    }

    /** Each gate of the review's profile measured now; none when the review records no profile or no gates. */
    public static List<GateResult> of(Path reviewFile) {
        try (Review review = Review.open(reviewFile)) {
            String json = review.info().profileJson();
            if (json == null) {
                return List.of();
            }
            Profile profile = ProfileIO.fromJson(json, reviewFile.toString());
            return QualityGates.evaluate(profile.gates(), measures(review.currentSummary().orElse(null),
                    review.ledger().counts()));
        }
    }

    /** The measures of a review; {@code current} is null when the review was never validated. */
    static GateMeasures measures(ValidationSummary current, DecisionCounts decisions) {
        long rows = decisions.pending() + decisions.approved() + decisions.rejected();
        return current == null ? new GateMeasures(rows, 0, decisions.rejected(), null)
                : new GateMeasures(current.rows(), current.withErrors(), decisions.rejected(), current.scores());
    }
}
