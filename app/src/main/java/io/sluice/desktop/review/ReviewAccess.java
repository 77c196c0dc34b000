package io.sluice.desktop.review;

import io.sluice.core.review.ReviewSession;
import io.sluice.core.rules.Finding;
import io.sluice.core.Progress;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.review.FixOutcome;
import io.sluice.core.usecase.FixValues;
import io.sluice.core.usecase.OpenReview;
import io.sluice.core.usecase.OpenWorkbookReview;
import io.sluice.core.usecase.SuggestCorrections;
import io.sluice.core.usecase.ValidateWorkbookReview;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.review.DecisionCounts;
import io.sluice.core.review.FindingCounts;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewQuery;
import io.sluice.core.review.RowFilter;
import io.sluice.desktop.TargetChoice;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One open review with its session and grid query, used from background tasks. A review (one SQLite connection)
 * must be used by one thread at a time while tasks run on a pool, so every call goes through one lock. A workbook
 * review (a profile onto several tables) shows one sheet at a time: the grid, filters and counts are that sheet's,
 * and every change goes through the workbook's use case, which checks the other sheets' references again.
 */
final class ReviewAccess implements AutoCloseable {

    /** Findings-per-row buckets for the dashboard: 0, 1, 2, 3, 4 or more. */
    static final int ROW_BUCKETS = 5;

    /**
     * What the screen shows besides the grid, read in one go after each change; for a workbook review, every
     * sheet's counts too (parents' sheets first), since a change on one sheet may change another's findings, and
     * which sheet's the decisions, findings and undo are ({@code sheet}; null for the review of one sheet).
     */
    record Totals(DecisionCounts decisions, FindingCounts findings, Optional<String> undo, Optional<String> redo,
                  List<SheetTotals> sheets, String sheet) {

        Totals {
            sheets = List.copyOf(sheets);
        }
    }

    /** One sheet of a workbook review: the tables made from it, its decisions and its findings. */
    record SheetTotals(String sheet, List<String> tables, DecisionCounts decisions, FindingCounts findings) {
    }

    /**
     * What the dashboard shows: the counts and scores as the findings stand now (absent for a review validated only
     * part-way).
     */
    record Quality(Optional<ValidationSummary> summary, Map<Integer, Long> findingsPerRow) {
    }

    /** The workbook review whose sheet is shown; null for the review of one sheet. */
    private final OpenWorkbookReview workbook;
    // the sheet shown changes under the lock; the filters read the review without it, so they see the latest
    private volatile String sheet;
    private volatile OpenReview opened;
    private volatile Review review;
    private ReviewSession session;
    private ReviewQuery query;
    private ReviewChanges changes;
    private boolean closed;
    /** Views begun ({@link #selectFirst}) that wait for the lock: a slice of the search index gives way to them. */
    private final AtomicInteger viewsWaiting = new AtomicInteger();

    private ReviewAccess(OpenReview opened) {
        this.workbook = null;
        show(opened, ReviewChanges.of(opened.session()));
    }

    private ReviewAccess(OpenWorkbookReview workbook) {
        this.workbook = workbook;
        showSheet(workbook.sheets().get(0));
    }

    private void show(OpenReview shown, ReviewChanges through) {
        this.opened = shown;
        this.review = shown.review();
        this.session = shown.session();
        this.query = new ReviewQuery(review);
        this.changes = through;
    }

    /**
     * Opens the review; edits are validated again with the profile the review records, against {@code target}
     * (connected at the first edit). A review without a profile opens too, and its edits are not validated.
     */
    static ReviewAccess open(Path file, TargetChoice target) {
        if (ValidateWorkbookReview.isWorkbookReview(file)) {
            OpenWorkbookReview workbook = OpenWorkbookReview.open(file, target::open);
            try {
                return new ReviewAccess(workbook);
            } catch (RuntimeException e) {
                workbook.close();
                throw e;
            }
        }
        return new ReviewAccess(OpenReview.open(file, target::open));
    }

    /** The review file opened: a workbook review's own file, not its sheet's. */
    Path file() {
        return workbook == null ? review.file() : workbook.file();
    }

    /** A workbook review's sheets, parents' sheets first; empty for the review of one sheet. */
    List<String> sheets() {
        return workbook == null ? List.of() : workbook.sheets();
    }

    /** The workbook review's sheet shown, or null for the review of one sheet. */
    String sheet() {
        return sheet;
    }

    /** Shows another sheet of the workbook review: the grid, filters and counts become that sheet's. */
    synchronized void showSheet(String name) {
        OpenReview member = workbook.sheet(name);
        String shown = workbook.sheets().stream().filter(s -> s.equals(name)).findFirst().orElse(name);
        show(member, new WorkbookSheetChanges(workbook, shown));
        sheet = shown;
    }

    List<String> columns() {
        return review.columns();
    }

    /** Why edits are not validated again, or null when they are. */
    String revalidationProblem() {
        return opened.revalidationProblem().orElse(null);
    }

    /** The filter for a substring in any cell; reads nothing, so it needs no lock. */
    RowFilter containing(String text) {
        return RowFilter.containing(review, text);
    }

    /** The rows whose value in {@code header} is exactly {@code value}; reads nothing, so it needs no lock. */
    RowFilter value(String header, String value) {
        return opened.value(header, value);
    }

    /** The rows whose value in {@code header} has this shape; reads nothing, so it needs no lock. */
    RowFilter shape(String header, String shape) {
        return opened.shape(header, shape);
    }

    /** The rows whose number in {@code header} is in a histogram bar's range; reads nothing, so it needs no lock. */
    RowFilter numbers(String header, double from, double to, boolean toIncluded) {
        return opened.numbers(header, from, to, toIncluded);
    }

    /** The rows whose date in {@code header} is from {@code first} to {@code last}; reads nothing, so no lock. */
    RowFilter dates(String header, LocalDate first, LocalDate last) {
        return opened.dates(header, first, last);
    }

    /**
     * The first rows of a view and its first page, read in one go so that the grid can draw real rows at once.
     *
     * @param rows      rows in the view: its count when {@code counted}, else those found so far
     * @param counted   whether {@code rows} is the count of the rows the filter matches
     * @param firstPage the rows at positions 0 to {@link PagedRows#PAGE}
     */
    record FirstRows(long rows, boolean counted, List<ReviewQuery.GridRow> firstPage) {
    }

    /**
     * Begins a view: for a view in row order, only up to its first {@link ReviewQuery#FIRST_MATCHES} rows (see
     * {@link ReviewQuery#selectFirst}); {@link #completeView} does the rest.
     */
    FirstRows selectFirst(RowFilter filter, ReviewQuery.Sort sort) {
        return selectFirst(filter, sort, () -> false);
    }

    /** As {@link #selectFirst(RowFilter, ReviewQuery.Sort)}, stopped once {@code stop} says a newer view is wanted. */
    FirstRows selectFirst(RowFilter filter, ReviewQuery.Sort sort, BooleanSupplier stop) {
        // the slice of the search index in hand gives way, instead of holding the new view up for the rest of it
        viewsWaiting.incrementAndGet();
        synchronized (this) {
            viewsWaiting.decrementAndGet();
            long rows = query.selectFirst(filter, sort, stop);
            return new FirstRows(rows, query.counted(), query.page(0, PagedRows.PAGE));
        }
    }

    /**
     * Completes the view whose first rows are on screen: orders the rest of a column sort, or finds the rest of
     * the matches of a view in row order; returns the count of the view's rows. See {@link
     * ReviewQuery#completeOrder}.
     */
    synchronized long completeView() {
        query.completeOrder();
        return query.size();
    }

    synchronized List<ReviewQuery.GridRow> page(long from, int limit) {
        return query.page(from, limit);
    }

    synchronized Totals totals() {
        List<SheetTotals> sheets = new ArrayList<>();
        if (workbook != null) {
            for (String name : workbook.sheets()) {
                OpenReview member = workbook.sheet(name);
                sheets.add(new SheetTotals(name, workbook.tablesOf(name), member.session().counts(),
                        member.review().counts()));
            }
        }
        return new Totals(session.counts(), review.counts(), session.undoDescription(), session.redoDescription(),
                sheets, sheet);
    }

    synchronized Quality quality() {
        return new Quality(opened.currentSummary(), query.findingsPerRow(ROW_BUCKETS));
    }

    synchronized long rowCount() {
        return review.rowCount();
    }

    /**
     * Runs one of the steward's changes (approve, reject, edit, undo, ...) under the review's lock, on {@code onSheet}
     * of a workbook review: the sheet shown when the steward asked, which another sheet may have replaced since
     * (its rows' numbers and its undo history are that sheet's). Ignored for the review of one sheet.
     */
    synchronized <T> T act(String onSheet, Function<ReviewChanges, T> action) {
        boolean elsewhere = workbook != null && onSheet != null && !onSheet.equals(sheet);
        return action.apply(elsewhere ? new WorkbookSheetChanges(workbook, onSheet) : changes);
    }

    /**
     * Applies a value fix as one undoable step; on a workbook review's sheet ({@code onSheet}, the one shown when
     * the steward asked) through the workbook, which then checks the other sheets' references again.
     */
    synchronized FixOutcome fix(String onSheet, FixValues.Request request, Progress progress) {
        return workbook == null ? FixValues.apply(opened, request, progress)
                : workbook.fix(onSheet == null ? sheet : onSheet, request, progress);
    }

    /** Runs a use case on the open review (statistics, a fix's preview) under the review's lock. */
    synchronized <T> T use(Function<OpenReview, T> useCase) {
        return useCase.apply(opened);
    }

    /**
     * As {@link #use}, on {@code onSheet} of a workbook review (the sheet shown when the steward asked), which another
     * sheet may have replaced since; on the review of one sheet, {@code onSheet} is null.
     */
    synchronized <T> T use(String onSheet, Function<OpenReview, T> useCase) {
        return useCase.apply(workbook == null || onSheet == null ? opened : workbook.sheet(onSheet));
    }

    /**
     * The fix suggestions of the review, or of {@code onSheet} of a workbook review (the sheet shown when the steward
     * asked), from the known sets of every table the sheet feeds and the parents' keys in the target and its sheets.
     *
     * @param target the target of a one-sheet review's valid values; a workbook review reads its own
     */
    synchronized SuggestCorrections.Outcome suggestions(String onSheet, Supplier<TargetDatabase> target) {
        return workbook == null ? SuggestCorrections.run(opened.file(), target, null)
                : SuggestCorrections.run(workbook, onSheet == null ? sheet : onSheet, null);
    }

    /**
     * Adds the next slice of the shown review's (or sheet's) rows to its search index; returns whether rows are
     * left. Each call holds the lock for one slice only, so that the grid's reads come in between.
     */
    synchronized boolean indexSearchNext() {
        return !closed && review.indexSearchNext(() -> viewsWaiting.get() > 0);
    }

    /** The rows of the shown review (or sheet) its search index is to hold; none once the review is closed. */
    synchronized long rowsToIndex() {
        return closed ? 0 : review.rowCount();
    }

    synchronized List<Finding> findings(long row) {
        return session.findings(row);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (workbook == null) {
            opened.close();
        } else {
            workbook.close();
        }
    }
}
