package io.sluice.desktop.review;

import io.sluice.core.review.RowFilter;
import io.sluice.core.rules.Finding;
import io.sluice.core.usecase.OpenWorkbookReview;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steward's changes to one sheet of a workbook review, made through {@link OpenWorkbookReview}: it validates an
 * edited row in every table its sheet feeds and then checks every sheet's references again, so that a material
 * renamed or rejected on the Materials sheet shows at once on the Mixes rows that name it.
 */
final class WorkbookSheetChanges implements ReviewChanges {

    private final OpenWorkbookReview workbook;
    private final String sheet;

    WorkbookSheetChanges(OpenWorkbookReview workbook, String sheet) {
        this.workbook = workbook;
        this.sheet = sheet;
    }

    @Override
    public Optional<String> notice() {
        return workbook.notice().or(() -> workbook.sheet(sheet).session().notice());
    }

    @Override
    public void approve(long row) {
        workbook.approveAll(sheet, opened -> opened.rows(List.of(row)));
    }

    @Override
    public int approveAll(RowFilter filter) {
        return total(workbook.approveAll(sheet, opened -> filter));
    }

    @Override
    public void reject(long row, String reason) {
        workbook.rejectAll(sheet, opened -> opened.rows(List.of(row)), reason);
    }

    @Override
    public int rejectAll(RowFilter filter, String reason) {
        return total(workbook.rejectAll(sheet, opened -> filter, reason));
    }

    @Override
    public List<Finding> edit(long row, int column, String text) {
        return workbook.edit(sheet, row, column, text);
    }

    @Override
    public boolean undo() {
        return workbook.undo(sheet);
    }

    @Override
    public boolean redo() {
        return workbook.redo(sheet);
    }

    private static int total(Map<String, Integer> changed) {
        return changed.values().stream().mapToInt(Integer::intValue).sum();
    }
}
