package io.sluice.core.source;

import java.util.Arrays;
import java.util.List;

/**
 * Finds the header among the first non-blank rows of a sheet, past title lines and "Exported by..." notes: the first
 * row that is mostly non-blank text, about as wide as the rows below it.
 */
final class HeaderDetector {

    /** How many rows below a candidate are compared with it. */
    private static final int ROWS_BELOW = 5;

    private HeaderDetector() {
    }

    /** Index into {@code rows} (non-blank rows in sheet order) of the header; 0 when nothing fits better. */
    static int detect(List<SourceRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (looksLikeHeader(rows, i)) {
                return i;
            }
        }
        return 0;
    }

    private static boolean looksLikeHeader(List<SourceRow> rows, int i) {
        SourceRow row = rows.get(i);
        int filled = 0;
        int text = 0;
        int span = 0;
        List<Cell> cells = row.cells();
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = cells.get(c);
            if (!cell.isBlank()) {
                filled++;
                span = c + 1;
                if (cell.type() == CellType.TEXT) {
                    text++;
                }
            }
        }
        if (filled == 0 || text * 10 < filled * 8 || filled * 2 < span) {
            return false;
        }
        List<SourceRow> below = rows.subList(i + 1, Math.min(rows.size(), i + 1 + ROWS_BELOW));
        if (below.isEmpty()) {
            return true;
        }
        int dataWidth = medianFilled(below);
        // pandas' to_csv and R's write.csv leave the header of their index column blank: a header with only its first
        // cell blank, above rows whose first cell is a number, is as wide as its span
        int width = filled + 1 == span && cells.get(0).isBlank() && below.stream().allMatch(HeaderDetector::numbered)
                ? span : filled;
        // A title or note line is much narrower than the table under it; a header is at least as wide as most rows.
        return width * 10 >= dataWidth * 7;
    }

    /** Whether a row's first cell holds a whole number, as an index column's does. */
    private static boolean numbered(SourceRow row) {
        if (row.cells().isEmpty()) {
            return false;
        }
        Cell first = row.cells().get(0);
        return first.type() == CellType.NUMBER || first.text().strip().matches("\\d+");
    }

    private static int medianFilled(List<SourceRow> rows) {
        int[] counts = new int[rows.size()];
        for (int i = 0; i < counts.length; i++) {
            int n = 0;
            for (Cell cell : rows.get(i).cells()) {
                if (!cell.isBlank()) {
                    n++;
                }
            }
            counts[i] = n;
        }
        Arrays.sort(counts);
        return counts[counts.length / 2];
    }
}
