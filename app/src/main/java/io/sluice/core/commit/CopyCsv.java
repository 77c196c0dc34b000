package io.sluice.core.commit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * The CSV bytes of a {@code COPY ... FROM STDIN (FORMAT csv, NULL '')}, written straight into one growing byte array:
 * numbers, dates and text go from their typed values to UTF-8 bytes without a string per value or per line, which was
 * most of what the commit's thread allocated on a million-row import. The bytes are exactly those of the value's
 * input form as {@link CopyInsert} documents it: NULL an unquoted empty field, text always quoted (quotes doubled).
 */
final class CopyCsv {

    private static final int LONG_DIGITS = 18;
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;
    private final byte[] digits = new byte[20];

    CopyCsv(int capacity) {
        bytes = new byte[capacity];
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    void reset() {
        size = 0;
    }

    void separator() {
        ensure(1);
        bytes[size++] = ',';
    }

    void endLine() {
        ensure(1);
        bytes[size++] = '\n';
    }

    /** One field: nothing for NULL, text always quoted (quotes doubled), other values in their input form. */
    void field(Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal d) {
            decimal(d);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            integer(((Number) value).longValue());
        } else if (value instanceof BigInteger) {
            ascii(value.toString());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            ascii(Double.isFinite(d) ? new BigDecimal(value.toString()).toPlainString()
                    : Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        } else if (value instanceof Boolean b) {
            raw(b ? TRUE : FALSE);
        } else if (value instanceof LocalDate date && date.getYear() >= 1000 && date.getYear() <= 9999) {
            isoDate(date);
        } else {
            // text, and the ISO forms of LocalDateTime, LocalTime, OffsetDateTime (and dates outside 1000-9999)
            quoted(value.toString());
        }
    }

    /** As {@link BigDecimal#toPlainString()}, without its strings when the unscaled value fits in a long. */
    private void decimal(BigDecimal d) {
        int scale = d.scale();
        if (scale < 0 || d.precision() > LONG_DIGITS) {
            ascii(d.toPlainString());
            return;
        }
        // a whole number of at most 18 digits: longValue is exact, and (unlike longValueExact on Java 17) reads a
        // compact value without making a BigInteger
        long unscaled = (scale == 0 ? d : d.scaleByPowerOfTen(scale)).longValue();
        if (unscaled < 0) {
            ensure(1);
            bytes[size++] = '-';
            unscaled = -unscaled;
        }
        int count = digitsOf(unscaled);
        int whole = count - scale;
        ensure(count + scale + 2);
        if (whole > 0) {
            System.arraycopy(digits, digits.length - count, bytes, size, whole);
            size += whole;
        } else {
            bytes[size++] = '0';
        }
        if (scale > 0) {
            bytes[size++] = '.';
            for (int i = whole; i < 0; i++) {
                bytes[size++] = '0';
            }
            int fraction = Math.min(scale, count);
            System.arraycopy(digits, digits.length - fraction, bytes, size, fraction);
            size += fraction;
        }
    }

    private void integer(long value) {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        if (value < 0) {
            ensure(1);
            bytes[size++] = '-';
            value = -value;
        }
        int count = digitsOf(value);
        ensure(count);
        System.arraycopy(digits, digits.length - count, bytes, size, count);
        size += count;
    }

    /** Writes the decimal digits of a non-negative value at the end of {@link #digits}; returns how many. */
    private int digitsOf(long value) {
        int at = digits.length;
        do {
            digits[--at] = (byte) ('0' + (value % 10));
            value /= 10;
        } while (value != 0);
        return digits.length - at;
    }

    /** {@code "yyyy-MM-dd"}, quoted, as {@link LocalDate#toString()} writes a year of four digits. */
    private void isoDate(LocalDate date) {
        ensure(12);
        bytes[size++] = '"';
        int year = date.getYear();
        bytes[size++] = (byte) ('0' + year / 1000);
        bytes[size++] = (byte) ('0' + year / 100 % 10);
        bytes[size++] = (byte) ('0' + year / 10 % 10);
        bytes[size++] = (byte) ('0' + year % 10);
        bytes[size++] = '-';
        twoDigits(date.getMonthValue());
        bytes[size++] = '-';
        twoDigits(date.getDayOfMonth());
        bytes[size++] = '"';
    }

    private void twoDigits(int value) {
        bytes[size++] = (byte) ('0' + value / 10);
        bytes[size++] = (byte) ('0' + value % 10);
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    private void raw(byte[] text) {
        ensure(text.length);
        System.arraycopy(text, 0, bytes, size, text.length);
        size += text.length;
    }

    /**
     * The text in double quotes, quotes doubled, in UTF-8; an unpaired surrogate becomes {@code ?}, as
     * {@link String#getBytes} writes it.
     */
    private void quoted(String text) {
        // at most three bytes per char (a surrogate pair: four bytes for two chars), a doubled quote two
        ensure(text.length() * 3 + 2);
        bytes[size++] = '"';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c == '"') {
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
        bytes[size++] = '"';
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** One value's field as a string (tests). */
    static String render(Object value) {
        CopyCsv csv = new CopyCsv(16);
        csv.field(value);
        return new String(csv.bytes, 0, csv.size, StandardCharsets.UTF_8);
    }
}
