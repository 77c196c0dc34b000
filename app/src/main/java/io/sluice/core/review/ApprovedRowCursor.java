package io.sluice.core.review;

import io.sluice.core.SluiceException;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The approved rows of a review as an import reads them: SQLite selects the approved rows (the decision index walks
 * them in row order, no sort), hands over only the columns the import maps, packed as JSON arrays (one value a row
 * instead of two a cell across JNI, decision 0018), and the rows' cell edits (hand edits and value fixes) come from
 * a second cursor over the edits of approved rows, merged as the rows go by. The other cells come back blank. Holds
 * one row at a time; close it when done.
 *
 * <p>The arrays are read from the UTF-8 bytes SQLite hands over ({@link PackedValues}): a parser made for each row (and
 * the row's JSON as a string first) was over a third of what the reading thread allocated, and a JSON parser's
 * tokens most of the rest of the reading's own work.
 */
final class ApprovedRowCursor implements AutoCloseable {

    private final Review review;
    private final int[] columns;
    private final int width;
    private final PreparedStatement rowQuery;
    private final ResultSet rows;
    private final PreparedStatement editQuery;
    private final ResultSet edits;
    private final PackedValues packed;
    private boolean editAhead;
    private boolean closed;

    /**
     * @param columns the wide columns (0-based, all below {@link Review#wideColumns()}) to read, in any order
     */
    ApprovedRowCursor(Review review, Connection connection, int[] columns) throws SQLException {
        this.review = review;
        this.columns = columns.clone();
        Arrays.sort(this.columns);
        this.width = review.wideColumns();
        rowQuery = connection.prepareStatement("SELECT r.row_no" + packed(this.columns) + " FROM decision d"
                + " JOIN source_row r ON r.row_no = d.row_no WHERE d.status = 'approved' ORDER BY d.row_no");
        rows = rowQuery.executeQuery();
        editQuery = connection.prepareStatement("SELECT e.row_no, e.col, e.text FROM cell_edit e"
                + " JOIN decision d ON d.row_no = e.row_no WHERE d.status = 'approved' ORDER BY e.row_no, e.col");
        edits = editQuery.executeQuery();
        editAhead = edits.next();
        packed = new PackedValues();
    }

    /** The texts and stored values of {@code columns}, {@link RowCursor#PACKED} values to a JSON array. */
    private static String packed(int[] columns) {
        StringBuilder sql = new StringBuilder();
        int values = 2 * columns.length;
        for (int from = 0; from < values; from += RowCursor.PACKED) {
            sql.append(", json_array(");
            for (int i = from; i < Math.min(values, from + RowCursor.PACKED); i++) {
                int column = columns[i / 2];
                sql.append(i == from ? "" : ", ").append(i % 2 == 0 ? "c" : "v").append(column);
            }
            sql.append(')');
        }
        return sql.toString();
    }

    /** The next approved row with its edits laid over, or null after the last. */
    SourceRow next() {
        if (closed) {
            return null;
        }
        try {
            if (!rows.next()) {
                close();
                return null;
            }
            long number = rows.getLong(1);
            Cell[] cells = new Cell[width];
            Arrays.fill(cells, Cell.BLANK);
            unpack(cells);
            SourceRow row = new SourceRow(number, List.of(cells), List.of());
            Map<Integer, String> rowEdits = editsOf(number);
            return rowEdits == null ? row : CellEdits.apply(row, rowEdits);
        } catch (SQLException e) {
            close();
            throw ReviewFailures.of(review.file(), e);
        } catch (IllegalArgumentException e) {
            close();
            throw SluiceException.input("The review " + review.file() + " is damaged: a stored cell cannot be"
                    + " read back.", e);
        }
    }

    private void unpack(Cell[] cells) throws SQLException {
        String text = null;
        int i = 0;
        for (int group = 0; i < 2 * columns.length; group++) {
            byte[] json = rows.getBytes(2 + group);
            if (json == null) {
                throw new IllegalArgumentException("A packed row is missing.");
            }
            int count = packed.read(json);
            for (int k = 0; k < count; k++, i++) {
                String value = packed.value(k);
                if (i % 2 == 0) {
                    text = value;
                } else if (text != null) {
                    cells[columns[i / 2]] = CellCodec.decode(text, value);
                }
            }
        }
    }

    /** This row's edits, by column, or null; edits of rows before it (none: both walk approved rows) are passed. */
    private Map<Integer, String> editsOf(long number) throws SQLException {
        while (editAhead && edits.getLong(1) < number) {
            editAhead = edits.next();
        }
        Map<Integer, String> rowEdits = null;
        while (editAhead && edits.getLong(1) == number) {
            if (rowEdits == null) {
                rowEdits = new HashMap<>(4);
            }
            rowEdits.put(edits.getInt(2), edits.getString(3));
            editAhead = edits.next();
        }
        return rowEdits;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable c : new AutoCloseable[] {rows, rowQuery, edits, editQuery, packed}) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing a read cursor cannot lose data; nothing useful to report
            }
        }
    }
}
