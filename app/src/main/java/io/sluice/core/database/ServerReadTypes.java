package io.sluice.core.database;

import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The columns of a table whose text only the target itself can judge, because how it reads them depends on its own
 * grammar and settings: PostgreSQL's interval (its many spellings, read by the session's IntervalStyle), bytea (hex
 * or escape form) and arrays (the element type's input, a date by the session's DateStyle); H2's interval (its
 * qualifier's fields) and arrays (whose elements, read from a literal in braces, H2 converts to the element type).
 * Each comes with the type, as the catalog declares it, to read a value as.
 */
public final class ServerReadTypes {

    /** The kinds of type judged this way, for the sentence that says what a value should look like. */
    public enum Family { INTERVAL, BYTEA, ARRAY }

    /**
     * A column and the type its text is read as.
     *
     * @param column      the column
     * @param family      what kind of type it is
     * @param type        the declared type as SQL text ({@code interval day to second(0)}, {@code numeric(5,2)[]},
     *                    {@code INTERVAL DAY(2) TO SECOND(6)})
     * @param elementType for an array, the type of its elements as SQL text, else null
     * @param reader      the SQL expression that reads the value bound to its one parameter as the import's COPY or
     *                    INSERT does
     * @param cardinality for an H2 array, the most elements it holds (a cast would cut the rest), else null
     */
    public record Judged(ColumnInfo column, Family family, String type, String elementType, String reader,
                         Integer cardinality) {

        Judged(ColumnInfo column, Family family, String type, String elementType) {
            this(column, family, type, elementType, "CAST(? AS " + type + ")", null);
        }
    }

    /**
     * The declared type of each column of table (schema ?, name ?) of a base type, with its length, digits or fields;
     * a domain's column is judged by its domain's rules instead.
     */
    private static final String POSTGRESQL_TYPES = """
            SELECT a.attname, format_type(a.atttypid, a.atttypmod), t.typcategory, t.typname,
                   CASE WHEN t.typcategory = 'A' THEN format_type(t.typelem, a.atttypmod) END, a.atttypmod
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped AND t.typtype = 'b'""";

    /** An H2 interval's qualifier, as its metadata names it: the leading field, then TO and the trailing one. */
    private static final Pattern H2_INTERVAL = Pattern.compile("INTERVAL (\\w+)(?: TO (\\w+))?");

    private ServerReadTypes() {
    }

    /** The columns of {@code table} judged by the target, in table order; none for a table without such types. */
    public static List<Judged> of(Connection connection, Dialect dialect, TableInfo table) throws SQLException {
        return dialect == Dialect.POSTGRESQL ? postgresql(connection, table) : h2(connection, table);
    }

    private static List<Judged> postgresql(Connection connection, TableInfo table) throws SQLException {
        // only a type the driver reports as OTHER, ARRAY or BINARY can be one of these: the sample table asks nothing
        if (table.columns().stream().noneMatch(c -> c.type() == JDBCType.OTHER || c.type() == JDBCType.ARRAY
                || c.type() == JDBCType.BINARY)) {
            return List.of();
        }
        Map<String, Judged> byName = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(POSTGRESQL_TYPES)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ColumnInfo column = table.column(rs.getString(1)).orElse(null);
                    String category = rs.getString(3);
                    Family family = "A".equals(category) ? Family.ARRAY : "T".equals(category) ? Family.INTERVAL
                            : "bytea".equals(rs.getString(4)) ? Family.BYTEA : null;
                    if (column == null || family == null) {
                        continue;
                    }
                    int typmod = rs.getInt(6);
                    Judged judged = new Judged(column, family, rs.getString(2), rs.getString(5));
                    if (family == Family.INTERVAL && "interval".equals(rs.getString(4)) && typmod >= 0) {
                        // COPY reads the text with the column's fields, which decide what a bare number means
                        // ('5' is five years in an interval year, five seconds cut to none by a cast); a cast of a
                        // parameter applies them only after reading
                        judged = new Judged(column, family, judged.type(), null,
                                "interval_in(CAST(? AS cstring), 0, " + typmod + ")", null);
                    }
                    byName.put(column.name(), judged);
                }
            }
        }
        return inTableOrder(table, byName);
    }

    private static List<Judged> h2(Connection connection, TableInfo table) throws SQLException {
        Map<String, Judged> byName = new LinkedHashMap<>();
        for (ColumnInfo column : table.columns()) {
            String typeName = column.typeName() == null ? "" : column.typeName().toUpperCase(Locale.ROOT);
            if (column.type() == JDBCType.ARRAY && typeName.endsWith(" ARRAY")) {
                byName.put(column.name(), new Judged(column, Family.ARRAY, typeName, null));
            } else if (typeName.startsWith("INTERVAL ")) {
                byName.put(column.name(), new Judged(column, Family.INTERVAL, typeName, null));
            }
        }
        if (byName.isEmpty()) {
            return List.of();
        }
        // the metadata's type name leaves out the leading field's precision, the seconds' fraction digits and an
        // array's cardinality
        try (PreparedStatement ps = connection.prepareStatement("SELECT COLUMN_NAME, INTERVAL_PRECISION, "
                + "DATETIME_PRECISION, MAXIMUM_CARDINALITY FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ?"
                + " AND TABLE_NAME = ?")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Judged judged = byName.get(rs.getString(1));
                    if (judged != null && judged.family() == Family.INTERVAL) {
                        byName.put(judged.column().name(), new Judged(judged.column(), Family.INTERVAL,
                                h2Interval(judged.type(), rs.getInt(2), rs.getInt(3)), null));
                    } else if (judged != null) {
                        int cardinality = rs.getInt(4);
                        String type = judged.type() + "[" + cardinality + "]";
                        String element = judged.type().substring(0, judged.type().length() - " ARRAY".length());
                        byName.put(judged.column().name(), new Judged(judged.column(), Family.ARRAY, type, element,
                                "CAST(? AS " + type + ")", cardinality));
                    }
                }
            }
        }
        return inTableOrder(table, byName);
    }

    /** {@code INTERVAL DAY TO SECOND} with its precisions: {@code INTERVAL DAY(2) TO SECOND(6)}. */
    static String h2Interval(String typeName, int leading, int fraction) {
        Matcher m = H2_INTERVAL.matcher(typeName);
        if (!m.matches()) {
            return typeName;
        }
        String first = m.group(1);
        String last = m.group(2);
        if (last == null) {
            return "INTERVAL " + first + "(" + leading + (first.equals("SECOND") ? ", " + fraction : "") + ")";
        }
        return "INTERVAL " + first + "(" + leading + ") TO " + last + (last.equals("SECOND") ? "(" + fraction + ")"
                : "");
    }

    private static List<Judged> inTableOrder(TableInfo table, Map<String, Judged> byName) {
        List<Judged> judged = new ArrayList<>();
        for (ColumnInfo column : table.columns()) {
            Judged j = byName.get(column.name());
            if (j != null) {
                judged.add(j);
            }
        }
        return List.copyOf(judged);
    }
}
