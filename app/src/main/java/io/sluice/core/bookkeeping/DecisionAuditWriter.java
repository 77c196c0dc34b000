package io.sluice.core.bookkeeping;

import io.sluice.core.database.PostgresCopy;
import org.postgresql.PGConnection;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes review decisions into {@code sluice_decision_audit} with plain JDBC on a connection the caller owns, so the
 * audit of an import can share the import's transaction. A bulk decision logs one entry per row, so a review import
 * may copy a million: on PostgreSQL they go through {@code COPY}, elsewhere through JDBC batches (identity ids switch
 * off Hibernate's batching).
 */
public final class DecisionAuditWriter {

    private DecisionAuditWriter() {
    }

    private static final String COPY_AUDIT = "COPY sluice_decision_audit (batch_id, review_file, source_row, action,"
            + " reason, column_name, old_value, new_value, steward, decided_at)"
            + " FROM STDIN WITH (FORMAT csv, NULL '', ENCODING 'UTF8')";

    /** Inserts the decisions; the caller commits. */
    public static void write(Connection connection, List<DecisionAudit> decisions) throws SQLException {
        if (decisions.isEmpty()) {
            return;
        }
        if (connection.isWrapperFor(PGConnection.class)) {
            copy(connection.unwrap(PGConnection.class), decisions);
            return;
        }
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

    /** The decisions in one COPY: the same columns and values as the batched insert. */
    private static void copy(PGConnection connection, List<DecisionAudit> decisions) throws SQLException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream(decisions.size() * 160);
        StringBuilder line = new StringBuilder(256);
        for (DecisionAudit d : decisions) {
            line.setLength(0);
            d.batchId().ifPresent(line::append);
            line.append(',');
            PostgresCopy.quote(line, d.reviewFile());
            line.append(',').append(d.sourceRow()).append(',');
            PostgresCopy.quote(line, d.action().code());
            line.append(',');
            PostgresCopy.quote(line, fit(d.reason().orElse(null)));
            line.append(',');
            PostgresCopy.quote(line, d.columnName().orElse(null));
            line.append(',');
            PostgresCopy.quote(line, fit(d.oldValue().orElse(null)));
            line.append(',');
            PostgresCopy.quote(line, fit(d.newValue().orElse(null)));
            line.append(',');
            PostgresCopy.quote(line, d.steward());
            line.append(',').append(micros(d.decidedAt())).append('\n');
            csv.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        long copied = PostgresCopy.send(connection.getCopyAPI(), COPY_AUDIT, csv);
        if (copied != decisions.size()) {
            throw new SQLException("only " + copied + " of " + decisions.size() + " audit entries were copied");
        }
    }

    /** The time as PostgreSQL keeps it, to the microsecond (rounded as the JDBC driver rounds a bound value). */
    private static String micros(Instant at) {
        return at.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** Audit texts are kept up to the column's 4,000 characters; a longer cell text is cut with an ellipsis. */
    private static String fit(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }
}
