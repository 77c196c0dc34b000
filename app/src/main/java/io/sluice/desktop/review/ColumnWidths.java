package io.sluice.desktop.review;

import io.sluice.core.review.ReviewQuery.GridRow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * How wide the grid's source columns start: as wide as their header and their first rows' values need, between
 * {@link #MIN} and {@link #MAX} pixels. A steward on a laptop then sees as many columns as fit rather than columns of
 * short numbers as wide as a long text's; a header or value wider than the cap ends in an ellipsis (the column can be
 * dragged wider, and the selected row's cells are read in full beside the grid).
 */
final class ColumnWidths {

    /** Narrowest a source column starts: room for a short value and the sort arrow. */
    static final double MIN = 48;
    /** Widest a source column starts. */
    static final double MAX = 170;
    /** Room beside a value's text: the cell's padding. */
    static final double CELL_PADDING = 14;
    /** Room beside a header's text: its padding and the sort arrow. */
    static final double HEADER_PADDING = 22;
    /** The rows whose values are measured: the first screen or two. */
    static final int ROWS = 60;

    private ColumnWidths() {
    }

    /**
     * The starting width of each of {@code headers}' columns, measuring text with {@code measure} (pixels of one line
     * of text in the grid's font) against the first of {@code rows}.
     */
    static List<Double> of(List<String> headers, List<GridRow> rows, ToDoubleFunction<String> measure) {
        List<Double> widths = new ArrayList<>(headers.size());
        for (int column = 0; column < headers.size(); column++) {
            double value = 0;
            String longest = "";
            for (int i = 0; i < Math.min(ROWS, rows.size()); i++) {
                List<String> cells = rows.get(i).cells();
                String cell = column < cells.size() && cells.get(column) != null ? cells.get(column) : "";
                // the longest values are the widest ones but for a few narrow letters: measure those only
                if (cell.length() > longest.length()) {
                    longest = cell;
                }
            }
            if (!longest.isEmpty()) {
                value = measure.applyAsDouble(longest) + CELL_PADDING;
            }
            double header = headerWidth(headers.get(column), measure) + HEADER_PADDING;
            widths.add(Math.max(MIN, Math.min(MAX, Math.max(value, header))));
        }
        return widths;
    }

    /** The width a header needs on at most two lines broken at spaces; never less than its longest word. */
    static double headerWidth(String header, ToDoubleFunction<String> measure) {
        String text = header.strip();
        double best = measure.applyAsDouble(text);
        for (int space = text.indexOf(' '); space > 0; space = text.indexOf(' ', space + 1)) {
            best = Math.min(best, Math.max(measure.applyAsDouble(text.substring(0, space)),
                    measure.applyAsDouble(text.substring(space + 1))));
        }
        return best;
    }
}
