package io.sluice.desktop.review;

import io.sluice.core.review.DecisionCounts;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sheets of an open workbook review, for the Review step's sheet chooser: their names (parents' sheets first),
 * the one shown, and the counts card of every sheet and of the whole workbook, kept up to date after each change
 * (a change on a parent sheet may add or take away findings on the others). Empty for the review of one sheet.
 */
public final class WorkbookSheets {

    private final ObservableList<String> sheets = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper shown = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper workbookSheet = new ReadOnlyStringWrapper();
    private final ObservableList<String> sheetCounts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper workbookCounts = new ReadOnlyStringWrapper("");

    /** A review opened or another sheet shown; {@code sheets} empty for the review of one sheet. */
    void show(List<String> names, String sheet) {
        if (!sheets.equals(names)) {
            sheets.setAll(names);
        }
        shown.set(sheet);
        workbookSheet.set(names.isEmpty() ? null : sheet);
        if (names.isEmpty()) {
            sheetCounts.clear();
            workbookCounts.set("");
        }
    }

    /** The counts after an action, of every sheet (none for the review of one sheet). */
    void apply(List<ReviewAccess.SheetTotals> totals) {
        if (totals.isEmpty()) {
            return;
        }
        sheetCounts.setAll(totals.stream().map(WorkbookSheets::line).toList());
        long rows = 0;
        long approved = 0;
        long rejected = 0;
        long withErrors = 0;
        for (ReviewAccess.SheetTotals t : totals) {
            DecisionCounts d = t.decisions();
            rows += d.pending() + d.approved() + d.rejected();
            approved += d.approved();
            rejected += d.rejected();
            withErrors += t.findings().rowsWithErrors();
        }
        workbookCounts.set(String.format(Locale.ROOT, "Workbook: %s on %d sheets, %,d approved, %,d rejected,"
                + " %,d pending; %s with errors.", rows(rows), totals.size(), approved, rejected,
                rows - approved - rejected, rows(withErrors)));
    }

    /** "Mixes (concrete_mix, mix_component, strength_test): 40 rows, 31 approved, 0 rejected, 9 with errors." */
    private static String line(ReviewAccess.SheetTotals t) {
        DecisionCounts d = t.decisions();
        long rows = d.pending() + d.approved() + d.rejected();
        return String.format(Locale.ROOT, "%s (%s): %s, %,d approved, %,d rejected, %,d pending, %s with errors",
                t.sheet(), t.tables().stream().collect(Collectors.joining(", ")), rows(rows), d.approved(),
                d.rejected(), d.pending(), rows(t.findings().rowsWithErrors()));
    }

    private static String rows(long n) {
        return String.format(Locale.ROOT, "%,d row%s", n, n == 1 ? "" : "s");
    }

    /** The workbook review's sheets, parents' sheets first; empty for the review of one sheet. */
    public ObservableList<String> sheets() {
        return sheets;
    }

    /** Whether the open review is a workbook review: the sheet chooser and the workbook's counts show. */
    public ObservableBooleanValue workbookBinding() {
        return Bindings.isNotEmpty(sheets);
    }

    /** The sheet whose rows the grid shows; null for the review of one sheet. */
    public ReadOnlyStringProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The sheet shown of a workbook review; null for the review of one sheet, or none. */
    public ReadOnlyStringProperty workbookSheetProperty() {
        return workbookSheet.getReadOnlyProperty();
    }

    /** One line per sheet: the tables made from it and its counts, parents' sheets first. */
    public ObservableList<String> sheetCounts() {
        return sheetCounts;
    }

    /** The whole workbook's counts in one sentence; "" for the review of one sheet. */
    public ReadOnlyStringProperty workbookCountsProperty() {
        return workbookCounts.getReadOnlyProperty();
    }
}
