package io.sluice.core.commit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The CSV bytes of a {@code COPY ... FROM STDIN (FORMAT csv, NULL '')}, written straight into one growing byte array:
 * numbers, dates and text go from their typed values to UTF-8 bytes without a string per value or per line, which was
 * most of what the commit's thread allocated on a million-row import. The bytes are exactly those of the value's
 * input form as {@link CopyInsert} documents it: NULL an unquoted empty field, text always quoted (quotes doubled).
 */
final class CopyCsv extends CopyRows {

    private static final int LONG_DIGITS = 18;
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    private final byte[] digits = new byte[20];

    CopyCsv(int capacity) {
        super(capacity);
    }

    @Override
    void begin() {
    }

    @Override
    void row(List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                separator();
            }
            field(values.get(i));
        }
        endLine();
    }

    @Override
    void end() {
    }

    @Override
    String options() {
        return "FORMAT csv, NULL '', ENCODING 'UTF8'";
    }

    private void separator() {
        ensure(1);
        bytes[size++] = ',';
    }

    private void endLine() {
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
            ascii(text(value));
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

    /** The text in double quotes, quotes doubled, in UTF-8. */
    private void quoted(String text) {
        ensure(2);
        bytes[size++] = '"';
        utf8(text, true);
        ensure(1);
        bytes[size++] = '"';
    }

    /** The text a value's field carries, before quoting: what the server's input function reads. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(value.toString()).toPlainString()
                    : Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        }
        return value.toString();
    }

    /** One value's field as a string (tests). */
    static String render(Object value) {
        CopyCsv csv = new CopyCsv(16);
        csv.field(value);
        return new String(csv.bytes, 0, csv.size, StandardCharsets.UTF_8);
    }
}
