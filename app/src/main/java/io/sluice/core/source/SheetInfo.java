package io.sluice.core.source;

/**
 * A sheet of a workbook (a CSV file has one, named after the file), counted the way {@code validate} reads it.
 *
 * @param name      sheet name as shown on its tab
 * @param hidden    hidden or very hidden in Excel; never chosen by default
 * @param rows      rows holding data, the header and any junk rows above it included (blank rows, formatted or
 *                  not, are not counted); -1 when the sheet could not be read
 * @param columns   columns spanned by the header and the data rows; -1 when the sheet could not be read
 * @param headerRow 1-based header row (detected or chosen), 0 without a header; -1 when the sheet could not be read
 * @param dataRows  data rows below the header: exactly the rows validate and import read; -1 when unreadable
 */
public record SheetInfo(String name, boolean hidden, long rows, int columns, long headerRow, long dataRows) {

    /** A sheet listed before it is read: only its name and visibility are known. */
    static SheetInfo listed(String name, boolean hidden) {
        return new SheetInfo(name, hidden, -1, -1, -1, -1);
    }

    /** Whether the sheet was read and counted. */
    public boolean isCounted() {
        return dataRows >= 0;
    }
}
