package io.sluice.core.bookkeeping;

import io.sluice.core.database.PostgresCopy;
import org.postgresql.PGConnection;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes review decisions into {@code sluice_decision_audit} with plain JDBC on a connection the caller owns, so the
 * audit of an import can share the import's transaction. A bulk decision logs one entry per row, so a review import
 * may copy a million: consecutive entries that differ only in a later source row are kept as one row with the rows as
 * ranges (decision 0040), so a bulk approval of a million rows is about a hundred rows, while every entry with its own
 * reason, column or values stays a row of its own. Rows go through {@code COPY} on PostgreSQL, JDBC batches elsewhere
 * (identity ids switch off Hibernate's batching). Add entries in the audit's order, then close it to write the last.
 */
public final class DecisionAuditWriter implements AutoCloseable {

    private static final String COLUMNS = "batch_id, review_file, source_row, action, reason, column_name,"
            + " old_value, new_value, steward, decided_at, row_count, source_rows, first_entry";
    private static final String COPY_AUDIT = "COPY sluice_decision_audit (" + COLUMNS + ")"
            + " FROM STDIN WITH (FORMAT csv, NULL '', ENCODING 'UTF8')";

    /** Range text held before it is written: runs of scattered rows are long, and memory stays bounded. */
    private static final int PENDING_CHARACTERS = 1_000_000;

    private final Connection connection;
    private final List<AuditRun> complete = new ArrayList<>();
    private long pendingCharacters;
    /** The next entry's position in each batch's audit (a workbook's sheets add to one batch in turn). */
    private final Map<Long, Long> nextEntry = new HashMap<>();
    private final AuditRuns runs = new AuditRuns(this::complete);
    private long runEntries;

    /** A writer on the caller's connection; the caller commits. */
    public DecisionAuditWriter(Connection connection) {
        this.connection = connection;
    }

    /** Inserts the decisions, in order; the caller commits. */
    public static void write(Connection connection, List<DecisionAudit> decisions) throws SQLException {
        try (DecisionAuditWriter writer = new DecisionAuditWriter(connection)) {
            for (DecisionAudit d : decisions) {
                writer.add(d);
            }
        }
    }

    /** Adds the next entry of the audit; rows are written a thousand at a time, or sooner when their ranges are long. */
    public void add(DecisionAudit decision) throws SQLException {
        runs.add(decision);
    }

    /**
     * Adds the next run of the batch's audit, folded by {@link AuditRuns} from entries read before the batch existed;
     * it takes the batch and its position as entries added one by one would.
     */
    public void add(AuditRun run, long batchId) throws SQLException {
        run.inBatch(batchId);
        runEntries += run.count();
        complete(run);
    }

    /** How many entries were added. */
    public long entries() {
        return runs.entries() + runEntries;
    }

    /** Writes what is left. */
    @Override
    public void close() throws SQLException {
        runs.finish();
        flush();
    }

    private void complete(AuditRun run) throws SQLException {
        Long batch = run.batchId();
        if (batch != null) {
            long position = nextEntry.containsKey(batch) ? nextEntry.get(batch) : storedEntries(batch);
            run.at(position);
            nextEntry.put(batch, position + run.count());
        }
        complete.add(run);
        pendingCharacters += run.rangesLength();
        if (complete.size() == ProvenanceWriter.BATCH_SIZE || pendingCharacters > PENDING_CHARACTERS) {
            flush();
        }
    }

    /** How many entries the batch's audit holds already. */
    private long storedEntries(long batchId) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT MAX(first_entry + row_count)"
                + " FROM sluice_decision_audit WHERE batch_id = ?")) {
            count.setLong(1, batchId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void flush() throws SQLException {
        if (complete.isEmpty()) {
            return;
        }
        if (connection.isWrapperFor(PGConnection.class)) {
            copy(connection.unwrap(PGConnection.class), complete);
        } else {
            insert(complete);
        }
        complete.clear();
        pendingCharacters = 0;
    }

    private void insert(List<AuditRun> runs) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sluice_decision_audit (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditRun run : runs) {
                DecisionAudit d = run.first();
                insert.setObject(1, run.batchId(), Types.BIGINT);
                insert.setString(2, d.reviewFile());
                insert.setLong(3, d.sourceRow());
                insert.setString(4, d.action().code());
                insert.setString(5, fit(d.reason().orElse(null)));
                insert.setString(6, d.columnName().orElse(null));
                insert.setString(7, fit(d.oldValue().orElse(null)));
                insert.setString(8, fit(d.newValue().orElse(null)));
                insert.setString(9, d.steward());
                insert.setObject(10, d.decidedAt().atOffset(ZoneOffset.UTC));
                insert.setInt(11, run.count());
                insert.setString(12, run.rangesText());
                insert.setObject(13, run.firstEntry(), Types.BIGINT);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The rows in one COPY: the same columns and values as the batched insert. */
    private static void copy(PGConnection connection, List<AuditRun> runs) throws SQLException {
        ByteArrayOutputStream csv = new ByteArrayOutputStream(runs.size() * 200);
        StringBuilder line = new StringBuilder(256);
        for (AuditRun run : runs) {
            DecisionAudit d = run.first();
            line.setLength(0);
            if (run.batchId() != null) {
                line.append(run.batchId());
            }
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
            line.append(',').append(micros(d.decidedAt())).append(',').append(run.count()).append(',');
            PostgresCopy.quote(line, run.rangesText());
            line.append(',');
            if (run.firstEntry() != null) {
                line.append(run.firstEntry());
            }
            line.append('\n');
            csv.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        }
        long copied = PostgresCopy.send(connection.getCopyAPI(), COPY_AUDIT, csv);
        if (copied != runs.size()) {
            throw new SQLException("only " + copied + " of " + runs.size() + " audit rows were copied");
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
