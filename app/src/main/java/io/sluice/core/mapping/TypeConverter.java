package io.sluice.core.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.sluice.core.database.ArrayLiteral;
import io.sluice.core.database.ColumnInfo;

import java.io.IOException;

import java.math.BigDecimal;
import java.sql.JDBCType;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts a transformed cell to the Java type of its target column: String for character columns, BigDecimal for
 * decimals and floats, Long for integers, Boolean, LocalDate, LocalDateTime, LocalTime, UUID. A cell's own typed
 * value is preferred over its formatted text; failures become an error message, never an exception.
 */
final class TypeConverter {

    enum Kind { TEXT, DECIMAL, INTEGER, BOOLEAN, DATE, TIMESTAMP, TIMESTAMP_TZ, TIME, TIME_TZ, UUID, JSON, JSONB, H2_ARRAY }

    /**
     * A date and time with an offset as PostgreSQL reads it for a timestamp with time zone: a 'T' or a space between
     * date and time, then Z or an offset such as +02:00, +0200 or +02, with or without a space before it.
     */
    private static final DateTimeFormatter WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("[XXXXX][XXXX][X]")
            .toFormatter(Locale.ROOT);

    /** A time of day with an offset, as PostgreSQL reads it for a time with time zone: 10:00+02, 10:00:00 +02:00. */
    private static final DateTimeFormatter TIME_WITH_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("[XXXXX][XXXX][X]")
            .toFormatter(Locale.ROOT);

    /**
     * A date and time followed by a space and a time zone's name, as PostgreSQL reads it for a timestamp with time
     * zone ({@code 2026-03-01 10:00 Europe/Berlin}).
     */
    private static final Pattern ZONE_NAMED = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2}[ T][0-9:.]+) +([A-Za-z][A-Za-z0-9_/+-]*)");

    /** A UUID as PostgreSQL and H2 both read it: 32 hex digits in groups of 8-4-4-4-12. */
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Kind kind;

    TypeConverter(ColumnInfo column) {
        this(kindOf(column));
    }

    TypeConverter(Kind kind) {
        this.kind = kind;
    }

    static Kind kindOf(ColumnInfo column) {
        if (column.type() == null) {
            return Kind.TEXT;
        }
        if ("json".equalsIgnoreCase(column.typeName())) {
            return Kind.JSON;
        }
        if ("jsonb".equalsIgnoreCase(column.typeName())) {
            return Kind.JSONB;
        }
        if ("timetz".equalsIgnoreCase(column.typeName())) {
            // PostgreSQL reports its time with time zone as TIME
            return Kind.TIME_TZ;
        }
        if ("uuid".equalsIgnoreCase(column.typeName())) {
            // PostgreSQL reports it as OTHER, H2 as BINARY: the type name is what both agree on
            return Kind.UUID;
        }
        if (column.type() == JDBCType.ARRAY && column.typeName() != null
                && column.typeName().toUpperCase(Locale.ROOT).endsWith(" ARRAY")) {
            // H2 names its arrays "INTEGER ARRAY" and converts no text to one; PostgreSQL's (_int4) read their text
            return Kind.H2_ARRAY;
        }
        return switch (column.type()) {
            case NUMERIC, DECIMAL, DOUBLE, FLOAT, REAL -> Kind.DECIMAL;
            case INTEGER, SMALLINT, TINYINT, BIGINT -> Kind.INTEGER;
            case BOOLEAN, BIT -> Kind.BOOLEAN;
            case DATE -> Kind.DATE;
            case TIMESTAMP -> Kind.TIMESTAMP;
            case TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMP_TZ;
            case TIME -> Kind.TIME;
            case TIME_WITH_TIMEZONE -> Kind.TIME_TZ;
            default -> Kind.TEXT;
        };
    }

    /** The typed value, or null with {@link Working#error} set when the text does not convert. */
    Object convert(Working w) {
        if (w.isEmpty()) {
            return null;
        }
        return switch (kind) {
            case TEXT -> text(w);
            case DECIMAL -> decimal(w);
            case INTEGER -> integer(w);
            case BOOLEAN -> bool(w);
            case DATE -> date(w);
            case TIMESTAMP -> timestamp(w);
            case TIMESTAMP_TZ -> instant(w);
            case TIME -> time(w);
            case TIME_TZ -> timeWithOffset(w);
            case UUID -> uuid(w);
            case JSON -> json(w, false);
            case JSONB -> json(w, true);
            case H2_ARRAY -> array(w);
        };
    }

    private static Object text(Working w) {
        // A value parsed by a number/date transform is written in its canonical form; otherwise the text as shown,
        // which keeps leading zeros and long digit strings intact.
        if (w.parsed && w.typed instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (w.parsed && w.typed != null) {
            return w.typed.toString();
        }
        return w.text;
    }

    private static BigDecimal decimal(Working w) {
        if (w.typed instanceof BigDecimal d) {
            return d;
        }
        BigDecimal d = w.typed == null ? NumberParser.PLAIN.parse(w.text) : null;
        if (d == null) {
            w.fail(quote(w.text) + " is not a number.");
        }
        return d;
    }

    private static Long integer(Working w) {
        BigDecimal d = decimal(w);
        if (d == null) {
            return null;
        }
        try {
            return d.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            w.fail(quote(w.text) + (d.stripTrailingZeros().scale() > 0 ? " is not a whole number."
                    : " is too large for a whole number."));
            return null;
        }
    }

    private static Boolean bool(Working w) {
        if (w.typed instanceof Boolean b) {
            return b;
        }
        if (w.typed instanceof BigDecimal d) {
            if (d.signum() == 0 || d.compareTo(BigDecimal.ONE) == 0) {
                return d.signum() != 0;
            }
        } else if (w.typed == null) {
            switch (w.text.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1":
                    return Boolean.TRUE;
                case "false", "no", "n", "0":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        w.fail(quote(w.text) + " is not a yes/no value (expected true/false, yes/no, y/n or 1/0).");
        return null;
    }

    private static LocalDate date(Working w) {
        if (w.typed instanceof LocalDate d) {
            return d;
        }
        if (w.typed instanceof LocalDateTime dt) {
            if (dt.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                return dt.toLocalDate();
            }
            w.fail(quote(w.text) + " has a time of day, but the column holds dates only.");
            return null;
        }
        if (w.typed == null) {
            String s = w.text.strip();
            try {
                if (s.length() == 10) {
                    return LocalDate.parse(s);
                }
                LocalDateTime dt = LocalDateTime.parse(s.replace(' ', 'T'));
                if (dt.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                    return dt.toLocalDate();
                }
            } catch (DateTimeParseException e) {
                // falls through to the message below
            }
        }
        w.fail(quote(w.text) + " is not a date (expected yyyy-MM-dd, or add a date transform with its pattern).");
        return null;
    }

    private static LocalDateTime timestamp(Working w) {
        if (w.typed instanceof LocalDateTime dt) {
            return dt;
        }
        if (w.typed instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (w.typed == null) {
            String s = w.text.strip();
            try {
                return s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s.replace(' ', 'T'));
            } catch (DateTimeException e) {
                // falls through to the message below
            }
        }
        w.fail(quote(w.text) + " is not a date and time (expected yyyy-MM-dd HH:mm:ss).");
        return null;
    }

    /**
     * For a timestamp with time zone: text with an offset keeps its instant (an OffsetDateTime); a value without one
     * is a date and time as for a timestamp column, which the database reads in its session's time zone.
     */
    private static Temporal instant(Working w) {
        if (w.typed == null) {
            String s = w.text.strip();
            Matcher named = ZONE_NAMED.matcher(s);
            if (named.matches()) {
                return inZone(w, named.group(1), named.group(2));
            }
            if (s.length() > 10 && hasOffset(s)) {
                try {
                    return OffsetDateTime.parse(s, WITH_OFFSET);
                } catch (DateTimeException e) {
                    w.fail(quote(w.text) + " is not a date and time (expected yyyy-MM-dd HH:mm:ss, optionally with"
                            + " an offset such as +02:00 or Z).");
                    return null;
                }
            }
        }
        return timestamp(w);
    }

    /**
     * A date and time in a named zone, at the instant PostgreSQL gives it: a zone of the tz database (a name with a
     * slash, which no abbreviation has) at the offset in force there then (the later one where clocks went back,
     * the one before the change for a time clocks skipped, as PostgreSQL does), and UTC, GMT or Z at offset zero.
     * Other names (CET, EST, PST) PostgreSQL reads first as abbreviations from a table of the server's own settings,
     * which may not mean what the tz database does (its CET has no summer time), so they are refused with the way to
     * write the same instant.
     */
    private static Temporal inZone(Working w, String dateTime, String name) {
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(dateTime.replace(' ', 'T'));
        } catch (DateTimeException e) {
            w.fail(quote(w.text) + " is not a date and time (expected yyyy-MM-dd HH:mm:ss, optionally with an offset"
                    + " such as +02:00 or a time zone such as Europe/Berlin).");
            return null;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("utc") || lower.equals("gmt") || lower.equals("z")) {
            return local.atOffset(ZoneOffset.UTC);
        }
        ZoneId zone = name.indexOf('/') > 0 ? ZoneNames.zone(lower) : null;
        if (zone == null) {
            w.fail(quote(w.text) + " names the time zone '" + name + "', which " + (name.indexOf('/') > 0
                    ? "is not a zone of the time zone database (such as Europe/Berlin or America/New_York)."
                    : "the database reads by an abbreviation table of its own settings: write an offset such as "
                    + "+01:00, or a zone such as Europe/Berlin."));
            return null;
        }
        return ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap().toOffsetDateTime();
    }

    /**
     * The zones of the tz database, by lower-case name: PostgreSQL reads a zone's name in any case. Only the names
     * are read, and only when a value names a zone: {@code ZoneId.of} loads a zone's rules, and loading all 600 of
     * them ran ZoneOffset's code hot enough for C2 to compile it in every validation, named zones or not.
     */
    private static final class ZoneNames {
        private static final Map<String, String> IDS = ids();

        private static ZoneId zone(String lowerCaseName) {
            String id = IDS.get(lowerCaseName);
            return id == null ? null : ZoneId.of(id);
        }

        private static Map<String, String> ids() {
            Map<String, String> ids = new HashMap<>();
            for (String id : ZoneId.getAvailableZoneIds()) {
                ids.put(id.toLowerCase(Locale.ROOT), id);
            }
            return ids;
        }
    }

    // an offset follows the time: Z, or a sign after the date's own hyphens
    private static boolean hasOffset(String s) {
        char last = Character.toUpperCase(s.charAt(s.length() - 1));
        return last == 'Z' || s.indexOf('+', 10) > 0 || s.indexOf('-', 10) > 0;
    }

    private static LocalTime time(Working w) {
        if (w.typed instanceof LocalDateTime dt) {
            return dt.toLocalTime();
        }
        if (w.typed == null) {
            try {
                return LocalTime.parse(w.text.strip());
            } catch (DateTimeParseException e) {
                // falls through to the message below
            }
        }
        w.fail(quote(w.text) + " is not a time of day (expected HH:mm:ss).");
        return null;
    }

    /** For a time with time zone: text with an offset keeps it (an OffsetTime); one without is a time of day. */
    private static Temporal timeWithOffset(Working w) {
        if (w.typed == null) {
            String s = w.text.strip();
            if (s.length() > 5 && (s.indexOf('+') > 0 || s.indexOf('-') > 0 || Character.toUpperCase(
                    s.charAt(s.length() - 1)) == 'Z')) {
                try {
                    return OffsetTime.parse(s, TIME_WITH_OFFSET);
                } catch (DateTimeException e) {
                    w.fail(quote(w.text) + " is not a time of day (expected HH:mm:ss, optionally with an offset such"
                            + " as +02:00).");
                    return null;
                }
            }
        }
        return time(w);
    }

    /**
     * For a json or jsonb column: the text as it is, when it is one JSON value (an object, an array, a string, a
     * number, true, false or null) and nothing after it, as the database reads it; jsonb also refuses the NUL
     * character in a string, which json keeps.
     */
    private static Object json(Working w, boolean binary) {
        Object text = text(w);
        String s = text.toString();
        try (JsonParser parser = JSON.createParser(s)) {
            if (parser.nextToken() == null) {
                throw new JsonParseException(parser, "no value");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "text after the value");
            }
            if (binary && s.contains("\\u0000")) {
                w.fail(quote(w.text) + " holds the character \\u0000, which a jsonb column refuses.");
                return null;
            }
            return text;
        } catch (IOException e) {
            w.fail(quote(w.text) + " is not a JSON document (" + firstLine(e) + ").");
            return null;
        }
    }

    /** For an H2 array column: the elements of a literal in braces, each as text for H2 to convert. */
    private static ArrayLiteral array(Working w) {
        String s = text(w).toString();
        try {
            return ArrayLiteral.parse(s);
        } catch (IllegalArgumentException e) {
            w.fail(quote(w.text) + " is not an array: write the elements in braces, such as {1,2,3}, an element"
                    + " holding a comma, brace, quote or space in double quotes, and NULL for none (" + e.getMessage()
                    + ").");
            return null;
        }
    }

    private static String firstLine(IOException e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        int end = message == null ? -1 : message.indexOf('\n');
        return message == null ? "unreadable" : end < 0 ? message : message.substring(0, end);
    }

    private static UUID uuid(Working w) {
        String s = w.typed == null ? w.text.strip() : "";
        if (UUID_TEXT.matcher(s).matches()) {
            return UUID.fromString(s);
        }
        w.fail(quote(w.text) + " is not a UUID: 32 hex digits as 8-4-4-4-12, such as"
                + " 123e4567-e89b-12d3-a456-426614174000.");
        return null;
    }

    static String quote(String text) {
        return "'" + text + "'";
    }
}
