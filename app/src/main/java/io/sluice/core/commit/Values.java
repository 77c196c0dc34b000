package io.sluice.core.commit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.core.SluiceException;
import io.sluice.core.rules.KeyText;
import io.sluice.core.database.ArrayLiteral;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.Dialect;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values between Java, JDBC and text: canonical key text (provenance), before-images (JSON column -> value text, or
 * bytes as hex) and back to typed values bound by the column's JDBC type, so nothing depends on a database's text
 * formats.
 */
final class Values {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The field of a before-image's object holding a binary value's bytes as hex pairs. */
    private static final String HEX = "hex";
    /** PostgreSQL's own character types, as its driver names them. */
    private static final List<String> PG_TEXT_TYPES = List.of("text", "varchar", "bpchar", "char", "name",
            "character varying", "character", "citext");

    private Values() {
    }

    /** Canonical text of one key value: equal keys give equal text whatever Java type or scale they come in. */
    static String keyPart(Object value) {
        return KeyText.of(value);
    }

    /** The canonical key text: the value's text for a one-column key, else a JSON array such as ["A-1",3]. */
    static String keyText(List<?> values) {
        if (values.size() == 1) {
            return keyPart(values.get(0));
        }
        ArrayNode array = JSON.createArrayNode();
        for (Object value : values) {
            if (value == null) {
                array.addNull();
            } else if (value instanceof Number) {
                array.add(new BigDecimal(keyPart(value)));
            } else {
                array.add(keyPart(value));
            }
        }
        return array.toString();
    }

    /** The key values of a canonical key text, typed for the key columns. */
    static List<Object> parseKey(String keyText, List<ColumnInfo> keyColumns) {
        List<Object> values = new ArrayList<>();
        if (keyColumns.size() == 1) {
            values.add(parse(keyText, keyColumns.get(0)));
            return values;
        }
        JsonNode array = readJson(keyText);
        for (int i = 0; i < keyColumns.size(); i++) {
            JsonNode node = array.get(i);
            values.add(node == null || node.isNull() ? null : parse(node.asText(), keyColumns.get(i)));
        }
        return values;
    }

    /** A column's value read back in a form {@link #imageText} and {@link #parse} round-trip exactly. */
    static Object read(ResultSet rs, int index, ColumnInfo column) throws SQLException {
        Object value = switch (column.type()) {
            case TIMESTAMP_WITH_TIMEZONE -> rs.getObject(index, OffsetDateTime.class);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            case TIME -> rs.getObject(index, LocalTime.class);
            default -> rs.getObject(index);
        };
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String
                || value instanceof Temporal) {
            return value;
        }
        return rs.getString(index);
    }

    /**
     * A column's value as a before-image keeps it: as {@link #read}, but a binary column's bytes as they are (not
     * the driver's text of them) and an H2 array as the literal of its elements' texts, which H2 reads back into
     * the elements' type (H2 converts no text of its own to an array).
     */
    static Object readImage(ResultSet rs, int index, ColumnInfo column, Dialect dialect) throws SQLException {
        if (isBinary(column)) {
            return rs.getBytes(index);
        }
        if (column.type() == JDBCType.ARRAY && dialect == Dialect.H2) {
            Array array = rs.getArray(index);
            return array == null ? null : ArrayLiteral.of(elementTexts(array));
        }
        return read(rs, index, column);
    }

    private static Object[] elementTexts(Array array) throws SQLException {
        List<Object> elements = new ArrayList<>();
        try (ResultSet rs = array.getResultSet()) {
            while (rs.next()) {
                Object element = rs.getObject(2);
                if (element instanceof Array nested) {
                    elements.add(elementTexts(nested));
                } else if (element instanceof Object[] nested) {
                    elements.add(texts(nested));
                } else {
                    elements.add(element == null ? null : rs.getString(2));
                }
            }
        }
        return elements.toArray();
    }

    private static Object[] texts(Object[] elements) {
        Object[] texts = new Object[elements.length];
        for (int i = 0; i < elements.length; i++) {
            texts[i] = elements[i] instanceof Object[] nested ? texts(nested) : imageText(elements[i]);
        }
        return texts;
    }

    /** Text of a value as kept in a before-image; numbers keep their scale. */
    static String imageText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    /**
     * The before-image JSON of a row, column -> value: the value's text, or for bytes an object {@code {"hex":
     * "0a0b"}}, which no image's text can be mistaken for (images kept before held a driver's text of the bytes).
     */
    static String imageJson(Map<String, Object> row) {
        ObjectNode image = JSON.createObjectNode();
        row.forEach((column, value) -> {
            if (value instanceof byte[] bytes) {
                image.putObject(column).put(HEX, HexFormat.of().formatHex(bytes));
            } else {
                image.put(column, imageText(value));
            }
        });
        return image.toString();
    }

    /** A before-image read back: column -> value text, or byte[] for bytes, in the stored order. */
    static Map<String, Object> parseImage(String json) {
        Map<String, Object> image = new LinkedHashMap<>();
        readJson(json).fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            image.put(e.getKey(), value.isNull() ? null
                    : value.isObject() ? HexFormat.of().parseHex(value.get(HEX).asText()) : value.asText());
        });
        return image;
    }

    /** Text as a typed value for the column: the inverse of {@link #imageText} and {@link #keyPart}. */
    static Object parse(String text, ColumnInfo column) {
        if (text == null) {
            return null;
        }
        return switch (column.type()) {
            case CHAR, VARCHAR, LONGVARCHAR, NCHAR, NVARCHAR, LONGNVARCHAR, CLOB, NCLOB -> text;
            case NUMERIC, DECIMAL, REAL, FLOAT, DOUBLE -> new BigDecimal(text);
            case TINYINT, SMALLINT, INTEGER, BIGINT -> new BigDecimal(text).longValueExact();
            case BOOLEAN, BIT -> Boolean.parseBoolean(text) || "t".equals(text) || "1".equals(text);
            case DATE -> LocalDate.parse(text);
            case TIMESTAMP -> LocalDateTime.parse(text);
            case TIME -> LocalTime.parse(text);
            case TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.parse(text);
            default -> new Untyped(text);
        };
    }

    /**
     * A before-image's value (as {@link #parseImage} gives it) as the value to write back into the column: bytes as
     * they are, an H2 array's literal as its elements, any other text as {@link #parse} reads it.
     */
    static Object parseImageValue(Object imageValue, ColumnInfo column, Dialect dialect) {
        if (imageValue == null || imageValue instanceof byte[]) {
            return imageValue;
        }
        String text = (String) imageValue;
        if (isBinary(column) && dialect == Dialect.H2 && text.indexOf('\uFFFD') >= 0) {
            // images kept before held H2's text of the bytes, their UTF-8 reading, where bytes of no character
            // became U+FFFD: the bytes it stood for are not known
            throw SluiceException.target("A before-image holds H2's text of the bytes in column " + column.name()
                    + ", where bytes that are no UTF-8 character were lost, so the batch cannot be rolled back"
                    + " exactly; nothing was changed.");
        }
        if (column.type() == JDBCType.ARRAY && dialect == Dialect.H2) {
            try {
                return ArrayLiteral.parse(text);
            } catch (IllegalArgumentException e) {
                // images kept before held H2's text of the array ([1, null]), which says not what an element was
                throw SluiceException.target("A before-image holds H2's text of the array in column "
                        + column.name() + " (" + text + "), which cannot be written back exactly, so the batch"
                        + " cannot be rolled back; nothing was changed.");
            }
        }
        return parse(text, column);
    }

    /** Whether the column holds bytes: H2's binary types and BLOB, PostgreSQL's bytea. */
    static boolean isBinary(ColumnInfo column) {
        return switch (column.type()) {
            case BINARY, VARBINARY, LONGVARBINARY, BLOB -> true;
            default -> false;
        };
    }

    /** Binds a typed value (as mapped or parsed) to a parameter of that column. */
    static void bind(PreparedStatement statement, int index, Object value, ColumnInfo column, Dialect dialect)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, column.type().getVendorTypeNumber());
        } else if (value instanceof Long l) {
            statement.setLong(index, l);
        } else if (value instanceof BigDecimal d) {
            statement.setBigDecimal(index, d);
        } else if (value instanceof String s) {
            if (dialect == Dialect.POSTGRESQL && !plainText(column)) {
                // an enum, domain, array, json, bytea, interval...: PostgreSQL reads the text as the column's type,
                // where a bound varchar has no cast to it
                statement.setObject(index, s, Types.OTHER);
            } else {
                statement.setString(index, s);
            }
        } else if (value instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else if (value instanceof ArrayLiteral a) {
            // H2 converts each element to the array's element type
            statement.setObject(index, a.elements());
        } else if (value instanceof Untyped u) {
            // a type Sluice does not know (uuid, json, ...): PostgreSQL infers it from the column, H2 converts text
            if (dialect == Dialect.POSTGRESQL) {
                statement.setObject(index, u.text(), Types.OTHER);
            } else {
                statement.setString(index, u.text());
            }
        } else {
            statement.setObject(index, value);
        }
    }

    /** Whether PostgreSQL takes a bound varchar for the column: one of its own character types. */
    private static boolean plainText(ColumnInfo column) {
        return switch (column.type()) {
            case CHAR, VARCHAR, LONGVARCHAR, NCHAR, NVARCHAR, LONGNVARCHAR, CLOB, NCLOB ->
                    isPostgresText(column.typeName());
            default -> false;
        };
    }

    // without a lower-cased copy: this runs for every text value bound on PostgreSQL
    private static boolean isPostgresText(String typeName) {
        for (String name : PG_TEXT_TYPES) {
            if (name.equalsIgnoreCase(typeName)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sluice's own bookkeeping JSON is unreadable: " + json, e);
        }
    }

    /** Text of a column type Sluice has no Java type for. */
    record Untyped(String text) {
        @Override
        public String toString() {
            return text;
        }
    }
}
