package io.sluice.core.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a table's CHECK constraints from the catalog, since JDBC metadata has no call for them. An enum column (a
 * PostgreSQL enum type, an H2 ENUM) allows only its labels, as a CHECK of an IN list would: it is read as one, named
 * after the type (PostgreSQL) or the column (H2), so validation finds a value the target would refuse. A column of a
 * domain is held to the domain's CHECKs as well: each is read as a CHECK of the table on that column.
 */
final class CheckConstraintReader {

    private static final String H2_QUERY = """
            SELECT tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE
            FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc
            JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc
              ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
            WHERE tc.CONSTRAINT_TYPE = 'CHECK' AND tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ?""";
    private static final String POSTGRESQL_QUERY = """
            SELECT con.conname, pg_get_constraintdef(con.oid)
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE con.contype = 'c' AND n.nspname = ? AND c.relname = ?""";
    private static final String H2_ENUMS = """
            SELECT c.COLUMN_NAME, c.COLUMN_NAME || '_enum', e.VALUE_NAME
            FROM INFORMATION_SCHEMA.COLUMNS c
            JOIN INFORMATION_SCHEMA.ENUM_VALUES e
              ON e.OBJECT_SCHEMA = c.TABLE_SCHEMA AND e.OBJECT_NAME = c.TABLE_NAME AND e.OBJECT_TYPE = 'TABLE'
             AND e.ENUM_IDENTIFIER = c.DTD_IDENTIFIER
            WHERE c.TABLE_SCHEMA = ? AND c.TABLE_NAME = ?
            ORDER BY c.ORDINAL_POSITION, e.VALUE_ORDINAL""";
    private static final String POSTGRESQL_ENUMS = """
            SELECT a.attname, t.typname, e.enumlabel
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum, e.enumsortorder""";
    /**
     * The CHECKs of each column's domain, and of the domains that one is made from: PostgreSQL checks them all on
     * every value of the column.
     */
    private static final String POSTGRESQL_DOMAIN_CHECKS = TableIntrospector.POSTGRESQL_TYPE_CHAIN + """
            SELECT typed.attname, con.conname, pg_get_constraintdef(con.oid)
            FROM typed JOIN pg_constraint con ON con.contypid = typed.typid AND con.contype = 'c'
            ORDER BY typed.attnum, con.conname""";
    private static final String H2_DOMAIN_CHECKS = """
            WITH RECURSIVE typed (COLUMN_NAME, ORDINAL_POSITION, DOMAIN_SCHEMA, DOMAIN_NAME) AS (
              SELECT COLUMN_NAME, ORDINAL_POSITION, DOMAIN_SCHEMA, DOMAIN_NAME
              FROM INFORMATION_SCHEMA.COLUMNS
              WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND DOMAIN_NAME IS NOT NULL
              UNION ALL
              SELECT typed.COLUMN_NAME, typed.ORDINAL_POSITION, d.PARENT_DOMAIN_SCHEMA, d.PARENT_DOMAIN_NAME
              FROM typed JOIN INFORMATION_SCHEMA.DOMAINS d
                ON d.DOMAIN_SCHEMA = typed.DOMAIN_SCHEMA AND d.DOMAIN_NAME = typed.DOMAIN_NAME
              WHERE d.PARENT_DOMAIN_NAME IS NOT NULL)
            SELECT typed.COLUMN_NAME, dc.CONSTRAINT_NAME, cc.CHECK_CLAUSE
            FROM typed
            JOIN INFORMATION_SCHEMA.DOMAIN_CONSTRAINTS dc
              ON dc.DOMAIN_SCHEMA = typed.DOMAIN_SCHEMA AND dc.DOMAIN_NAME = typed.DOMAIN_NAME
            JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc
              ON cc.CONSTRAINT_SCHEMA = dc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = dc.CONSTRAINT_NAME
            ORDER BY typed.ORDINAL_POSITION, dc.CONSTRAINT_NAME""";
    /** PostgreSQL's built-in type names as the JDBC driver reports a column's type (serial ones by their own name). */
    private static final Set<String> POSTGRESQL_BUILT_IN_TYPES = Set.of("bool", "int2", "int4", "int8", "float4",
            "float8", "numeric", "money", "text", "varchar", "bpchar", "char", "name", "date", "time", "timetz",
            "timestamp", "timestamptz", "interval", "uuid", "json", "jsonb", "bytea", "xml", "inet", "cidr",
            "macaddr", "macaddr8", "bit", "varbit", "oid", "serial", "bigserial", "smallserial", "tsvector",
            "tsquery", "point", "line", "lseg", "box", "path", "polygon", "circle", "pg_lsn", "int4range",
            "int8range", "numrange", "tsrange", "tstzrange", "daterange");
    private static final Pattern NOT_NULL_ONLY =
            Pattern.compile("(?is)^\\(*\\s*(\"[^\"]+\"|[\\w$]+)\\s+IS\\s+NOT\\s+NULL\\s*\\)*$");
    private static final Pattern NOT_VALID = Pattern.compile("(?i)\\s+NOT\\s+VALID\\s*$");

    private CheckConstraintReader() {
    }

    static List<CheckConstraint> read(Connection connection, Dialect dialect, String schema, String table,
                                      List<ColumnInfo> columns) throws SQLException {
        List<CheckConstraint> checks = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(dialect == Dialect.H2 ? H2_QUERY : POSTGRESQL_QUERY)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String expression = dialect == Dialect.H2 ? rs.getString(2) : fromDefinition(rs.getString(2));
                    if (!NOT_NULL_ONLY.matcher(expression.strip()).matches()) {
                        checks.add(new CheckConstraint(rs.getString(1), expression));
                    }
                }
            }
        }
        if (columns.stream().anyMatch(c -> mayBeEnum(dialect, c))) {
            checks.addAll(enums(connection, dialect, schema, table));
            checks.addAll(domainChecks(connection, dialect, schema, table));
        }
        checks.sort(Comparator.comparing(c -> c.name().toLowerCase(Locale.ROOT)));
        return List.copyOf(checks);
    }

    /**
     * Whether the column's type may be an enum or a domain. H2 is always asked (its catalog is read in process). On
     * PostgreSQL an enum or a domain is a type of its own, not one of the built-in types (an array, named
     * {@code _element}, is never read as one), and a table of built-in types only is not asked for enum labels at
     * all: asking cost a 1,000,000-row PostgreSQL import of the sample table about 0.8 s of the server's COPY time
     * (measured; what in the server made it so was not found), although it found nothing.
     */
    static boolean mayBeEnum(Dialect dialect, ColumnInfo column) {
        String type = column.typeName() == null ? "" : column.typeName().toLowerCase(Locale.ROOT);
        return dialect == Dialect.H2 || !type.startsWith("_") && !POSTGRESQL_BUILT_IN_TYPES.contains(type);
    }

    /** Each enum column as {@code "column" IN ('label', ...)}, its labels in the type's order. */
    private static List<CheckConstraint> enums(Connection connection, Dialect dialect, String schema, String table)
            throws SQLException {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> labels = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(dialect == Dialect.H2 ? H2_ENUMS
                : POSTGRESQL_ENUMS)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.putIfAbsent(rs.getString(1), rs.getString(2));
                    labels.computeIfAbsent(rs.getString(1), column -> new ArrayList<>()).add(rs.getString(3));
                }
            }
        }
        List<CheckConstraint> checks = new ArrayList<>();
        labels.forEach((column, values) -> checks.add(new CheckConstraint(names.get(column),
                "\"" + column.replace("\"", "\"\"") + "\" IN (" + values.stream()
                        .map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(", ")) + ")")));
        return checks;
    }

    /**
     * Each CHECK of a column's domain restated on the column ({@code VALUE > 0} becomes {@code "weight" > 0}), named
     * after the domain's constraint, and after the column too when several columns share the domain.
     */
    private static List<CheckConstraint> domainChecks(Connection connection, Dialect dialect, String schema,
                                                      String table) throws SQLException {
        record DomainCheck(String column, String name, String expression) {
        }
        List<DomainCheck> found = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(dialect == Dialect.H2 ? H2_DOMAIN_CHECKS
                : POSTGRESQL_DOMAIN_CHECKS)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String condition = dialect == Dialect.H2 ? rs.getString(3) : fromDefinition(rs.getString(3));
                    found.add(new DomainCheck(rs.getString(1), rs.getString(2), onColumn(condition,
                            rs.getString(1))));
                }
            }
        }
        Map<String, Long> uses = found.stream().collect(Collectors.groupingBy(DomainCheck::name,
                Collectors.counting()));
        return found.stream().map(d -> new CheckConstraint(uses.get(d.name()) > 1 ? d.name() + " (" + d.column()
                + ")" : d.name(), d.expression())).toList();
    }

    /** A domain's condition with each {@code VALUE} outside quotes replaced by the quoted column name. */
    static String onColumn(String condition, String column) {
        String quoted = "\"" + column.replace("\"", "\"\"") + "\"";
        StringBuilder out = new StringBuilder(condition.length() + 16);
        char quote = 0;
        for (int i = 0; i < condition.length(); i++) {
            char c = condition.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (condition.regionMatches(true, i, "VALUE", 0, 5) && !wordChar(condition, i - 1)
                    && !wordChar(condition, i + 5)) {
                out.append(quoted);
                i += 4;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean wordChar(String text, int i) {
        return i >= 0 && i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                || text.charAt(i) == '$');
    }

    /** {@code CHECK ((a > 0)) NOT VALID} → {@code (a > 0)}: PostgreSQL wraps the condition in one extra pair. */
    static String fromDefinition(String definition) {
        String body = NOT_VALID.matcher(definition.strip()).replaceAll("");
        if (body.regionMatches(true, 0, "CHECK", 0, 5)) {
            body = body.substring(5).strip();
        }
        return enclosedByOneParenPair(body) ? body.substring(1, body.length() - 1) : body;
    }

    private static boolean enclosedByOneParenPair(String text) {
        if (!text.startsWith("(") || !text.endsWith(")")) {
            return false;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (!inString && c == '(') {
                depth++;
            } else if (!inString && c == ')') {
                depth--;
                if (depth == 0 && i < text.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
