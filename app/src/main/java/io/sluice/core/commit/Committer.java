package io.sluice.core.commit;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.bookkeeping.ProvenanceWriter;
import io.sluice.core.bookkeeping.RowAction;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.Redaction;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * Commits approved rows into a target table as one all-or-nothing import batch: the batch record, the user-table
 * writes, provenance and before-images share one transaction on {@link TargetDatabase#connection()}, so on any
 * failure or cancel the target is exactly as before (a failed attempt is then recorded on its own). The rows are
 * streamed once, in chunks. Sluice's bookkeeping tables must exist ({@code BookkeepingSchema.migrate}).
 */
public final class Committer {

    static final int CHUNK_SIZE = 1000;

    private final TargetDatabase db;
    private final TableInfo table;
    private final List<ColumnInfo> columns;
    private final int chunkSize;

    /** A committer for that table; {@code columns} are the mapped columns, in table order (as the Mapper gives). */
    public Committer(TargetDatabase db, TableInfo table, List<ColumnInfo> columns) {
        this(db, table, columns, CHUNK_SIZE);
    }

    Committer(TargetDatabase db, TableInfo table, List<ColumnInfo> columns, int chunkSize) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = Objects.requireNonNull(table, "table");
        this.columns = List.copyOf(columns);
        this.chunkSize = chunkSize;
    }

    /** Dry run: reads the target, writes nothing; throws as {@link #commit} would for refusals and conflicts. */
    public CommitPlan plan(CommitRequest request, Iterable<ApprovedRow> rows) {
        return plan(request, rows, Progress.NONE);
    }

    /** Dry run reporting rows done to {@code progress}, which can cancel it. */
    public CommitPlan plan(CommitRequest request, Iterable<ApprovedRow> rows, Progress progress) {
        Connection connection = db.connection();
        List<ColumnInfo> keyColumns = keyColumns(request);
        checkTableUnchanged();
        try {
            checkNotDuplicate(connection, request);
            try (ImportRun run = new ImportRun(connection, db.dialect(), table, columns, keyColumns, request,
                    progress == null ? Progress.NONE : progress, chunkSize, null)) {
                run.run(rows);
                throwRefusals(run);
                return new CommitPlan(run.count(RowAction.INSERTED), run.count(RowAction.UPDATED),
                        run.count(RowAction.SKIPPED));
            }
        } catch (SQLException e) {
            throw SluiceException.target("Cannot plan the import into table " + table.name() + ": "
                    + reason(e) + ".", e);
        }
    }

    /** The whole import in one transaction; on any failure or cancel the target is exactly as before. */
    public CommitResult commit(CommitRequest request, Iterable<ApprovedRow> rows, Progress progress) {
        return commit(request, rows, progress, BatchAddition.NONE);
    }

    /**
     * The whole import in one transaction, with {@code addition} (the review's audit log) written in it after the
     * rows; on any failure or cancel the target is exactly as before.
     */
    public CommitResult commit(CommitRequest request, Iterable<ApprovedRow> rows, Progress progress,
                               BatchAddition addition) {
        long started = System.nanoTime();
        List<ColumnInfo> keyColumns = keyColumns(request);
        checkTableUnchanged();
        Connection connection = db.connection();
        var widened = IdentitySequence.widenCaches(connection, db.dialect(), List.of(table));
        try {
            return commit(connection, request, rows, progress, addition, keyColumns, started);
        } finally {
            widened.putBack(connection);
        }
    }

    private CommitResult commit(Connection connection, CommitRequest request, Iterable<ApprovedRow> rows,
                                Progress progress, BatchAddition addition, List<ColumnInfo> keyColumns,
                                long started) {
        Progress listener = progress == null ? Progress.NONE : progress;
        List<String> keyNames = keyColumns.stream().map(ColumnInfo::name).toList();
        boolean autoCommit = autoCommitOff(connection);
        try {
            checkNotDuplicate(connection, request);
        } catch (SQLException | RuntimeException e) {
            restore(connection, autoCommit);
            throw e instanceof SluiceException se ? se : SluiceException.target("Cannot start the import into table "
                    + table.name() + ": " + reason(e) + ".", e);
        }
        // the approved rows counted by a run that read them all, so a refused attempt records how many it met
        long[] approvedRead = {0};
        try {
            long batchId = BatchRecords.insert(connection, request, table.qualifiedName(), keyNames,
                    BatchStatus.RUNNING, null);
            ImportRun run;
            try (ProvenanceWriter provenance = new ProvenanceWriter(connection, batchId);
                 ImportRun r = new ImportRun(connection, db.dialect(), table, columns, keyColumns, request,
                         listener, chunkSize, provenance)) {
                r.run(rows);
                run = r;
            }
            approvedRead[0] = run.processed();
            throwRefusals(run);
            CommitPlan done = new CommitPlan(run.count(RowAction.INSERTED), run.count(RowAction.UPDATED),
                    run.count(RowAction.SKIPPED));
            if (done.changesNothing()) {
                throw new NothingToImportException(nothingChanges(done, request.mode()));
            }
            verify(connection, batchId, run);
            BatchRecords.committed(connection, batchId, run.processed(), run.counts());
            addition.write(connection, batchId);
            connection.commit();
            return new CommitResult(batchId, run.count(RowAction.INSERTED), run.count(RowAction.UPDATED),
                    run.count(RowAction.SKIPPED), Duration.ofNanos(System.nanoTime() - started));
        } catch (CancellationException e) {
            fail(connection, request, keyNames, "The import into table " + table.name()
                    + " was cancelled by the steward; nothing was written.", e, approvedRead[0]);
            throw e;
        } catch (RefusedImportException e) {
            rollbackQuietly(connection, e);
            throw e;
        } catch (CommitConflictException | UnstorableValuesException e) {
            fail(connection, request, keyNames, e.getMessage(), e, approvedRead[0]);
            throw e;
        } catch (SluiceException e) {
            SluiceException failure = e.kind() == SluiceException.Kind.TARGET ? e
                    : SluiceException.target(e.getMessage(), e);
            fail(connection, request, keyNames, failure.getMessage(), failure, approvedRead[0]);
            throw failure;
        } catch (SQLException | RuntimeException e) {
            SluiceException failure = SluiceException.target("The import into table " + table.name()
                    + " failed and nothing was written: " + reason(e) + ".", e);
            fail(connection, request, keyNames, failure.getMessage(), failure, approvedRead[0]);
            throw failure;
        } finally {
            restore(connection, autoCommit);
        }
    }

    private List<ColumnInfo> keyColumns(CommitRequest request) {
        List<ColumnInfo> keys = new ArrayList<>();
        for (String name : request.naturalKey()) {
            ColumnInfo column = columns.stream().filter(c -> c.name().equals(name)).findFirst()
                    .or(() -> columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst())
                    .orElseThrow(() -> SluiceException.input("The natural key column '" + name + "' is not mapped"
                            + " to table " + table.name() + "; map it or choose another key."));
            keys.add(column);
        }
        return keys;
    }

    /**
     * Refuses before anything is written when a mapped column was dropped or changed type since mapping, or when the
     * role may not insert into the table.
     */
    private void checkTableUnchanged() {
        checkTableUnchanged(db, table, columns);
    }

    /** As {@link #checkTableUnchanged()}, for any table and its mapped columns (each table of a related batch). */
    static void checkTableUnchanged(TargetDatabase db, TableInfo table, List<ColumnInfo> columns) {
        TableInfo live = db.table(table.schema(), table.name());
        db.insertRefused(live).ifPresent(why -> {
            throw SluiceException.target(why);
        });
        for (ColumnInfo mapped : columns) {
            ColumnInfo now = live.columns().stream().filter(c -> c.name().equals(mapped.name())).findFirst()
                    .orElseThrow(() -> SluiceException.target("Table " + table.name() + " has changed since it was"
                            + " mapped: column " + mapped.name() + " no longer exists; map the file again."));
            if (now.type() != mapped.type() || !now.typeName().equalsIgnoreCase(mapped.typeName())
                    || !Objects.equals(now.length(), mapped.length())
                    || !Objects.equals(now.precision(), mapped.precision())
                    || !Objects.equals(now.scale(), mapped.scale())) {
                throw SluiceException.target("Table " + table.name() + " has changed since it was mapped: column "
                        + mapped.name() + " is now " + describe(now) + ", not " + describe(mapped)
                        + "; map the file again.");
            }
        }
    }

    private static String describe(ColumnInfo c) {
        if (c.length() != null) {
            return c.typeName() + "(" + c.length() + ")";
        }
        if (c.precision() != null && c.scale() != null) {
            return c.typeName() + "(" + c.precision() + "," + c.scale() + ")";
        }
        return c.typeName();
    }

    /**
     * Refuses, in one sentence naming the earlier batch, a repeat of a committed import of the same file with the same
     * profile into the same table, unless the request allows it. Checked first by every import and dry run.
     */
    public void refuseDuplicate(CommitRequest request) {
        try {
            checkNotDuplicate(db.connection(), request);
        } catch (SQLException e) {
            throw SluiceException.target("Cannot read Sluice's import batches in table " + table.name() + "'s"
                    + " database: " + reason(e) + ".", e);
        }
    }

    private void checkNotDuplicate(Connection connection, CommitRequest request) throws SQLException {
        if (request.allowDuplicateImport()) {
            return;
        }
        var duplicate = BatchRecords.committedDuplicate(connection, request.sourceSha256(), request.profileSha256(),
                table.qualifiedName());
        if (duplicate.isPresent()) {
            throw SluiceException.input(request.sourceFile() + " was already imported into table " + table.name()
                    + " with profile '" + request.profileName() + "' in batch " + duplicate.get()
                    + "; roll that batch back first or allow a duplicate import.");
        }
    }

    /** Why an import whose rows would all be skipped is refused: it would change nothing and record an empty batch. */
    public String nothingChanges(CommitPlan plan, ImportMode mode) {
        String why = mode == ImportMode.UPSERT ? " with the same values"
                : " and mode " + mode.code() + " leaves them as they are";
        return "All " + plan.toSkip() + " approved row(s) are already in table " + table.name() + why
                + ", so the import would change nothing; nothing was imported.";
    }

    /** Refuses unstorable values, conflicts with the live table, and a run that met no row at all. */
    private void throwRefusals(ImportRun run) {
        if (!run.unstorable().none()) {
            throw run.unstorable().refusal();
        }
        if (run.processed() == 0) {
            throw new NothingToImportException("No row reached the import into table " + table.name()
                    + "; nothing was written.");
        }
        if (run.conflicts() > 0) {
            throw new CommitConflictException(run.conflicts() + " approved row(s) conflict with table "
                    + table.name() + " as it is now; nothing was written.", run.findings());
        }
    }

    private void verify(Connection connection, long batchId, ImportRun run) throws SQLException {
        Map<RowAction, Long> recorded = BatchRecords.provenanceCounts(connection, batchId);
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

    /** Rolls the transaction back and records the failed attempt in a short transaction of its own. */
    private void fail(Connection connection, CommitRequest request, List<String> keyNames, String reason,
                      RuntimeException thrown, long approved) {
        try {
            connection.rollback();
            long id = BatchRecords.insert(connection, request, table.qualifiedName(), keyNames, BatchStatus.FAILED,
                    reason);
            BatchRecords.approved(connection, id, approved);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            // the connection may be gone (that may be the failure itself); the target rolled back on its own
            thrown.addSuppressed(e);
        }
    }

    private static void rollbackQuietly(Connection connection, RuntimeException thrown) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            thrown.addSuppressed(e);
        }
    }

    private boolean autoCommitOff(Connection connection) {
        try {
            boolean before = connection.getAutoCommit();
            connection.setAutoCommit(false);
            return before;
        } catch (SQLException e) {
            throw SluiceException.target("Cannot start the import into table " + table.name() + ": "
                    + reason(e) + ".", e);
        }
    }

    private static void restore(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // a dead connection has nothing left to restore
        }
    }

    static String reason(Throwable e) {
        Throwable cause = e;
        if (e instanceof SQLException sql && sql.getNextException() != null) {
            cause = sql.getNextException();
        }
        return Redaction.deepestReason(cause, null, null);
    }
}
