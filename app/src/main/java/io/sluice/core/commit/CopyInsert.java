package io.sluice.core.commit;

import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.Dialect;
import io.sluice.core.database.PostgresCopy;
import io.sluice.core.database.TableInfo;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PostgreSQL bulk insert of new rows with {@code COPY ... FROM STDIN} in CSV, one COPY per chunk on the caller's
 * connection and transaction (a failed COPY leaves nothing). Values are rendered from their typed Java values, never
 * from display text: numbers in plain notation, ISO dates and times, text always quoted so an empty string stays
 * distinct from NULL (an unquoted empty field). Together with COPY for provenance and array key look-ups, a 100,000-row
 * commit ran about 2.5 times as fast as with JDBC batches; a temporary table plus INSERT ... SELECT was no faster.
 * The rows are rendered into one reused byte array ({@link CopyCsv}), not through a string per value and per line.
 * When every column's type allows it the COPY is binary instead ({@link CopyBinary}, decision 0067): the same values,
 * which the server reads without scanning CSV or parsing text.
 *
 * <p>{@link #stream} keeps one COPY open across chunks instead (decision 0049): the bytes go to the server in blocks
 * as they are rendered, so the server writes rows and indexes while the caller reads and maps the next ones, and
 * {@link #endStream} waits only for the server's last block.
 */
final class CopyInsert {

    /** Column types whose COPY text input Sluice renders exactly; a table with any other mapped type uses JDBC. */
    private static final Set<JDBCType> RENDERED = EnumSet.of(JDBCType.CHAR, JDBCType.VARCHAR, JDBCType.LONGVARCHAR,
            JDBCType.NCHAR, JDBCType.NVARCHAR, JDBCType.LONGNVARCHAR, JDBCType.CLOB, JDBCType.NCLOB,
            JDBCType.NUMERIC, JDBCType.DECIMAL, JDBCType.REAL, JDBCType.FLOAT, JDBCType.DOUBLE, JDBCType.TINYINT,
            JDBCType.SMALLINT, JDBCType.INTEGER, JDBCType.BIGINT, JDBCType.BOOLEAN, JDBCType.BIT, JDBCType.DATE,
            JDBCType.TIME, JDBCType.TIMESTAMP, JDBCType.TIMESTAMP_WITH_TIMEZONE, JDBCType.OTHER);

    private final CopyManager copy;
    private final String sql;
    /** Bytes rendered before a block goes to the server of an open COPY: large enough to fill a socket write. */
    private static final int STREAM_BLOCK = 1 << 16;

    private static final int BUFFER = 1 << 18;
    /** The session time zones in which the server reads a date and time without an offset as UTC. */
    private static final Set<String> UTC = Set.of("UTC", "ETC/UTC", "GMT", "ETC/GMT", "UCT", "ETC/UCT", "UNIVERSAL",
            "ETC/UNIVERSAL", "ZULU", "ETC/ZULU", "GREENWICH", "ETC/GREENWICH", "GMT0", "ETC/GMT0");

    private final CopyRows rows;
    private int pending;
    /** Whether the COPY being rendered has its beginning (the binary form's header) in the bytes already. */
    private boolean begun;
    /** The COPY {@link #stream} keeps open, or null. */
    private CopyIn open;
    /** Bytes the open COPY has carried to the server so far. */
    private long streamedBytes;
    /** Whether {@link #stream} keeps its rows in memory: a COPY handed off by {@link #handOff} has not ended yet. */
    private boolean holding;

    private CopyInsert(CopyManager copy, String sql, CopyRows rows) {
        this.copy = copy;
        this.sql = sql;
        this.rows = rows;
    }

    /** Whether this COPY goes in the binary form. */
    boolean binary() {
        return rows instanceof CopyBinary;
    }

    /**
     * A COPY writer into that table's columns when the target is PostgreSQL and every column renders; else null. The
     * COPY is binary when every column's type is one {@link CopyBinary} carries, else CSV: decided once per table.
     */
    static CopyInsert forTable(Connection connection, Dialect dialect, TableInfo table, List<ColumnInfo> columns)
            throws SQLException {
        return forTable(connection, dialect, table, columns, true);
    }

    /** As above; {@code binary} false keeps the CSV form whatever the columns (tests compare the two forms). */
    static CopyInsert forTable(Connection connection, Dialect dialect, TableInfo table, List<ColumnInfo> columns,
                               boolean binary) throws SQLException {
        if (dialect != Dialect.POSTGRESQL || columns.isEmpty() || !connection.isWrapperFor(PGConnection.class)
                || !columns.stream().allMatch(c -> RENDERED.contains(c.type()))) {
            return null;
        }
        CopyRows rows = binary && binaryCarries(connection, columns) ? new CopyBinary(columns, BUFFER)
                : new CopyCsv(BUFFER);
        String names = columns.stream().map(c -> dialect.quote(c.name())).collect(Collectors.joining(", "));
        // identifiers come from the introspected table, quoted by the dialect; the options are constants
        String sql = "COPY " + TargetRows.qualified(dialect, table.schema(), table.name()) + " (" + names
                + ") FROM STDIN WITH (" + rows.options() + ")";
        return new CopyInsert(connection.unwrap(PGConnection.class).getCopyAPI(), sql, rows);
    }

    /**
     * Whether the binary form carries every column: each of a type {@link CopyBinary} knows, and a timestamp with
     * time zone only when the session reads a date and time without an offset in UTC, as the binary form does.
     */
    private static boolean binaryCarries(Connection connection, List<ColumnInfo> columns) throws SQLException {
        if (!columns.stream().allMatch(c -> CopyBinary.kindOf(c.typeName()) != null)) {
            return false;
        }
        if (columns.stream().noneMatch(c -> CopyBinary.kindOf(c.typeName()) == CopyBinary.Kind.TIMESTAMPTZ)) {
            return true;
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SHOW TimeZone")) {
            return rs.next() && UTC.contains(rs.getString(1).toUpperCase(Locale.ROOT));
        }
    }

    /**
     * Adds one row, its values in the column order given to {@link #forTable}; a value the server would refuse in
     * the binary form fails here, in the server's words.
     */
    void add(List<Object> values) throws SQLException {
        if (!begun) {
            rows.begin();
            begun = true;
        }
        rows.row(values);
        pending++;
    }

    /**
     * Sends the rows added since the last call as one COPY and returns the rows the server copied; on failure the
     * server discards that COPY.
     */
    long flush() throws SQLException {
        if (pending == 0) {
            rows.reset();
            begun = false;
            return 0;
        }
        try {
            rows.end();
            return send();
        } finally {
            rows.reset();
            pending = 0;
            begun = false;
        }
    }

    /**
     * Adds one row to the COPY kept open across calls, opening it when needed; the rendered rows go to the server in
     * blocks. A row the server refuses may surface here (as an {@link SQLException}) or at {@link #endStream}.
     */
    void stream(List<Object> values) throws SQLException {
        add(values);
        if (!holding && rows.size() >= STREAM_BLOCK) {
            sendBlock();
        }
    }

    /**
     * Sends the open COPY's last bytes and hands it over, not yet ended, to be ended ({@link PostgresCopy#end}) on
     * another thread (decision 0075); null when nothing was streamed. Until {@link #resume}, {@link #stream} renders
     * the next COPY's rows into memory only, so that this connection is used by one thread at a time.
     */
    CopyIn handOff() throws SQLException {
        if (begun) {
            rows.end();
            begun = false;
            sendBlock();
        }
        CopyIn ending = open;
        open = null;
        streamedBytes = 0;
        pending = 0;
        holding = ending != null;
        return ending;
    }

    /** Once the handed-off COPY has ended: the rows rendered meanwhile go to the server as a new COPY. */
    void resume() throws SQLException {
        holding = false;
        if (rows.size() >= STREAM_BLOCK) {
            sendBlock();
        }
    }

    private void sendBlock() throws SQLException {
        try {
            if (open == null) {
                open = copy.copyIn(sql);
            }
            open.writeToCopy(rows.bytes(), 0, rows.size());
            streamedBytes += rows.size();
            rows.reset();
        } catch (SQLException | RuntimeException e) {
            cancel(e);
            throw e;
        }
    }

    /** The bytes of the rows {@link #stream} has taken since the open COPY began, sent or not yet. */
    long streamed() {
        return streamedBytes + rows.size();
    }

    /** Ends the open COPY and returns the rows the server copied in it (0 when none was streamed). */
    long endStream() throws SQLException {
        if (begun) {
            rows.end();
            begun = false;
            sendBlock();
        }
        if (open == null) {
            return 0;
        }
        try {
            return open.endCopy();
        } catch (SQLException | RuntimeException e) {
            cancel(e);
            throw e;
        } finally {
            open = null;
            streamedBytes = 0;
            pending = 0;
        }
    }

    /**
     * Abandons the open COPY, if any, and the rows rendered but not sent: the server discards the COPY (on a cancel or
     * a failure elsewhere).
     */
    void cancelStream() {
        cancel(null);
    }

    private void cancel(Exception failure) {
        try {
            if (open != null && open.isActive()) {
                open.cancelCopy();
            }
        } catch (SQLException | RuntimeException e) {
            // the connection may be gone; the transaction is rolled back either way
            if (failure != null) {
                failure.addSuppressed(e);
            }
        } finally {
            open = null;
            streamedBytes = 0;
            rows.reset();
            pending = 0;
            begun = false;
            holding = false;
        }
    }

    private long send() throws SQLException {
        return PostgresCopy.send(copy, sql, rows.bytes(), rows.size());
    }

    /** One value's CSV field, as this class renders it. */
    static String render(Object value) {
        return CopyCsv.render(value);
    }
}
