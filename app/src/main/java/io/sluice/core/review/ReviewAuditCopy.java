package io.sluice.core.review;

import io.sluice.core.bookkeeping.DecisionAction;
import io.sluice.core.bookkeeping.DecisionAudit;
import io.sluice.core.bookkeeping.DecisionAuditWriter;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a review's audit log with the import batch it led to: every decision and edit (who, when, why, old and new
 * value) is copied into the target's {@code sluice_decision_audit}, so the history survives the review file; a value
 * fix arrives as its summary (kind, column, cells, in the reason) and its old → new pairs, on source row 0. The copy
 * is written on the import's own connection, inside its transaction: the batch and its audit commit together.
 */
public final class ReviewAuditCopy {

    private static final int PAGE = 1_000;

    private ReviewAuditCopy() {
    }

    /** Copies the whole audit log of the review, page by page; returns the number of entries copied. */
    public static long copy(Review review, long batchId, Connection connection) throws SQLException {
        String reviewFile = review.file().toAbsolutePath().toString();
        List<String> columns = review.columns();
        long after = 0;
        long copied = 0;
        while (true) {
            List<AuditEntry> page = review.ledger().audit(after, PAGE);
            if (page.isEmpty()) {
                return copied;
            }
            List<DecisionAudit> rows = new ArrayList<>(page.size());
            for (AuditEntry e : page) {
                String column = e.column() == null || e.column() >= columns.size() ? null : columns.get(e.column());
                rows.add(new DecisionAudit(batchId, reviewFile, e.row() == null ? 0 : e.row(),
                        DecisionAction.ofCode(e.action().label()), e.reason(), column, e.oldValue(), e.newValue(),
                        e.steward(), e.at()));
                after = e.id();
            }
            DecisionAuditWriter.write(connection, rows);
            copied += rows.size();
        }
    }
}
