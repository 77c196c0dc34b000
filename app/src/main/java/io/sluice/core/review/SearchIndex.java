package io.sluice.core.review;

import org.sqlite.ProgressHandler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * An index of the three-character sequences of every row's cells as read (SQLite FTS5, trigram tokenizer), which
 * narrows a text search down to the rows that can match before each of them is checked cell by cell. It holds no
 * cell text and no positions (contentless, {@code detail=none}): only which rows hold each sequence (103 MB for
 * a million rows of 15 columns, whose review file is 146 MB). The cells as read never change once staged, so the index needs no upkeep for edits, fixes
 * or undo: a search reads the steward's edited cells, and the cells beyond {@code source_row}, as before.
 * <p>
 * It is built apart from staging, a slice of rows per call ({@link #indexNext}), each slice in its own transaction,
 * so that it can be stopped between two slices and goes on from there the next time; until it reaches the last row
 * a search reads every row as it did without it. Uses the review's connection: the review's one-thread rule holds.
 */
final class SearchIndex {

    static final String TABLE = "search_trigram";
    /** The last row number indexed so far, in {@code review_meta}. */
    private static final String INDEXED_UP_TO = "search_index_rows";
    /** The last row indexed before any is, and the last row of a review without rows. */
    private static final long NONE = Long.MIN_VALUE;
    /**
     * Between two cells of a row: a search text without it can only match within one cell, and the check of each
     * candidate row's cells drops those that matched across two.
     */
    private static final String CELL_SEPARATOR = "char(10)";

    /** SQLite's steps between two checks whether a slice should give way: well under a millisecond of its work. */
    private static final int GIVE_WAY_CHECK_OPS = 10_000;

    private final Connection connection;
    private final int wide;

    SearchIndex(Connection connection, int wide) {
        this.connection = connection;
        this.wide = wide;
    }

    /** Whether every row of the review is in the index (an empty review's is complete with nothing in it). */
    boolean complete() throws SQLException {
        return exists() && indexedUpTo() >= lastRow();
    }

    /**
     * Adds up to {@code rows} rows after the last one indexed, in one transaction; returns whether rows are left.
     * When {@code giveWay} turns true meanwhile, the transaction is undone at once and this returns true: the rows
     * are left for the next call. The caller's connection must not be in a transaction.
     */
    boolean indexNext(int rows, BooleanSupplier giveWay) throws SQLException {
        AtomicBoolean gaveWay = new AtomicBoolean();
        ProgressHandler.setHandler(connection, GIVE_WAY_CHECK_OPS, new ProgressHandler() {
            @Override
            protected int progress() {
                if (giveWay.getAsBoolean()) {
                    gaveWay.set(true);
                    return 1;
                }
                return 0;
            }
        });
        try {
            return indexNext(rows);
        } catch (SQLException e) {
            if (gaveWay.get()) {
                return true;
            }
            throw e;
        } finally {
            ProgressHandler.clearHandler(connection);
        }
    }

    private boolean indexNext(int rows) throws SQLException {
        connection.setAutoCommit(false);
        try {
            if (!exists()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("CREATE VIRTUAL TABLE " + TABLE + " USING fts5(text, tokenize = 'trigram',"
                            + " content = '', columnsize = 0, detail = none)");
                }
            }
            long from = indexedUpTo();
            long last;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE + " (rowid, text)"
                    + " SELECT row_no, " + rowText() + " FROM source_row WHERE row_no > ? ORDER BY row_no LIMIT ?")) {
                insert.setLong(1, from);
                insert.setInt(2, rows);
                insert.executeUpdate();
            }
            try (PreparedStatement next = connection.prepareStatement(
                    "SELECT max(row_no) FROM (SELECT row_no FROM source_row WHERE row_no > ? ORDER BY row_no LIMIT ?)")) {
                next.setLong(1, from);
                next.setInt(2, rows);
                try (ResultSet rs = next.executeQuery()) {
                    rs.next();
                    long found = rs.getLong(1);
                    last = rs.wasNull() ? from : found;
                }
            }
            try (PreparedStatement mark = connection.prepareStatement(
                    "INSERT OR REPLACE INTO review_meta (key, value) VALUES (?, ?)")) {
                mark.setString(1, INDEXED_UP_TO);
                mark.setString(2, Long.toString(last));
                mark.executeUpdate();
            }
            connection.commit();
            return last < lastRow();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * The condition a row must meet to be a candidate for containing a text, for a complete index: its cells as
     * read hold every three-character sequence of the text (the index folds case, so it names a superset of the
     * rows the search's own case rule matches), or a cell beyond {@code source_row} or an edited cell holds the text.
     * Its parameters are the text's {@link #matchQuery} and twice the search's LIKE pattern.
     */
    static String candidates() {
        return "r.row_no IN (SELECT rowid FROM " + TABLE + " WHERE " + TABLE + " MATCH ?"
                + " UNION SELECT x.row_no FROM source_cell_extra x WHERE x.text LIKE ? ESCAPE '\\'"
                + " UNION SELECT e.row_no FROM cell_edit e WHERE e.text LIKE ? ESCAPE '\\')";
    }

    /**
     * The FTS5 query for the rows holding every three-character sequence of {@code text} (each a quoted term, joined
     * by AND), or null when the text has fewer than three characters.
     */
    static String matchQuery(String text) {
        int[] points = text.codePoints().toArray();
        if (points.length < 3) {
            return null;
        }
        Set<String> terms = new LinkedHashSet<>();
        for (int i = 0; i + 3 <= points.length; i++) {
            String trigram = new String(points, i, 3);
            terms.add("\"" + trigram.replace("\"", "\"\"") + "\"");
        }
        return String.join(" AND ", terms);
    }

    private String rowText() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < wide; i++) {
            if (i > 0) {
                text.append(" || ").append(CELL_SEPARATOR).append(" || ");
            }
            text.append("coalesce(c").append(i).append(", '')");
        }
        return wide == 0 ? "''" : text.toString();
    }

    private boolean exists() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            s.setString(1, TABLE);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private long indexedUpTo() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT value FROM review_meta WHERE key = ?")) {
            s.setString(1, INDEXED_UP_TO);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Long.parseLong(rs.getString(1)) : NONE;
            }
        }
    }

    private long lastRow() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT max(row_no) FROM source_row")) {
            rs.next();
            long last = rs.getLong(1);
            return rs.wasNull() ? NONE : last;
        }
    }
}
