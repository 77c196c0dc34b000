package io.sluice.core.database;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads a table's columns and keys through JDBC metadata, and its CHECK constraints through the catalog. */
public final class TableIntrospector {

    /** PostgreSQL caps declared numeric precision at 1000; larger reported values mean "no declared precision". */
    private static final int MAX_DECLARED_PRECISION = 1000;
    /** H2 reports 1,000,000,000 and PostgreSQL Integer.MAX_VALUE for character columns without a declared length. */
    private static final int UNBOUNDED_LENGTH = 1_000_000_000;

    private TableIntrospector() {
    }

    /**
     * The full description of {@code schema.table}, both names exactly as stored in the catalog.
     *
     * @param reference how a profile names the table on this connection ({@link TableInfo#reference})
     */
    static TableInfo introspect(Connection connection, Dialect dialect, String schema, String table,
                                String reference) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<ColumnInfo> columns = columns(metaData, schema, table);
        if (dialect == Dialect.POSTGRESQL && columns.stream().anyMatch(c -> c.type() == JDBCType.DISTINCT)) {
            columns = ofDomains(connection, schema, table, columns);
        }
        PrimaryKey primaryKey = primaryKey(metaData, schema, table);
        List<String> uniqueIndexes = new ArrayList<>();
        List<List<String>> uniqueKeys = uniqueKeys(metaData, schema, table, primaryKey, columns, uniqueIndexes);
        return new TableInfo(schema, table, columns, primaryKey.columns(), uniqueKeys,
                foreignKeys(metaData, schema, table), CheckConstraintReader.read(connection, dialect, schema, table,
                columns), uniqueIndexes, reference);
    }

    /** The name escaped for use as a metadata search pattern, where '_' and '%' are wildcards. */
    static String escape(DatabaseMetaData metaData, String name) throws SQLException {
        String escape = metaData.getSearchStringEscape();
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static List<ColumnInfo> columns(DatabaseMetaData metaData, String schema, String table)
            throws SQLException {
        TreeMap<Integer, ColumnInfo> byPosition = new TreeMap<>();
        try (ResultSet rs = metaData.getColumns(null, escape(metaData, schema), escape(metaData, table), "%")) {
            while (rs.next()) {
                if (schema.equals(rs.getString("TABLE_SCHEM")) && table.equals(rs.getString("TABLE_NAME"))) {
                    byPosition.put(rs.getInt("ORDINAL_POSITION"), column(rs));
                }
            }
        }
        return List.copyOf(byPosition.values());
    }

    private static ColumnInfo column(ResultSet rs) throws SQLException {
        String typeName = rs.getString("TYPE_NAME");
        JDBCType type = jdbcType(rs.getInt("DATA_TYPE"), typeName);
        int size = rs.getInt("COLUMN_SIZE");
        boolean sizeKnown = !rs.wasNull();
        int digits = rs.getInt("DECIMAL_DIGITS");
        boolean digitsKnown = !rs.wasNull();
        Integer length = null;
        Integer precision = null;
        Integer scale = null;
        if (isCharacter(type) || isBinary(type, typeName)) {
            // a binary column's length is in bytes; PostgreSQL's bytea declares none
            length = sizeKnown && size > 0 && size < UNBOUNDED_LENGTH ? size : null;
        } else if (type == JDBCType.NUMERIC || type == JDBCType.DECIMAL) {
            precision = sizeKnown && size > 0 && size <= MAX_DECLARED_PRECISION ? size : null;
            scale = digitsKnown ? digits : null;
        }
        boolean generated = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))
                || "YES".equalsIgnoreCase(rs.getString("IS_GENERATEDCOLUMN"));
        return new ColumnInfo(rs.getString("COLUMN_NAME"), type, typeName,
                rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, length, precision, scale,
                rs.getString("COLUMN_DEF"), generated);
    }

    private static JDBCType jdbcType(int code, String typeName) {
        // PostgreSQL reports its boolean as BIT; callers should not have to know that
        if (code == Types.BIT && "bool".equalsIgnoreCase(typeName)) {
            return JDBCType.BOOLEAN;
        }
        // and its timestamp with time zone as TIMESTAMP, whose values the driver will not read as a LocalDateTime
        if (code == Types.TIMESTAMP && "timestamptz".equalsIgnoreCase(typeName)) {
            return JDBCType.TIMESTAMP_WITH_TIMEZONE;
        }
        try {
            return JDBCType.valueOf(code);
        } catch (IllegalArgumentException e) {
            return JDBCType.OTHER;
        }
    }

    /** The built-in types a PostgreSQL domain may be made from, by the name information_schema gives them. */
    private static final Map<String, JDBCType> POSTGRESQL_BASE_TYPES = Map.ofEntries(
            Map.entry("smallint", JDBCType.SMALLINT), Map.entry("integer", JDBCType.INTEGER),
            Map.entry("bigint", JDBCType.BIGINT), Map.entry("numeric", JDBCType.NUMERIC),
            Map.entry("real", JDBCType.REAL), Map.entry("double precision", JDBCType.DOUBLE),
            Map.entry("character varying", JDBCType.VARCHAR), Map.entry("character", JDBCType.CHAR),
            Map.entry("text", JDBCType.VARCHAR), Map.entry("boolean", JDBCType.BOOLEAN),
            Map.entry("date", JDBCType.DATE), Map.entry("timestamp without time zone", JDBCType.TIMESTAMP),
            Map.entry("timestamp with time zone", JDBCType.TIMESTAMP_WITH_TIMEZONE),
            Map.entry("time without time zone", JDBCType.TIME));

    /**
     * Each column of table (schema ?, name ?) as {@code typed (attnum, attname, typid, typmod)} with its type, and
     * once more with each domain that type is made from, down to the built-in type; typmod is the first length or
     * digits declared on the way.
     */
    static final String POSTGRESQL_TYPE_CHAIN = """
            WITH RECURSIVE typed (attnum, attname, typid, typmod) AS (
              SELECT a.attnum, a.attname, a.atttypid, a.atttypmod
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped
              UNION ALL
              SELECT typed.attnum, typed.attname, t.typbasetype,
                     CASE WHEN typed.typmod >= 0 THEN typed.typmod ELSE t.typtypmod END
              FROM typed JOIN pg_type t ON t.oid = typed.typid
              WHERE t.typtype = 'd')
            """;
    /** Each column's built-in type, through its domains, with its length or digits, in information_schema's terms. */
    private static final String POSTGRESQL_DOMAIN_BASES = POSTGRESQL_TYPE_CHAIN + """
            SELECT typed.attname, format_type(typed.typid, NULL),
                   information_schema._pg_char_max_length(typed.typid, typed.typmod),
                   information_schema._pg_numeric_precision(typed.typid, typed.typmod),
                   information_schema._pg_numeric_scale(typed.typid, typed.typmod)
            FROM typed JOIN pg_type t ON t.oid = typed.typid
            WHERE t.typtype <> 'd'""";

    /**
     * Columns of a PostgreSQL domain, which the driver reports as DISTINCT without the length, precision or scale of
     * the type the domain is made from: described by that type instead (the domain keeps its name), so that their
     * values convert, and their length and digits are checked, as the database will. A domain of another type stays
     * as the driver reports it.
     */
    private static List<ColumnInfo> ofDomains(Connection connection, String schema, String table,
                                              List<ColumnInfo> columns) throws SQLException {
        Map<String, ColumnInfo> resolved = new LinkedHashMap<>();
        try (var ps = connection.prepareStatement(POSTGRESQL_DOMAIN_BASES)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JDBCType base = POSTGRESQL_BASE_TYPES.get(rs.getString(2));
                    String name = rs.getString(1);
                    ColumnInfo column = columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
                    if (base == null || column == null || column.type() != JDBCType.DISTINCT) {
                        continue;
                    }
                    Integer length = isCharacter(base) ? (Integer) rs.getObject(3) : null;
                    boolean numeric = base == JDBCType.NUMERIC;
                    resolved.put(name, new ColumnInfo(name, base, column.typeName(), column.nullable(), length,
                            numeric ? (Integer) rs.getObject(4) : null, numeric ? (Integer) rs.getObject(5) : null,
                            column.defaultValue(), column.generated()));
                }
            }
        }
        return columns.stream().map(c -> resolved.getOrDefault(c.name(), c)).toList();
    }

    /** A binary string of H2 or PostgreSQL; H2 reports its UUID as BINARY too, which is not one. */
    static boolean isBinary(JDBCType type, String typeName) {
        return (type == JDBCType.BINARY || type == JDBCType.VARBINARY) && !"uuid".equalsIgnoreCase(typeName);
    }

    static boolean isCharacter(JDBCType type) {
        return switch (type) {
            case CHAR, VARCHAR, LONGVARCHAR, NCHAR, NVARCHAR, LONGNVARCHAR, CLOB, NCLOB -> true;
            default -> false;
        };
    }

    private record PrimaryKey(String name, List<String> columns) {
    }

    private static PrimaryKey primaryKey(DatabaseMetaData metaData, String schema, String table) throws SQLException {
        TreeMap<Short, String> bySeq = new TreeMap<>();
        String name = null;
        try (ResultSet rs = metaData.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                bySeq.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                name = rs.getString("PK_NAME");
            }
        }
        return new PrimaryKey(name, List.copyOf(bySeq.values()));
    }

    /**
     * The plain UNIQUE keys; the UNIQUE indexes on expressions or with a WHERE go to {@code otherIndexes} as text,
     * "(key, ...) WHERE condition", sorted.
     */
    private static List<List<String>> uniqueKeys(DatabaseMetaData metaData, String schema, String table,
                                                 PrimaryKey primaryKey, List<ColumnInfo> columns,
                                                 List<String> otherIndexes)
            throws SQLException {
        Map<String, TreeMap<Short, String>> byIndex = new LinkedHashMap<>();
        Map<String, String> conditions = new LinkedHashMap<>();
        Set<String> partial = new LinkedHashSet<>();
        try (ResultSet rs = metaData.getIndexInfo(null, schema, table, true, false)) {
            while (rs.next()) {
                String index = rs.getString("INDEX_NAME");
                String column = rs.getString("COLUMN_NAME");
                if (index == null || rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                String condition = rs.getString("FILTER_CONDITION");
                if (column == null || condition != null) {
                    partial.add(index);
                }
                if (condition != null) {
                    conditions.put(index, condition);
                }
                byIndex.computeIfAbsent(index, k -> new TreeMap<>()).put(rs.getShort("ORDINAL_POSITION"), column);
            }
        }
        Set<Set<String>> seen = new LinkedHashSet<>();
        seen.add(Set.copyOf(primaryKey.columns()));
        List<List<String>> keys = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Short, String>> index : byIndex.entrySet()) {
            List<String> keyColumns = List.copyOf(index.getValue().values());
            // partial and expression indexes are not plain UNIQUE constraints a row-level rule can check
            boolean plain = !partial.contains(index.getKey()) && keyColumns.stream()
                    .allMatch(c -> columns.stream().anyMatch(col -> col.name().equals(c)));
            if (plain && !index.getKey().equals(primaryKey.name()) && seen.add(Set.copyOf(keyColumns))) {
                keys.add(keyColumns);
            } else if (!plain) {
                String condition = conditions.get(index.getKey());
                otherIndexes.add("(" + keyColumns.stream().map(c -> c == null ? "?" : c)
                        .collect(Collectors.joining(", ")) + ")" + (condition == null ? "" : " WHERE " + condition));
            }
        }
        otherIndexes.sort(null);
        return List.copyOf(keys);
    }

    private static List<ForeignKey> foreignKeys(DatabaseMetaData metaData, String schema, String table)
            throws SQLException {
        record Part(short seq, String column, String refSchema, String refTable, String refColumn) {
        }
        Map<String, List<Part>> byName = new TreeMap<>();
        try (ResultSet rs = metaData.getImportedKeys(null, schema, table)) {
            while (rs.next()) {
                String name = rs.getString("FK_NAME");
                String refTable = rs.getString("PKTABLE_NAME");
                // unnamed keys (rare) are told apart by the table they reference
                String key = name != null ? name : "<unnamed " + refTable + ">";
                byName.computeIfAbsent(key, k -> new ArrayList<>()).add(new Part(rs.getShort("KEY_SEQ"),
                        rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_SCHEM"), refTable,
                        rs.getString("PKCOLUMN_NAME")));
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        byName.forEach((name, parts) -> {
            parts.sort((a, b) -> Short.compare(a.seq(), b.seq()));
            Part first = parts.get(0);
            keys.add(new ForeignKey(name.startsWith("<unnamed ") ? null : name,
                    parts.stream().map(Part::column).toList(), first.refSchema(), first.refTable(),
                    parts.stream().map(Part::refColumn).toList()));
        });
        return List.copyOf(keys);
    }
}
