package io.sluice.core.database;

import io.sluice.core.SluiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Asks the target database which CHECK constraints candidate rows would violate, without writing anything: the rows
 * travel as bound parameters in a {@code VALUES} list typed like the table, and each constraint is evaluated over it.
 * For the constraints {@link CheckParser} cannot turn into rules.
 */
public final class DatabaseCheckEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCheckEvaluator.class);
    private static final int MAX_ROWS_PER_STATEMENT = 500;
    /** Stays well under PostgreSQL's limit of 32,767 bound parameters per statement. */
    private static final int MAX_PARAMETERS = 30_000;

    private final Connection connection;
    private final TableInfo table;
    private final List<CheckConstraint> checks;
    private final List<ColumnInfo> used;
    private final String rowKey;
    private final String selectList;
    private final String rowTemplate;
    private final String columnList;
    private final int rowsPerStatement;
    /** The statement for a full chunk, prepared once: parsing a VALUES list of hundreds of rows is not free. */
    private PreparedStatement fullChunk;

    /** An evaluator of {@code checks} (constraints of {@code table}) on the target's connection. */
    public DatabaseCheckEvaluator(TargetDatabase target, TableInfo table, List<CheckConstraint> checks) {
        this(target.connection(), target.dialect(), table, checks, false);
    }

    /**
     * An evaluator of a PostgreSQL partitioned table's bounds, whose hash partitions take only a value of the key's
     * own type: numbers are cast to the column's declared type (an int4 to int4, not bigint); a value out of its
     * range makes its row one the database cannot check, which the range rules report.
     */
    public static DatabaseCheckEvaluator ofPartitions(TargetDatabase target, TableInfo table,
                                                      CheckConstraint bounds) {
        return new DatabaseCheckEvaluator(target.connection(), target.dialect(), table, List.of(bounds), true);
    }

    DatabaseCheckEvaluator(Connection connection, Dialect dialect, TableInfo table, List<CheckConstraint> checks,
                           boolean declaredNumbers) {
        this.connection = connection;
        this.table = table;
        this.checks = List.copyOf(checks);
        this.rowKey = dialect.quote(unusedName(table));
        StringBuilder select = new StringBuilder(rowKey);
        for (CheckConstraint check : this.checks) {
            // the expression is catalog text naming the table's columns, which the derived table below provides
            select.append(", (").append(check.expression()).append(')');
        }
        this.selectList = select.toString();
        this.used = referencedColumns(table, this.checks);
        StringBuilder template = new StringBuilder("(CAST(? AS INTEGER)");
        StringBuilder columns = new StringBuilder(rowKey);
        for (ColumnInfo column : used) {
            template.append(", CAST(? AS ").append(declaredNumbers && dialect == Dialect.POSTGRESQL
                    && declaredNumber(column) ? column.typeName() : castType(column, dialect)).append(')');
            columns.append(", ").append(dialect.quote(column.name()));
        }
        this.rowTemplate = template.append(')').toString();
        this.columnList = columns.toString();
        this.rowsPerStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT,
                MAX_PARAMETERS / (used.size() + 1)));
    }

    /**
     * The columns the constraints mention (a column name as a whole word in the constraint text, ignoring case);
     * only those travel to the database. Mentioning a column too many costs a parameter, never a wrong answer.
     */
    public static List<ColumnInfo> referencedColumns(TableInfo table, List<CheckConstraint> checks) {
        List<ColumnInfo> used = new ArrayList<>();
        for (ColumnInfo column : table.columns()) {
            Pattern word = Pattern.compile("(?<![\\w$])" + Pattern.quote(column.name()) + "(?![\\w$])",
                    Pattern.CASE_INSENSITIVE);
            if (checks.stream().anyMatch(c -> word.matcher(c.expression()).find())) {
                used.add(column);
            }
        }
        return used;
    }

    /**
     * For each row, in order, the names of the constraints it violates (empty when none). A row maps target column
     * names (any case) to String, BigDecimal, Long, Integer, Double, a date or time, a UUID, Boolean or null; a
     * column left out counts as null. A row the database cannot even convert to the column types is reported with no
     * violations, since type rules report it.
     */
    public List<List<String>> evaluate(List<? extends Map<String, ?>> rows) {
        List<List<String>> result = new ArrayList<>(rows.size());
        if (checks.isEmpty()) {
            rows.forEach(r -> result.add(List.of()));
            return result;
        }
        for (int start = 0; start < rows.size(); start += rowsPerStatement) {
            List<? extends Map<String, ?>> chunk = rows.subList(start, Math.min(rows.size(), start + rowsPerStatement));
            result.addAll(evaluateChunk(chunk));
        }
        return result;
    }

    private List<List<String>> evaluateChunk(List<? extends Map<String, ?>> chunk) {
        try {
            return attempt(chunk);
        } catch (SQLException e) {
            if (chunk.size() == 1) {
                LOG.debug("A row of {} could not be checked by the database: {}", table.qualifiedName(),
                        e.getMessage());
                return List.of(List.of());
            }
            // one unconvertible value spoils the whole statement: find it by checking the rows one at a time
            List<List<String>> result = new ArrayList<>(chunk.size());
            for (Map<String, ?> row : chunk) {
                result.addAll(evaluateChunk(List.of(row)));
            }
            return result;
        }
    }

    private List<List<String>> attempt(List<? extends Map<String, ?>> chunk) throws SQLException {
        // inside a transaction a failed statement would poison it (PostgreSQL), so fence it with a savepoint
        Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
        try {
            List<List<String>> result = run(chunk);
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return result;
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            }
            throw e;
        }
    }

    private List<List<String>> run(List<? extends Map<String, ?>> chunk) throws SQLException {
        boolean full = chunk.size() == rowsPerStatement;
        PreparedStatement statement = full && fullChunk != null ? fullChunk : connection.prepareStatement(
                "SELECT " + selectList + " FROM (VALUES " + String.join(", ", Collections.nCopies(chunk.size(),
                        rowTemplate)) + ") AS sluice_candidates(" + columnList + ")");
        if (full) {
            fullChunk = statement;
        }
        List<List<String>> result = new ArrayList<>(Collections.nCopies(chunk.size(), List.of()));
        try {
            int parameter = 1;
            for (int i = 0; i < chunk.size(); i++) {
                statement.setInt(parameter++, i);
                Map<String, ?> row = chunk.get(i);
                for (ColumnInfo column : used) {
                    bind(statement, parameter++, valueOf(row, column.name()), column);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int index = rs.getInt(1);
                    List<String> violated = null;
                    for (int c = 0; c < checks.size(); c++) {
                        boolean passed = rs.getBoolean(c + 2);
                        // NULL means "unknown", which a CHECK constraint accepts
                        if (!passed && !rs.wasNull()) {
                            violated = violated == null ? new ArrayList<>(2) : violated;
                            violated.add(checks.get(c).name());
                        }
                    }
                    if (violated != null) {
                        result.set(index, List.copyOf(violated));
                    }
                }
            }
        } catch (SQLException e) {
            closeQuietly(statement);
            throw e;
        } finally {
            if (!full) {
                closeQuietly(statement);
            }
        }
        return result;
    }

    private void closeQuietly(PreparedStatement statement) {
        if (statement == fullChunk) {
            fullChunk = null;
        }
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the statement is of no further use either way
        }
    }

    /** The row's value for a column: by its catalog name, else by any spelling of it. */
    private static Object valueOf(Map<String, ?> row, String column) {
        Object value = row.get(column);
        if (value != null || row.containsKey(column)) {
            return value;
        }
        for (Map.Entry<String, ?> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }

    private void bind(PreparedStatement statement, int index, Object value, ColumnInfo column) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof String s) {
            statement.setString(index, s);
        } else if (value instanceof BigDecimal d) {
            statement.setBigDecimal(index, d);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            statement.setLong(index, ((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            statement.setDouble(index, ((Number) value).doubleValue());
        } else if (value instanceof Boolean b) {
            statement.setBoolean(index, b);
        } else if (value instanceof Temporal || value instanceof UUID) {
            // dates and times with or without an offset, as the mapping gives them; the driver binds each
            statement.setObject(index, value);
        } else if (value instanceof ArrayLiteral a) {
            statement.setObject(index, a.elements());
        } else {
            throw SluiceException.input("Column " + column.name() + " of " + table.qualifiedName()
                    + " was given a value of unsupported type " + value.getClass().getSimpleName() + ".");
        }
    }

    private static boolean declaredNumber(ColumnInfo column) {
        return switch (column.type()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, REAL, FLOAT, DOUBLE -> column.typeName() != null
                    && column.typeName().matches("int[248]|float[48]");
            default -> false;
        };
    }

    /**
     * A portable type to cast each value to: the column's own kind, without length or precision limits (an
     * over-long value must yield a length finding, not a failed statement), but with the column's scale, because the
     * database rounds to it before it checks.
     */
    static String castType(ColumnInfo column, Dialect dialect) {
        return switch (column.type()) {
            case CHAR, VARCHAR, LONGVARCHAR, NCHAR, NVARCHAR, LONGNVARCHAR, CLOB, NCLOB -> "VARCHAR";
            case NUMERIC, DECIMAL -> column.scale() != null && column.scale() >= 0 && column.scale() <= 1000
                    ? "NUMERIC(1000, " + column.scale() + ")" : "NUMERIC";
            case TINYINT, SMALLINT, INTEGER, BIGINT -> "BIGINT";
            case REAL, FLOAT, DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN, BIT -> "BOOLEAN";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP";
            case TIME_WITH_TIMEZONE -> "TIME WITH TIME ZONE";
            case TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMP WITH TIME ZONE";
            default -> column.typeName().matches("[A-Za-z_][A-Za-z0-9_ ]*")
                    ? column.typeName() : dialect.quote(column.typeName());
        };
    }

    private static String unusedName(TableInfo table) {
        String name = "sluice_row";
        for (int i = 2; table.column(name).isPresent(); i++) {
            name = "sluice_row" + i;
        }
        return name;
    }
}
