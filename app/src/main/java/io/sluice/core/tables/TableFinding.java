package io.sluice.core.tables;

import io.sluice.core.rules.Finding;

/**
 * A finding of a workbook validated onto several tables: the target table whose rule found it and the source sheet
 * of the row; the finding's row is that sheet's row (the unit an import keeps or leaves out whole) and its cell the
 * cell the value came from (a header cell for a value taken from an unpivoted column's header).
 */
public record TableFinding(String table, String sheet, Finding finding) {
}
