package io.sluice.core.commit;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.bookkeeping.ProvenanceReader;
import io.sluice.core.bookkeeping.RowAction;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Commits approved rows into several related tables as one all-or-nothing import batch: every table (in foreign-key
 * order, parents first) written by the single-table engine ({@link ImportRun}: chunked checks against the live
 * target, COPY or JDBC batches, provenance, verification) under one batch record and one transaction, with each
 * child's references resolved through the parent's natural key to the parent's generated key. The rows come table
 * after table, or chunk by chunk across the tables ({@link RelatedChunks}: a workbook read once, each chunk's parents
 * before its children). Per-table counts and identity positions are recorded with the batch so a rollback can undo
 * it children first and set the identities back. A dry run is the same run rolled back (counts equal the real run's
 * by construction), with the identities it moved set back.
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
        return run(request, null, progress, true, BatchAddition.NONE).tables();
    }

    /**
     * Dry run of rows handed in chunk by chunk by {@code chunks} (the request's tables name the tables; their own
     * rows are not read).
     */
    public List<TableCounts> plan(RelatedBatchRequest request, RelatedChunks chunks, Progress progress) {
        return run(request, Objects.requireNonNull(chunks, "chunks"), progress, true, BatchAddition.NONE).tables();
    }

    /** The whole batch in one transaction; on any failure or cancel every table is exactly as before. */
    public RelatedCommitResult commit(RelatedBatchRequest request, Progress progress) {
        return commit(request, progress, BatchAddition.NONE);
    }

    /** As {@link #commit(RelatedBatchRequest, Progress)}, with {@code addition} written in the same transaction. */
    public RelatedCommitResult commit(RelatedBatchRequest request, Progress progress, BatchAddition addition) {
        return run(request, null, progress, false, addition);
    }

    /**
     * The whole batch in one transaction, its rows handed in chunk by chunk by {@code chunks} (the request's tables
     * name the tables; their own rows are not read); a refusal the feed ends with rolls everything back and records
     * no batch.
     */
    public RelatedCommitResult commit(RelatedBatchRequest request, RelatedChunks chunks, Progress progress,
                                      BatchAddition addition) {
        return run(request, Objects.requireNonNull(chunks, "chunks"), progress, false, addition);
    }

    /**
     * Refuses, in one sentence, a repeat of a committed import of the same source with the same profile into the same
     * tables, unless the request allows it: what {@link #commit} refuses first.
     */
    public void refuseDuplicate(RelatedBatchRequest request) {
        List<TableRows> ordered = ForeignKeyOrder.order(request.tables());
        String label = label(ordered);
        try {
            checkNotDuplicate(db.connection(), request, label);
        } catch (SQLException e) {
            throw SluiceException.target("Cannot start the import into tables " + label + ": "
                    + Committer.reason(e) + ".", e);
        }
    }

    /** A failure of the target while a fed chunk was written, carried out of the feed to be answered as itself. */
    private static final class WriteFailure extends RuntimeException {
        WriteFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    private RelatedCommitResult run(RelatedBatchRequest request, RelatedChunks chunks, Progress progress,
                                    boolean dryRun, BatchAddition addition) {
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
            return run(connection, request, chunks, ordered, label, listener, dryRun, addition, started);
        } finally {
            widened.putBack(connection);
        }
    }

    private RelatedCommitResult run(Connection connection, RelatedBatchRequest request, RelatedChunks chunks,
                                    List<TableRows> ordered, String label, Progress listener, boolean dryRun,
                                    BatchAddition addition, long started) {
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
            List<BatchTables.BatchTable> records = write(connection, batchId, request, ordered,
                    chunks != null ? chunks : RelatedChunks.tableByTable(ordered, chunkSize), marks, listener);
            approved[0] = records.stream().mapToLong(BatchTables.BatchTable::approved).sum();
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
        } catch (RefusedImportException e) {
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

    /**
     * Opens every table's writer (recording its identity before anything is written), lets the feed hand them their
     * chunks, then refuses on the first table (parents first) with an unstorable value or a conflict, checks each
     * table's provenance and returns the tables' records for the batch.
     */
    private List<BatchTables.BatchTable> write(Connection connection, long batchId, RelatedBatchRequest request,
                                               List<TableRows> ordered, RelatedChunks chunks, List<Mark> marks,
                                               Progress progress) throws SQLException {
        ResolvedParents resolved = new ResolvedParents();
        Map<TableRows, RelatedTableWriter> writers = new IdentityHashMap<>();
        long[] done = {0};
        try {
            for (TableRows table : ordered) {
                TableInfo info = table.table();
                Optional<IdentitySequence> identity = IdentitySequence.of(connection, db.dialect(), info);
                Long before = identity.isPresent() ? identity.get().next(connection) : null;
                identity.ifPresent(i -> marks.add(new Mark(info.name(), i, before)));
                ChunkReferences references = table.references().isEmpty() ? null : new ChunkReferences(connection,
                        db.dialect(), info, table.sheet(), table.columns(), table.references(),
                        name -> parent(name, ordered), resolved);
                writers.put(table, new RelatedTableWriter(connection, db.dialect(), batchId, request.forTable(table),
                        table, keyColumns(table), identity, before, references, tableProgress(progress, done),
                        chunkSize));
            }
            try {
                chunks.feed((table, rows) -> {
                    RelatedTableWriter writer = writers.get(table);
                    if (writer == null) {
                        throw new IllegalArgumentException("Table " + table.table().name() + " is not in the batch");
                    }
                    try {
                        writer.write(rows);
                    } catch (SQLException e) {
                        throw new WriteFailure(e);
                    }
                });
            } catch (WriteFailure e) {
                throw e.getCause();
            }
            List<BatchTables.BatchTable> records = new ArrayList<>();
            for (TableRows table : ordered) {
                records.add(writers.get(table).finish(connection, batchId, ordered.indexOf(table),
                        RelatedCommitter::verify));
            }
            return records;
        } finally {
            for (RelatedTableWriter writer : writers.values()) {
                try {
                    writer.close();
                } catch (SQLException | RuntimeException e) {
                    // the statements die with the transaction; the batch's own outcome is what counts
                }
            }
        }
    }

    /** The progress of every table's writer together: the target rows handed in so far, all tables counted. */
    private static Progress tableProgress(Progress progress, long[] done) {
        return new Progress() {
            private long mine;

            @Override
            public void rowsDone(long rows) {
                done[0] += rows - mine;
                mine = rows;
                progress.rowsDone(done[0]);
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        };
    }

    /** The table's provenance counted by action must equal what the run did. */
    private static void verify(Connection connection, long batchId, TableInfo table, ImportRun run)
            throws SQLException {
        Map<RowAction, Long> recorded = ProvenanceReader.counts(connection, batchId, table.qualifiedName());
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

    /**
     * A parent table by name: the batch's own description when it is in the batch (named as a profile names it, else
     * by its bare name, as profiles written before schemas were named do), else the target's.
     */
    private TableInfo parent(String name, List<TableRows> batch) {
        List<TableInfo> tables = batch.stream().map(TableRows::table).toList();
        return tables.stream().filter(t -> t.reference().equalsIgnoreCase(name)
                        || t.qualifiedName().equalsIgnoreCase(name)).findFirst()
                .or(() -> tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst())
                .orElseGet(() -> db.table(name));
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
