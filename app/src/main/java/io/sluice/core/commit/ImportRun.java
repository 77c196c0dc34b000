package io.sluice.core.commit;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.bookkeeping.ProvenanceWriter;
import io.sluice.core.bookkeeping.RowAction;
import io.sluice.core.bookkeeping.RowProvenance;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.mapping.MappedValue;
import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.Dialect;
import io.sluice.core.database.ForeignKey;
import io.sluice.core.database.PostgresCopy;
import io.sluice.core.database.TableInfo;
import io.sluice.core.rules.KeyHashIndex;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * One pass over the approved rows in chunks: each chunk is checked against the live target (key taken in insert mode,
 * foreign-key parent missing) and, when writing and nothing has conflicted so far, written together with its
 * provenance, then verified by the row counts the database reports: new rows with COPY on PostgreSQL
 * ({@link CopyInsert}), else with JDBC batches. Without a provenance writer it only counts (dry run).
 *
 * <p>An insert whose natural key holds the table's primary key does not look its keys up before writing: the primary
 * key refuses a taken key at the statement. Each chunk is then written under a savepoint; when the target refuses a
 * key, the chunk's writes are undone and the run looks keys up from that chunk on, so the conflicts are found and
 * named exactly as a run that looked every key up would (decision 0021). When the target also refuses a missing
 * parent at the statement (a PostgreSQL foreign key checked at once, {@link TargetRows#parentsRefusedByTarget}), such
 * a chunk does not look its parents up either: a refused parent undoes the chunk the same way, and the run looks keys
 * and parents up from then on (decision 0041).
 *
 * <p>When such chunks go by COPY and need no look-up at all, {@link #run} streams up to {@value #CHUNKS_PER_COPY} of
 * them (fewer once they pass {@value #BYTES_PER_COPY} bytes) through one COPY under one savepoint, and writes their
 * provenance once it has ended (decisions 0049, 0056): the server writes rows while the run reads the next ones,
 * instead of each waiting for the other once a chunk. A full COPY ends on a thread of its own while the run renders
 * the next one's rows into memory (decision 0075): the server checks the ended COPY's foreign keys while the run
 * works, instead of the run waiting for it; the next COPY goes to the server once the previous one has ended, so the
 * connection serves one thread at a time. A refused row undoes its COPY, and its chunks (with those rendered for the
 * next COPY meanwhile, and the one that ended it) are planned again with look-ups, from the run's counts as they were
 * before the first of them, exactly as if each had been written alone.
 */
final class ImportRun implements AutoCloseable {

    static final int MAX_FINDINGS = 1000;
    /**
     * Chunks one COPY holds at most; their rows are kept until it ends, so that a refused key can plan them again.
     * Each COPY costs the server more than its rows (decision 0056), but the rows of two COPYs are kept at once, the
     * one ending and the next (decision 0075): five chunks a COPY keep 10,000 rows, as ten did before; twice as many
     * raised the live heap by a third and the collector's CPU threefold.
     */
    static final int CHUNKS_PER_COPY = 5;
    /**
     * COPY bytes after which the open COPY ends at the end of its chunk, so that wide rows hold no more memory (two
     * COPYs' worth, the one ending and the next).
     */
    static final long BYTES_PER_COPY = 1 << 19;
    /**
     * The same for a binary COPY, whose rows of numbers take about twice their CSV's bytes (a length before each field,
     * eight bytes of header before each numeric's digits): five chunks of such rows still share one COPY.
     */
    static final long BINARY_BYTES_PER_COPY = 2 * BYTES_PER_COPY;
    /** SQLSTATE of a unique or primary key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE of a foreign key violation on PostgreSQL. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final Connection connection;
    private final Dialect dialect;
    private final TableInfo table;
    private final List<ColumnInfo> columns;
    private final CommitRequest request;
    private final Progress progress;
    private final int chunkSize;
    private final ProvenanceWriter provenance;
    private final TargetRows rows;
    private final List<ColumnInfo> valueColumns;
    private final List<ForeignKeyCheck> foreignKeys = new ArrayList<>();
    private final PreparedStatement insert;
    private final CopyInsert copy;
    private final PreparedStatement update;
    private final Map<RowAction, Long> counts = new EnumMap<>(RowAction.class);
    private final List<Finding> findings = new ArrayList<>();
    private final UnstorableValues unstorable = new UnstorableValues();
    private final ChunkReferences references;
    /** Positions in {@link #columns} of the key columns and of the value columns; null when one is not there. */
    private final int[] keyAt;
    private final int[] valueAt;
    /** The rows' target list {@link #positions} were found for, and where each of {@link #columns} is in it. */
    private List<String> positionsFor;
    private int[] positions;
    /** One row's values in column order, reused for each row given to {@link CopyInsert}. */
    private final List<Object> copyRow = new ArrayList<>();
    private final String qualifiedName;
    private long conflicts;
    private long processed;
    private boolean lookUpKeys;
    /** Whether the target refuses a missing parent at the statement, so a chunk written unchecked needs no look-up. */
    private final boolean parentsRefused;

    /**
     * @param ownKey  for a foreign key of the table to itself, the referenced columns as mapped, else null
     * @param written for such a key, the referenced key of each row planned so far with the first row holding it: the
     *                rows are written in file order, so a row's parent on an earlier row (or the row itself) is
     *                written before the database checks the row, though a look-up before the chunk is written does
     *                not find it
     */
    private record ForeignKeyCheck(ForeignKey fk, List<ColumnInfo> columns, List<ColumnInfo> ownKey,
                                   KeyHashIndex written) {

        ForeignKeyCheck(ForeignKey fk, List<ColumnInfo> columns, List<ColumnInfo> ownKey) {
            this(fk, columns, ownKey, ownKey == null ? null : new KeyHashIndex());
        }
    }

    private record Planned(ApprovedRow row, List<Object> key, String keyText, RowAction action,
                           Map<String, Object> before) {
    }

    /** What planning a chunk changes in the run: restored before chunks are planned again. */
    private record Tally(long conflicts, int findings, UnstorableValues.Mark unstorable) {
    }

    /** A chunk in the open COPY: its rows, how many it inserts, and the run's tally before it was planned. */
    private record StreamedChunk(List<ApprovedRow> rows, long inserts, Tally before) {
    }

    /** Whether {@link #run} streams chunks through one COPY (decided per run: {@link #writeChunk} never does). */
    private boolean streams;
    private final List<StreamedChunk> streamed = new ArrayList<>();
    private List<RowProvenance> streamedProvenance = new ArrayList<>();
    /** The open COPY's savepoint; null while its rows wait in memory for the previous COPY to end. */
    private Savepoint streamedSince;

    /** A full COPY ending on {@link #ender}: its chunks, its savepoint, and the rows the server copied in it. */
    private record Ending(List<StreamedChunk> chunks, long inserts, Savepoint since, Future<Long> copied) {
    }

    /** The COPY ending while the next one is rendered, or null; once it is refused, until it is planned again. */
    private Ending ending;
    /** The thread that ends each full COPY, made by the first hand-off. */
    private ExecutorService ender;

    ImportRun(Connection connection, Dialect dialect, TableInfo table, List<ColumnInfo> columns,
              List<ColumnInfo> keyColumns, CommitRequest request, Progress progress, int chunkSize,
              ProvenanceWriter provenance) throws SQLException {
        this(connection, dialect, table, columns, keyColumns, request, progress, chunkSize, provenance, null);
    }

    /**
     * A run whose reference columns (a related-tables batch's foreign keys holding the parent's natural key) are
     * resolved per chunk by {@code references} before the chunk is checked and written; null for none.
     */
    ImportRun(Connection connection, Dialect dialect, TableInfo table, List<ColumnInfo> columns,
              List<ColumnInfo> keyColumns, CommitRequest request, Progress progress, int chunkSize,
              ProvenanceWriter provenance, ChunkReferences references) throws SQLException {
        this.references = references;
        this.connection = connection;
        this.dialect = dialect;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.request = request;
        this.progress = progress;
        this.chunkSize = chunkSize;
        this.provenance = provenance;
        this.rows = new TargetRows(connection, dialect, table, keyColumns);
        this.valueColumns = columns.stream().filter(c -> !keyColumns.contains(c)).toList();
        this.keyAt = positionsIn(this.columns, rows.keyColumns());
        this.valueAt = positionsIn(this.columns, valueColumns);
        for (ForeignKey fk : table.foreignKeys()) {
            if (references != null && references.handles(fk)) {
                continue;
            }
            List<ColumnInfo> ownKey = fk.refTable().equals(table.name()) && (fk.refSchema() == null
                    || fk.refSchema().equals(table.schema())) ? mapped(fk.refColumns()).orElse(null) : null;
            mapped(fk.columns()).ifPresent(cols -> foreignKeys.add(new ForeignKeyCheck(fk, cols, ownKey)));
        }
        this.lookUpKeys = provenance == null || request.mode() != ImportMode.INSERT || !rows.keyRefusedByTarget();
        this.parentsRefused = !lookUpKeys && !foreignKeys.isEmpty()
                && rows.parentsRefusedByTarget(foreignKeys.stream().map(ForeignKeyCheck::fk).toList());
        this.qualifiedName = table.qualifiedName();
        if (provenance == null) {
            this.insert = null;
            this.copy = null;
            this.update = null;
        } else {
            this.copy = CopyInsert.forTable(connection, dialect, table, columns);
            String names = columns.stream().map(c -> dialect.quote(c.name())).collect(Collectors.joining(", "));
            this.insert = copy != null ? null : connection.prepareStatement("INSERT INTO " + rows.quotedTable()
                    + " (" + names + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")");
            this.update = valueColumns.isEmpty() ? null : connection.prepareStatement("UPDATE "
                    + rows.quotedTable() + " SET " + valueColumns.stream().map(c -> dialect.quote(c.name()) + " = ?")
                    .collect(Collectors.joining(", ")) + " WHERE " + rows.keyPredicate());
        }
    }

    /**
     * Reads the rows once, chunk by chunk; the rows' file or cursor is closed however the run ends (cancel, conflict,
     * failure).
     */
    void run(Iterable<ApprovedRow> approved) throws SQLException {
        Iterator<ApprovedRow> rowsIn = approved.iterator();
        // only a run that looks nothing up leaves the connection to the open COPY between its chunks
        streams = copy != null && provenance != null && references == null
                && (foreignKeys.isEmpty() || parentsRefused);
        try {
            List<ApprovedRow> chunk = new ArrayList<>(chunkSize);
            while (rowsIn.hasNext()) {
                if (progress.isCancelled()) {
                    throw new CancellationException("The import into table " + table.name()
                            + " was cancelled; nothing was written.");
                }
                chunk.add(rowsIn.next());
                if (chunk.size() == chunkSize) {
                    process(chunk);
                    // a streamed chunk's rows are kept until its COPY ends
                    chunk = new ArrayList<>(chunkSize);
                }
            }
            if (!chunk.isEmpty()) {
                process(chunk);
            }
            if (!streamedCopiesWritten()) {
                planStreamedAgain(null);
            }
        } finally {
            streams = false;
            if (rowsIn instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        }
    }

    /**
     * Checks and writes one chunk handed in by the caller (the rows one chunk of a workbook makes for this table),
     * as {@link #run} does for each chunk it reads; a cancel through the progress ends it.
     */
    void writeChunk(List<ApprovedRow> chunk) throws SQLException {
        if (progress.isCancelled()) {
            throw new CancellationException("The import into table " + table.name()
                    + " was cancelled; nothing was written.");
        }
        if (!chunk.isEmpty()) {
            process(chunk);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // the rows were read; a file or cursor that fails to close cannot change what was written
        }
    }

    /** Approved values that cannot be stored in their columns; any of them refuses the whole import. */
    UnstorableValues unstorable() {
        return unstorable;
    }

    Map<RowAction, Long> counts() {
        return counts;
    }

    long count(RowAction action) {
        return counts.getOrDefault(action, 0L);
    }

    long processed() {
        return processed;
    }

    /** How many conflicts were found; {@link #findings()} holds the first {@value #MAX_FINDINGS}. */
    long conflicts() {
        return conflicts;
    }

    List<Finding> findings() {
        return findings;
    }

    private void process(List<ApprovedRow> chunk) throws SQLException {
        Tally before = tally();
        List<Planned> planned = plan(chunk);
        if (!lookUpKeys && !writing()) {
            // this chunk conflicts, so nothing more is written and no statement will refuse a taken key: plan it
            // again looking keys up, as from now on, so that every conflict is named as a dry run names it
            restore(before);
            lookUpKeys = true;
            planned = plan(chunk);
        }
        if (streams && writing() && !lookUpKeys) {
            stream(chunk, planned, before);
        } else if (!streamedCopiesWritten()) {
            // this chunk conflicts of its own; the open COPY ended first, refused: plan them all again with look-ups
            planStreamedAgain(chunk);
        } else {
            if (writing() && lookUpKeys) {
                write(planned);
            } else if (writing()) {
                planned = writeUnlessKeyRefused(chunk, planned);
            }
            count(planned);
        }
        processed += chunk.size();
        progress.rowsDone(processed);
    }

    private void count(List<Planned> planned) {
        long[] actions = new long[RowAction.values().length];
        for (Planned p : planned) {
            actions[p.action().ordinal()]++;
        }
        for (RowAction action : RowAction.values()) {
            if (actions[action.ordinal()] > 0) {
                counts.merge(action, actions[action.ordinal()], Long::sum);
            }
        }
    }

    private Tally tally() {
        return new Tally(conflicts, findings.size(), unstorable.mark());
    }

    /** Puts the run's tally back to what it was. */
    private void restore(Tally before) {
        conflicts = before.conflicts();
        findings.subList(before.findings(), findings.size()).clear();
        unstorable.reset(before.unstorable());
    }

    /**
     * Adds a planned chunk (new rows only: nothing was looked up) to the open COPY, opening it under a savepoint;
     * ends the COPY when it holds {@value #CHUNKS_PER_COPY} chunks. A refused row plans them all again.
     */
    private void stream(List<ApprovedRow> chunk, List<Planned> planned, Tally before) throws SQLException {
        if (streamed.isEmpty() && ending == null) {
            streamedSince = connection.setSavepoint();
        }
        streamed.add(new StreamedChunk(chunk, planned.size(), before));
        try {
            for (Planned p : planned) {
                copyRow.clear();
                for (int i = 0; i < columns.size(); i++) {
                    copyRow.add(valueAt(p.row(), i));
                }
                copy.stream(copyRow);
                streamedProvenance.add(new RowProvenance(qualifiedName, p.keyText(), request.sheet(),
                        p.row().sourceRow(), p.row().legacyId(), RowAction.INSERTED));
            }
        } catch (SQLException e) {
            if (!refusedByTarget(e)) {
                throw e;
            }
            planStreamedAgain(null);
            return;
        }
        boolean full = streamed.size() == CHUNKS_PER_COPY
                || copy.streamed() >= (copy.binary() ? BINARY_BYTES_PER_COPY : BYTES_PER_COPY);
        if (ending != null && (full || ending.copied().isDone()) && !endingWritten()) {
            planStreamedAgain(null);
        } else if (full) {
            // the COPY ending (if any) was written just above
            try {
                handOff();
            } catch (SQLException e) {
                // its last bytes may meet the refusal of a row sent before them
                if (!refusedByTarget(e)) {
                    throw e;
                }
                planStreamedAgain(null);
            }
        }
    }

    /**
     * Hands the full open COPY to {@link #ender}, which ends it, checks its count, writes its provenance and releases
     * its savepoint, while the next chunks are rendered (no earlier COPY may still be ending).
     */
    private void handOff() throws SQLException {
        CopyIn open = copy.handOff();
        long inserts = streamed.stream().mapToLong(StreamedChunk::inserts).sum();
        List<RowProvenance> records = streamedProvenance;
        Savepoint since = streamedSince;
        if (ender == null) {
            ender = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "sluice-copy-end");
                thread.setDaemon(true);
                return thread;
            });
        }
        Future<Long> copied = ender.submit(() -> {
            long rows = open == null ? 0 : PostgresCopy.end(open);
            checkCount(rows, inserts);
            for (RowProvenance record : records) {
                provenance.add(record);
            }
            provenance.flush();
            connection.releaseSavepoint(since);
            return rows;
        });
        ending = new Ending(List.copyOf(streamed), inserts, since, copied);
        streamed.clear();
        // a full COPY's records: grown from empty, copying them was a tenth of the import thread's samples
        streamedProvenance = new ArrayList<>(CHUNKS_PER_COPY * chunkSize);
        streamedSince = null;
    }

    /**
     * Waits for the COPY ending on {@link #ender}; when it was written, opens the next COPY's savepoint and lets the
     * rows rendered meanwhile go. False when the target refused one of its rows (it then stays {@link #ending}).
     */
    private boolean endingWritten() throws SQLException {
        try {
            ending.copied().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("The import into table " + table.name()
                    + " was cancelled; nothing was written.");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                if (refusedByTarget(sql)) {
                    return false;
                }
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
        counts.merge(RowAction.INSERTED, ending.inserts(), Long::sum);
        ending = null;
        if (!streamed.isEmpty()) {
            streamedSince = connection.setSavepoint();
        }
        try {
            copy.resume();
        } catch (SQLException e) {
            if (!refusedByTarget(e)) {
                throw e;
            }
            // a row rendered meanwhile was refused as it went: the open COPY is the one to plan again
            return false;
        }
        return true;
    }

    /** Ends the COPY ending and the open one, in that order; false when the target refused a row of either. */
    private boolean streamedCopiesWritten() throws SQLException {
        return (ending == null || endingWritten()) && (streamed.isEmpty() || endStreamedCopy());
    }

    /**
     * Ends the open COPY, checks its count and writes its chunks' provenance; false when the target refused one of
     * its rows (the COPY then wrote nothing).
     */
    private boolean endStreamedCopy() throws SQLException {
        long copied;
        try {
            copied = copy.endStream();
        } catch (SQLException e) {
            if (!refusedByTarget(e)) {
                throw e;
            }
            return false;
        }
        long inserts = streamed.stream().mapToLong(StreamedChunk::inserts).sum();
        checkCount(copied, inserts);
        for (RowProvenance record : streamedProvenance) {
            provenance.add(record);
        }
        provenance.flush();
        connection.releaseSavepoint(streamedSince);
        counts.merge(RowAction.INSERTED, inserts, Long::sum);
        streamed.clear();
        streamedProvenance.clear();
        return true;
    }

    /**
     * After the target refused a row of the COPY ending or of the open one: undoes that COPY, puts the run's tally
     * back to before its first chunk and plans its chunks and those after it, then {@code next} (when given), again
     * with look-ups, writing what can still be written.
     */
    private void planStreamedAgain(List<ApprovedRow> next) throws SQLException {
        List<StreamedChunk> refused = new ArrayList<>();
        Savepoint since = streamedSince;
        if (ending != null) {
            // the COPY ending was refused: the rows rendered since were never sent, nor was a savepoint set for them
            refused.addAll(ending.chunks());
            since = ending.since();
            ending = null;
        }
        refused.addAll(streamed);
        copy.cancelStream();
        connection.rollback(since);
        connection.releaseSavepoint(since);
        streamedSince = null;
        restore(refused.get(0).before());
        List<List<ApprovedRow>> again = new ArrayList<>();
        refused.forEach(c -> again.add(c.rows()));
        if (next != null) {
            again.add(next);
        }
        streamed.clear();
        streamedProvenance.clear();
        lookUpKeys = true;
        for (List<ApprovedRow> chunk : again) {
            List<Planned> checked = plan(chunk);
            if (writing()) {
                write(checked);
            }
            count(checked);
        }
    }

    private boolean writing() {
        return provenance != null && conflicts == 0 && unstorable.none();
    }

    /**
     * Writes a chunk whose keys were not looked up; when the target refuses a key, undoes the chunk's writes and plans
     * it again with look-ups, which names the conflicting rows, and looks keys up for the rest of the run.
     */
    private List<Planned> writeUnlessKeyRefused(List<ApprovedRow> chunk, List<Planned> planned) throws SQLException {
        Savepoint beforeChunk = connection.setSavepoint();
        try {
            write(planned);
        } catch (SQLException e) {
            if (!refusedByTarget(e)) {
                throw e;
            }
            connection.rollback(beforeChunk);
            connection.releaseSavepoint(beforeChunk);
            lookUpKeys = true;
            // the chunk had no conflict of its own (it was written), so planning it again counts each conflict once
            List<Planned> checked = plan(chunk);
            if (writing()) {
                write(checked);
            }
            return checked;
        }
        connection.releaseSavepoint(beforeChunk);
        return planned;
    }

    /** A taken key, or (when the target checks them) a missing parent, refused by the target at the statement. */
    private boolean refusedByTarget(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (SQLException s = t instanceof SQLException sql ? sql : null; s != null; s = s.getNextException()) {
                if (UNIQUE_VIOLATION.equals(s.getSQLState())
                        || parentsRefused && FOREIGN_KEY_VIOLATION.equals(s.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<Planned> plan(List<ApprovedRow> chunk) throws SQLException {
        List<ApprovedRow> keyed = new ArrayList<>(chunk.size());
        List<List<Object>> keys = new ArrayList<>(chunk.size());
        List<String> keyTexts = new ArrayList<>(chunk.size());
        Set<String> seen = new HashSet<>(chunk.size() * 2);
        if (references != null) {
            references.resolve(chunk);
        }
        for (ApprovedRow row : chunk) {
            if (unstorable.check(row)) {
                continue;
            }
            ChunkReferences.Missing missing = references == null ? null : references.missing(row);
            if (missing != null) {
                conflict(row, missing.column(), "reference", missing.message(), missing.value());
                continue;
            }
            List<Object> key = new ArrayList<>(rows.keyColumns().size());
            for (int k = 0; k < rows.keyColumns().size(); k++) {
                key.add(keyAt == null ? value(row, rows.keyColumns().get(k)) : valueAt(row, keyAt[k]));
            }
            String text = Values.keyText(key);
            if (key.contains(null)) {
                conflict(row, rows.keyColumns().get(key.indexOf(null)), "key",
                        "The natural key column " + rows.keyColumns().get(key.indexOf(null)).name()
                                + " is empty, so the row cannot be matched in table " + table.name() + ".", null);
            } else if (!seen.add(text)) {
                conflict(row, rows.keyColumns().get(0), "key", "Key " + text
                        + " appears more than once among the approved rows.", text);
            } else {
                keyed.add(row);
                keys.add(key);
                keyTexts.add(text);
            }
        }
        if (lookUpKeys || !parentsRefused) {
            checkParents(keyed);
        }
        Map<String, Map<String, Object>> existing = lookUpKeys ? rows.existing(keys) : Map.of();
        List<Planned> planned = new ArrayList<>(keyed.size());
        for (int i = 0; i < keyed.size(); i++) {
            ApprovedRow row = keyed.get(i);
            String text = keyTexts.get(i);
            Map<String, Object> before = existing.get(text);
            RowAction action = RowAction.INSERTED;
            if (before != null) {
                if (request.mode() == ImportMode.INSERT) {
                    conflict(row, rows.keyColumns().get(0), "key-exists", "Key " + text
                            + " already exists in table " + table.name()
                            + "; insert mode does not change existing rows.", text);
                    continue;
                }
                // an upsert with nothing but key columns mapped, or of values the row already holds, has nothing to
                // change: the row is skipped (counted as unchanged, and a rollback has nothing of it to restore)
                action = request.mode() == ImportMode.UPSERT && !valueColumns.isEmpty() && !holds(row, before)
                        ? RowAction.UPDATED : RowAction.SKIPPED;
            }
            planned.add(new Planned(row, keys.get(i), text, action, before));
        }
        return planned;
    }

    /** Whether the target row already holds every value column's value as the column would store it. */
    private boolean holds(ApprovedRow row, Map<String, Object> before) {
        for (int i = 0; i < valueColumns.size(); i++) {
            ColumnInfo c = valueColumns.get(i);
            Object value = valueAt == null ? value(row, c) : valueAt(row, valueAt[i]);
            if (!StoredValues.same(value, before.get(c.name()), c, dialect)) {
                return false;
            }
        }
        return true;
    }

    private void checkParents(List<ApprovedRow> keyed) throws SQLException {
        for (ForeignKeyCheck check : foreignKeys) {
            Map<String, List<Object>> parents = new LinkedHashMap<>();
            String[] parentTexts = new String[keyed.size()];
            for (int i = 0; i < keyed.size(); i++) {
                List<Object> parent = parentKey(keyed.get(i), check.columns());
                if (parent != null) {
                    parentTexts[i] = Values.keyText(parent);
                    parents.putIfAbsent(parentTexts[i], parent);
                }
                List<Object> own = check.ownKey() == null ? null : parentKey(keyed.get(i), check.ownKey());
                if (own != null) {
                    check.written().putIfAbsent(Values.keyText(own), keyed.get(i).sourceRow());
                }
            }
            Set<String> found = rows.existingParents(check.fk(), check.columns(), new ArrayList<>(parents.values()));
            for (int i = 0; i < keyed.size(); i++) {
                ApprovedRow row = keyed.get(i);
                String value = parentTexts[i];
                if (value != null && !found.contains(value) && !writtenBefore(check, value, row)) {
                    conflict(row, check.columns().get(0), "fk", check.columns().stream().map(ColumnInfo::name)
                            .collect(Collectors.joining(", ")) + " '" + value + "' does not exist in "
                            + check.fk().refTable() + "." + String.join(", ", check.fk().refColumns()) + ".", value);
                }
            }
        }
    }

    /** Whether a row of the table's own parent is written before it, by this run: on an earlier row or itself. */
    private static boolean writtenBefore(ForeignKeyCheck check, String parent, ApprovedRow row) {
        if (check.written() == null) {
            return false;
        }
        long parentRow = check.written().rowOf(parent);
        return parentRow >= 0 && parentRow <= row.sourceRow();
    }

    private List<Object> parentKey(ApprovedRow row, List<ColumnInfo> columns) {
        List<Object> parent = new ArrayList<>();
        for (ColumnInfo c : columns) {
            Object v = value(row, c);
            if (v == null) {
                return null;
            }
            parent.add(v);
        }
        return parent;
    }

    private void write(List<Planned> planned) throws SQLException {
        List<List<Object>> written = new ArrayList<>(planned.size());
        long inserts = 0;
        long updates = 0;
        for (Planned p : planned) {
            switch (p.action()) {
                case INSERTED -> {
                    if (copy != null) {
                        copyRow.clear();
                        for (int i = 0; i < columns.size(); i++) {
                            copyRow.add(valueAt(p.row(), i));
                        }
                        copy.add(copyRow);
                    } else {
                        for (int i = 0; i < columns.size(); i++) {
                            Values.bind(insert, i + 1, valueAt(p.row(), i), columns.get(i), dialect);
                        }
                        insert.addBatch();
                    }
                    inserts++;
                    written.add(p.key());
                }
                case UPDATED -> {
                    int index = 1;
                    for (int i = 0; i < valueColumns.size(); i++) {
                        ColumnInfo c = valueColumns.get(i);
                        Values.bind(update, index++, valueAt == null ? value(p.row(), c) : valueAt(p.row(),
                                valueAt[i]), c, dialect);
                    }
                    rows.bindKey(update, index, p.key());
                    update.addBatch();
                    updates++;
                    written.add(p.key());
                }
                case SKIPPED -> {
                }
            }
        }
        // the rows first, their provenance once they are in: a chunk the target refuses leaves no provenance pending
        boolean counted = true;
        if (inserts > 0) {
            long inserted = copy != null ? copy.flush() : WrittenRows.of(WrittenRows.execute(insert));
            counted = inserted != WrittenRows.UNKNOWN;
            checkCount(counted ? inserted : inserts, inserts);
        }
        if (updates > 0) {
            long updated = WrittenRows.of(WrittenRows.execute(update));
            counted &= updated != WrittenRows.UNKNOWN;
            checkCount(updated == WrittenRows.UNKNOWN ? updates : updated, updates);
        }
        for (Planned p : planned) {
            RowProvenance record = new RowProvenance(qualifiedName, p.keyText(), request.sheet(),
                    p.row().sourceRow(), p.row().legacyId(), p.action());
            if (p.action() == RowAction.UPDATED) {
                provenance.addUpdated(record, image(p.before()));
            } else {
                provenance.add(record);
            }
        }
        provenance.flush();
        if (!counted) {
            // the driver did not say how many rows each statement wrote: read the keys back instead
            checkCount(rows.existing(written).size(), written.size());
        }
    }

    private void checkCount(long rowsWritten, long expected) {
        if (rowsWritten != expected) {
            throw new IllegalStateException("only " + rowsWritten + " of the " + expected
                    + " rows just written are in table " + table.name());
        }
    }

    private static String image(Map<String, Object> before) {
        return Values.imageJson(before);
    }

    /** Where each of {@code wanted} is in {@code columns} (the same objects); null when one is not among them. */
    private static int[] positionsIn(List<ColumnInfo> columns, List<ColumnInfo> wanted) {
        int[] at = new int[wanted.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = columns.indexOf(wanted.get(i));
            if (at[i] < 0) {
                return null;
            }
        }
        return at;
    }

    /**
     * The value of the {@code column}-th of {@link #columns}: as {@link #value}, but the rows of one mapper share
     * their target list, so each column's position in it is found once instead of by name for every value.
     */
    private Object valueAt(ApprovedRow row, int column) {
        if (references != null) {
            return value(row, columns.get(column));
        }
        MappedRow values = row.values();
        if (values.targets() != positionsFor) {
            int[] found = new int[columns.size()];
            for (int i = 0; i < found.length; i++) {
                found[i] = values.indexOf(columns.get(i).name());
            }
            positions = found;
            positionsFor = values.targets();
        }
        int at = positions[column];
        // the typed value itself: a MappedValue made per value only to read it was the commit thread's most
        // frequent allocation
        return at < 0 ? null : values.value(at);
    }

    private Object value(ApprovedRow row, ColumnInfo column) {
        if (references != null && references.resolves(column)) {
            return references.value(row, column);
        }
        MappedValue v = row.values().get(column.name());
        return v == null ? null : v.value();
    }

    private void conflict(ApprovedRow row, ColumnInfo column, String rule, String message, String value) {
        conflicts++;
        if (findings.size() < MAX_FINDINGS) {
            MappedValue v = row.values().get(column.name());
            findings.add(new Finding(row.sourceRow(), v == null ? null : v.sourceColumn(), v == null ? null : v.cell(),
                    column.name(), rule, Severity.ERROR, message, value));
        }
    }

    private Optional<List<ColumnInfo>> mapped(List<String> names) {
        List<ColumnInfo> found = new ArrayList<>();
        for (String name : names) {
            Optional<ColumnInfo> c = columns.stream().filter(col -> col.name().equalsIgnoreCase(name)).findFirst();
            if (c.isEmpty()) {
                return Optional.empty();
            }
            found.add(c.get());
        }
        return Optional.of(found);
    }

    @Override
    public void close() throws SQLException {
        if (ender != null) {
            // a COPY still ending holds the connection: wait for it (a failure there is the run's, thrown already
            // or rolled back with the batch), so that nothing else is sent meanwhile
            if (ending != null) {
                try {
                    ending.copied().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException e) {
                    // see above
                }
            }
            ender.shutdown();
        }
        if (copy != null) {
            // a run that ends early (a cancel, a failure) leaves no COPY open on the connection
            copy.cancelStream();
        }
        try {
            if (insert != null) {
                insert.close();
            }
        } finally {
            if (update != null) {
                update.close();
            }
        }
    }
}
