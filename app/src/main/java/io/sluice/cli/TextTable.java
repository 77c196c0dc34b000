package io.sluice.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints rows as aligned columns for the terminal; long cells are shortened with an ellipsis. */
final class TextTable {

    private static final int MAX_WIDTH = 40;

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    TextTable add(String... cells) {
        rows.add(cells);
        return this;
    }

    void print(PrintWriter out) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], Math.min(MAX_WIDTH, display(row[i]).length()));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = shorten(display(row[i]), i == row.length - 1 ? Integer.MAX_VALUE : MAX_WIDTH);
                line.append(cell);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /**
     * A cell value as a steward must see it to tell values apart: quoted when it is empty or has spaces at either end
     * ({@code 'Kiel-Wik '}), as it is otherwise.
     */
    static String value(String text) {
        if (text == null) {
            return "";
        }
        return text.isEmpty() || !text.strip().equals(text) ? "'" + text + "'" : text;
    }

    /** Control characters (quoted newlines, tabs) shown as visible escapes, so a cell stays on its line. */
    private static String display(String cell) {
        if (cell == null) {
            return "";
        }
        return cell.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
