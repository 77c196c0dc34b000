package io.sluice.core.commit;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.bookkeeping.ProvenanceWriter;
import io.sluice.core.bookkeeping.RowAction;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Commits approved rows into several related tables as one all-or-nothing import batch: the tables in foreign-key
 * order (parents first), each written by the single-table engine ({@link ImportRun}: chunked checks against the live
 * target, COPY or JDBC batches, provenance, verification) under one batch record and one transaction, with each
 * child's references resolved per chunk through the parent's natural key to the parent's generated key. Per-table
 * counts and identity positions are recorded with the batch so a rollback can undo it children first and set the
 * identities back. A dry run is the same run rolled back (counts equal the real run's by construction), with the
 * identities it moved set back.
 */
public final class RelatedCommitter {

    private final TargetDatabase db;
    private final int chunkSize;

    /** A committer writing into that target database. */
    public RelatedCommitter(TargetDatabase db) {
        this(db, Committer.CHUNK_SIZE);
    }

    RelatedCommitter(TargetDatabase db, int chunkSize) {
        this.db = Objects.requireNonNull(db, "db");
        this.chunkSize = chunkSize;
    }

    /** Where one table's identity stood before it was written, for setting it back after a dry run or a failure. */
    private record Mark(String table, IdentitySequence identity, long before) {
    }

    /**
     * Dry run: counts per table in the order they would be written; refuses (conflicts, unstorable values, a cycle)
     * as {@link #commit} would, and leaves the target as it was.
     */
    public List<TableCounts> plan(RelatedBatchRequest request, Progress progress) {
        return run(request, progress, true, BatchAddition.NONE).tables();
    }

    /** The whole batch in one transaction; on any failure or cancel every table is exactly as before. */
    public RelatedCommitResult commit(RelatedBatchRequest request, Progress progress) {
        return commit(request, progress, BatchAddition.NONE);
    }

    /** As {@link #commit(RelatedBatchRequest, Progress)}, with {@code addition} written in the same transaction. */
    public RelatedCommitResult commit(RelatedBatchRequest request, Progress progress, BatchAddition addition) {
        return run(request, progress, false, addition);
    }

    private RelatedCommitResult run(RelatedBatchRequest request, Progress progress, boolean dryRun,
                                    BatchAddition addition) {
        long started = System.nanoTime();
        Progress listener = progress == null ? Progress.NONE : progress;
        List<TableRows> ordered = ForeignKeyOrder.order(request.tables());
        refuseRepeatedTables(ordered);
        for (TableRows table : ordered) {
            Committer.checkTableUnchanged(db, table.table(), table.columns());
        }
        String label = label(ordered);
        Connection connection = db.connection();
        var widened = IdentitySequence.widenCaches(connection, db.dialect(),
                ordered.stream().map(TableRows::table).toList());
        try {
            return run(connection, request, ordered, label, listener, dryRun, addition, started);
        } finally {
            widened.putBack(connection);
        }
    }

    private RelatedCommitResult run(Connection connection, RelatedBatchRequest request, List<TableRows> ordered,
                                    String label, Progress listener, boolean dryRun, BatchAddition addition,
                                    long started) {
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            checkNotDuplicate(connection, request, label);
        } catch (SQLException e) {
            throw SluiceException.target("Cannot start the import into tables " + label + ": "
                    + Committer.reason(e) + ".", e);
        }
        CommitRequest batchRequest = batchRequest(request, ordered);
        List<Mark> marks = new ArrayList<>();
        long[] approved = {0};
        try {
            long batchId = dryRun ? BatchRecords.insertForDryRun(connection, batchRequest, label)
                    : BatchRecords.insert(connection, batchRequest, label, List.of(), BatchStatus.RUNNING, null);
            if (!dryRun) {
                BatchRecords.related(connection, batchId, request.approved(), request.modePerTable());
            }
            List<BatchTables.BatchTable> records = new ArrayList<>();
            for (TableRows table : ordered) {
                records.add(write(connection, batchId, request, table, ordered, marks, listener, approved));
            }
            List<TableCounts> counts = records.stream().map(t -> new TableCounts(t.targetTable(), t.inserted(),
                    t.updated(), t.skipped())).toList();
            if (dryRun) {
                connection.rollback();
                setBack(connection, marks, null);
                return new RelatedCommitResult(0, counts, Duration.ofNanos(System.nanoTime() - started));
            }
            Map<RowAction, Long> totals = new EnumMap<>(RowAction.class);
            for (TableCounts c : counts) {
                totals.merge(RowAction.INSERTED, c.inserted(), Long::sum);
                totals.merge(RowAction.UPDATED, c.updated(), Long::sum);
                totals.merge(RowAction.SKIPPED, c.skipped(), Long::sum);
            }
            if (totals.get(RowAction.INSERTED) == 0 && totals.get(RowAction.UPDATED) == 0) {
                throw new NothingToImportException("All " + totals.get(RowAction.SKIPPED) + " approved row(s) are"
                        + " already in tables " + label + " and their modes leave them as they are, so the import"
                        + " would change nothing; nothing was imported.");
            }
            BatchTables.insert(connection, batchId, records);
            BatchRecords.committed(connection, batchId, approved[0], totals);
            addition.write(connection, batchId);
            connection.commit();
            return new RelatedCommitResult(batchId, counts, Duration.ofNanos(System.nanoTime() - started));
        } catch (NothingToImportException e) {
            rollbackQuietly(connection, e);
            setBack(connection, marks, e);
            throw e;
        } catch (CancellationException e) {
            fail(connection, request, batchRequest, label, "The import into tables " + label + " was cancelled by the"
                    + " steward; nothing was written.", e, dryRun, marks);
            throw e;
        } catch (CommitConflictException | UnstorableValuesException e) {
            fail(connection, request, batchRequest, label, e.getMessage(), e, dryRun, marks);
            throw e;
        } catch (SluiceException e) {
            SluiceException failure = e.kind() == SluiceException.Kind.TARGET || dryRun ? e
                    : SluiceException.target(e.getMessage(), e);
            fail(connection, request, batchRequest, label, failure.getMessage(), failure, dryRun, marks);
            throw failure;
        } catch (SQLException | RuntimeException e) {
            SluiceException failure = SluiceException.target("The import into tables " + label + " failed and"
                    + " nothing was written: " + Committer.reason(e) + ".", e);
            fail(connection, request, batchRequest, label, failure.getMessage(), failure, dryRun, marks);
            throw failure;
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                // a dead connection has nothing left to restore
            }
        }
    }

    /** Writes one table with the single-table engine, checks it, and returns its record for the batch. */
    private BatchTables.BatchTable write(Connection connection, long batchId, RelatedBatchRequest request,
                                         TableRows table, List<TableRows> batch, List<Mark> marks,
                                         Progress progress, long[] approved) throws SQLException {
        TableInfo info = table.table();
        List<ColumnInfo> keyColumns = keyColumns(table);
        Optional<IdentitySequence> identity = IdentitySequence.of(connection, db.dialect(), info);
        Long before = identity.isPresent() ? identity.get().next(connection) : null;
        identity.ifPresent(i -> marks.add(new Mark(info.name(), i, before)));
        ChunkReferences references = table.references().isEmpty() ? null : new ChunkReferences(connection,
                db.dialect(), info, table.sheet(), table.columns(), table.references(), name -> parent(name, batch));
        long offset = approved[0];
        Progress tableProgress = new Progress() {
            @Override
            public void rowsDone(long rows) {
                progress.rowsDone(offset + rows);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        };
        ImportRun run;
        try (ProvenanceWriter provenance = new ProvenanceWriter(connection, batchId);
             ImportRun r = new ImportRun(connection, db.dialect(), info, table.columns(), keyColumns,
                     request.forTable(table), tableProgress, chunkSize, provenance, references)) {
            r.run(table.rows());
            run = r;
        }
        approved[0] += run.processed();
        if (!run.unstorable().none()) {
            throw run.unstorable().refusal();
        }
        if (run.conflicts() > 0) {
            throw new CommitConflictException(run.conflicts() + " approved row(s) for table " + info.name()
                    + " conflict with the target as it is now; nothing was written.", run.findings());
        }
        verify(connection, batchId, info, run);
        Long after = identity.isPresent() ? identity.get().next(connection) : null;
        return new BatchTables.BatchTable(batch.indexOf(table), info.qualifiedName(), table.sheet(), table.mode(),
                keyColumns.stream().map(ColumnInfo::name).toList(), run.processed(), run.count(RowAction.INSERTED),
                run.count(RowAction.UPDATED), run.count(RowAction.SKIPPED),
                identity.map(IdentitySequence::column).orElse(null), before, after);
    }

    /** The table's provenance counted by action must equal what the run did. */
    private static void verify(Connection connection, long batchId, TableInfo table, ImportRun run)
            throws SQLException {
        Map<RowAction, Long> recorded = new EnumMap<>(RowAction.class);
        try (PreparedStatement s = connection.prepareStatement("SELECT action, COUNT(*) FROM sluice_row_provenance"
                + " WHERE batch_id = ? AND target_table = ? GROUP BY action")) {
            s.setLong(1, batchId);
            s.setString(2, table.qualifiedName());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    recorded.put(RowAction.ofCode(rs.getString(1)), rs.getLong(2));
                }
            }
        }
        for (RowAction action : RowAction.values()) {
            long expected = run.count(action);
            long actual = recorded.getOrDefault(action, 0L);
            if (expected != actual) {
                throw SluiceException.target("The import into table " + table.name() + " failed its check and"
                        + " nothing was written: " + expected + " row(s) were " + action.code() + " but provenance"
                        + " records " + actual + ".");
            }
        }
    }

    private static List<ColumnInfo> keyColumns(TableRows table) {
        List<ColumnInfo> keys = new ArrayList<>();
        for (String name : table.naturalKey()) {
            keys.add(table.columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> SluiceException.input("The natural key column '" + name + "' is not mapped"
                            + " to table " + table.table().name() + "; map it or choose another key.")));
        }
        return keys;
    }

    /** A parent table by name: the batch's own description when it is in the batch, else the target's. */
    private TableInfo parent(String name, List<TableRows> batch) {
        return batch.stream().map(TableRows::table).filter(t -> t.name().equalsIgnoreCase(name)
                || t.qualifiedName().equalsIgnoreCase(name)).findFirst().orElseGet(() -> db.table(name));
    }

    private static void refuseRepeatedTables(List<TableRows> tables) {
        Set<String> seen = new HashSet<>();
        for (TableRows t : tables) {
            if (!seen.add(t.table().qualifiedName().toLowerCase(java.util.Locale.ROOT))) {
                throw SluiceException.input("Table " + t.table().name() + " appears twice in one batch; feed it"
                        + " from one table part.");
            }
        }
    }

    private static void checkNotDuplicate(Connection connection, RelatedBatchRequest request, String label)
            throws SQLException {
        if (request.allowDuplicateImport()) {
            return;
        }
        var duplicate = BatchRecords.committedDuplicate(connection, request.sourceSha256(), request.profileSha256(),
                label);
        if (duplicate.isPresent()) {
            throw SluiceException.input(request.sourceFile() + " was already imported into tables " + label
                    + " with profile '" + request.profileName() + "' in batch " + duplicate.get()
                    + "; roll that batch back first or allow a duplicate import.");
        }
    }

    /** The tables in the order written, as the batch record names its target (at most 255 characters). */
    static String label(List<TableRows> ordered) {
        String label = String.join(", ", ordered.stream().map(t -> t.table().qualifiedName()).toList());
        return label.length() <= 255 ? label : label.substring(0, 252) + "...";
    }

    /**
     * The batch record's request: the sheets named together, and the mode that changes most of the tables' modes
     * (upsert over skip-existing over insert); each table's own mode is recorded with it.
     */
    private static CommitRequest batchRequest(RelatedBatchRequest request, List<TableRows> ordered) {
        Set<String> sheets = new LinkedHashSet<>();
        ordered.forEach(t -> {
            if (t.sheet() != null) {
                sheets.add(t.sheet());
            }
        });
        String sheet = sheets.isEmpty() ? null : String.join(", ", sheets);
        if (sheet != null && sheet.length() > 255) {
            sheet = sheet.substring(0, 252) + "...";
        }
        ImportMode mode = ordered.stream().map(TableRows::mode).anyMatch(m -> m == ImportMode.UPSERT)
                ? ImportMode.UPSERT : ordered.stream().map(TableRows::mode)
                .anyMatch(m -> m == ImportMode.SKIP_EXISTING) ? ImportMode.SKIP_EXISTING : ImportMode.INSERT;
        List<String> key = ordered.get(0).naturalKey();
        return new CommitRequest(request.sourceFile(), request.sourceSha256(), sheet, request.profileName(),
                request.profileSha256(), mode, key, null, request.scores(), request.rowsRead(), request.rejected(),
                request.allowDuplicateImport(), request.steward(), request.gates());
    }

    /**
     * Rolls the transaction back, records a failed attempt (not for a dry run) in a short transaction of its own, and
     * sets back the identities the attempt moved.
     */
    private void fail(Connection connection, RelatedBatchRequest related, CommitRequest request, String label,
                      String reason, RuntimeException thrown, boolean dryRun, List<Mark> marks) {
        try {
            connection.rollback();
            if (!dryRun) {
                long id = BatchRecords.insert(connection, request, label, List.of(), BatchStatus.FAILED, reason);
                // the target rows an attempt met before it failed are not the target rows approved: not recorded
                BatchRecords.related(connection, id, related.approved(), related.modePerTable());
                connection.commit();
            }
        } catch (SQLException | RuntimeException e) {
            // the connection may be gone (that may be the failure itself); the target rolled back on its own
            thrown.addSuppressed(e);
        }
        setBack(connection, marks, thrown);
    }

    /**
     * Sets each identity the rolled-back attempt moved back to where it stood, children first, where nothing else
     * took values since (the value now is taken as the attempt's last one).
     */
    private static void setBack(Connection connection, List<Mark> marks, RuntimeException thrown) {
        for (int i = marks.size() - 1; i >= 0; i--) {
            Mark mark = marks.get(i);
            try {
                mark.identity().setBack(connection, mark.before(), mark.identity().next(connection));
            } catch (SQLException | RuntimeException e) {
                // the identity keeps its gap: harmless, and the import's own outcome is what the steward needs
                if (thrown != null) {
                    thrown.addSuppressed(e);
                }
            }
        }
    }

    private static void rollbackQuietly(Connection connection, RuntimeException thrown) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            thrown.addSuppressed(e);
        }
    }
}
