package io.sluice.core.review;

import io.sluice.core.rules.Finding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Replaces every finding of one rule, on any row, by the findings appended, in one durable transaction that
 * {@link #commit()} ends: until then the review shows the old findings, and {@link #close()} without a commit keeps
 * them. The findings stream through in batches, so any number of them fits in a small heap. How a workbook review
 * keeps its reference findings current after a change in another sheet. Get one from
 * {@link Review#replacingFindingsOf}.
 */
public final class RuleFindingsWriter implements AutoCloseable {

    private static final int BATCH = 5_000;

    private final Review review;
    private final Connection connection;
    private final String rule;
    private final PreparedStatement insert;
    private int pending;
    private boolean closed;

    RuleFindingsWriter(Review review, Connection connection, String rule) throws SQLException {
        this.review = review;
        this.connection = connection;
        this.rule = rule;
        connection.setAutoCommit(false);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM finding WHERE rule = ?")) {
            delete.setString(1, rule);
            delete.executeUpdate();
        }
        insert = connection.prepareStatement(FindingStore.INSERT);
    }

    /** Adds one finding of the rule. */
    public void append(Finding finding) {
        Objects.requireNonNull(finding, "finding");
        if (closed) {
            throw new IllegalStateException("This finding writer is closed.");
        }
        if (!rule.equals(finding.rule())) {
            throw new IllegalArgumentException("A finding of rule " + finding.rule()
                    + " cannot replace the findings of rule " + rule + ".");
        }
        try {
            FindingStore.bind(insert, finding);
            insert.addBatch();
            if (++pending >= BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        } catch (SQLException e) {
            close();
            throw ReviewFailures.of(review.file(), e);
        }
    }

    /** Makes the replacement durable and hands the review back for other writes. */
    public void commit() {
        if (closed) {
            throw new IllegalStateException("This finding writer is closed.");
        }
        try {
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            close();
            throw ReviewFailures.of(review.file(), e);
        }
        release();
    }

    /** Without a commit: keeps the findings as they were. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // nothing was made durable; the failure that led here is the one to report
        }
        release();
    }

    private void release() {
        closed = true;
        try {
            insert.close();
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // the transaction is already ended either way
        } finally {
            review.writerClosed(this);
        }
    }
}
