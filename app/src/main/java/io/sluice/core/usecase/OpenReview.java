package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.ReviewSession;
import io.sluice.core.database.Redaction;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewStager;
import io.sluice.core.review.RowFilter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A review opened for the steward's decisions and edits. Its session validates an edited row again, at the edit and
 * at every undo and redo, with the profile the review records, so findings and scores always match the cells; the
 * target is connected at the first re-validation, not at open. A review that was only loaded (no profile yet) opens
 * too; its edits are not validated until {@link ValidateReview} has given it a profile.
 */
public final class OpenReview implements AutoCloseable {

    private final Review review;
    private final LazyRowValidator validator;
    private final ReviewSession session;

    private OpenReview(Review review, LazyRowValidator validator) {
        this.review = review;
        this.validator = validator;
        this.session = ReviewSession.open(review, validator);
    }

    /**
     * Opens the review; {@code target} connects to the database edits are validated against, or null for the
     * target the review records (the embedded database, or a server that needs no password).
     */
    public static OpenReview open(Path file, Supplier<TargetDatabase> target) {
        Review review = Review.open(file);
        try {
            String profileJson = review.info().profileJson();
            Supplier<TargetDatabase> connect = target != null ? target : recordedTarget(review);
            if (profileJson != null) {
                ProfileIO.fromJson(profileJson, file.toString()); // a broken recorded profile fails at open
            }
            return new OpenReview(review, profileJson == null ? null : new LazyRowValidator(review, connect));
        } catch (RuntimeException e) {
            review.close();
            throw e;
        }
    }

    /** Connects to the target the review records: the embedded database, or a server that needs no password. */
    static Supplier<TargetDatabase> recordedTarget(Review review) {
        String url = review.info().targetUrl();
        if (url == null || url.equals(Redaction.url(TargetDatabase.defaultUrl()))) {
            return TargetDatabase::openDefault;
        }
        return () -> TargetDatabase.open(url, null, null);
    }

    public Review review() {
        return review;
    }

    /** Decisions, edits, undo and redo, each saved in the review at once. */
    public ReviewSession session() {
        return session;
    }

    public Path file() {
        return review.file();
    }

    public List<String> columns() {
        return review.columns();
    }

    /** Why edited rows are not validated again, or empty when they are. */
    public Optional<String> revalidationProblem() {
        return validator != null ? Optional.empty() : Optional.of("The review " + review.file().getFileName()
                + " records no mapping profile, so edited rows are not validated again.");
    }

    /** Counts and quality scores as the findings stand now; empty while the review has not been fully validated. */
    public Optional<ValidationSummary> currentSummary() {
        return review.currentSummary();
    }

    /** Whether every row has been validated (the findings say which rows are valid). */
    public boolean isValidated() {
        return review.currentSummary().isPresent();
    }

    /**
     * The rows whose status (in error or not) the latest rule step changed: a rule applied or removed with
     * {@link ApplyRule}, or such a step undone or redone.
     */
    public RowFilter changedByLastRule() {
        return RowFilter.changedByLastRule();
    }

    /** The profile the review records now, or empty for a review only loaded. */
    public Optional<Profile> profile() {
        return validator == null ? Optional.empty() : Optional.of(validator.profile());
    }

    /** The target the review is validated against, connected at the first call; null for a review only loaded. */
    TargetDatabase target() {
        return validator == null ? null : validator.database();
    }

    /** The rows with a finding on this column; fails with one sentence naming the columns when there is no such. */
    public RowFilter column(String header) {
        columnIndex(header);
        return RowFilter.onColumn(header);
    }

    /** The 0-based index of the column with this header; fails with one sentence naming the columns there are. */
    public int columnIndex(String header) {
        return columnIndex(review, header);
    }

    static int columnIndex(Review review, String header) {
        int index = review.columns().indexOf(header);
        if (index < 0) {
            throw SluiceException.input(review.file().getFileName() + " has no column '" + header
                    + "' (columns: " + String.join(", ", review.columns()) + ").");
        }
        return index;
    }

    /**
     * The rows with a finding of this rule; fails with one sentence naming the known rules when no finding of the
     * review, now or at its validation, and no rule of its profile has this id.
     */
    public RowFilter rule(String id) {
        Set<String> known = knownRules();
        if (!known.contains(id)) {
            throw SluiceException.input(review.file().getFileName() + " knows no rule '" + id + "' ("
                    + (known.isEmpty() ? "it has no findings" : "rules: " + String.join(", ", known)) + ").");
        }
        return RowFilter.withRule(id);
    }

    /** These rows; fails with one sentence naming the review's row numbers when one of them is not in the review. */
    public RowFilter rows(List<Long> numbers) {
        List<Long> missing = new ArrayList<>();
        for (long number : numbers) {
            if (!review.ledger().hasRow(number)) {
                missing.add(number);
            }
        }
        if (!missing.isEmpty()) {
            long count = review.rowCount();
            String range = count == 0 ? "it has no rows" : "its rows are numbered "
                    + review.rows(0, 1).get(0).number() + " to " + review.rows(count - 1, 1).get(0).number();
            throw SluiceException.input(review.file().getFileName() + " has no row "
                    + missing.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow()
                    + " (" + range + ").");
        }
        return RowFilter.rows(numbers);
    }

    private Set<String> knownRules() {
        Set<String> known = new TreeSet<>(review.counts().byRule().keySet());
        // the rules found at validation, when edits have since cleared all their findings
        ReviewStager.summary(review).ifPresent(s -> known.addAll(s.byRule().keySet()));
        String profileJson = review.info().profileJson();
        if (profileJson != null) {
            ProfileIO.fromJson(profileJson, review.file().toString()).rules().forEach(r -> {
                if (r.id() != null) {
                    known.add(r.id());
                }
            });
        }
        return known;
    }

    @Override
    public void close() {
        session.close();
        try {
            review.close();
        } finally {
            if (validator != null) {
                validator.close();
            }
        }
    }
}
