package io.sluice.core.commit;

import io.sluice.core.database.ColumnInfo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * The bytes of a {@code COPY ... FROM STDIN (FORMAT binary)}: each field its length and the form the type's receive
 * function reads ({@code numeric_recv}, {@code date_recv}, ...), which spares the server the CSV scan and the text
 * input functions (decision 0067). Every value means exactly what its CSV field would: a numeric keeps its digits and
 * scale (the server rounds to the column's scale as it does for text), times and timestamps are rounded to
 * microseconds as the server rounds their text, text and {@code char(n)} go as UTF-8 (the server pads as for CSV),
 * and a value the server would refuse in CSV is refused here with the server's words.
 */
final class CopyBinary extends CopyRows {

    /** The column types this form carries, by the database's type name; a table with any other keeps CSV. */
    enum Kind {
        INT2("smallint"), INT4("integer"), INT8("bigint"), NUMERIC("numeric"), FLOAT4("real"),
        FLOAT8("double precision"), BOOL("boolean"), TEXT("text"), DATE("date"), TIME("time"),
        TIMESTAMP("timestamp"), TIMESTAMPTZ("timestamp with time zone"), UUID("uuid");

        /** The type's name in the server's messages. */
        private final String spoken;

        Kind(String spoken) {
            this.spoken = spoken;
        }
    }

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** Days and seconds from 1970-01-01 to 2000-01-01, the server's epoch. */
    private static final long EPOCH_DAYS = 10_957;
    private static final long EPOCH_SECONDS = EPOCH_DAYS * 86_400;
    private static final int NUMERIC_NEG = 0x4000;
    private static final int NUMERIC_NAN = 0xC000;
    private static final int NUMERIC_PINF = 0xD000;
    private static final int NUMERIC_NINF = 0xF000;

    private final Kind[] kinds;
    private final NumericGroups groups = new NumericGroups();

    CopyBinary(List<ColumnInfo> columns, int capacity) {
        super(capacity);
        kinds = new Kind[columns.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = kindOf(columns.get(i).typeName());
        }
    }

    /** The kind of a column of that PostgreSQL type name, or null when this form does not carry it. */
    static Kind kindOf(String typeName) {
        if (typeName == null) {
            return null;
        }
        return switch (typeName.toLowerCase(Locale.ROOT)) {
            case "int2", "smallserial" -> Kind.INT2;
            case "int4", "serial" -> Kind.INT4;
            case "int8", "bigserial" -> Kind.INT8;
            case "numeric" -> Kind.NUMERIC;
            case "float4" -> Kind.FLOAT4;
            case "float8" -> Kind.FLOAT8;
            case "bool" -> Kind.BOOL;
            case "text", "varchar", "bpchar" -> Kind.TEXT;
            case "date" -> Kind.DATE;
            case "time" -> Kind.TIME;
            case "timestamp" -> Kind.TIMESTAMP;
            case "timestamptz" -> Kind.TIMESTAMPTZ;
            case "uuid" -> Kind.UUID;
            default -> null;
        };
    }

    @Override
    void begin() {
        ensure(SIGNATURE.length + 8);
        System.arraycopy(SIGNATURE, 0, bytes, size, SIGNATURE.length);
        size += SIGNATURE.length;
        int32(0); // flags: no OIDs
        int32(0); // no header extension
    }

    @Override
    void row(List<Object> values) throws SQLException {
        int start = size;
        try {
            ensure(2);
            int16(values.size());
            for (int i = 0; i < values.size(); i++) {
                field(values.get(i), i);
            }
        } catch (SQLException | RuntimeException e) {
            truncate(start);
            throw e;
        }
    }

    @Override
    void end() {
        ensure(2);
        int16(-1);
    }

    @Override
    String options() {
        return "FORMAT binary";
    }

    private void field(Object value, int column) throws SQLException {
        if (value == null) {
            ensure(4);
            int32(-1);
            return;
        }
        switch (kinds[column]) {
            case INT2 -> fixed(2, whole(value, column, Short.MIN_VALUE, Short.MAX_VALUE));
            case INT4 -> fixed(4, whole(value, column, Integer.MIN_VALUE, Integer.MAX_VALUE));
            case INT8 -> fixed(8, whole(value, column, Long.MIN_VALUE, Long.MAX_VALUE));
            case NUMERIC -> numeric(value, column);
            case FLOAT4 -> fixed(4, Float.floatToRawIntBits(float4(value)));
            case FLOAT8 -> fixed(8, Double.doubleToRawLongBits(float8(value)));
            case BOOL -> fixed(1, bool(value, column) ? 1 : 0);
            case TEXT -> text(CopyCsv.text(value));
            case DATE -> fixed(4, date(value, column).toEpochDay() - EPOCH_DAYS);
            case TIME -> fixed(8, time(value, column));
            case TIMESTAMP -> fixed(8, micros(timestamp(value, column)));
            case TIMESTAMPTZ -> fixed(8, instant(value, column));
            case UUID -> uuid(value, column);
        }
    }

    /** A field of {@code length} bytes (1, 2, 4 or 8) holding the low bytes of {@code value}, big-endian. */
    private void fixed(int length, long value) {
        ensure(4 + length);
        int32(length);
        for (int shift = (length - 1) * 8; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (value >>> shift);
        }
    }

    private void int16(int value) {
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void int32(int value) {
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    private void text(String text) {
        ensure(4);
        int at = size;
        size += 4;
        int length = utf8(text, false);
        int end = size;
        size = at;
        int32(length);
        size = end;
    }

    /** An integer within the column's width, or the server's refusal of its text. */
    private long whole(Object value, int column, long min, long max) throws SQLException {
        String type = kinds[column].spoken;
        long whole;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            whole = ((Number) value).longValue();
        } else {
            String text = CopyCsv.text(value);
            try {
                whole = Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw text.strip().matches("[+-]?\\d+") ? outOfRange(text, type) : invalid(text, column);
            }
        }
        if (whole < min || whole > max) {
            throw outOfRange(Long.toString(whole), type);
        }
        return whole;
    }

    private static SQLException outOfRange(String text, String type) {
        return new SQLDataException("ERROR: value \"" + text + "\" is out of range for type " + type, "22003");
    }

    private SQLException invalid(String text, int column) {
        return new SQLDataException("ERROR: invalid input syntax for type " + kinds[column].spoken + ": \"" + text
                + "\"", "22P02");
    }

    private static double float8(Object value) throws SQLException {
        if (value instanceof Double d) {
            return d;
        }
        String text = CopyCsv.text(value);
        double d = parse(text, "double precision");
        if (Double.isInfinite(d) && !text.contains("nfinity") || d == 0 && hasNonZeroDigit(text)) {
            throw new SQLDataException("ERROR: \"" + text + "\" is out of range for type double precision", "22003");
        }
        return d;
    }

    private static float float4(Object value) throws SQLException {
        // from the text the CSV form sends, so that a double is rounded to a float once, as the server's strtof does
        String text = CopyCsv.text(value);
        parse(text, "real");
        float f = Float.parseFloat(text.strip());
        if (Float.isInfinite(f) && !text.contains("nfinity") || f == 0 && hasNonZeroDigit(text)) {
            throw new SQLDataException("ERROR: \"" + text + "\" is out of range for type real", "22003");
        }
        return f;
    }

    private static double parse(String text, String type) throws SQLException {
        String s = text.strip();
        if (s.equalsIgnoreCase("NaN")) {
            return Double.NaN;
        }
        try {
            // Java also reads hexadecimal and a trailing 'd' or 'f', which the server refuses
            if (s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?Infinity")) {
                return Double.parseDouble(s);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new SQLDataException("ERROR: invalid input syntax for type " + type + ": \"" + text + "\"", "22P02");
    }

    private static boolean hasNonZeroDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private boolean bool(Object value, int column) throws SQLException {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = CopyCsv.text(value);
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "t", "tr", "tru", "true", "y", "ye", "yes", "on", "1" -> true;
            case "f", "fa", "fal", "fals", "false", "n", "no", "of", "off", "0" -> false;
            default -> throw invalid(text, column);
        };
    }

    private void uuid(Object value, int column) throws SQLException {
        UUID uuid;
        if (value instanceof UUID u) {
            uuid = u;
        } else {
            String text = CopyCsv.text(value);
            if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
                throw invalid(text, column);
            }
            uuid = UUID.fromString(text);
        }
        ensure(20);
        int32(16);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (uuid.getMostSignificantBits() >>> shift);
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (uuid.getLeastSignificantBits() >>> shift);
        }
    }

    // ---- dates and times: the server reads their ISO text with years 1 to 9999 only

    /** A date or time read from the value's text, or the server's refusal of that text. */
    private <T> T parsed(Object value, int column, Function<String, T> parse) throws SQLException {
        String text = CopyCsv.text(value);
        try {
            return parse.apply(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(text, column);
        }
    }

    private LocalDate date(Object value, int column) throws SQLException {
        LocalDate date = value instanceof LocalDate d ? d : parsed(value, column, LocalDate::parse);
        checkYear(date.getYear(), value);
        return date;
    }

    private LocalDateTime timestamp(Object value, int column) throws SQLException {
        LocalDateTime at;
        if (value instanceof LocalDateTime t) {
            at = t;
        } else if (value instanceof LocalDate d) {
            at = d.atStartOfDay();
        } else {
            at = parsed(value, column, text -> LocalDateTime.parse(text.replace(' ', 'T')));
        }
        checkYear(at.getYear(), value);
        return at;
    }

    /**
     * Microseconds from the server's epoch of a timestamp with time zone: an offset date and time as it says, a date
     * and time without one as the session's time zone reads it, which {@link CopyInsert} sends in this form only
     * when that zone is UTC.
     */
    private long instant(Object value, int column) throws SQLException {
        if (value instanceof OffsetDateTime t) {
            checkYear(t.getYear(), value);
            return (t.toEpochSecond() - EPOCH_SECONDS) * 1_000_000 + micros(t.getNano());
        }
        return micros(timestamp(value, column));
    }

    private static long micros(LocalDateTime at) {
        return (at.toEpochSecond(ZoneOffset.UTC) - EPOCH_SECONDS) * 1_000_000 + micros(at.getNano());
    }

    private long time(Object value, int column) throws SQLException {
        LocalTime time = value instanceof LocalTime t ? t : parsed(value, column, LocalTime::parse);
        return time.toSecondOfDay() * 1_000_000L + micros(time.getNano());
    }

    /**
     * A second's fraction in microseconds, rounded as the server rounds the fraction of a time's text: its nine
     * digits read as a double, times a million, rounded half to even ({@code rint}).
     */
    static long micros(int nanos) {
        if (nanos % 1000 == 0) {
            return nanos / 1000;
        }
        return (long) Math.rint(Double.parseDouble("0." + String.format("%09d", nanos)) * 1_000_000);
    }

    private static void checkYear(int year, Object value) throws SQLException {
        if (year < 1 || year > 9999) {
            throw new SQLDataException("ERROR: date/time field value out of range: \"" + CopyCsv.text(value) + "\"",
                    "22008");
        }
    }

    // ---- numeric: base-10000 digits, weight of the first, sign and display scale

    private void numeric(Object value, int column) throws SQLException {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                special(Double.isNaN(d) ? NUMERIC_NAN : d > 0 ? NUMERIC_PINF : NUMERIC_NINF);
                return;
            }
        }
        BigDecimal d;
        if (value instanceof BigDecimal b) {
            d = b;
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            d = BigDecimal.valueOf(((Number) value).longValue());
        } else {
            String text = CopyCsv.text(value).strip();
            switch (text.toLowerCase(Locale.ROOT)) {
                case "nan" -> special(NUMERIC_NAN);
                case "infinity", "+infinity", "inf", "+inf" -> special(NUMERIC_PINF);
                case "-infinity", "-inf" -> special(NUMERIC_NINF);
                default -> {
                    try {
                        numeric(new BigDecimal(text));
                    } catch (NumberFormatException e) {
                        throw invalid(CopyCsv.text(value), column);
                    }
                }
            }
            return;
        }
        numeric(d);
    }

    private void special(int sign) {
        ensure(12);
        int32(8);
        int16(0);
        int16(0);
        int16(sign);
        int16(0);
    }

    /** The exact value of {@code d}, its display scale {@code d}'s scale (none when negative). */
    private void numeric(BigDecimal d) throws SQLException {
        int scale = Math.max(d.scale(), 0);
        if (scale > 0x3FFF || !groups.of(d)) {
            throw new SQLDataException("ERROR: value overflows numeric format", "22003");
        }
        int n = groups.count();
        ensure(12 + 2 * n);
        int32(8 + 2 * n);
        int16(n);
        int16(groups.weight());
        int16(d.signum() < 0 ? NUMERIC_NEG : 0);
        int16(scale);
        for (int i = 0; i < n; i++) {
            int16(groups.digit(i));
        }
    }
}
