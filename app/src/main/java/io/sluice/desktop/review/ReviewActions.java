package io.sluice.desktop.review;

import io.sluice.core.Severity;
import io.sluice.core.review.FindingCounts;
import io.sluice.core.review.ReviewQuery.GridRow;
import io.sluice.core.review.RowFilter;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.task.TaskRunner;
import io.sluice.desktop.task.Work;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The steward's decisions and edits on the open review: approve and reject the selected rows, the valid ones, the
 * ones with errors or the ones the filter shows, edit a cell, undo and redo. Each is one undoable step written to
 * the review in the background. It asks before approving rows with errors or many rows at once, and for a reason
 * before rejecting (offering the last one again).
 */
public final class ReviewActions {

    /** Bulk actions on more rows than this ask first. */
    static final long CONFIRM_ABOVE = 100;

    private final ReviewViewModel review;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final BiConsumer<String, Throwable> showError;
    private final StringProperty lastReason = new SimpleStringProperty("");
    private final StringProperty lastAction = new SimpleStringProperty("");

    ReviewActions(ReviewViewModel review, TaskRunner tasks, DialogService dialogs,
                  BiConsumer<String, Throwable> showError) {
        this.review = review;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.showError = showError;
    }

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
        List<GridRow> withErrors = selected.stream().filter(ReviewActions::hasErrors).toList();
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
        act("Approving", count(numbers.size(), "approval"), false, s -> {
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
        List<Long> numbers = loadedRows(positions).stream().map(GridRow::row).toList();
        if (!numbers.isEmpty()) {
            lastReason.set(reason);
            act("Rejecting", count(numbers.size(), "rejection"), false, s -> {
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
            act("Approving valid rows", "up to " + count(validPending(), "approval"), false, s -> "Approved "
                    + s.approveAll(RowFilter.pending().and(RowFilter.valid())) + " valid rows.");
        }
    }

    /** Asks for a reason, then rejects every pending row with an error finding. */
    public void rejectAllWithErrors() {
        askReason("Reject all pending rows with errors").ifPresent(this::rejectAllWithErrors);
    }

    /** Rejects every pending row with an error finding. */
    public void rejectAllWithErrors(String reason) {
        lastReason.set(reason);
        act("Rejecting rows with errors", "up to " + count(rowsWithErrors(), "rejection"), false,
                s -> "Rejected " + s.rejectAll(
                RowFilter.pending().and(RowFilter.withErrors()), reason) + " rows with errors.");
    }

    /**
     * Approves every row the grid's filter shows, after asking when they are many or may have errors (the
     * question says how many rows of the review have errors, as the filter shows all or some of them).
     */
    public void approveShown() {
        if (showsNone()) {
            lastAction.set("The filter shows no rows: nothing approved.");
            return;
        }
        // while the rows shown are counted, the questions say "up to" the review's rows, never a count not known
        long rowsShown = review.shownAtMost();
        String shown = review.countedProperty().getValue() ? String.format("the %,d rows shown", rowsShown)
                : "the rows shown (still being counted)";
        long errors = review.filters().onlyValid() ? 0 : Math.min(rowsShown, rowsWithErrors());
        boolean confirmed = errors > 0
                ? dialogs.confirm(String.format("Approve %s? Up to %,d of them have errors.", shown, errors),
                        String.format("The filter shows %s and the review has %,d rows with errors; those among the"
                        + " rows shown are approved too. Undo takes it back as one step.",
                        review.countedProperty().getValue() ? String.format("%,d rows", rowsShown)
                                : "rows still being counted", rowsWithErrors()), "Approve anyway")
                : confirmBulk(rowsShown, "Approve the rows shown?");
        if (confirmed) {
            RowFilter filter = review.currentFilter();
            act("Approving the rows shown", "up to " + count(rowsShown, "approval"), false,
                    s -> "Approved " + s.approveAll(filter) + " rows.");
        } else {
            lastAction.set("Nothing approved.");
        }
    }

    /** Asks for a reason, then rejects every row the grid's filter shows. */
    public void rejectShown() {
        if (showsNone()) {
            lastAction.set("The filter shows no rows: nothing rejected.");
            return;
        }
        askReason(review.countedProperty().getValue()
                ? String.format("Reject the %,d rows shown", review.shownProperty().getValue().longValue())
                : "Reject the rows shown (still being counted)").ifPresent(this::rejectShown);
    }

    /** Rejects every row the grid's filter shows. */
    public void rejectShown(String reason) {
        lastReason.set(reason);
        RowFilter filter = review.currentFilter();
        act("Rejecting the rows shown", "up to " + count(review.shownAtMost(), "rejection"), false,
                s -> "Rejected " + s.rejectAll(filter, reason) + " rows.");
    }

    /** Sets one cell's text; the row is validated again at once and its colouring follows. */
    public void edit(int position, int column, String text) {
        GridRow loaded = review.loadedRow(position);
        if (loaded != null) {
            long row = loaded.row();
            act("Editing row " + row, "the edit of row " + row, true, s -> {
                int findings = s.edit(row, column, text).size();
                return "Row " + row + " edited: " + (findings == 0 ? "no findings now." : findings + " finding"
                        + (findings == 1 ? "" : "s") + " now.");
            });
        }
    }

    public void undo() {
        ReviewCounts counts = review.counts();
        if (counts.canUndo().get()) {
            String what = counts.undoDescriptionProperty().getValue();
            act("Undoing", "undoing '" + what + "'", true, s -> s.undo() ? "Undone: " + what + "." : "Nothing to undo.");
        }
    }

    public void redo() {
        ReviewCounts counts = review.counts();
        if (counts.canRedo().get()) {
            String what = counts.redoDescriptionProperty().getValue();
            act("Redoing", "redoing '" + what + "'", true, s -> s.redo() ? "Redone: " + what + "." : "Nothing to redo.");
        }
    }

    /** The last reject reason, offered again for the next rejection. */
    public ObservableValue<String> lastReasonProperty() {
        return lastReason;
    }

    /** What the last action did, e.g. "Rejected 12 rows." */
    public ObservableValue<String> lastActionProperty() {
        return lastAction;
    }

    /** What another action on the review (a value fix, say) did, shown where the decisions say theirs. */
    void said(String message) {
        lastAction.set(message);
    }

    /** Another review is open: what was said about the previous one does not belong to it. */
    void forget() {
        lastAction.set("");
        lastReason.set("");
    }

    /** Whether a row has at least one error, on a cell or on the row as a whole. */
    static boolean hasErrors(GridRow row) {
        return row.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /** Whether the filter is counted and shows no row: a bulk action on the rows shown has nothing to decide. */
    private boolean showsNone() {
        return review.countedProperty().getValue() && review.shownProperty().getValue().longValue() == 0;
    }

    private boolean confirmBulk(long rowCount, String header) {
        return rowCount <= CONFIRM_ABOVE || dialogs.confirm(header, String.format(
                "This decides up to %,d rows at once. Undo takes it back as one step.", rowCount), "Approve");
    }

    private Optional<String> askReason(String header) {
        return dialogs.askReason(header, "Why? (kept with each row's decision)", lastReason.get());
    }

    private long rowsWithErrors() {
        FindingCounts findings = review.counts().findingsProperty().getValue();
        return findings == null ? 0 : findings.rowsWithErrors();
    }

    private long validPending() {
        return Math.max(0, review.counts().pendingProperty().getValue().longValue() - rowsWithErrors());
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

    private record Acted(String message, ReviewAccess.Totals totals) {
    }

    /** "982,413 approvals", "1 approval". */
    private static String count(long n, String what) {
        return String.format("%,d %s%s", n, what, n == 1 ? "" : "s");
    }

    /**
     * Runs {@code action}, saving {@code change} (what closing the window waits for, e.g. "982,413 approvals");
     * {@code cells} says whether it may change cells (an edit, an undo, a redo).
     */
    private void act(String title, String change, boolean cells, Function<ReviewChanges, String> action) {
        ReviewAccess current = review.access();
        if (current == null) {
            return;
        }
        // the rows and the undo history are those of the sheet on screen now, whatever the steward shows next
        String sheet = review.sheetShown();
        // a change that stands although part of it could not be done says so after what it did
        Work<Acted> work = ctx -> new Acted(current.act(sheet, changes -> ReviewActions.withNotice(
                action.apply(changes), changes.notice())), current.totals());
        tasks.save(title, change, work, acted -> {
            if (current == review.access()) {
                lastAction.set(acted.message());
                review.changed(acted.totals(), cells);
            }
        }, error -> showError.accept(title + " failed", error));
    }

    /** What an action did, then what it could not do (see {@link ReviewChanges#notice()}). */
    static String withNotice(String did, Optional<String> notice) {
        return notice.map(n -> did + " " + n).orElse(did);
    }

    private List<GridRow> loadedRows(List<Integer> positions) {
        List<GridRow> loaded = new ArrayList<>();
        for (int position : positions) {
            GridRow row = review.loadedRow(position);
            if (row != null) {
                loaded.add(row);
            }
        }
        return loaded;
    }
}
