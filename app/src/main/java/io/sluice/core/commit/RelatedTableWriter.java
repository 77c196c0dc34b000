package io.sluice.core.commit;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.ProvenanceWriter;
import io.sluice.core.bookkeeping.RowAction;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.Dialect;
import io.sluice.core.database.TableInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One table of a related-tables batch while the batch is written: the single-table engine ({@link ImportRun}) with
 * its own provenance writer and its references, open from before the first chunk of any table to after the last, so
 * that a workbook read once can hand it each chunk's rows between its parents' and its children's. Records where the
 * table's identity stood before the batch wrote it, for the batch record and for setting it back.
 */
final class RelatedTableWriter implements AutoCloseable {

    private final TableRows rows;
    private final List<ColumnInfo> keyColumns;
    private final Optional<IdentitySequence> identity;
    private final Long before;
    private final ProvenanceWriter provenance;
    private final ImportRun run;

    /**
     * @param identity the table's identity, read before anything of the batch is written; {@code before} its next
     *                 value then (null without identity)
     */
    RelatedTableWriter(Connection connection, Dialect dialect, long batchId, CommitRequest request, TableRows rows,
                       List<ColumnInfo> keyColumns, Optional<IdentitySequence> identity, Long before,
                       ChunkReferences references, Progress progress, int chunkSize) throws SQLException {
        this.rows = rows;
        this.keyColumns = keyColumns;
        this.identity = identity;
        this.before = before;
        this.provenance = new ProvenanceWriter(connection, batchId);
        try {
            this.run = new ImportRun(connection, dialect, rows.table(), rows.columns(), keyColumns, request, progress,
                    chunkSize, provenance, references);
        } catch (SQLException | RuntimeException e) {
            provenance.close();
            throw e;
        }
    }

    /** Checks and writes one chunk of this table's rows. */
    void write(List<ApprovedRow> chunk) throws SQLException {
        run.writeChunk(chunk);
    }

    /** Rows handed in so far. */
    long processed() {
        return run.processed();
    }

    /**
     * Once every chunk is in: refuses the batch for an unstorable value or a conflict of this table, checks the
     * table's provenance against what was done, and returns its record for the batch.
     */
    BatchTables.BatchTable finish(Connection connection, long batchId, int position, ProvenanceCheck check)
            throws SQLException {
        TableInfo info = rows.table();
        if (!run.unstorable().none()) {
            throw run.unstorable().refusal();
        }
        if (run.conflicts() > 0) {
            throw new CommitConflictException(run.conflicts() + " approved row(s) for table " + info.name()
                    + " conflict with the target as it is now; nothing was written.", run.findings());
        }
        provenance.flush();
        check.verify(connection, batchId, info, run);
        Long after = identity.isPresent() ? identity.get().next(connection) : null;
        return new BatchTables.BatchTable(position, info.qualifiedName(), rows.sheet(), rows.mode(),
                keyColumns.stream().map(ColumnInfo::name).toList(), run.processed(), run.count(RowAction.INSERTED),
                run.count(RowAction.UPDATED), run.count(RowAction.SKIPPED),
                identity.map(IdentitySequence::column).orElse(null), before, after);
    }

    /** The check of a table's provenance against the run that wrote it. */
    @FunctionalInterface
    interface ProvenanceCheck {
        void verify(Connection connection, long batchId, TableInfo table, ImportRun run) throws SQLException;
    }

    @Override
    public void close() throws SQLException {
        try {
            run.close();
        } finally {
            provenance.close();
        }
    }
}
