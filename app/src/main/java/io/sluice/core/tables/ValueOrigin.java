package io.sluice.core.tables;

/**
 * Where one value of a target row came from, so that a finding can point back to the cell a steward sees.
 *
 * @param sheet  the source sheet (the file name for CSV)
 * @param row    1-based row number as the spreadsheet shows it: the data row, or the header row for a value taken
 *               from an unpivoted column's header
 * @param column the source column header (several joined with " + "), or null for a constant of the profile
 * @param cell   the cell reference such as D7 (the first cell for joined columns), or null for a constant
 * @param text   the cell's text as the file holds it (joined with " + " for several cells), or the constant
 */
public record ValueOrigin(String sheet, long row, String column, String cell, String text) {

    /** Whether the value is a constant of the profile rather than a cell of the file. */
    public boolean isConstant() {
        return cell == null;
    }
}
