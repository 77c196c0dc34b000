package io.sluice.core.review;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.core.SluiceException;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceIssue;
import io.sluice.core.source.SourceRow;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Walks a review's rows in source order holding one row at a time, for re-validation and export of any number of
 * rows. Close it (try-with-resources) to release the file. Get one from {@link Review#cursor()}.
 * <p>
 * Row cells live in {@code source_row}; the rare cells beyond the wide columns and the row issues live in side tables
 * that are read alongside, ordered the same way, and merged in as the rows go by.
 */
public final class RowCursor implements Iterator<SourceRow>, AutoCloseable {

    /** Values per JSON array of a packed row; SQLite limits a function to 127 arguments unless built otherwise. */
    static final int PACKED = 100;
    private static final JsonFactory JSON = new JsonFactory();

    private final Review review;
    private final Connection connection;
    private final int wide;
    private final long lastRow;
    private final PreparedStatement rowQuery;
    private final ResultSet rows;
    private PreparedStatement extraQuery;
    private ResultSet extras;
    private boolean extraAhead;
    private PreparedStatement issueQuery;
    private ResultSet issues;
    private boolean issueAhead;
    private final boolean packed;
    /** The wide columns read, or null for all of them; the others come back blank. */
    private final boolean[] read;
    private SourceRow next;
    private boolean done;

    /** Rows numbered {@code firstRow..lastRow}, skipping {@code offset} of them and returning at most {@code limit}. */
    RowCursor(Review review, Connection connection, int wide, long firstRow, long lastRow, long limit, long offset)
            throws SQLException {
        this(review, connection, wide, firstRow, lastRow, limit, offset, null);
    }

    /**
     * As above, keeping only the rows listed in {@code rowsJson} (a JSON array of row numbers) when it is not null.
     * Such a cursor fetches each row's cells as JSON arrays built by SQLite ({@link #PACKED} values an array), one
     * value per row instead of two per cell: reading the rows a value fix re-validates costs half the CPU that way,
     * the calls across JNI being most of it.
     */
    RowCursor(Review review, Connection connection, int wide, long firstRow, long lastRow, long limit, long offset,
              String rowsJson) throws SQLException {
        this(review, connection, wide, firstRow, lastRow, limit, offset, rowsJson, null);
    }

    /**
     * Every row, reading only the wide columns marked in {@code read} (the cells of the others come back blank, the
     * rare cells beyond the wide columns as stored): for a pass that needs a few columns of every row, such as the
     * hit preview of one rule, SQLite then hands over a fraction of the cells.
     */
    RowCursor(Review review, Connection connection, int wide, boolean[] read) throws SQLException {
        this(review, connection, wide, Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, null, read.clone());
    }

    private RowCursor(Review review, Connection connection, int wide, long firstRow, long lastRow, long limit,
                      long offset, String rowsJson, boolean[] read) throws SQLException {
        this.review = review;
        this.connection = connection;
        this.wide = wide;
        this.lastRow = lastRow;
        this.packed = rowsJson != null;
        this.read = read;
        rowQuery = connection.prepareStatement("SELECT " + (packed ? packedColumns(wide)
                : read != null ? projectedColumns(wide, read) : ReviewSchema.rowColumns("", wide))
                + " FROM source_row WHERE row_no BETWEEN ? AND ?"
                + (rowsJson == null ? "" : " AND row_no IN (SELECT value FROM json_each(?))")
                + " ORDER BY row_no LIMIT ? OFFSET ?");
        int i = 1;
        rowQuery.setLong(i++, firstRow);
        rowQuery.setLong(i++, lastRow);
        if (rowsJson != null) {
            rowQuery.setString(i++, rowsJson);
        }
        rowQuery.setLong(i++, limit);
        rowQuery.setLong(i, offset);
        rows = rowQuery.executeQuery();
    }

    /** {@code row_no}, then the text and the stored value of each wide column read. */
    private static String projectedColumns(int wide, boolean[] read) {
        StringBuilder sql = new StringBuilder("row_no");
        for (int i = 0; i < wide; i++) {
            if (i < read.length && read[i]) {
                sql.append(", c").append(i).append(", v").append(i);
            }
        }
        return sql.toString();
    }

    /** {@code row_no} and the texts then the stored values of the wide columns, {@link #PACKED} to a JSON array. */
    private static String packedColumns(int wide) {
        StringBuilder sql = new StringBuilder("row_no");
        for (int from = 0; from < 2 * wide; from += PACKED) {
            sql.append(", json_array(");
            for (int i = from; i < Math.min(2 * wide, from + PACKED); i++) {
                sql.append(i == from ? "" : ", ").append(i < wide ? "c" + i : "v" + (i - wide));
            }
            sql.append(')');
        }
        return sql.toString();
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            try {
                next = readNext();
            } catch (SQLException e) {
                close();
                throw ReviewFailures.of(review.file(), e);
            } catch (IllegalArgumentException e) {
                close();
                throw SluiceException.input("The review " + review.file() + " is damaged: a stored cell cannot be"
                        + " read back.", e);
            }
            done = next == null;
        }
        return next != null;
    }

    @Override
    public SourceRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more rows in the review.");
        }
        SourceRow row = next;
        next = null;
        return row;
    }

    /** Drains the rest into a list; meant for pages, whose size the caller bounds. */
    List<SourceRow> toList() {
        List<SourceRow> list = new ArrayList<>();
        while (hasNext()) {
            list.add(next());
        }
        return list;
    }

    @Override
    public void close() {
        done = true;
        next = null;
        closeQuietly(rows, rowQuery);
        closeQuietly(extras, extraQuery);
        closeQuietly(issues, issueQuery);
    }

    private SourceRow readNext() throws SQLException {
        if (!rows.next()) {
            close();
            return null;
        }
        long number = rows.getLong(1);
        if (extras == null) {
            openSideCursors(number);
        }
        List<Cell> cells = new ArrayList<>(wide);
        if (read != null) {
            readProjected(cells);
        }
        String[] values = packed ? unpack() : null;
        for (int i = 0; read == null && i < wide; i++) {
            String text = packed ? values[i] : rows.getString(2 + i);
            if (text == null) {
                break;
            }
            cells.add(CellCodec.decode(text, packed ? values[wide + i] : rows.getString(2 + wide + i)));
        }
        // Side rows of a row that is not there (never written by RowWriter) are skipped rather than misattached.
        while (extraAhead && extras.getLong(1) < number) {
            extraAhead = extras.next();
        }
        while (extraAhead && extras.getLong(1) == number) {
            cells.add(CellCodec.decode(extras.getString(3), extras.getString(4)));
            extraAhead = extras.next();
        }
        List<SourceIssue> rowIssues = List.of();
        while (issueAhead && issues.getLong(1) < number) {
            issueAhead = issues.next();
        }
        while (issueAhead && issues.getLong(1) == number) {
            if (rowIssues.isEmpty()) {
                rowIssues = new ArrayList<>(2);
            }
            rowIssues.add(IssueStore.read(issues, 2));
            issueAhead = issues.next();
        }
        return new SourceRow(number, List.copyOf(cells), List.copyOf(rowIssues));
    }

    /** The current row's wide cells, those not read blank; a cell beyond the row's end is blank too. */
    private void readProjected(List<Cell> cells) throws SQLException {
        int column = 2;
        for (int i = 0; i < wide; i++) {
            if (i >= read.length || !read[i]) {
                cells.add(Cell.BLANK);
                continue;
            }
            String text = rows.getString(column);
            String value = rows.getString(column + 1);
            column += 2;
            cells.add(text == null ? Cell.BLANK : CellCodec.decode(text, value));
        }
    }

    /** The texts then the stored values of the current row's wide columns, from its packed JSON arrays. */
    private String[] unpack() throws SQLException {
        String[] values = new String[2 * wide];
        int i = 0;
        for (int group = 0; i < values.length; group++) {
            try (JsonParser parser = JSON.createParser(rows.getString(2 + group))) {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new IllegalArgumentException("A packed row is not a JSON array.");
                }
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    if (token == null || token.isStructStart()) {
                        throw new IllegalArgumentException("A packed row holds more than values.");
                    }
                    values[i++] = token == JsonToken.VALUE_NULL ? null : parser.getText();
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("A packed row cannot be read back.", e);
            }
        }
        return values;
    }

    /** Opened at the first row so that a page starting deep in the file reads only its own side rows. */
    private void openSideCursors(long firstRow) throws SQLException {
        extraQuery = connection.prepareStatement(
                "SELECT row_no, idx, text, v FROM source_cell_extra WHERE row_no BETWEEN ? AND ? ORDER BY row_no, idx");
        extraQuery.setLong(1, firstRow);
        extraQuery.setLong(2, lastRow);
        extras = extraQuery.executeQuery();
        extraAhead = extras.next();
        issueQuery = connection.prepareStatement("SELECT owner_row, kind, row, col, message FROM source_issue"
                + " WHERE owner_row BETWEEN ? AND ? ORDER BY owner_row, id");
        issueQuery.setLong(1, firstRow);
        issueQuery.setLong(2, lastRow);
        issues = issueQuery.executeQuery();
        issueAhead = issues.next();
    }

    private static void closeQuietly(ResultSet rs, PreparedStatement statement) {
        try {
            if (rs != null) {
                rs.close();
            }
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException ignored) {
            // Closing a read cursor cannot lose data; nothing useful to report.
        }
    }
}
