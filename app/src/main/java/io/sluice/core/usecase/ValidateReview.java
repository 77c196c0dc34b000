package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.database.TableShape;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.QualityGates;
import io.sluice.core.validate.QualityTally;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.review.DecisionCounts;
import io.sluice.core.review.DecisionStatus;
import io.sluice.core.review.FindingWriter;
import io.sluice.core.review.QualityBasis;
import io.sluice.core.review.ProfileRowValidator;
import io.sluice.core.review.Review;
import io.sluice.core.review.WorkbookMembers;
import io.sluice.core.review.ReviewQuery;
import io.sluice.core.review.RowFilter;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Validates the rows a review already holds (one made by {@code load}, or one to check again with a changed
 * profile): the review's own cells with the steward's edits, so the source file is not needed again and what is
 * validated is exactly what would be imported. Decisions and edits are kept; the findings and scores are replaced;
 * the profile and target are recorded, so that edits are validated again and the review can be imported.
 */
public final class ValidateReview {

    /**
     * What the validation found.
     *
     * @param summary         counts and scores as the findings stand now
     * @param profileName     the profile validated with
     * @param replacedProfile the name of the profile the review recorded before, when it was another one, or null
     * @param target          the target database, without any password
     * @param decisions       the steward's decisions, kept as they were
     * @param approvedInError approved rows that have an error finding now
     * @param gates           the profile's quality gates measured on the review as it stands (rejected rows: the
     *                        rows the steward rejected)
     * @param unmapped        the review's columns the profile does not map, and those Sluice added when it sent
     *                        rows back
     */
    public record Outcome(ValidationSummary summary, String profileName, String replacedProfile, String target,
                          DecisionCounts decisions, long approvedInError, List<GateResult> gates,
                          UnmappedColumns unmapped) {

        /** Whether a blocking gate failed: an import of this review would be refused. */
        public boolean blocked() {
            return QualityGates.blocks(gates);
        }
    }

    private ValidateReview() {
    }

    /** The profile the review records, or null when it was only loaded. */
    public static Profile recordedProfile(Path reviewFile) {
        try (Review review = Review.open(reviewFile)) {
            WorkbookMembers.requireOneSheet(review, "this step");
            String json = review.info().profileJson();
            return json == null ? null : ProfileIO.fromJson(json, reviewFile.toString());
        }
    }

    /**
     * Validates the review again with the profile it records against {@code db} as it is now, a workbook review
     * sheet by sheet ({@link ValidateWorkbookReview#run}), keeping decisions and edits: what a steward does when an
     * import is refused because the target changed since the validation. Returns how many approved rows have an
     * error finding now.
     */
    public static long again(Path reviewFile, TargetDatabase db, Progress progress) {
        if (ValidateWorkbookReview.isWorkbookReview(reviewFile)) {
            return ValidateWorkbookReview.run(reviewFile, null, db, null, progress).approvedInError();
        }
        Profile profile = recordedProfile(reviewFile);
        if (profile == null) {
            throw SluiceException.input(reviewFile.getFileName() + " holds no mapping profile yet, so there is"
                    + " nothing to validate it with again; validate the review with a profile first.");
        }
        return run(reviewFile, profile, db, progress).approvedInError();
    }

    /**
     * Validates every row of the review with {@code profile} against {@code db}. A validation that fails or is
     * cancelled part-way leaves the review without scores until it is validated again; its rows, decisions and edits
     * are untouched either way.
     */
    public static Outcome run(Path reviewFile, Profile profile, TargetDatabase db, Progress progress) {
        Objects.requireNonNull(profile, "profile");
        try (Review review = Review.open(reviewFile)) {
            WorkbookMembers.requireOneSheet(review, "this validation");
            if (review.rowCount() == 0) {
                throw SluiceException.input("The review " + reviewFile + " holds no rows to validate.");
            }
            String before = review.info().profileJson();
            String replaced = before == null ? null : ProfileIO.fromJson(before, reviewFile.toString()).name();
            String profileJson = ProfileIO.toJson(profile);
            try (ReviewRows rows = new ReviewRows(reviewFile);
                 ValidationJob job = ValidationJob.over(rows, profile, db)) {
                review.forgetValidation();
                review.clearFindings();
                ValidationSummary summary;
                try (FindingWriter findings = review.findingWriter()) {
                    summary = job.run(result -> {
                        findings.appendAll(result.findings());
                        findings.filledCells(result.source().number(), QualityTally.filledCells(result.mapped()));
                    }, progress);
                }
                review.recordValidation(summary, QualityBasis.of(job.targetColumns().size(),
                        job.uniquenessRules()), profileJson, db.displayUrl(),
                        Map.of(profile.table(), TableShape.of(job.targetTable())));
                if (review.ledger().counts().rejected() > 0) {
                    // the validation judged every row as if it will be imported: a rejected parent will not be
                    ProfileRowValidator.of(profile, review.columns(), db).recheckDecided(review);
                }
                ValidationSummary current = review.currentSummary().orElse(summary);
                DecisionCounts decisions = review.ledger().counts();
                return new Outcome(current, profile.name(),
                        replaced == null || replaced.equals(profile.name()) && before.equals(profileJson) ? null
                                : replaced, review.info().targetUrl(), decisions,
                        new ReviewQuery(review).select(RowFilter.withStatus(DecisionStatus.APPROVED)
                                .and(RowFilter.withErrors()), ReviewQuery.Sort.SOURCE_ORDER),
                        QualityGates.evaluate(profile.gates(), ReviewGates.measures(current, decisions)),
                        UnmappedColumns.of(profile, review.columns()));
            }
        }
    }
}
