package io.sluice.core.commit;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of one {@code COPY ... FROM STDIN}, written straight into one growing byte array: {@link CopyCsv} for the
 * CSV form, {@link CopyBinary} for the binary form. A COPY is {@link #begin}, its rows, then {@link #end}; the bytes
 * may be taken and {@link #reset} between any two of them.
 */
abstract class CopyRows {

    protected byte[] bytes;
    protected int size;

    CopyRows(int capacity) {
        bytes = new byte[capacity];
    }

    /** What goes before a COPY's first row. */
    abstract void begin();

    /** One row, its values in the COPY's column order; a value the form cannot carry fails as the server would. */
    abstract void row(List<Object> values) throws SQLException;

    /** What goes after a COPY's last row. */
    abstract void end();

    /** The COPY's options, after {@code FROM STDIN WITH}. */
    abstract String options();

    final byte[] bytes() {
        return bytes;
    }

    final int size() {
        return size;
    }

    final void reset() {
        size = 0;
    }

    /** Puts the end back to {@code at} (a row that failed half-written). */
    final void truncate(int at) {
        size = at;
    }

    protected final void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /**
     * The text in UTF-8, double quotes doubled when {@code doubleQuotes}; an unpaired surrogate becomes {@code ?}, as
     * {@link String#getBytes} writes it. Returns the bytes written.
     */
    protected final int utf8(String text, boolean doubleQuotes) {
        // at most three bytes per char (a surrogate pair: four bytes for two chars), a doubled quote two
        ensure(text.length() * 3);
        int start = size;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (doubleQuotes && c == '"') {
                    bytes[size++] = '"';
                }
                bytes[size++] = (byte) c;
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xC0 | (c >> 6));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                if (Character.isHighSurrogate(c) && Character.isLowSurrogate(next)) {
                    int cp = Character.toCodePoint(c, next);
                    bytes[size++] = (byte) (0xF0 | (cp >> 18));
                    bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    bytes[size++] = (byte) (0x80 | (cp & 0x3F));
                    i++;
                } else {
                    bytes[size++] = '?';
                }
            } else {
                bytes[size++] = (byte) (0xE0 | (c >> 12));
                bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                bytes[size++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return size - start;
    }
}
