package io.sluice.core.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads a table's CHECK constraints from the catalog, since JDBC metadata has no call for them. */
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
    private static final Pattern NOT_NULL_ONLY =
            Pattern.compile("(?is)^\\(*\\s*(\"[^\"]+\"|[\\w$]+)\\s+IS\\s+NOT\\s+NULL\\s*\\)*$");
    private static final Pattern NOT_VALID = Pattern.compile("(?i)\\s+NOT\\s+VALID\\s*$");

    private CheckConstraintReader() {
    }

    static List<CheckConstraint> read(Connection connection, Dialect dialect, String schema, String table)
            throws SQLException {
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
        checks.sort(Comparator.comparing(c -> c.name().toLowerCase(Locale.ROOT)));
        return List.copyOf(checks);
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
