package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.ReviewSession;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewStager;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.RowValidator;
import io.sluice.core.review.WorkbookMembers;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
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
    /** Validates edited rows again; null for a review only loaded. */
    private final RowValidator validator;
    private final Supplier<Profile> profile;
    private final Supplier<TargetDatabase> database;
    /** What the validator holds open (a connection), closed with the review; may be null. */
    private final AutoCloseable validatorResources;
    /** How sentences name this review: its file name, or a workbook review's sheet. */
    private final String name;
    private final ReviewSession session;

    private OpenReview(Review review, RowValidator validator, Supplier<Profile> profile,
                       Supplier<TargetDatabase> database, AutoCloseable validatorResources, String name) {
        this.review = review;
        this.validator = validator;
        this.profile = profile;
        this.database = database;
        this.validatorResources = validatorResources;
        this.name = name;
        this.session = ReviewSession.open(review, validator);
    }

    /**
     * Opens the review; {@code target} connects to the database edits are validated against, or null for the
     * target the review records (the embedded database, or a server that needs no password). A workbook review,
     * or one of its sheets, is refused in one sentence: {@link OpenWorkbookReview} opens it.
     */
    public static OpenReview open(Path file, Supplier<TargetDatabase> target) {
        Review review = Review.open(file);
        try {
            WorkbookMembers.requireOneSheet(review, "this");
            String profileJson = review.info().profileJson();
            Supplier<TargetDatabase> connect = target != null ? target : recordedTarget(review);
            if (profileJson != null) {
                ProfileIO.fromJson(profileJson, file.toString()); // a broken recorded profile fails at open
            }
            if (profileJson == null) {
                return new OpenReview(review, null, () -> null, () -> null, null,
                        review.file().getFileName().toString());
            }
            LazyRowValidator lazy = new LazyRowValidator(review, connect);
            return new OpenReview(review, lazy, lazy::profile, lazy::database, lazy,
                    review.file().getFileName().toString());
        } catch (RuntimeException e) {
            review.close();
            throw e;
        }
    }

    /**
     * One sheet of a workbook review, its edits validated by {@code validator}; the sheet is named {@code name} in
     * sentences. The workbook review closes what the validator holds.
     */
    static OpenReview member(Review review, RowValidator validator, Supplier<Profile> profile,
                             Supplier<TargetDatabase> database, String name) {
        return new OpenReview(review, validator, profile, database, null, name);
    }

    /** Connects to the target the review records: the embedded database, or a server that needs no password. */
    static Supplier<TargetDatabase> recordedTarget(Review review) {
        return Target.recordedIn(review.info())::open;
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

    /**
     * The review's columns that the profile it records does not map, and those Sluice added when it sent rows back
     * (neither checked nor imported); none for a review only loaded.
     */
    public UnmappedColumns unmapped() {
        return profile().map(p -> UnmappedColumns.of(p, review.columns())).orElse(UnmappedColumns.none(null));
    }

    /** The profile the review records now, or empty for a review only loaded. */
    public Optional<Profile> profile() {
        return validator == null ? Optional.empty() : Optional.of(profile.get());
    }

    /** The target the review is validated against, connected at the first call; null for a review only loaded. */
    TargetDatabase target() {
        return validator == null ? null : database.get();
    }

    /** The rows with a finding on this column; fails with one sentence naming the columns when there is no such. */
    public RowFilter column(String header) {
        columnIndex(header);
        return RowFilter.onColumn(header);
    }

    /**
     * The rows whose value in this column, as the steward sees it now, is exactly {@code value} (a blank value: the
     * blank rows); fails with one sentence naming the columns when there is no such column.
     */
    public RowFilter value(String header, String value) {
        return RowFilter.valueIs(review, columnIndex(header), value);
    }

    /** The rows whose value in this column is blank; fails with one sentence when there is no such column. */
    public RowFilter blank(String header) {
        return RowFilter.blank(review, columnIndex(header));
    }

    /**
     * The rows whose value in this column has this shape, as the statistics list them ({@code AAA-999999}); fails
     * with one sentence when there is no such column, or when {@code shape} is not a shape (a value such as
     * {@code ABC-123}, or nothing).
     */
    public RowFilter shape(String header, String shape) {
        int column = columnIndex(header);
        if (shape.isBlank()) {
            throw SluiceException.input("Give the shape to look for, e.g. AAA-999 (letters as A, digits as 9).");
        }
        if (!RowFilter.isShape(shape)) {
            throw SluiceException.input("'" + shape + "' is not a value shape: a shape writes every letter as A and"
                    + " every digit as 9, e.g. " + RowFilter.shapeOf(shape) + ".");
        }
        return RowFilter.shapeIs(review, column, shape);
    }

    /**
     * The rows whose value in this column is a number from {@code low} (included) to {@code high} (included when
     * {@code highIncluded}), a null bound leaving its side open; fails with one sentence when there is no such
     * column or the range holds no number.
     */
    public RowFilter numbers(String header, Double low, Double high, boolean highIncluded) {
        int column = columnIndex(header);
        if (low != null && high != null && (highIncluded ? low > high : low >= high)) {
            throw SluiceException.input("The range " + plain(low) + ".." + plain(high) + " holds no number: its start"
                    + " must be below its end.");
        }
        return RowFilter.numbers(review, column, low, high, highIncluded);
    }

    private static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    /** The rows whose value in this column is a date from {@code first} to {@code last}, both included. */
    public RowFilter dates(String header, LocalDate first, LocalDate last) {
        int column = columnIndex(header);
        if (first.isAfter(last)) {
            throw SluiceException.input("The dates " + first + " to " + last + " hold no day: the first must not be"
                    + " after the last.");
        }
        return RowFilter.dates(review, column, first, last);
    }

    /** How many rows {@code filter} matches now. */
    public long count(RowFilter filter) {
        return review.countRows(filter);
    }

    /** How sentences name this review: its file name, or "Sheet Mixes of lab.sluice" for a workbook review's sheet. */
    public String name() {
        return name;
    }

    /** The 0-based index of the column with this header; fails with one sentence naming the columns there are. */
    public int columnIndex(String header) {
        int index = review.columns().indexOf(header);
        if (index < 0) {
            throw SluiceException.input(name + " has no column '" + header + "' (columns: "
                    + String.join(", ", review.columns()) + ").");
        }
        return index;
    }

    /**
     * As {@link #columnIndex}, matching the header also regardless of case and surrounding spaces when no header is
     * exactly it, as the commands that read one column take it.
     */
    int columnIndexIgnoringCase(String header) {
        if (review.columns().contains(header)) {
            return review.columns().indexOf(header);
        }
        for (int i = 0; i < review.columns().size(); i++) {
            if (review.columns().get(i).equalsIgnoreCase(header == null ? "" : header.strip())) {
                return i;
            }
        }
        return columnIndex(header);
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
            throw SluiceException.input(name + " knows no rule '" + id + "' ("
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
            throw SluiceException.input(name + " has no row "
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
            Profile recorded = ProfileIO.fromJson(profileJson, review.file().toString());
            List<io.sluice.core.profile.RuleSpec> rules = new ArrayList<>(recorded.rules());
            recorded.tables().forEach(part -> rules.addAll(part.rules()));
            rules.forEach(r -> {
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
            if (validatorResources != null) {
                try {
                    validatorResources.close();
                } catch (Exception e) {
                    throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
                }
            }
        }
    }
}
