package io.sluice.core.source;

/** Converts between 0-based column indexes and spreadsheet column letters (0 = "A", 26 = "AA"). */
public final class Columns {

    private Columns() {
    }

    /** The column letter of a 0-based index: 0 → "A", 25 → "Z", 26 → "AA". */
    public static String letter(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Column index must not be negative: " + index);
        }
        char[] buf = new char[8];
        int pos = buf.length;
        int n = index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            buf[--pos] = (char) ('A' + rem);
            n = (n - 1) / 26;
        }
        return new String(buf, pos, buf.length - pos);
    }

    /** The 0-based index of a column letter, case-insensitive: "A" → 0, "AA" → 26. */
    public static int index(String letter) {
        if (letter == null || letter.isEmpty()) {
            throw new IllegalArgumentException("Column letter must not be empty.");
        }
        int n = 0;
        for (int i = 0; i < letter.length(); i++) {
            char c = Character.toUpperCase(letter.charAt(i));
            if (c < 'A' || c > 'Z') {
                throw new IllegalArgumentException("Not a column letter: " + letter);
            }
            n = n * 26 + (c - 'A' + 1);
            if (n > 16_384 * 26) {
                throw new IllegalArgumentException("Column letter out of range: " + letter);
            }
        }
        return n - 1;
    }
}
