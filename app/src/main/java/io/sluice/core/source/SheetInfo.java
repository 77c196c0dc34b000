package io.sluice.core.source;

/**
 * A sheet of a workbook (a CSV file has one, named after the file).
 *
 * @param name    sheet name as shown on its tab
 * @param hidden  hidden or very hidden in Excel; never chosen by default
 * @param rows    number of rows holding data (including header and junk rows above it), -1 when unknown
 * @param columns widest row's column count, -1 when unknown
 */
public record SheetInfo(String name, boolean hidden, long rows, int columns) {
}
