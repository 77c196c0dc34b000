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
                widths[i] = Math.max(widths[i], Math.min(MAX_WIDTH, width(display(row[i]))));
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = shorten(display(row[i]), i == row.length - 1 ? Integer.MAX_VALUE : MAX_WIDTH);
                line.append(cell);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - width(cell) + 2));
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

    /** At most {@code max} terminal columns of the text, the last one an ellipsis when it is cut. */
    private static String shorten(String s, int max) {
        if (width(s) <= max) {
            return s;
        }
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int w = width(cp);
            if (used + w > max - 1) {
                break;
            }
            kept.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return kept + "…";
    }

    /** The columns a terminal gives the text: two for East Asian wide characters, none for combining marks. */
    static int width(String s) {
        return s.codePoints().map(TextTable::width).sum();
    }

    private static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        return wide(cp) ? 2 : 1;
    }

    // the East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth W and F), as terminals render them
    private static boolean wide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115F
                || cp >= 0x2E80 && cp <= 0x303E || cp >= 0x3041 && cp <= 0x33FF || cp >= 0x3400 && cp <= 0x4DBF
                || cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0xA000 && cp <= 0xA4CF || cp >= 0xAC00 && cp <= 0xD7A3
                || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60
                || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x1F300 && cp <= 0x1F64F || cp >= 0x1F900 && cp <= 0x1F9FF
                || cp >= 0x20000 && cp <= 0x2FFFD || cp >= 0x30000 && cp <= 0x3FFFD);
    }
}
