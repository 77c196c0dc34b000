package io.sluice.core.review;

import io.sluice.core.rules.Finding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Appends validation findings to a review in large transactions ({@value #FINDINGS_PER_TRANSACTION} per commit);
 * {@link #close()} commits the rest. Get one from {@link Review#findingWriter()}; to redo one row's findings after an
 * edit use {@link Review#replaceFindings}.
 */
public final class FindingWriter implements AutoCloseable {

    static final int FINDINGS_PER_TRANSACTION = 5_000;

    private final Review review;
    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement filled;
    private int pending;
    private boolean closed;

    FindingWriter(Review review, Connection connection) throws SQLException {
        this.review = review;
        this.connection = connection;
        connection.setAutoCommit(false);
        insert = connection.prepareStatement(FindingStore.INSERT);
        filled = connection.prepareStatement(RowQualityStore.UPSERT);
    }

    public void append(Finding finding) {
        Objects.requireNonNull(finding, "finding");
        if (closed) {
            throw new IllegalStateException("This finding writer is closed.");
        }
        try {
            FindingStore.bind(insert, finding);
            insert.addBatch();
            if (++pending >= FINDINGS_PER_TRANSACTION) {
                commit();
            }
        } catch (SQLException e) {
            abandon();
            throw ReviewFailures.of(review.file(), e);
        }
    }

    /** Records how many of a row's mapped cells hold a value, with the findings of the same validation. */
    public void filledCells(long row, int filledCells) {
        if (closed) {
            throw new IllegalStateException("This finding writer is closed.");
        }
        try {
            RowQualityStore.bind(filled, row, filledCells);
            filled.addBatch();
            if (++pending >= FINDINGS_PER_TRANSACTION) {
                commit();
            }
        } catch (SQLException e) {
            abandon();
            throw ReviewFailures.of(review.file(), e);
        }
    }

    public void appendAll(Iterable<Finding> findings) {
        for (Finding finding : findings) {
            append(finding);
        }
    }

    /** Commits the pending findings and hands the review back for other writes. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            commit();
            closed = true;
            insert.close();
            filled.close();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            abandon();
            throw ReviewFailures.of(review.file(), e);
        } finally {
            review.writerClosed(this);
        }
    }

    private void commit() throws SQLException {
        if (pending == 0) {
            return;
        }
        insert.executeBatch();
        filled.executeBatch();
        connection.commit();
        pending = 0;
    }

    private void abandon() {
        closed = true;
        try {
            connection.rollback();
            insert.close();
            filled.close();
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // The original failure is what the steward needs to see.
        }
        review.writerClosed(this);
    }
}
