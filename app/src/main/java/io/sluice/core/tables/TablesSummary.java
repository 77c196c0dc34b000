package io.sluice.core.tables;

import java.util.List;

/**
 * What a validation of a workbook onto several tables counted: per target table (in the order parents first) and per
 * source sheet. A source row with an error in any target row it makes is left out of an import whole.
 */
public record TablesSummary(List<TableTally> tables, List<SheetTally> sheets) {

    public TablesSummary {
        tables = List.copyOf(tables);
        sheets = List.copyOf(sheets);
    }

    /**
     * One target table: the sheet feeding it, the target rows the workbook makes for it, those an import would write
     * (made by source rows without any error), and the error and warning findings of its rules.
     */
    public record TableTally(String table, String sheet, long targetRows, long importable, long errors,
                             long warnings) {
    }

    /**
     * One source sheet: its data rows, those with an error finding in any table (left out of an import), the target
     * rows they make, and the findings on them.
     */
    public record SheetTally(String sheet, long rows, long rowsWithErrors, long targetRows, long findings) {

        /** Rows without error findings: those an import keeps. */
        public long valid() {
            return rows - rowsWithErrors;
        }
    }

    /** Source rows over all sheets. */
    public long rows() {
        return sheets.stream().mapToLong(SheetTally::rows).sum();
    }

    /** Source rows with an error finding, over all sheets. */
    public long rowsWithErrors() {
        return sheets.stream().mapToLong(SheetTally::rowsWithErrors).sum();
    }

    /** Findings over all sheets. */
    public long findings() {
        return sheets.stream().mapToLong(SheetTally::findings).sum();
    }
}
