package io.sluice.core.bookkeeping;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes review decisions into {@code sluice_decision_audit} with plain JDBC on a connection the caller owns, so the
 * audit of an import can share the import's transaction. A bulk decision logs one entry per row: JDBC batches, since
 * identity ids switch off Hibernate's batching.
 */
public final class DecisionAuditWriter {

    private DecisionAuditWriter() {
    }

    /** Inserts the decisions; the caller commits. */
    public static void write(Connection connection, List<DecisionAudit> decisions) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sluice_decision_audit"
                + " (batch_id, review_file, source_row, action, reason, column_name, old_value, new_value,"
                + " steward, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (DecisionAudit d : decisions) {
                insert.setObject(1, d.batchId().orElse(null), Types.BIGINT);
                insert.setString(2, d.reviewFile());
                insert.setLong(3, d.sourceRow());
                insert.setString(4, d.action().code());
                insert.setString(5, fit(d.reason().orElse(null)));
                insert.setString(6, d.columnName().orElse(null));
                insert.setString(7, fit(d.oldValue().orElse(null)));
                insert.setString(8, fit(d.newValue().orElse(null)));
                insert.setString(9, d.steward());
                insert.setObject(10, d.decidedAt().atOffset(ZoneOffset.UTC));
                insert.addBatch();
                if (++pending == ProvenanceWriter.BATCH_SIZE) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /** Audit texts are kept up to the column's 4,000 characters; a longer cell text is cut with an ellipsis. */
    private static String fit(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
