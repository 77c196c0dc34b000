package io.sluice.core.tables;

import io.sluice.core.rules.Finding;

/**
 * A finding of a workbook validated onto several tables: the target table whose rule found it and the source sheet
 * of the row; the finding's row is that sheet's row (the unit an import keeps or leaves out whole) and its cell the
 * cell the value came from (a header cell for a value taken from an unpivoted column's header).
 */
public record TableFinding(String table, String sheet, Finding finding) {

    /** Rule id of a finding on a reference to a parent row that an import could not resolve. */
    public static final String REFERENCE_RULE = ReferenceCheck.RULE;

    /**
     * The finding as a review of the sheet keeps it: its target names the table ({@code table.column}, or the table
     * alone for a row-level finding) and its message starts with the table, so one source row's findings in
     * several tables stay apart.
     */
    public Finding forReview() {
        return new Finding(finding.row(), finding.column(), finding.cell(),
                finding.target() == null ? table : table + "." + finding.target(), finding.rule(),
                finding.severity(), table + ": " + finding.message(), finding.value());
    }
}
