package io.sluice.core.review;

/**
 * SQL for one column's effective values: the steward's edit laid over the raw cell. {@code from} joins the column's
 * edits (alias {@code fe}) and, for a column beyond the wide ones, its side cells (alias {@code fx}) to
 * {@code source_row r}; {@code text} is the effective text ('' for a missing cell); {@code stored} the raw cell's
 * typed value as {@link CellCodec} stores it, null once the cell is edited. The column index comes from the review's
 * own column list, never from the user, so it is written into the SQL. The statistics count over these expressions
 * and the row filters on a value select with them, so a filter matches exactly the rows a figure counts.
 */
record ColumnSql(String from, String text, String stored) {

    static ColumnSql of(int column, int wide) {
        String edits = "source_row r LEFT JOIN cell_edit fe ON fe.row_no = r.row_no AND fe.col = " + column;
        if (column < wide) {
            return new ColumnSql(edits, "coalesce(fe.text, r.c" + column + ", '')",
                    "CASE WHEN fe.text IS NULL THEN r.v" + column + " END");
        }
        return new ColumnSql(edits + " LEFT JOIN source_cell_extra fx ON fx.row_no = r.row_no AND fx.idx = " + column,
                "coalesce(fe.text, fx.text, '')", "CASE WHEN fe.text IS NULL THEN fx.v END");
    }

    /** Whether {@code text} is blank: nothing but spaces, tabs, line breaks and no-break spaces. */
    static String blank(String text) {
        return "trim(" + text + ", ' ' || char(9) || char(10) || char(13) || char(160)) = ''";
    }

    /**
     * A condition on {@code source_row r} that holds for the rows whose effective value meets {@code condition}
     * (written over {@link #text} and {@link #stored}). The subquery names its own {@code r}, so it is not
     * correlated: SQLite selects the rows once instead of looking the value up for every row outside.
     */
    String rowsWhere(String condition) {
        return "r.row_no IN (SELECT r.row_no FROM " + from + " WHERE " + condition + ")";
    }
}
