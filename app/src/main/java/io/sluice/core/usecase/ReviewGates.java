package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.profile.GateSpec;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.ProfileProblem;
import io.sluice.core.profile.ProfileValidator;
import io.sluice.core.review.DecisionCounts;
import io.sluice.core.review.Review;
import io.sluice.core.review.WorkbookMembers;
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
            WorkbookMembers.requireOneSheet(review, "measuring quality gates");
            String json = review.info().profileJson();
            if (json == null) {
                return List.of();
            }
            Profile profile = ProfileIO.fromJson(json, reviewFile.toString());
            return QualityGates.evaluate(profile.gates(), measures(review.currentSummary().orElse(null),
                    review.ledger().counts()));
        }
    }

    /**
     * Records {@code gates} as the quality gates of the review's profile (replacing its gates; nothing else of the
     * profile changes, and no finding), so that the review's gates and an import of it measure these from now on.
     * Refused in one sentence when the review records no profile or a gate is not usable (unknown metric, no
     * threshold, a count of a score, min above max).
     *
     * @return the review's profile with the new gates
     */
    public static Profile record(Path reviewFile, List<GateSpec> gates) {
        try (Review review = Review.open(reviewFile)) {
            WorkbookMembers.requireOneSheet(review, "measuring quality gates");
            String json = review.info().profileJson();
            if (json == null) {
                throw SluiceException.input(reviewFile.getFileName() + " records no mapping profile yet; validate it"
                        + " with a profile before setting quality gates.");
            }
            Profile changed = ProfileIO.fromJson(json, reviewFile.toString()).withGates(gates);
            ProfileProblem problem = ProfileValidator.firstProblem(changed);
            if (problem != null) {
                throw SluiceException.input("The quality gates cannot be used: " + problem.message() + ".");
            }
            review.setProfile(ProfileIO.toJson(changed));
            return changed;
        }
    }

    /** The quality gates the review's profile holds now; none when it records no profile. */
    public static List<GateSpec> specs(Path reviewFile) {
        Profile profile = ValidateReview.recordedProfile(reviewFile);
        return profile == null ? List.of() : profile.gates();
    }

    /** The measures of a review; {@code current} is null when the review was never validated. */
    static GateMeasures measures(ValidationSummary current, DecisionCounts decisions) {
        long rows = decisions.pending() + decisions.approved() + decisions.rejected();
        return current == null ? new GateMeasures(rows, 0, decisions.rejected(), null)
                : new GateMeasures(current.rows(), current.withErrors(), decisions.rejected(), current.scores());
    }
}
