package io.sluice.core.source;

import java.util.List;

/**
 * One data row of a source sheet.
 *
 * @param number 1-based row number as the steward sees it in Excel; for CSV the record number counting the header
 *               (so it matches the row number Excel shows when it opens the CSV)
 * @param cells  cells by column index; may be shorter than the header (missing cells are blank)
 * @param issues problems the reader found in this row (ragged, error cells, impossible dates), usually empty
 */
public record SourceRow(long number, List<Cell> cells, List<SourceIssue> issues) {

    public SourceRow(long number, List<Cell> cells) {
        this(number, cells, List.of());
    }

    /** The cell at a 0-based column index, blank when the row is shorter. */
    public Cell cell(int index) {
        return index < cells.size() ? cells.get(index) : Cell.BLANK;
    }

    public boolean isBlank() {
        for (Cell c : cells) {
            if (!c.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
