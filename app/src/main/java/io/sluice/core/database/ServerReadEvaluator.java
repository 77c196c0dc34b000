package io.sluice.core.database;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Asks the target whether it reads texts as a type, without writing anything: each text is a bound parameter cast
 * to the type in one {@code SELECT}, as the import's COPY or INSERT hands the same text to the same type's input. On
 * PostgreSQL the parameter goes untyped, so the type's own input reads it with the column's length and fields, as
 * COPY does (a cast from varchar would cut an over-long element instead). One unreadable text spoils a statement, so
 * a refused batch is halved until each refusal stands alone, with the target's own words for it.
 */
public final class ServerReadEvaluator {

    /** Texts per statement: one statement per chunk of a column with few distinct values. */
    private static final int TEXTS_PER_STATEMENT = 200;

    private final Connection connection;
    private final Dialect dialect;

    /** An evaluator on the target's connection. */
    public ServerReadEvaluator(TargetDatabase target) {
        this(target.connection(), target.dialect());
    }

    public ServerReadEvaluator(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * For each value, in order, null when the target reads it with {@code reader} (an expression of one parameter,
     * such as {@code CAST(? AS integer[])}), else the target's reason why not. A value is a text, or for H2 an
     * {@link ArrayLiteral} or the {@code Object[]} of a nested array.
     */
    public List<String> refusals(String reader, List<?> texts) throws SQLException {
        List<String> result = new ArrayList<>(Collections.nCopies(texts.size(), null));
        for (int start = 0; start < texts.size(); start += TEXTS_PER_STATEMENT) {
            int end = Math.min(texts.size(), start + TEXTS_PER_STATEMENT);
            judge(reader, texts, start, end, result);
        }
        return result;
    }

    /**
     * The elements of a PostgreSQL array literal as text (null for a NULL element), flattened in order, or a
     * refusal: the array's own structure (braces, quotes, dimensions) whatever its element type.
     */
    public Elements elements(String literal) throws SQLException {
        List<String> elements = new ArrayList<>();
        try {
            fenced(() -> {
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT u.e FROM unnest(CAST(? AS text[])) WITH ORDINALITY AS u(e, n) ORDER BY u.n")) {
                    ps.setObject(1, literal, Types.OTHER);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            elements.add(rs.getString(1));
                        }
                    }
                }
                return null;
            });
            return new Elements(elements, null);
        } catch (SQLException e) {
            if (!isRefusal(e)) {
                throw e;
            }
            return new Elements(null, reason(e));
        }
    }

    /** The target's own text of a value bound as it is (an H2 nested array's, which H2 writes as "[1, 2]"). */
    public String text(Object value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT CAST(? AS VARCHAR)")) {
            ps.setObject(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /**
     * An array's elements or why it has none.
     *
     * @param texts   the elements, flattened in order; null when the literal is refused
     * @param refusal the target's reason, or null
     */
    public record Elements(List<String> texts, String refusal) {
    }

    private void judge(String reader, List<?> texts, int start, int end, List<String> result)
            throws SQLException {
        try {
            fenced(() -> {
                read(reader, texts.subList(start, end));
                return null;
            });
        } catch (SQLException e) {
            if (!isRefusal(e)) {
                throw e;
            }
            if (end - start == 1) {
                result.set(start, reason(e));
                return;
            }
            int middle = (start + end) >>> 1;
            judge(reader, texts, start, middle, result);
            judge(reader, texts, middle, end, result);
        }
    }

    private void read(String reader, List<?> texts) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < texts.size(); i++) {
            // the reader is made of the column's declared type from the catalog, never of a cell's text
            sql.append(i == 0 ? "" : ", ").append(reader);
        }
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < texts.size(); i++) {
                Object value = texts.get(i);
                if (dialect == Dialect.POSTGRESQL) {
                    ps.setObject(i + 1, value, Types.OTHER);
                } else if (value instanceof ArrayLiteral a) {
                    ps.setObject(i + 1, a.elements());
                } else {
                    ps.setObject(i + 1, value);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    private interface Query {
        Void run() throws SQLException;
    }

    /** Inside a transaction a failed statement would poison it (PostgreSQL), so it is fenced with a savepoint. */
    private void fenced(Query query) throws SQLException {
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            query.run();
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            throw e;
        }
    }

    /**
     * Whether the failure is the target refusing a value (SQLSTATE class 22, data exception), not a lost connection
     * or a statement of Sluice's own that is wrong, which must not pass for a finding.
     */
    private static boolean isRefusal(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("22");
    }

    /** The target's reason in one line: PostgreSQL's message and detail, H2's message without the statement. */
    private static String reason(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            String detail = m.getDetail();
            return m.getMessage() + (detail == null ? "" : " (" + stripStop(detail) + ")");
        }
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        int statement = message.indexOf("; SQL statement:");
        return (statement < 0 ? message : message.substring(0, statement)).strip();
    }

    private static String stripStop(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
