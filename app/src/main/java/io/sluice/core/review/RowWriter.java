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
    /** The filled-cell counts of the pending rows, added to the review's total with them. */
    private long pendingFilled;
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
        connection.setAutoCommit(false);
        insertRow = connection.prepareStatement(insertSql(wide, true));
        insertText = connection.prepareStatement(insertSql(wide, false));
        stored = new String[wide];
        insertExtra = connection.prepareStatement("INSERT INTO source_cell_extra VALUES (?, ?, ?, ?)");
        insertIssue = connection.prepareStatement(IssueStore.INSERT);
        addToCount = connection.prepareStatement(
                "UPDATE review_info SET row_count = row_count + ?, filled_total = filled_total + ?");
        insertFinding = connection.prepareStatement(FindingStore.INSERT);
        // last, so that a statement that could not be prepared leaves no thread behind
        writeBack = withoutJournal ? StagingWriteBack.start(review.file()) : StagingWriteBack.none();
    }

    /** The row's number, its filled-cell count and texts, and its value columns too when {@code values}. */
    private static String insertSql(int wide, boolean values) {
        StringBuilder sql = new StringBuilder("INSERT INTO source_row (row_no, filled");
        for (int i = 0; i < wide; i++) {
            sql.append(", c").append(i);
        }
        for (int i = 0; values && i < wide; i++) {
            sql.append(", v").append(i);
        }
        return sql.append(") VALUES (?, ?").append(",?".repeat(values ? 2 * wide : wide)).append(')').toString();
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
     * all in the same transaction. The count is stored in the row itself and added to the review's total
     * ({@link ReviewSchema#addFilledInRow}).
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
            bind(row, filledCells);
            for (Finding finding : findings) {
                FindingStore.bind(insertFinding, finding);
                insertFinding.addBatch();
            }
            if (filledCells > 0) {
                pendingFilled += filledCells;
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

    private void bind(SourceRow row, int filledCells) throws SQLException {
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
        if (filledCells >= 0) {
            insert.setInt(2, filledCells);
        } else {
            insert.setNull(2, Types.INTEGER);
        }
        for (int i = 0; i < wide; i++) {
            if (i < size) {
                insert.setString(3 + i, cells.get(i).text());
            } else {
                insert.setNull(3 + i, Types.VARCHAR);
            }
            if (!textOnly) {
                insert.setString(3 + wide + i, stored[i]);
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

    private void commit() throws SQLException {
        if (pending == 0) {
            return;
        }
        executeRows();
        insertIssue.executeBatch();
        insertFinding.executeBatch();
        addToCount.setLong(1, pending);
        addToCount.setLong(2, pendingFilled);
        addToCount.executeUpdate();
        connection.commit();
        writeBack.committed();
        written += pending;
        pending = 0;
        pendingFilled = 0;
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
    }
}
