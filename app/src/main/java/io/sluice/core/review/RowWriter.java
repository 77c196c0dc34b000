package io.sluice.core.review;

import io.sluice.core.rules.Finding;
import io.sluice.core.source.Cell;
import io.sluice.core.source.CellType;
import io.sluice.core.source.SourceIssue;
import io.sluice.core.source.SourceRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stages source rows into a review in large transactions. Rows must arrive in source order (strictly increasing row
 * numbers). Into a review that already holds rows, each transaction of {@value #ROWS_PER_TRANSACTION} rows is durable
 * once committed, so a crash loses at most the rows since the last commit; the rows of a review created a moment ago
 * are written without a journal under an unfinished mark instead ({@link NewReviewStaging}), and a crash leaves a
 * file Sluice refuses; their pages go to disk meanwhile ({@link StagingWriteBack}). {@link #close()} commits the rest.
 * Get one from {@link Review#rowWriter()}.
 */
public final class RowWriter implements AutoCloseable {

    /** Large enough that the per-commit fsync is noise. */
    static final int ROWS_PER_TRANSACTION = 5_000;
    /**
     * The driver holds every bound value of a batch until the batch runs: handed to SQLite every 100 rows, the
     * values die young instead of living through collections into the old generation (decision 0054).
     */
    static final int ROWS_PER_EXECUTE = 100;
    /** Distinct dates remembered at a time; more than a sheet's days usually span. */
    private static final int STORED_DATES = 4_096;

    private final Review review;
    private final Connection connection;
    private final int wide;
    private final PreparedStatement insertRow;
    /** Binds the displayed texts only: a row whose every cell is plain text or blank (every CSV row) stores no values. */
    private final PreparedStatement insertText;
    /** The value columns of the row being bound, reused from row to row. */
    private final String[] stored;
    private final PreparedStatement insertExtra;
    private final PreparedStatement insertIssue;
    private final PreparedStatement addToCount;
    private final PreparedStatement insertFinding;
    private final PreparedStatement insertFilled;
    /** Binds the filled-cell counts of a whole transaction as one value (see {@link #packFilled}). */
    private final PreparedStatement insertFilledPacked;
    private final StringBuilder filledPacked = new StringBuilder();
    /**
     * The stored texts of the dates and date-times seen lately, by value: a sheet repeats its days, and finding one
     * costs less than printing it again.
     */
    private final Map<Object, String> storedDates = new HashMap<>();
    /** The rows of a review nobody has seen yet: written without a journal, under the unfinished mark. */
    private final boolean newReview;
    /** Puts a new review's committed pages on disk meanwhile, so that the sync ending its staging is short. */
    private final StagingWriteBack writeBack;
    private long lastRowNumber;
    private int pending;
    private long written;
    private boolean closed;

    RowWriter(Review review, Connection connection, int wide, long lastRowNumber, boolean newReview)
            throws SQLException {
        this.review = review;
        this.connection = connection;
        this.wide = wide;
        this.lastRowNumber = lastRowNumber;
        this.newReview = newReview;
        boolean withoutJournal = newReview && NewReviewStaging.begin(connection);
        StringBuilder sql = new StringBuilder("INSERT INTO source_row VALUES (?");
        sql.append(",?".repeat(2 * wide)).append(')');
        connection.setAutoCommit(false);
        insertRow = connection.prepareStatement(sql.toString());
        StringBuilder textSql = new StringBuilder("INSERT INTO source_row (row_no");
        for (int i = 0; i < wide; i++) {
            textSql.append(", c").append(i);
        }
        textSql.append(") VALUES (?").append(",?".repeat(wide)).append(')');
        insertText = connection.prepareStatement(textSql.toString());
        stored = new String[wide];
        insertExtra = connection.prepareStatement("INSERT INTO source_cell_extra VALUES (?, ?, ?, ?)");
        insertIssue = connection.prepareStatement(IssueStore.INSERT);
        addToCount = connection.prepareStatement("UPDATE review_info SET row_count = row_count + ?");
        insertFinding = connection.prepareStatement(FindingStore.INSERT);
        insertFilled = connection.prepareStatement(RowQualityStore.UPSERT);
        insertFilledPacked = connection.prepareStatement(RowQualityStore.UPSERT_PACKED);
        // last, so that a statement that could not be prepared leaves no thread behind
        writeBack = withoutJournal ? StagingWriteBack.start(review.file()) : StagingWriteBack.none();
    }

    /** Adds one row; its cells and issues are stored exactly as given. */
    public void append(SourceRow row) {
        append(row, List.of());
    }

    /**
     * Adds one row together with its validation findings, in the same transaction, so that after a crash a staged
     * row never lacks the findings it was validated with.
     */
    public void append(SourceRow row, List<Finding> findings) {
        append(row, findings, -1);
    }

    /**
     * Adds one validated row with its findings and how many of its mapped cells hold a value (negative: not known),
     * all in the same transaction.
     */
    public void append(SourceRow row, List<Finding> findings, int filledCells) {
        if (closed) {
            throw new IllegalStateException("This row writer is closed.");
        }
        if (row.number() <= lastRowNumber) {
            throw new IllegalArgumentException("Rows must be appended in source order: row " + row.number()
                    + " comes after row " + lastRowNumber + ".");
        }
        try {
            bind(row);
            for (Finding finding : findings) {
                FindingStore.bind(insertFinding, finding);
                insertFinding.addBatch();
            }
            if (filledCells >= 0 && !packFilled(row.number(), filledCells)) {
                RowQualityStore.bind(insertFilled, row.number(), filledCells);
                insertFilled.addBatch();
            }
            lastRowNumber = row.number();
            if (++pending >= ROWS_PER_TRANSACTION) {
                commit();
            } else if (pending % ROWS_PER_EXECUTE == 0) {
                executeRows();
            }
        } catch (SQLException e) {
            abandon();
            throw ReviewFailures.of(review.file(), e);
        }
    }

    /** Rows appended through this writer so far (committed or pending). */
    public long written() {
        return written + pending;
    }

    /** Commits the pending rows and hands the review back for other writes. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            commit();
            closed = true;
            closeStatements();
            connection.setAutoCommit(true);
            writeBack.close(); // between transactions, as it must be
            if (newReview) {
                NewReviewStaging.end(connection);
            }
        } catch (SQLException e) {
            abandon();
            throw ReviewFailures.of(review.file(), e);
        } finally {
            review.writerClosed(this);
        }
    }

    private void bind(SourceRow row) throws SQLException {
        List<Cell> cells = row.cells();
        int size = cells.size();
        boolean textOnly = true;
        for (int i = 0; i < wide; i++) {
            stored[i] = i < size ? stored(cells.get(i)) : null;
            textOnly &= stored[i] == null;
        }
        // Half the values bound for the common row: its value columns are left NULL, as binding NULL would leave them.
        PreparedStatement insert = textOnly ? insertText : insertRow;
        insert.setLong(1, row.number());
        for (int i = 0; i < wide; i++) {
            if (i < size) {
                insert.setString(2 + i, cells.get(i).text());
            } else {
                insert.setNull(2 + i, Types.VARCHAR);
            }
            if (!textOnly) {
                insert.setString(2 + wide + i, stored[i]);
            }
        }
        insert.addBatch();
        for (int i = wide; i < size; i++) {
            Cell cell = row.cells().get(i);
            insertExtra.setLong(1, row.number());
            insertExtra.setInt(2, i);
            insertExtra.setString(3, cell.text());
            insertExtra.setString(4, stored(cell));
            insertExtra.addBatch();
        }
        for (SourceIssue issue : row.issues()) {
            IssueStore.bind(insertIssue, row.number(), issue);
            insertIssue.addBatch();
        }
    }

    /** The cell's stored value column ({@link CellCodec#encode}). */
    private String stored(Cell cell) {
        CellType type = cell.type();
        Object value = cell.value();
        if (!(type == CellType.DATE && value instanceof LocalDate)
                && !(type == CellType.DATETIME && value instanceof LocalDateTime)) {
            return CellCodec.encode(cell);
        }
        // the stored text of such a cell depends on its value alone, whose class tells a date from a date-time
        String stored = storedDates.get(value);
        if (stored == null) {
            stored = CellCodec.encode(cell);
            if (storedDates.size() >= STORED_DATES) {
                storedDates.clear();
            }
            storedDates.put(value, stored);
        }
        return stored;
    }

    /**
     * Adds a row's filled-cell count to the transaction's packed list, one JSON number per row that SQLite unpacks
     * ({@code row << 24 | filled}): one value bound per transaction instead of two and a statement per row. False
     * for a count or row number too large to pack, which is then bound on its own.
     */
    private boolean packFilled(long rowNumber, int filledCells) {
        if (filledCells >= RowQualityStore.PACKED_FILLED_LIMIT || rowNumber >= RowQualityStore.PACKED_ROW_LIMIT) {
            return false;
        }
        filledPacked.append(filledPacked.length() == 0 ? '[' : ',')
                .append(rowNumber << RowQualityStore.PACKED_SHIFT | filledCells);
        return true;
    }

    private void commit() throws SQLException {
        if (pending == 0) {
            return;
        }
        executeRows();
        insertIssue.executeBatch();
        insertFinding.executeBatch();
        insertFilled.executeBatch();
        if (!filledPacked.isEmpty()) {
            insertFilledPacked.setString(1, filledPacked.append(']').toString());
            insertFilledPacked.executeUpdate();
            filledPacked.setLength(0);
        }
        addToCount.setLong(1, pending);
        addToCount.executeUpdate();
        connection.commit();
        writeBack.committed();
        written += pending;
        pending = 0;
    }

    /** Hands the rows bound so far to SQLite, within the transaction. */
    private void executeRows() throws SQLException {
        insertRow.executeBatch();
        insertText.executeBatch();
        insertExtra.executeBatch();
    }

    private void abandon() {
        closed = true;
        try {
            connection.rollback();
            closeStatements();
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // The original failure is what the steward needs to see; the review is closed next anyway.
        } finally {
            writeBack.close();
        }
        review.writerClosed(this);
    }

    private void closeStatements() throws SQLException {
        insertRow.close();
        insertText.close();
        insertExtra.close();
        insertIssue.close();
        addToCount.close();
        insertFinding.close();
        insertFilled.close();
        insertFilledPacked.close();
    }
}
