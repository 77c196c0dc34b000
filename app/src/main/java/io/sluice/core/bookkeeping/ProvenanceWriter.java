package io.sluice.core.bookkeeping;

import io.sluice.core.SluiceException;
import io.sluice.core.database.Redaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the provenance (and the before-images of updated rows) of one import batch on the caller's JDBC connection,
 * in the caller's transaction: consecutive rows of the same target table and source sheet become one row of
 * {@code sluice_provenance_run} of up to {@value ProvenanceRun#MAX_ROWS} rows (decision 0034), so a batch writes about
 * one bookkeeping row per thousand target rows. At most {@value #PENDING_RUNS} runs wait in memory, and runs without
 * before-images go as one JDBC batch (one round trip; only a run with images needs its id back); provenance commits
 * or rolls back together with the user-table writes it describes. Never commits or closes the connection;
 * {@link #flush()} and {@link #close()} send what is pending.
 */
public final class ProvenanceWriter implements AutoCloseable {

    /** Provenance rows (and before-images) held in memory at most before they are sent. */
    public static final int BATCH_SIZE = 1000;
    /** Finished runs held in memory at most before they are sent. */
    static final int PENDING_RUNS = 16;

    private static final String INSERT_RUN = "INSERT INTO sluice_provenance_run (batch_id, target_table,"
            + " source_sheet, row_count, inserted, updated, skipped, actions, target_keys, source_rows, legacy_ids,"
            + " low_key, high_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_IMAGE = "INSERT INTO sluice_before_image"
            + " (batch_id, run_id, run_index, target_table, target_key, row_image) VALUES (?, ?, ?, ?, ?, ?)";

    private record PendingImage(ProvenanceRun run, int index, String table, String key, String image) {
    }

    private final long batchId;
    private final PreparedStatement runs;
    /** The same insert without its generated id, batched: for runs no before-image refers to. */
    private final PreparedStatement runsWithoutIds;
    private final PreparedStatement images;
    private final List<ProvenanceRun> finished = new ArrayList<>();
    private final List<PendingImage> pendingImages = new ArrayList<>();
    private ProvenanceRun open;
    private long written;

    /** A writer for that batch on that connection; the batch must exist (see {@link Bookkeeping#startBatch}). */
    public ProvenanceWriter(Connection connection, long batchId) {
        this.batchId = batchId;
        try {
            // only the id comes back: asking for all generated keys would return the run's texts as well
            this.runs = connection.prepareStatement(INSERT_RUN, new String[] {"id"});
            this.runsWithoutIds = connection.prepareStatement(INSERT_RUN);
            this.images = connection.prepareStatement(INSERT_IMAGE);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Records what the import did to one target row. */
    public void add(RowProvenance row) {
        append(row, null);
    }

    /** Records an updated row together with the row as it was before (JSON text: column -> value as text). */
    public void addUpdated(RowProvenance row, String rowImageJson) {
        if (row.action() != RowAction.UPDATED) {
            throw new IllegalArgumentException("A before-image belongs to an updated row, not an "
                    + row.action().code() + " one");
        }
        append(row, rowImageJson);
    }

    private void append(RowProvenance row, String image) {
        if (open == null || !open.accepts(row)) {
            finishOpenRun();
            open = new ProvenanceRun(row);
        }
        ProvenanceRun run = open;
        int index = run.add(row);
        if (image != null) {
            pendingImages.add(new PendingImage(run, index, row.targetTable(), row.targetKey(), image));
        }
        written++;
        if (run.full()) {
            finishOpenRun();
        }
    }

    private void finishOpenRun() {
        if (open != null) {
            finished.add(open);
            open = null;
            if (finished.size() >= PENDING_RUNS) {
                flush();
            }
        }
    }

    /** Provenance rows added so far. */
    public long written() {
        return written;
    }

    /** Sends what is pending, ending the run being filled: runs first, so the before-images know their run ids. */
    public void flush() {
        finishOpenRun();
        try {
            if (pendingImages.isEmpty()) {
                insertWithoutIds(finished);
            } else {
                for (ProvenanceRun run : finished) {
                    insert(runs, run);
                    runs.executeUpdate();
                    try (ResultSet id = runs.getGeneratedKeys()) {
                        id.next();
                        run.stored(id.getLong(1));
                    }
                }
            }
            finished.clear();
            if (!pendingImages.isEmpty()) {
                for (PendingImage image : pendingImages) {
                    images.setLong(1, batchId);
                    images.setLong(2, image.run().id());
                    images.setInt(3, image.index());
                    images.setString(4, image.table());
                    images.setString(5, image.key());
                    images.setString(6, image.image());
                    images.addBatch();
                }
                pendingImages.clear();
                images.executeBatch();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void insertWithoutIds(List<ProvenanceRun> pending) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        for (ProvenanceRun run : pending) {
            insert(runsWithoutIds, run);
            runsWithoutIds.addBatch();
        }
        runsWithoutIds.executeBatch();
    }

    private void insert(PreparedStatement runs, ProvenanceRun run) throws SQLException {
        runs.setLong(1, batchId);
        runs.setString(2, run.table());
        setNullable(runs, 3, run.sheet());
        runs.setInt(4, run.count());
        runs.setInt(5, run.count(RowAction.INSERTED));
        runs.setInt(6, run.count(RowAction.UPDATED));
        runs.setInt(7, run.count(RowAction.SKIPPED));
        setNullable(runs, 8, run.actionsText());
        runs.setString(9, run.keysText());
        runs.setString(10, run.sourceRowsText());
        setNullable(runs, 11, run.legacyIdsText());
        runs.setString(12, run.lowBound());
        runs.setString(13, run.highBound());
    }

    /** Flushes and releases the statements; the connection and its transaction stay with the caller. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            try {
                runs.close();
                runsWithoutIds.close();
                images.close();
            } catch (SQLException e) {
                // the statements die with the connection anyway
            }
        }
    }

    private static void setNullable(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private SluiceException failure(SQLException e) {
        SQLException next = e.getNextException();
        String reason = Redaction.deepestReason(next != null ? next : e, null, null);
        return SluiceException.target("Cannot record the row provenance of import batch " + batchId + ": "
                + reason + ".", e);
    }
}
