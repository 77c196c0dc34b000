package io.sluice.desktop.review;

import io.sluice.core.review.ReviewSession;
import io.sluice.core.Severity;
import io.sluice.core.review.FindingCounts;
import io.sluice.core.review.ReviewQuery;
import io.sluice.core.review.ReviewQuery.GridRow;
import io.sluice.core.review.RowFilter;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import io.sluice.desktop.task.Work;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The review step's state: which review is open, the grid's filtered and sorted rows (paged from disk), the counts,
 * the undo history, and the steward's actions. Every read and write of the review runs as a background task; the
 * properties change on the JavaFX thread only.
 */
public final class ReviewViewModel {

    /** What the screen shows. */
    public enum State { EMPTY, VALIDATING, OPENING, READY }

    /** Bulk actions on more rows than this ask first. */
    static final long CONFIRM_ABOVE = 100;

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final ReviewValidation validation;
    private final DialogService dialogs;
    private final BiConsumer<String, Throwable> showError;

    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.EMPTY);
    private final StringProperty notice = new SimpleStringProperty("");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObjectProperty<PagedRows> rows = new SimpleObjectProperty<>(new PagedRows(0, n -> { }));
    private final IntegerProperty pageVersion = new SimpleIntegerProperty();
    private final LongProperty shown = new SimpleLongProperty();
    private final ReviewCounts counts = new ReviewCounts();
    private final ObjectProperty<ReviewAccess.Quality> quality = new SimpleObjectProperty<>();
    private boolean dashboardShown;
    private final StringProperty lastReason = new SimpleStringProperty("");
    private final StringProperty lastAction = new SimpleStringProperty("");
    private final ObjectProperty<StatusFilter> statusFilter = new SimpleObjectProperty<>(StatusFilter.ALL);
    private final ObjectProperty<FindingFilter> findingFilter = new SimpleObjectProperty<>(FindingFilter.ALL);
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<ReviewQuery.Sort> sort = new SimpleObjectProperty<>(ReviewQuery.Sort.SOURCE_ORDER);

    private ReviewAccess access;
    private int generation;

    public ReviewViewModel(Workbench workbench, TaskRunner tasks, ReviewValidation validation, DialogService dialogs,
                           BiConsumer<String, Throwable> showError) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.validation = validation;
        this.dialogs = dialogs;
        this.showError = showError;
        workbench.reviewProperty().addListener((obs, old, review) -> {
            if (review == null) {
                closeReview();
            } else if (access == null || !review.equals(access.file())) {
                open(review);
            }
        });
        statusFilter.addListener((obs, o, n) -> {
            if (n != null) {
                requery();
            }
        });
        findingFilter.addListener((obs, o, n) -> {
            if (n != null && !n.sameAs(o)) {
                requery();
            }
        });
        searchText.addListener((obs, o, n) -> requery());
        sort.addListener((obs, o, n) -> requery());
        validation.runningProperty().addListener((obs, o, running) -> showValidation());
        showValidation();
        Path review = workbench.reviewProperty().get();
        if (review != null) {
            open(review);
        }
    }

    /** A validation started from the Mapping step (or "Validate now") shows here while it runs. */
    private void showValidation() {
        if (validation.runningProperty().get()) {
            state.set(State.VALIDATING);
            notice.set("");
        } else if (state.get() == State.VALIDATING) {
            // a cancelled or failed validation leaves the review that was open before on screen
            state.set(access == null ? State.EMPTY : State.READY);
            notice.set(validation.outcomeProperty().get());
        }
    }

    /** Whether a mapped source is there to validate into a new review. */
    public boolean canValidate() {
        return validation.canStart();
    }

    /** Validates the mapped source into a new review now, e.g. again after a cancelled or failed validation. */
    public void validateNow() {
        if (state.get() == State.EMPTY) {
            validation.start();
        }
    }

    private record Opened(ReviewAccess access, long shown, ReviewAccess.Totals totals) {
    }

    /** Opens a review file (closing the one open before) and shows its first rows. */
    public void open(Path review) {
        ReviewAccess previous = access;
        access = null;
        state.set(State.OPENING);
        notice.set("");
        int gen = ++generation;
        RowFilter filter = RowFilter.all();
        TaskHandle handle = tasks.run("Opening review " + review.getFileName(), ctx -> {
            if (previous != null) {
                previous.close();
            }
            ReviewAccess opened = ReviewAccess.open(review, workbench.targetProperty().get());
            try {
                long count = opened.select(filter, ReviewQuery.Sort.SOURCE_ORDER);
                Opened result = new Opened(opened, count, opened.totals());
                if (ctx.isCancelled()) {
                    opened.close();
                }
                return result;
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, opened -> {
            if (gen != generation) {
                opened.access().close();
                return;
            }
            access = opened.access();
            file.set(review);
            // what was said about the previous review does not belong to this one
            lastAction.set("");
            lastReason.set("");
            columns.setAll(access.columns());
            resetFiltersQuietly();
            setRows(opened.shown());
            counts.apply(opened.totals());
            quality.set(null);
            notice.set(access.revalidationProblem() == null ? "" : access.revalidationProblem());
            state.set(State.READY);
            // The dashboard's figures come after the first screen: the grid is what the steward waits for.
            refreshQuality();
        }, error -> failed("Could not open the review " + review.getFileName(), error));
        whenCancelled(handle, State.OPENING, "Opening the review was cancelled.");
    }

    private void closeReview() {
        ReviewAccess previous = access;
        access = null;
        generation++;
        file.set(null);
        lastAction.set("");
        columns.clear();
        setRows(0);
        state.set(State.EMPTY);
        if (previous != null) {
            tasks.quiet("Closing the review", ctx -> {
                previous.close();
                return null;
            }, r -> { });
        }
    }

    /** Called on the JavaFX thread; the grid's filter, as the bulk "what the filter shows" actions apply it. */
    public RowFilter currentFilter() {
        StatusFilter status = statusFilter.get() == null ? StatusFilter.ALL : statusFilter.get();
        FindingFilter finding = findingFilter.get() == null ? FindingFilter.ALL : findingFilter.get();
        RowFilter filter = status.toRowFilter().and(finding.toRowFilter());
        String text = searchText.get() == null ? "" : searchText.get().strip();
        return text.isEmpty() || access == null ? filter : filter.and(access.containing(text));
    }

    private void requery() {
        if (access == null || state.get() != State.READY) {
            return;
        }
        ReviewAccess current = access;
        RowFilter filter = currentFilter();
        ReviewQuery.Sort order = sort.get();
        int gen = ++generation;
        tasks.run("Filtering rows", ctx -> current.select(filter, order), count -> {
            if (gen == generation) {
                setRows(count);
            }
        }, error -> showError.accept("Could not filter the rows", error));
    }

    private void setRows(long count) {
        int gen = generation;
        PagedRows[] list = new PagedRows[1];
        list[0] = new PagedRows(count, page -> fetch(gen, list[0], page));
        shown.set(count);
        rows.set(list[0]);
    }

    /** A page read, or why it could not be: a failed page is asked for again when it is next shown. */
    private record PageRead(List<GridRow> rows, RuntimeException error) {
    }

    private void fetch(int gen, PagedRows list, int page) {
        ReviewAccess current = access;
        if (current == null) {
            return;
        }
        tasks.quiet("Reading rows", ctx -> {
            try {
                return new PageRead(current.page((long) page * PagedRows.PAGE, PagedRows.PAGE), null);
            } catch (RuntimeException e) {
                return new PageRead(List.of(), e);
            }
        }, read -> {
            if (read.error() != null) {
                list.pageFailed(page);
                showError.accept("Could not read rows of the review", read.error());
            } else if (gen == generation && list == rows.get()) {
                list.pageArrived(page, read.rows());
                pageVersion.set(pageVersion.get() + 1);
                if (page == 0) {
                    // a column sort ordered only its first rows; the rest is ordered while the steward reads them
                    tasks.quiet("Ordering the remaining rows", ctx -> current.completeOrder(), done -> { });
                }
            }
        });
    }

    // ---- the steward's actions

    /**
     * Approves the rows at these grid positions (as one undoable step). Rows with errors are approved only after
     * the steward confirms, told how many of the selection have errors; so is a selection of more than
     * {@link #CONFIRM_ABOVE} rows.
     */
    public void approve(List<Integer> positions) {
        List<GridRow> selected = loadedRows(positions);
        if (selected.isEmpty()) {
            return;
        }
        List<GridRow> withErrors = selected.stream().filter(ReviewViewModel::hasErrors).toList();
        boolean confirmed = withErrors.isEmpty()
                ? selected.size() <= CONFIRM_ABOVE || confirmBulk(selected.size(), "Approve the selected rows?")
                : dialogs.confirm(selected.size() == 1 ? "Approve row " + selected.get(0).row() + "? It has errors."
                        : String.format("Approve %,d rows? %,d of them %s errors.", selected.size(),
                        withErrors.size(), withErrors.size() == 1 ? "has" : "have"), errorsText(withErrors),
                "Approve anyway");
        if (!confirmed) {
            lastAction.set("Nothing approved.");
            return;
        }
        List<Long> numbers = selected.stream().map(GridRow::row).toList();
        act("Approving", s -> {
            if (numbers.size() == 1) {
                s.approve(numbers.get(0));
            } else {
                s.approveAll(RowFilter.rows(numbers));
            }
            return numbers.size() == 1 ? "Approved row " + numbers.get(0) + "."
                    : "Approved " + numbers.size() + " rows.";
        });
    }

    /** Asks for a reason, then rejects the rows at these grid positions with it; nothing when cancelled. */
    public void rejectSelected(List<Integer> positions) {
        List<GridRow> selected = loadedRows(positions);
        if (!selected.isEmpty()) {
            String what = selected.size() == 1 ? "row " + selected.get(0).row()
                    : String.format("%,d rows", selected.size());
            askReason("Reject " + what).ifPresent(reason -> reject(positions, reason));
        }
    }

    /** Rejects the rows at these grid positions with one reason, remembered for the next rejection. */
    public void reject(List<Integer> positions, String reason) {
        List<Long> numbers = rowNumbers(positions);
        if (!numbers.isEmpty()) {
            lastReason.set(reason);
            act("Rejecting", s -> {
                if (numbers.size() == 1) {
                    s.reject(numbers.get(0), reason);
                } else {
                    s.rejectAll(RowFilter.rows(numbers), reason);
                }
                return numbers.size() == 1 ? "Rejected row " + numbers.get(0) + "."
                        : "Rejected " + numbers.size() + " rows.";
            });
        }
    }

    /** Approves every pending row without errors; more than {@link #CONFIRM_ABOVE} of them ask first. */
    public void approveAllValid() {
        if (confirmBulk(validPending(), "Approve all valid pending rows?")) {
            act("Approving valid rows", s -> "Approved " + s.approveAll(RowFilter.pending().and(RowFilter.valid()))
                    + " valid rows.");
        }
    }

    /** Asks for a reason, then rejects every pending row with an error finding. */
    public void rejectAllWithErrors() {
        askReason("Reject all pending rows with errors").ifPresent(this::rejectAllWithErrors);
    }

    /** Rejects every pending row with an error finding. */
    public void rejectAllWithErrors(String reason) {
        lastReason.set(reason);
        act("Rejecting rows with errors", s -> "Rejected " + s.rejectAll(
                RowFilter.pending().and(RowFilter.withErrors()), reason) + " rows with errors.");
    }

    /**
     * Approves every row the grid's filter shows, after asking when they are many or may have errors (the
     * question says how many rows of the review have errors, as the filter shows all or some of them).
     */
    public void approveShown() {
        long rowsShown = shown.get();
        long errors = findingFilter.get() != null && findingFilter.get().kind() == FindingFilter.Kind.VALID ? 0
                : Math.min(rowsShown, rowsWithErrors());
        boolean confirmed = errors > 0
                ? dialogs.confirm(String.format("Approve the %,d rows shown? Up to %,d of them have errors.",
                        rowsShown, errors), String.format("The filter shows %,d rows and the review has %,d rows with"
                        + " errors; those among the rows shown are approved too. Undo takes it back as one step.",
                        rowsShown, rowsWithErrors()), "Approve anyway")
                : confirmBulk(rowsShown, "Approve the rows shown?");
        if (confirmed) {
            RowFilter filter = currentFilter();
            act("Approving the rows shown", s -> "Approved " + s.approveAll(filter) + " rows.");
        } else {
            lastAction.set("Nothing approved.");
        }
    }

    /** Asks for a reason, then rejects every row the grid's filter shows. */
    public void rejectShown() {
        askReason(String.format("Reject the %,d rows shown", shown.get())).ifPresent(this::rejectShown);
    }

    /** Rejects every row the grid's filter shows. */
    public void rejectShown(String reason) {
        lastReason.set(reason);
        RowFilter filter = currentFilter();
        act("Rejecting the rows shown", s -> "Rejected " + s.rejectAll(filter, reason) + " rows.");
    }

    private boolean confirmBulk(long rowCount, String header) {
        return rowCount <= CONFIRM_ABOVE || dialogs.confirm(header, String.format(
                "This decides up to %,d rows at once. Undo takes it back as one step.", rowCount), "Approve");
    }

    private Optional<String> askReason(String header) {
        return dialogs.askReason(header, "Why? (kept with each row's decision)", lastReason.get());
    }

    private long rowsWithErrors() {
        FindingCounts findings = counts.findingsProperty().getValue();
        return findings == null ? 0 : findings.rowsWithErrors();
    }

    private long validPending() {
        return Math.max(0, counts.pendingProperty().getValue().longValue() - rowsWithErrors());
    }

    /** Whether a row has at least one error, on a cell or on the row as a whole. */
    static boolean hasErrors(GridRow row) {
        return row.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The first rows' first error messages, for the question before approving them. */
    private static String errorsText(List<GridRow> withErrors) {
        StringBuilder text = new StringBuilder();
        withErrors.stream().limit(3).forEach(row -> row.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR).findFirst()
                .ifPresent(f -> text.append("Row ").append(row.row()).append(": ")
                        .append(f.cell() == null ? "" : f.cell() + ": ").append(f.message()).append('\n')));
        if (withErrors.size() > 3) {
            text.append(String.format("… and %,d more.%n", withErrors.size() - 3));
        }
        return text.append("\nApproved, they go to the commit as they are; Undo takes it back.").toString();
    }

    /** Sets one cell's text; the row is validated again at once and its colouring follows. */
    public void edit(int position, int column, String text) {
        List<Long> numbers = rowNumbers(List.of(position));
        if (!numbers.isEmpty()) {
            long row = numbers.get(0);
            act("Editing row " + row, s -> {
                int findings = s.edit(row, column, text).size();
                return "Row " + row + " edited: " + (findings == 0 ? "no findings now." : findings + " finding"
                        + (findings == 1 ? "" : "s") + " now.");
            });
        }
    }

    public void undo() {
        if (counts.canUndo().get()) {
            String what = counts.undoDescriptionProperty().getValue();
            act("Undoing", s -> s.undo() ? "Undone: " + what + "." : "Nothing to undo.");
        }
    }

    public void redo() {
        if (counts.canRedo().get()) {
            String what = counts.redoDescriptionProperty().getValue();
            act("Redoing", s -> s.redo() ? "Redone: " + what + "." : "Nothing to redo.");
        }
    }

    /**
     * Whether the quality dashboard is on screen: showing it reads its figures again, and while it shows, every
     * decision, edit, undo and redo reads them again too, so its scores never lag behind the rows.
     */
    public void setDashboardShown(boolean shown) {
        dashboardShown = shown;
        if (shown) {
            refreshQuality();
        }
    }

    /** Reads the dashboard's figures again (they change as rows are edited). */
    public void refreshQuality() {
        ReviewAccess current = access;
        if (current != null) {
            tasks.quiet("Reading the quality figures", ctx -> current.quality(), q -> {
                if (current == access) {
                    quality.set(q);
                }
            });
        }
    }

    private record Acted(String message, ReviewAccess.Totals totals) {
    }

    private void act(String title, Function<ReviewSession, String> action) {
        ReviewAccess current = access;
        if (current == null) {
            return;
        }
        Work<Acted> work = ctx -> new Acted(current.act(action), current.totals());
        tasks.run(title, work, acted -> {
            if (current == access) {
                lastAction.set(acted.message());
                counts.apply(acted.totals());
                rows.get().markStale();
                pageVersion.set(pageVersion.get() + 1);
                if (dashboardShown) {
                    refreshQuality();
                }
            }
        }, error -> showError.accept(title + " failed", error));
    }

    private List<GridRow> loadedRows(List<Integer> positions) {
        List<GridRow> loaded = new ArrayList<>();
        for (int position : positions) {
            GridRow row = loadedRow(position);
            if (row != null) {
                loaded.add(row);
            }
        }
        return loaded;
    }

    private List<Long> rowNumbers(List<Integer> positions) {
        List<Long> numbers = new ArrayList<>();
        for (int position : positions) {
            GridRow row = position >= 0 && position < rows.get().size() ? rows.get().loaded(position) : null;
            if (row != null) {
                numbers.add(row.row());
            }
        }
        return numbers;
    }

    /** Called before the state is READY, so the listeners do not query again. */
    private void resetFiltersQuietly() {
        statusFilter.set(StatusFilter.ALL);
        findingFilter.set(FindingFilter.ALL);
        searchText.set("");
        sort.set(ReviewQuery.Sort.SOURCE_ORDER);
    }

    private void failed(String title, Throwable error) {
        state.set(State.EMPTY);
        showError.accept(title, error);
    }

    private void whenCancelled(TaskHandle handle, State during, String message) {
        Consumer<Boolean> check = done -> {
            if (done && state.get() == during) {
                state.set(State.EMPTY);
                notice.set(message);
            }
        };
        handle.doneProperty().addListener((obs, o, done) -> check.accept(done));
        check.accept(handle.doneProperty().get());
    }

    // ---- properties

    public ObservableValue<State> stateProperty() {
        return state;
    }

    /** A line worth telling the steward (e.g. edits are not validated again, or a cancel), or empty. */
    public ObservableValue<String> noticeProperty() {
        return notice;
    }

    public ObservableValue<Path> fileProperty() {
        return file;
    }

    /** Source column headers of the open review. */
    public ObservableList<String> columns() {
        return columns;
    }

    /** The grid's items; a new list for each filter or sort. */
    public ObservableValue<PagedRows> rowsProperty() {
        return rows;
    }

    /** Changes each time rows arrive or change on disk: the grid redraws its visible cells. */
    public ObservableValue<Number> pageVersionProperty() {
        return pageVersion;
    }

    /** Decision and finding counts and the undo history, kept up to date after each action. */
    public ReviewCounts counts() {
        return counts;
    }

    /** Rows the filter shows. */
    public ObservableValue<Number> shownProperty() {
        return shown;
    }

    ObservableValue<ReviewAccess.Quality> qualityProperty() {
        return quality;
    }

    /** The last reject reason, offered again for the next rejection. */
    public ObservableValue<String> lastReasonProperty() {
        return lastReason;
    }

    /** What the last action did, e.g. "Rejected 12 rows." */
    public ObservableValue<String> lastActionProperty() {
        return lastAction;
    }

    public ObjectProperty<StatusFilter> statusFilterProperty() {
        return statusFilter;
    }

    public ObjectProperty<FindingFilter> findingFilterProperty() {
        return findingFilter;
    }

    /** Substring searched in every cell; set it when the steward has finished typing. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<ReviewQuery.Sort> sortProperty() {
        return sort;
    }

    /** The row at a grid position if it is loaded, else null (nothing is read). */
    public GridRow loadedRow(int position) {
        PagedRows list = rows.get();
        return position >= 0 && position < list.size() ? list.loaded(position) : null;
    }

    /** Closes the open review, e.g. when the window closes. */
    public void close() {
        closeReview();
    }
}
