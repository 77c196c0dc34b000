package io.sluice.desktop.review;

import io.sluice.core.review.ReviewQuery;
import io.sluice.core.review.ReviewQuery.GridRow;
import io.sluice.core.review.RowFilter;
import io.sluice.core.usecase.ImportReadiness;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.Step;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.Debounce;
import io.sluice.desktop.task.Latest;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * The review step's state: which review is open, the grid's filtered and sorted rows (paged from disk), the counts
 * and the quality figures. The filter is {@link ReviewFilters}, the steward's decisions and edits are
 * {@link ReviewActions}. Every read and write of the review runs as a background task; the properties change on the
 * JavaFX thread only.
 */
public final class ReviewViewModel {

    /** What the screen shows. */
    public enum State {
        EMPTY, VALIDATING, OPENING, READY;

        /** What the busy panel says while the review is made or opened. */
        public String busyText() {
            return this == VALIDATING ? "Validating the source into a new review…" : "Opening the review…";
        }
    }

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final ReviewValidation validation;
    private final BiConsumer<String, Throwable> showError;
    private final ReviewFilters filters;
    private final ReviewActions actions;

    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.EMPTY);
    private final StringProperty notice = new SimpleStringProperty("");
    /** Whether the review on screen was committed (see {@link CommittedNote}). */
    private final TargetLine committed;
    /** Whether it can be imported now: the "Import: " line {@code sluice review} prints. */
    private final TargetLine importable;
    /** What the notice line shows: whether the review was committed, then the notice. */
    private final StringBinding shownNotice;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ReviewCounts counts = new ReviewCounts();
    private final WorkbookSheets workbookSheets = new WorkbookSheets();
    private final ReviewDashboard dashboard;
    private final Latest queries = new Latest();
    private final ShownRows rows;
    private final SearchIndexing indexing;
    /** Runs what may wait until the grid has drawn a new view's first rows (see {@link ShownRows}). */
    private final Executor afterShown;
    private ReviewAccess access;
    /** The first rows of the review or sheet on screen as it opened: the grid sizes its columns by them. */
    private List<ReviewQuery.GridRow> firstPage = List.of();
    /** Whether another sheet of the workbook review is being opened (not the review itself). */
    private boolean openingSheet;
    /** A sheet chosen while another was being opened, shown once that one is. */
    private String chosenWhileOpening;

    /** Search text typed counts once typing pauses on the JavaFX timer. */
    public ReviewViewModel(Workbench workbench, TaskRunner tasks, ReviewValidation validation, DialogService dialogs,
                           BiConsumer<String, Throwable> showError) {
        this(workbench, tasks, validation, dialogs, showError, null);
    }

    /**
     * {@code typingPause} waits for typing to pause in the search field; null: the JavaFX timer. A new view is
     * counted (or its order completed) as soon as its first rows are there.
     */
    public ReviewViewModel(Workbench workbench, TaskRunner tasks, ReviewValidation validation, DialogService dialogs,
                           BiConsumer<String, Throwable> showError, Debounce.Delay typingPause) {
        this(workbench, tasks, validation, dialogs, showError, typingPause, Runnable::run);
    }

    /**
     * As above; {@code afterShown} runs the count of a new view (or the rest of its order) once the grid has drawn
     * its first rows: {@link io.sluice.desktop.task.AfterPulse#fx()} on screen, so that the count does not take a
     * processor from the pulse that lays the rows out.
     */
    public ReviewViewModel(Workbench workbench, TaskRunner tasks, ReviewValidation validation, DialogService dialogs,
                           BiConsumer<String, Throwable> showError, Debounce.Delay typingPause,
                           Executor afterShown) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.validation = validation;
        this.showError = showError;
        this.filters = new ReviewFilters(typingPause == null ? Debounce.fxTimer() : typingPause, this::requery);
        this.actions = new ReviewActions(this, tasks, dialogs, showError);
        this.dashboard = new ReviewDashboard(tasks, this::access);
        this.afterShown = afterShown;
        this.committed = CommittedNote.line(tasks);
        this.importable = new TargetLine(tasks, review -> "Checking whether " + review.getFileName()
                + " can be imported", (review, target) -> ImportReadiness.of(review, target.target()).answer(),
                "Import: cannot tell: ");
        this.shownNotice = Bindings.createStringBinding(() -> String.join(" ", List.of(committed.textProperty().get(),
                notice.get()).stream().filter(t -> !t.isEmpty()).toList()), committed.textProperty(), notice);
        // the Review step shown again after a commit says so at once
        workbench.stepProperty().addListener((obs, old, step) -> {
            if (step == Step.REVIEW && access != null) {
                committed.check(access.file(), workbench.targetProperty().get());
                importable.check(access.file(), workbench.targetProperty().get());
            }
        });
        this.rows = new ShownRows(tasks, queries, this::access, counts, showError, afterShown);
        this.indexing = new SearchIndexing(tasks, problem -> {
            if (notice.get().isEmpty()) {
                notice.set(problem);
            }
        });
        workbench.reviewedSheetProperty().bind(workbookSheets.workbookSheetProperty());
        workbench.reviewProperty().addListener((obs, old, review) -> {
            if (review == null) {
                closeReview();
            } else if (access == null || !review.equals(access.file())) {
                open(review);
            }
        });
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

    /** The empty screen's one button: validate the mapped source, or go and map one. */
    public void validateOrGoToMapping() {
        if (canValidate()) {
            validateNow();
        } else {
            workbench.stepProperty().set(Step.MAPPING);
        }
    }

    /** The empty screen's title. */
    public String emptyTitle() {
        return canValidate() ? "Validate the mapped source" : "Map a source first";
    }

    /** The empty screen's button. */
    public String emptyAction() {
        return canValidate() ? "_Validate now" : "Go to _Mapping";
    }

    /** The empty screen's text: what was said last (a cancel, a failure), then what to do. */
    public String emptyText() {
        String said = notice.get().isEmpty() ? "" : notice.get() + "\n\n";
        return said + (canValidate()
                ? "Validating checks every row against the mapping and the target table, and saves the rows with"
                + " their findings in a review file you can come back to."
                : "The review shows each row of your file with its findings. Load a source and confirm its"
                + " mapping, or open a review you saved earlier.");
    }

    /** Where the Open Review dialog starts. */
    public Path reviewsDirectory() {
        return validation.reviewsDirectory();
    }

    /** Opens a saved review chosen by the steward, as the File menu does. */
    public void openSaved(Path review) {
        workbench.openReview(review);
    }

    private record Opened(ReviewAccess access, ReviewAccess.FirstRows first, ReviewAccess.Totals totals) {
    }

    /** Opens a review file (closing the one open before) and shows its first rows. */
    public void open(Path review) {
        ReviewAccess previous = access;
        access = null;
        indexing.stop();
        forgetSheetOpening();
        state.set(State.OPENING);
        notice.set("");
        committed.forget(); // the review opened before may have been committed; this one is asked once it shows
        importable.forget();
        Latest.Request request = queries.next();
        RowFilter filter = RowFilter.all();
        TaskHandle handle = tasks.run("Opening review " + review.getFileName(), ctx -> {
            if (previous != null) {
                previous.close();
            }
            ReviewAccess opened = ReviewAccess.open(review, workbench.targetProperty().get());
            try {
                // the first page comes with the first rows, so that the grid's first layout draws real rows
                Opened result = new Opened(opened, opened.selectFirst(filter, ReviewQuery.Sort.SOURCE_ORDER),
                        opened.totals());
                if (ctx.isCancelled()) {
                    opened.close();
                }
                return result;
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
        }, request.then(opened -> {
            access = opened.access();
            file.set(review);
            actions.forget();
            showFirstScreen(opened);
            notice.set(access.revalidationProblem() == null ? "" : access.revalidationProblem());
            state.set(State.READY);
            // The dashboard's figures come after the first screen (the grid is what the steward waits for), and
            // only when the dashboard is on screen: choosing its tab reads them. So does whether the review was
            // committed, which asks the target.
            afterShown.execute(dashboard::changed);
            TargetChoice target = workbench.targetProperty().get();
            afterShown.execute(() -> committed.check(review, target));
            afterShown.execute(() -> importable.check(review, target));
            indexing.start(opened.access());
        }, stale -> stale.access().close()), error -> failed("Could not open the review " + review.getFileName(),
                error));
        handle.whenCancelled(() -> {
            if (state.get() == State.OPENING) {
                state.set(State.EMPTY);
                notice.set("Opening the review was cancelled.");
            }
        });
    }

    /**
     * Shows another sheet of the open workbook review: its rows from the first, unfiltered, with its counts; the
     * other sheets keep their decisions and edits.
     */
    public void showSheet(String sheet) {
        ReviewAccess current = access;
        if (current != null && sheet != null && openingSheet) {
            // another sheet is being opened: this one follows it, as the steward chose last
            chosenWhileOpening = sheet;
            return;
        }
        if (current == null || sheet == null || sheet.equals(current.sheet()) || state.get() != State.READY) {
            return;
        }
        // not READY while the sheet changes, so that resetting the filters queries nothing
        state.set(State.OPENING);
        openingSheet = true;
        Latest.Request request = queries.next();
        tasks.run("Opening sheet " + sheet, ctx -> {
            current.showSheet(sheet);
            return new Opened(current, current.selectFirst(RowFilter.all(), ReviewQuery.Sort.SOURCE_ORDER),
                    current.totals());
        }, request.then(opened -> {
            String chosenSince = chosenWhileOpening;
            showFirstScreen(opened);
            // the sheet chooser follows the sheet shown, which is not a choice of the steward's
            chosenWhileOpening = null;
            openingSheet = false;
            state.set(State.READY);
            afterShown.execute(dashboard::changed);
            indexing.start(current);
            if (chosenSince != null) {
                showSheet(chosenSince);
            }
        }), error -> {
            chosenWhileOpening = null;
            openingSheet = false;
            state.set(State.READY);
            workbookSheets.show(current.sheets(), current.sheet());
            showError.accept("Could not open sheet " + sheet, error);
        });
    }

    /**
     * Shows the first screen of a review or sheet just opened: its columns, its first rows unfiltered, its counts
     * and the sheets' lines. Called before the state is READY, so that resetting the filters queries nothing.
     */
    private void showFirstScreen(Opened opened) {
        ReviewAccess shown = opened.access();
        // the sheet first: the column tools forget the previous sheet's column before the counts make them count
        workbookSheets.show(shown.sheets(), shown.sheet());
        firstPage = opened.first().firstPage();
        columns.setAll(shown.columns());
        filters.reset();
        rows.show(opened.first());
        counts.apply(opened.totals());
        workbookSheets.apply(opened.totals().sheets());
        dashboard.clear();
    }

    /** A sheet being opened is superseded (another review, or none): its end will not come. */
    private void forgetSheetOpening() {
        openingSheet = false;
        chosenWhileOpening = null;
    }

    private void closeReview() {
        ReviewAccess previous = access;
        access = null;
        indexing.stop();
        forgetSheetOpening();
        queries.supersede();
        file.set(null);
        actions.forget();
        committed.forget();
        importable.forget();
        workbookSheets.show(List.of(), null);
        columns.clear();
        rows.show(new ReviewAccess.FirstRows(0, true, List.of()));
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
        return filters.rowFilter(access);
    }

    private void requery() {
        if (access == null || state.get() != State.READY) {
            return;
        }
        ReviewAccess current = access;
        RowFilter filter = currentFilter();
        ReviewQuery.Sort order = filters.sortProperty().get();
        Latest.Request request = queries.next();
        // a view superseded before its first rows are found stops (a search reading every row, say)
        request.track(tasks.run("Filtering rows", ctx -> current.selectFirst(filter, order, ctx::isCancelled),
                request.then(rows::show), error -> showError.accept("Could not filter the rows", error)));
    }

    /** The workbook review's sheet on screen (the one an action asked now is for), or null. */
    String sheetShown() {
        return workbookSheets.shownProperty().get();
    }

    /** The open review, or null; the actions act on it. */
    ReviewAccess access() {
        return access;
    }

    /**
     * An action changed rows on disk: the counts, the grid's cells and the dashboard follow. When it may have
     * changed cells ({@code cells}: an edit, a fix, an undo or a redo) under a value filter, the grid's rows are
     * selected again, since rows may have moved in or out of the filter; a decision keeps the rows and the
     * selection on screen, as it does under the status filter.
     */
    void changed(ReviewAccess.Totals totals, boolean cells) {
        workbookSheets.apply(totals.sheets());
        if (access != null) {
            // a decision, edit or fix may change whether the review can be imported, on any sheet
            importable.check(access.file(), workbench.targetProperty().get());
        }
        if (!Objects.equals(totals.sheet(), sheetShown())) {
            // counted for a sheet no longer on screen: its line is up to date, the sheet shown was read after it
            dashboard.changed();
            return;
        }
        counts.apply(totals);
        if (cells && filters.hasValueFilter()) {
            requery();
        } else {
            rows.changedOnDisk();
        }
        dashboard.changed();
    }

    private void failed(String title, Throwable error) {
        state.set(State.EMPTY);
        showError.accept(title, error);
    }

    /**
     * What the side panel says about the selected rows: the first one's number, decision and findings, and how
     * many more are selected.
     */
    public String selectionText(List<Integer> positions) {
        GridRow row = positions.isEmpty() ? null : loadedRow(positions.get(0));
        if (row == null) {
            return positions.size() > 1 ? positions.size() + " rows selected." : "Select a row to see its findings.";
        }
        StringBuilder text = new StringBuilder("Row " + row.row());
        if (positions.size() > 1) {
            text.append(" (and ").append(positions.size() - 1).append(" more selected)");
        }
        text.append(row.decision() == null ? " · pending" : " · " + row.decision().status().label()
                + (row.decision().reason() == null ? "" : ": " + row.decision().reason()));
        text.append(row.findings().isEmpty() ? "\nNo findings."
                : "\n" + ReviewGrid.findingsText(row).replace("\n", "\n• ").replaceFirst("^", "• "));
        return text.toString();
    }

    /** "file  ·  1,250 rows" above the grid, "file  ·  sheet Mixes  ·  40 rows" for a workbook; "" with none. */
    public StringBinding fileTextBinding() {
        return Bindings.createStringBinding(() -> file.get() == null ? "" : file.get().getFileName() + "  ·  "
                + (workbookSheets.shownProperty().get() == null ? "" : "sheet " + workbookSheets.shownProperty().get()
                + "  ·  ") + String.format("%,d rows", counts.totalProperty().getValue().longValue()),
                file, counts.totalProperty(), workbookSheets.shownProperty());
    }

    /** "Showing 12 of 1,250 rows"; while the rows shown are counted, "Showing 60+ of 1,250 rows (counting…)". */
    public StringBinding shownTextBinding() {
        return rows.shownTextBinding();
    }

    /**
     * The most rows the filter may show: their count, or while they are counted the rows of the review, which a
     * question before a bulk action states as "up to".
     */
    long shownAtMost() {
        return rows.atMost();
    }

    // ---- properties

    public ObservableValue<State> stateProperty() {
        return state;
    }

    /** A line worth telling the steward (e.g. edits are not validated again, or a cancel), or empty. */
    public ObservableValue<String> noticeProperty() {
        return shownNotice;
    }

    /**
     * Whether the review can be imported now, as {@code sluice review} answers it ("Import: yes: …", "Import: not
     * yet: …", "Import: done: …"), asked in the background after each change; empty while not yet known.
     */
    public ObservableValue<String> importProperty() {
        return importable.textProperty();
    }

    public ObservableValue<Path> fileProperty() {
        return file;
    }

    /** The first rows of the review or sheet on screen as it opened, which the columns' widths are fitted to. */
    public List<ReviewQuery.GridRow> firstPage() {
        return firstPage;
    }

    /** Source column headers of the open review. */
    public ObservableList<String> columns() {
        return columns;
    }

    /** The grid's items; a new list for each filter or sort. */
    public ObservableValue<PagedRows> rowsProperty() {
        return rows.rowsProperty();
    }

    /** Changes each time rows arrive or change on disk: the grid redraws its visible cells. */
    public ObservableValue<Number> pageVersionProperty() {
        return rows.pageVersionProperty();
    }

    /** Decision and finding counts and the undo history, kept up to date after each action. */
    public ReviewCounts counts() {
        return counts;
    }

    /** Rows the filter shows: their count once {@link #countedProperty} is true, else those found so far. */
    public ObservableValue<Number> shownProperty() {
        return rows.shownProperty();
    }

    /** Whether the rows the filter shows are counted; false while a new view's remaining rows are looked for. */
    public ObservableValue<Boolean> countedProperty() {
        return rows.countedProperty();
    }

    /** A workbook review's sheets, the one shown and their counts; empty for the review of one sheet. */
    public WorkbookSheets workbookSheets() {
        return workbookSheets;
    }

    /** The quality dashboard's figures. */
    public ReviewDashboard dashboard() {
        return dashboard;
    }

    /** Which rows the grid shows, and in what order. */
    public ReviewFilters filters() {
        return filters;
    }

    /** The steward's decisions and edits, undo and redo. */
    public ReviewActions actions() {
        return actions;
    }

    /** The row at a grid position if it is loaded, else null (nothing is read). */
    public GridRow loadedRow(int position) {
        return rows.loaded(position);
    }

    /** Closes the open review, e.g. when the window closes. */
    public void close() {
        closeReview();
    }
}
