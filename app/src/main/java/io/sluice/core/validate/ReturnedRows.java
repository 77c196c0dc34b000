package io.sluice.core.validate;

import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.source.Cell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of a file that came back from a back-to-sender workbook: those whose {@value UnmappedColumns#ROW_COLUMN}
 * cell holds the row's number in the file Sluice sent it back from. Counted only when the profile does not read that
 * column itself.
 *
 * @param rows       rows with a {@value UnmappedColumns#ROW_COLUMN} value
 * @param sluiceRows the first of those values, in file order, as the cells show them
 */
public record ReturnedRows(long rows, List<String> sluiceRows) {

    /** Values kept for the sentence; the rest are counted. */
    static final int SHOWN = 10;

    /** None came back. */
    public static final ReturnedRows NONE = new ReturnedRows(0, List.of());

    public ReturnedRows {
        sluiceRows = List.copyOf(sluiceRows);
    }

    /**
     * "9 rows of this file are rows Sluice sent back; column Sluice row gives each one's row in the file it came from:
     * 6, 20, 84."; null when none is.
     */
    public String sentence() {
        if (rows == 0) {
            return null;
        }
        String more = rows > sluiceRows.size() ? " and " + (rows - sluiceRows.size()) + " more" : "";
        return (rows == 1 ? "1 row of this file is a row Sluice sent back; column " + UnmappedColumns.ROW_COLUMN
                + " gives its row in the file it came from: "
                : rows + " rows of this file are rows Sluice sent back; column " + UnmappedColumns.ROW_COLUMN
                + " gives each one's row in the file it came from: ") + String.join(", ", sluiceRows) + more + ".";
    }

    /**
     * Counts the rows with a {@value UnmappedColumns#ROW_COLUMN} value as they are validated, or null when the file
     * has no such column that the profile leaves unmapped (so that a file without one costs nothing per row).
     */
    public static Tally tally(List<String> sourceColumns, UnmappedColumns unmapped) {
        for (String name : unmapped.sluiceColumns()) {
            if (name.strip().equalsIgnoreCase(UnmappedColumns.ROW_COLUMN)) {
                return new Tally(sourceColumns.indexOf(name));
            }
        }
        return null;
    }

    /** Counts rows as they stream by; {@link #result()} once they all have. */
    public static final class Tally implements Consumer<RowResult> {

        private final int column;
        private final List<String> first = new ArrayList<>();
        private long rows;

        private Tally(int column) {
            this.column = column;
        }

        @Override
        public void accept(RowResult row) {
            Cell cell = row.source().cell(column);
            if (cell.isBlank()) {
                return;
            }
            rows++;
            if (first.size() < SHOWN) {
                first.add(cell.text().strip());
            }
        }

        public ReturnedRows result() {
            return rows == 0 ? NONE : new ReturnedRows(rows, first);
        }
    }
}
