package io.sluice.core.mapping;

/** Spreadsheet cell references (A1 style) from 0-based column indexes and 1-based row numbers. */
public final class CellRefs {

    private CellRefs() {
    }

    /** Column letters: 0 → A, 25 → Z, 26 → AA. */
    public static String letters(int column) {
        StringBuilder b = new StringBuilder(3);
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            b.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return b.toString();
    }

    /** e.g. (3, 17) → D17. */
    public static String ref(int column, long row) {
        return letters(column) + row;
    }
}
