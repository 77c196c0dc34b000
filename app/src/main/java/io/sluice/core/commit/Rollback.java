package io.sluice.core.commit;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.bookkeeping.ProvenanceReader;
import io.sluice.core.bookkeeping.RowAction;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * Undoes a committed import batch in one transaction: deletes the rows it inserted, restores the before-images of the
 * rows it updated (newest provenance first) and marks it rolled back. Refuses when later batches changed the same
 * rows, unless asked to cascade: those are then rolled back first, newest first, in the same transaction.
 */
public final class Rollback {

    private final TargetDatabase db;

    public Rollback(TargetDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Deletes the rows the batch inserted and restores the before-images of rows it updated, in one transaction.
     * Refuses (naming the later batch ids) when later batches changed the same rows, unless {@code cascade}.
     */
    public RollbackResult rollback(long batchId, boolean cascade, String steward) {
        return rollback(batchId, cascade, steward, Progress.NONE);
    }

    /**
     * As {@link #rollback(long, boolean, String)}, reporting the rows undone to {@code progress} after each chunk;
     * a cancel there rolls the transaction back, so the target stays exactly as it was.
     */
    public RollbackResult rollback(long batchId, boolean cascade, String steward, Progress progress) {
        Objects.requireNonNull(steward, "steward");
        Progress listener = progress == null ? Progress.NONE : progress;
        long[] done = new long[1];
        Connection connection = db.connection();
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw failure(batchId, e);
        }
        try {
            BatchRecords.Batch batch = BatchRecords.find(connection, batchId).orElseThrow(() ->
                    SluiceException.input("There is no import batch " + batchId + " in " + db.displayUrl()
                            + "."));
            if (batch.status() != BatchStatus.COMMITTED) {
                throw SluiceException.input(batch.status().refusesRollback(batchId));
            }
            List<Long> later = BatchRecords.laterTouching(connection, batchId);
            if (!later.isEmpty() && !cascade) {
                throw SluiceException.input("Import batch " + batchId + " cannot be rolled back: later batch(es) "
                        + later.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + " changed the same rows; roll those back first, or roll back with cascade.");
            }
            List<RollbackResult.Undone> undone = new ArrayList<>();
            for (long id : later) {
                undone.add(undo(connection, BatchRecords.find(connection, id).orElseThrow(), steward, listener,
                        done));
            }
            undone.add(undo(connection, batch, steward, listener, done));
            List<BatchTables.BatchTable> numbered = new ArrayList<>();
            for (RollbackResult.Undone u : undone) {
                List<BatchTables.BatchTable> tables = BatchTables.of(connection, u.batchId());
                for (int i = tables.size() - 1; i >= 0; i--) {
                    if (tables.get(i).identityColumn() != null) {
                        numbered.add(tables.get(i));
                    }
                }
            }
            connection.commit();
            return new RollbackResult(batchId, undone.stream().mapToLong(RollbackResult.Undone::deleted).sum(),
                    undone.stream().mapToLong(RollbackResult.Undone::restored).sum(), later, undone,
                    setBack(connection, numbered));
        } catch (SluiceException | CancellationException e) {
            rollbackQuietly(connection, e);
            throw e;
        } catch (SQLException | RuntimeException e) {
            SluiceException failure = failure(batchId, e);
            rollbackQuietly(connection, failure);
            throw failure;
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                // a dead connection has nothing left to restore
            }
        }
    }

    /**
     * Undoes one batch (a batch into related tables table by table, children first); returns the rows it deleted and
     * restored.
     */
    private RollbackResult.Undone undo(Connection connection, BatchRecords.Batch batch, String steward,
                                       Progress progress, long[] done) throws SQLException {
        long[] totals = new long[2];
        List<BatchTables.BatchTable> tables = BatchTables.of(connection, batch.id());
        if (tables.isEmpty()) {
            if (batch.keyColumns().isEmpty()) {
                throw SluiceException.input("Import batch " + batch.id() + " was not written by Sluice's commit"
                        + " engine (it records no key columns), so it cannot be rolled back.");
            }
            undoTable(connection, batch.id(), batch.targetTable(), batch.keyColumns(), false, progress, done, totals);
        } else {
            for (int i = tables.size() - 1; i >= 0; i--) {
                BatchTables.BatchTable t = tables.get(i);
                undoTable(connection, batch.id(), t.targetTable(), t.keyColumns(), true, progress, done, totals);
            }
        }
        BatchRecords.rolledBack(connection, batch.id(), steward);
        return new RollbackResult.Undone(batch.id(), totals[0], totals[1]);
    }

    /**
     * Deletes the rows the batch inserted into one table and restores those it updated, newest provenance first;
     * {@code onlyThisTable} reads only that table's provenance (a batch into several tables).
     */
    private void undoTable(Connection connection, long batchId, String tableName, List<String> keyNames,
                           boolean onlyThisTable, Progress progress, long[] done, long[] totals)
            throws SQLException {
        TableInfo table = db.table(tableName);
        List<ColumnInfo> keyColumns = new ArrayList<>();
        for (String name : keyNames) {
            keyColumns.add(table.column(name).orElseThrow(() -> SluiceException.target("Import batch " + batchId
                    + " cannot be rolled back: its key column " + name + " no longer exists in table "
                    + table.name() + ".")));
        }
        TargetRows rows = new TargetRows(connection, db.dialect(), table, keyColumns);
        Map<String, PreparedStatement> restores = new LinkedHashMap<>();
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + rows.quotedTable()
                + " WHERE " + rows.keyPredicate())) {
            ProvenanceReader.newestFirst(connection, batchId, onlyThisTable ? tableName : null, chunk -> {
                if (progress.isCancelled()) {
                    throw new CancellationException("The rollback of batch " + batchId + " was cancelled;"
                            + " nothing was changed.");
                }
                boolean deletes = false;
                for (ProvenanceReader.Change change : chunk) {
                    List<Object> key = Values.parseKey(change.targetKey(), keyColumns);
                    if (change.action() == RowAction.INSERTED) {
                        rows.bindKey(delete, 1, key);
                        delete.addBatch();
                        deletes = true;
                    } else if (change.beforeImage() != null) {
                        addRestore(connection, rows, table, keyColumns, key, Values.parseImage(change.beforeImage()),
                                restores);
                    }
                }
                // changes come newest first, and restores run before deletes: a key the batch inserted and then
                // updated is restored step by step before it is deleted
                for (PreparedStatement restore : restores.values()) {
                    totals[1] += rowsChanged(restore.executeBatch());
                }
                if (deletes) {
                    totals[0] += rowsChanged(delete.executeBatch());
                }
                done[0] += chunk.size();
                progress.rowsDone(done[0]);
            });
        } finally {
            for (PreparedStatement restore : restores.values()) {
                restore.close();
            }
        }
    }

    /**
     * After the rollback committed: sets each identity the undone batches moved back where nothing else took values
     * since, children first; one sentence per identity on what was done.
     */
    private List<String> setBack(Connection connection, List<BatchTables.BatchTable> numbered) {
        List<String> sentences = new ArrayList<>();
        for (BatchTables.BatchTable t : numbered) {
            try {
                TableInfo table = db.table(t.targetTable());
                var identity = IdentitySequence.of(connection, db.dialect(), table, t.identityColumn());
                if (identity.isEmpty()) {
                    sentences.add("Table " + table.name() + "'s " + t.identityColumn() + " numbering was left alone:"
                            + " it is no longer an identity column.");
                    continue;
                }
                String sentence = identity.get().setBack(connection, t.identityBefore(), t.identityAfter());
                if (sentence != null) {
                    sentences.add(sentence);
                }
            } catch (SQLException | RuntimeException e) {
                sentences.add("Table " + t.targetTable() + "'s " + t.identityColumn() + " numbering was left alone"
                        + " (" + Committer.reason(e) + "), so a re-import gets new ids rather than the same ones.");
            }
        }
        return sentences;
    }

    /** Adds the update that puts a before-image back, to a statement shared by images of the same columns. */
    private void addRestore(Connection connection, TargetRows rows, TableInfo table, List<ColumnInfo> keyColumns,
                            List<Object> key, Map<String, Object> image, Map<String, PreparedStatement> restores)
            throws SQLException {
        List<ColumnInfo> restored = new ArrayList<>();
        for (ColumnInfo column : table.columns()) {
            if (image.containsKey(column.name()) && !keyColumns.contains(column) && !column.generated()) {
                restored.add(column);
            }
        }
        if (restored.isEmpty()) {
            return;
        }
        String sql = "UPDATE " + rows.quotedTable() + " SET " + restored.stream()
                .map(c -> rows.quote(c.name()) + " = ?").collect(Collectors.joining(", "))
                + " WHERE " + rows.keyPredicate();
        PreparedStatement update = restores.get(sql);
        if (update == null) {
            update = connection.prepareStatement(sql);
            restores.put(sql, update);
        }
        int index = 1;
        for (ColumnInfo column : restored) {
            Values.bind(update, index++, Values.parseImageValue(image.get(column.name()), column, db.dialect()),
                    column, db.dialect());
        }
        rows.bindKey(update, index, key);
        update.addBatch();
    }

    private static long rowsChanged(int[] counts) {
        long total = 0;
        for (int count : counts) {
            // a driver may report success without a count; each statement names one row by its key
            total += count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
        }
        return total;
    }

    private static void rollbackQuietly(Connection connection, RuntimeException thrown) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            thrown.addSuppressed(e);
        }
    }

    private static SluiceException failure(long batchId, Exception e) {
        return SluiceException.target("Import batch " + batchId + " could not be rolled back and nothing was"
                + " changed: " + Committer.reason(e) + ".", e);
    }
}
