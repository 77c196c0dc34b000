package io.sluice.core.commit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.bookkeeping.ProvenanceReader;
import io.sluice.core.bookkeeping.RowAction;
import io.sluice.core.validate.GateResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The batch rows of Sluice's bookkeeping written and read with plain JDBC on the commit engine's own connection, so a
 * batch record is part of the same transaction as the rows it describes (the Hibernate-based {@code Bookkeeping}
 * opens transactions of its own).
 */
final class BatchRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A batch as a rollback needs it. */
    record Batch(long id, String targetTable, BatchStatus status, List<String> keyColumns) {
    }

    private BatchRecords() {
    }

    /** The newest committed batch that imported the same file with the same profile into the same table. */
    static Optional<Long> committedDuplicate(Connection c, String sourceSha256, String profileSha256,
                                             String targetTable) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(id) FROM sluice_import_batch WHERE source_sha256 = ?"
                + " AND profile_sha256 = ? AND target_table = ? AND status = 'committed'")) {
            s.setString(1, sourceSha256);
            s.setString(2, profileSha256);
            s.setString(3, targetTable);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? Optional.empty() : Optional.of(id);
            }
        }
    }

    /** Inserts a batch row with that status and returns its id. */
    static long insert(Connection c, CommitRequest request, String targetTable, List<String> keyColumns,
                       BatchStatus status, String message) throws SQLException {
        return insert(c, request, targetTable, keyColumns, status, message, null);
    }

    /**
     * Inserts the batch row of a dry run, whose transaction is rolled back: under an id of its own below zero, so
     * that it takes no number from the batch identity (identities are not rolled back) and the next real batch gets
     * the number the steward expects.
     */
    static long insertForDryRun(Connection c, CommitRequest request, String targetTable) throws SQLException {
        return insert(c, request, targetTable, List.of(), BatchStatus.RUNNING, null,
                -java.util.concurrent.ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    }

    private static long insert(Connection c, CommitRequest request, String targetTable, List<String> keyColumns,
                               BatchStatus status, String message, Long explicitId) throws SQLException {
        String sql = "INSERT INTO sluice_import_batch (source_file, source_sha256, sheet, profile_name,"
                + " profile_sha256, target_table, import_mode, rows_read, rows_rejected, completeness, validity,"
                + " uniqueness, overall, steward, started_at, finished_at, status, message, key_columns"
                + (explicitId == null ? "" : ", id")
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?" + (explicitId == null ? "" : ", ?")
                + ")";
        try (PreparedStatement s = explicitId == null ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)
                : c.prepareStatement(sql)) {
            s.setString(1, request.sourceFile());
            s.setString(2, request.sourceSha256());
            s.setString(3, request.sheet());
            s.setString(4, request.profileName());
            s.setString(5, request.profileSha256());
            s.setString(6, targetTable);
            s.setString(7, request.mode().code());
            s.setLong(8, request.rowsRead());
            s.setLong(9, request.rejected());
            s.setBigDecimal(10, request.scores().completeness());
            s.setBigDecimal(11, request.scores().validity());
            s.setBigDecimal(12, request.scores().uniqueness());
            s.setBigDecimal(13, request.scores().overall());
            s.setString(14, request.steward());
            s.setObject(15, now());
            if (status == BatchStatus.RUNNING) {
                s.setNull(16, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                s.setObject(16, now());
            }
            s.setString(17, status.code());
            s.setString(18, message == null ? null : truncate(message));
            s.setString(19, json(keyColumns));
            if (explicitId != null) {
                s.setLong(20, explicitId);
            }
            s.executeUpdate();
            long id;
            if (explicitId != null) {
                id = explicitId;
            } else {
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            insertGates(c, id, request.gates());
            return id;
        }
    }

    private static void insertGates(Connection c, long batchId, List<GateResult> gates) throws SQLException {
        if (gates.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sluice_batch_gate (batch_id, gate_order, metric,"
                + " unit, min_value, max_value, action, measured, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < gates.size(); i++) {
                GateResult g = gates.get(i);
                s.setLong(1, batchId);
                s.setInt(2, i);
                s.setString(3, g.metric());
                s.setString(4, g.unit());
                s.setBigDecimal(5, g.min());
                s.setBigDecimal(6, g.max());
                s.setString(7, g.action());
                s.setBigDecimal(8, g.measured());
                s.setString(9, g.status().code());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Sets a batch's rows read and rejected, scores and quality gates to those of {@code request}, in its transaction. */
    static void measures(Connection c, long id, CommitRequest request) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE sluice_import_batch SET rows_read = ?,"
                + " rows_rejected = ?, completeness = ?, validity = ?, uniqueness = ?, overall = ? WHERE id = ?")) {
            s.setLong(1, request.rowsRead());
            s.setLong(2, request.rejected());
            s.setBigDecimal(3, request.scores().completeness());
            s.setBigDecimal(4, request.scores().validity());
            s.setBigDecimal(5, request.scores().uniqueness());
            s.setBigDecimal(6, request.scores().overall());
            s.setLong(7, id);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM sluice_batch_gate WHERE batch_id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        insertGates(c, id, request.gates());
    }

    /** Records how many approved rows an attempt met, for a failed one that read them all before it was refused. */
    static void approved(Connection c, long id, long approved) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE sluice_import_batch SET rows_approved = ? WHERE id = ?")) {
            s.setLong(1, approved);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    /**
     * Records what a batch into several related tables says about itself beyond the single-table record: the source
     * rows approved, and whether its tables were written with different modes.
     */
    static void related(Connection c, long id, long sourceRowsApproved, boolean modePerTable) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE sluice_import_batch SET source_rows_approved = ?,"
                + " mode_per_table = ? WHERE id = ?")) {
            s.setLong(1, sourceRowsApproved);
            s.setBoolean(2, modePerTable);
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    /** Ends a running batch as committed with its counts. */
    static void committed(Connection c, long id, long approved, Map<RowAction, Long> counts) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE sluice_import_batch SET status = 'committed',"
                + " rows_approved = ?, rows_inserted = ?, rows_updated = ?, rows_skipped = ?, finished_at = ?"
                + " WHERE id = ? AND status = 'running'")) {
            s.setLong(1, approved);
            s.setLong(2, counts.getOrDefault(RowAction.INSERTED, 0L));
            s.setLong(3, counts.getOrDefault(RowAction.UPDATED, 0L));
            s.setLong(4, counts.getOrDefault(RowAction.SKIPPED, 0L));
            s.setObject(5, now());
            s.setLong(6, id);
            s.executeUpdate();
        }
    }

    /** Provenance rows of a batch counted by action, as the database holds them. */
    static Map<RowAction, Long> provenanceCounts(Connection c, long id) throws SQLException {
        return ProvenanceReader.counts(c, id, null);
    }

    /** The batch with that id, if any. */
    static Optional<Batch> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT target_table, status, key_columns"
                + " FROM sluice_import_batch WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String keys = rs.getString(3);
                return Optional.of(new Batch(id, rs.getString(1), BatchStatus.ofCode(rs.getString(2)),
                        keys == null ? List.of() : List.of(readJson(keys))));
            }
        }
    }

    /**
     * Committed batches after this one that inserted or updated a row it inserted or updated, and the batches after
     * those that did the same to theirs, newest first: what a rollback of this batch would undo too.
     */
    static List<Long> laterTouching(Connection c, long id) throws SQLException {
        TreeSet<Long> found = new TreeSet<>();
        List<Long> frontier = new ArrayList<>(List.of(id));
        while (!frontier.isEmpty()) {
            long current = frontier.remove(frontier.size() - 1);
            for (long later : ProvenanceReader.laterTouching(c, current, true)) {
                if (found.add(later)) {
                    frontier.add(later);
                }
            }
        }
        return new ArrayList<>(found.descendingSet());
    }

    /** Marks a committed batch rolled back by that steward, now. */
    static void rolledBack(Connection c, long id, String steward) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE sluice_import_batch SET status = 'rolled_back',"
                + " rolled_back_at = ?, rolled_back_by = ? WHERE id = ? AND status = 'committed'")) {
            s.setObject(1, now());
            s.setString(2, steward);
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static String truncate(String message) {
        return message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
    }

    private static String json(List<String> names) {
        try {
            return JSON.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings always serialises", e);
        }
    }

    private static String[] readJson(String text) {
        try {
            return JSON.readValue(text, String[].class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sluice's own bookkeeping JSON is unreadable: " + text, e);
        }
    }
}
