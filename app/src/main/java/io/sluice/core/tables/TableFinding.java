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

    /**
     * A finding as a workbook review keeps it ({@link #forReview()}) with its table taken apart again: the table from
     * the target and the message's start, the finding's own target and message; a finding that names no table is
     * kept whole, with a null table.
     */
    public static TableFinding fromReview(String sheet, Finding f) {
        String target = f.target();
        String message = f.message();
        if (target != null && message != null) {
            int dot = target.indexOf('.');
            String table = dot < 0 ? target : target.substring(0, dot);
            if (!table.isEmpty() && message.startsWith(table + ": ")) {
                return new TableFinding(table, sheet, new Finding(f.row(), f.column(), f.cell(),
                        dot < 0 ? null : target.substring(dot + 1), f.rule(), f.severity(),
                        message.substring(table.length() + 2), f.value()));
            }
        }
        return new TableFinding(null, sheet, f);
    }
}
