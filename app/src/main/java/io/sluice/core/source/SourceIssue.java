package io.sluice.core.source;

/**
 * Something a reader noticed about the file that the steward should know: a ragged row, a merged range, a duplicate
 * header, an Excel error cell, a date that cannot exist. Row-level issues travel with their {@link SourceRow};
 * sheet-level ones are on the {@link SourceTable}.
 *
 * @param kind    stable identifier, e.g. {@code ragged-row}, {@code merged-cells}, {@code duplicate-header}
 * @param row     1-based row number as shown in Excel (the record number for CSV), 0 when not about one row
 * @param column  column letter (A, B, ... AA) or null when not about one column
 * @param message one plain sentence, e.g. "Line 14 has 7 fields where the header has 6."
 */
public record SourceIssue(String kind, long row, String column, String message) {
}
