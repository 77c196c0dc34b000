package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileProblem;
import io.sluice.core.profile.ProfileValidator;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.review.Review;
import io.sluice.core.review.WorkbookMembers;
import io.sluice.core.rules.Finding;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.source.SourceTable;
import io.sluice.core.validate.RowResult;
import io.sluice.core.validate.ValidationJob;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one rule not yet in the profile would flag in a review: "would flag N of M rows", with the first examples. On
 * a sample (the first rows) it answers quickly; over the whole review it reports progress and can be cancelled.
 * The rule runs alone, over the rows as the steward sees them (edits and fixes included) and mapped by the review's
 * profile, exactly as a validation with the rule added would run it, so the count equals what that validation finds
 * for it. The other rules are not run, and only the columns the rule reads are read out of the review and mapped.
 * The review is only read.
 */
public final class RulePreview {

    /** Rows of a sample when the caller does not say. */
    public static final int SAMPLE_ROWS = 1_000;

    /**
     * What to preview.
     *
     * @param review   the review file, validated before (it records the profile)
     * @param rule     the rule to try, as it would be written in the profile
     * @param examples how many examples to keep (the first ones, in row order)
     */
    public record Request(Path review, RuleSpec rule, int examples) {

        public Request {
            Objects.requireNonNull(review, "review");
            Objects.requireNonNull(rule, "rule");
            examples = Math.max(0, examples);
        }
    }

    /**
     * One row the rule flags.
     *
     * @param row     the row number the steward sees
     * @param cell    the cell, e.g. N17, or null for a finding about the row
     * @param column  the source header, or null for a finding about the row
     * @param value   the value(s) as displayed, or null
     * @param message what is wrong, in plain words
     */
    public record Example(long row, String cell, String column, String value, String message) {
    }

    /**
     * The answer.
     *
     * @param ruleId       the id the rule's findings carry
     * @param flaggedRows  rows with at least one finding of the rule
     * @param findings     findings of the rule
     * @param rowsChecked  rows the rule ran over (the sample's size, or every row)
     * @param rowsInReview rows the review holds
     * @param examples     the first rows flagged
     */
    public record Outcome(String ruleId, long flaggedRows, long findings, long rowsChecked, long rowsInReview,
                          List<Example> examples) {

        public Outcome {
            examples = List.copyOf(examples);
        }

        /** Whether only a sample of the review was checked. */
        public boolean sample() {
            return rowsChecked < rowsInReview;
        }
    }

    private RulePreview() {
    }

    /** The rule over the first {@code rows} rows of the review: quick enough to run as the steward types. */
    public static Outcome sample(Request request, TargetDatabase db, int rows) {
        return run(request, db, Math.max(1, rows), Progress.NONE);
    }

    /**
     * The rule over every row of the review; reports rows done to {@code progress}, and a cancel through it ends the
     * preview with a {@link java.util.concurrent.CancellationException}.
     */
    public static Outcome full(Request request, TargetDatabase db, Progress progress) {
        return run(request, db, Long.MAX_VALUE, progress == null ? Progress.NONE : progress);
    }

    private static Outcome run(Request request, TargetDatabase db, long limit, Progress progress) {
        Profile profile = withRule(request);
        String id = RuleSet.idOf(request.rule());
        long total;
        try (Review review = Review.open(request.review())) {
            WorkbookMembers.requireOneSheet(review, "a rule preview");
            total = review.rowCount();
        }
        RuleKindCheck.refuse(request.rule(), db.table(profile.table()));
        Tally tally = new Tally(id, request.examples());
        ReviewRows reviewRows = new ReviewRows(request.review());
        try (SourceTable rows = new FirstRows(reviewRows, limit);
             ValidationJob job = ValidationJob.over(rows, profile, db, Set.of(id))) {
            // the rule alone reads a column or two: SQLite need not hand over the rest of every row
            job.sourceColumnsRead().ifPresent(reviewRows::readOnly);
            long checked = job.run(tally::add, progress).rows();
            return new Outcome(id, tally.flagged, tally.findings, checked, total, tally.examples);
        }
    }

    /** The review's profile with the rule added, refused in one sentence when the rule is broken or its id taken. */
    private static Profile withRule(Request request) {
        Profile recorded = ValidateReview.recordedProfile(request.review());
        if (recorded == null) {
            throw SluiceException.input(request.review().getFileName() + " records no mapping profile yet; validate"
                    + " it with a profile before trying a rule on it.");
        }
        String id = RuleSet.idOf(request.rule());
        if (recorded.rules().stream().anyMatch(r -> RuleSet.idOf(r).equalsIgnoreCase(id))) {
            throw SluiceException.input("The profile already has a rule '" + id + "'; give the new rule another id.");
        }
        List<RuleSpec> rules = new ArrayList<>(recorded.rules());
        rules.add(request.rule());
        Profile profile = recorded.withRules(rules);
        ProfileProblem problem = ProfileValidator.firstProblem(profile);
        if (problem != null) {
            throw SluiceException.input("The rule cannot run: " + problem.message() + ".");
        }
        return profile;
    }

    /** Counts the rule's findings as the rows arrive, keeping the first examples. */
    private static final class Tally {
        private final String id;
        private final int keep;
        private final List<Example> examples = new ArrayList<>();
        private long flagged;
        private long findings;

        Tally(String id, int keep) {
            this.id = id;
            this.keep = keep;
        }

        void add(RowResult row) {
            boolean hit = false;
            for (Finding f : row.findings()) {
                if (!f.rule().equals(id)) {
                    continue;
                }
                findings++;
                hit = true;
                if (examples.size() < keep) {
                    examples.add(new Example(f.row(), f.cell(), f.column(), f.value(), f.message()));
                }
            }
            if (hit) {
                flagged++;
            }
        }
    }
}
