package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.BatchGate;
import io.sluice.core.bookkeeping.Bookkeeping;
import io.sluice.core.bookkeeping.DecisionAudit;
import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.bookkeeping.RowAction;
import io.sluice.core.bookkeeping.RowProvenance;
import io.sluice.core.commit.ProvenanceKeys;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;

import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.GateStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The import batches of one target, read-only: the list, one batch with its provenance counts and rows, where a row
 * came from, the decisions kept with a batch, and what rolling a batch back would do. Opening it takes a second
 * (migrations, Hibernate), so keep one open while paging; it is thread-safe. Close it when done.
 */
public final class BatchHistory implements AutoCloseable {

    private final Bookkeeping bookkeeping;
    private final Target target;
    private final String displayUrl;

    private BatchHistory(Bookkeeping bookkeeping, Target target) {
        this.bookkeeping = bookkeeping;
        this.target = target;
        this.displayUrl = target.displayUrl();
    }

    /** The history of that target; a named database that does not exist is refused in one sentence. */
    public static BatchHistory open(Target target) {
        return new BatchHistory(target.bookkeeping(), target);
    }

    /** Every batch, newest first. */
    public List<ImportBatch> batches() {
        return bookkeeping.batches();
    }

    /** One batch with its provenance counts; one sentence naming the target when there is no such batch. */
    public BatchDetails batch(long id) {
        ImportBatch batch = bookkeeping.batch(id).orElseThrow(() -> SluiceException.input("There is no import batch "
                + id + " in " + displayUrl + "."));
        Map<String, Long> counts = bookkeeping.provenanceCounts(id);
        return new BatchDetails(batch, counts.getOrDefault(RowAction.INSERTED.code(), 0L),
                counts.getOrDefault(RowAction.UPDATED.code(), 0L), counts.getOrDefault(RowAction.SKIPPED.code(), 0L),
                gatesOf(List.of(batch)).getOrDefault(id, List.of()), bookkeeping.tableCounts(id));
    }

    /** The quality gates measured for each of these batches, by batch id; a batch without gates is left out. */
    public Map<Long, List<GateResult>> gatesOf(List<ImportBatch> batches) {
        Map<Long, List<GateResult>> byBatch = new LinkedHashMap<>();
        for (BatchGate g : bookkeeping.gatesOf(batches.stream().map(ImportBatch::id).toList())) {
            byBatch.computeIfAbsent(g.batchId(), id -> new ArrayList<>()).add(new GateResult(g.metric(), g.unit(),
                    plain(g.min()), plain(g.max()), g.action(), plain(g.measured()), GateStatus.ofCode(g.outcome())));
        }
        return byBatch;
    }

    /** 98.0000 as stored reads back as 98, 95.2000 as 95.2. */
    private static BigDecimal plain(BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A page of where the batch's rows came from, in the order written. */
    public List<RowProvenance> provenance(long batchId, int offset, int limit) {
        return bookkeeping.provenance(batchId, offset, limit);
    }

    /**
     * Where the row with that natural key in that table came from, in every batch that wrote it. The key is matched
     * as the database compares it: a uuid in any case, a number in any scale, text exactly; a composite key is a JSON
     * array such as ["north","A-1"]. The key columns are those batch {@code batchId} matched the table's rows on.
     */
    public List<RowProvenance> originsOf(long batchId, String targetTable, String targetKey) {
        return bookkeeping.provenanceOf(targetTable, canonicalKey(batchId, targetTable, targetKey));
    }

    private String canonicalKey(long batchId, String targetTable, String typed) {
        List<String> names = bookkeeping.keyColumns(batchId, targetTable);
        if (names.isEmpty()) {
            return typed;
        }
        try (TargetDatabase db = target.open()) {
            TableInfo table = db.table(targetTable);
            List<ColumnInfo> columns = new ArrayList<>();
            for (String name : names) {
                Optional<ColumnInfo> column = table.column(name);
                if (column.isEmpty()) {
                    return typed;
                }
                columns.add(column.get());
            }
            return ProvenanceKeys.canonical(typed, columns);
        } catch (SluiceException e) {
            // the table is gone or renamed since: its provenance still answers for the key as typed
            return typed;
        }
    }

    /** A page of the review decisions and edits kept with the batch, oldest first. */
    public List<DecisionAudit> decisions(long batchId, int offset, int limit) {
        return bookkeeping.decisionsOfBatch(batchId, offset, limit);
    }

    /** What rolling the batch back would do: the rows it deletes and restores, and the later batches in the way. */
    public RollbackPlan rollbackPlan(long batchId) {
        BatchDetails details = batch(batchId);
        List<Long> later = bookkeeping.laterBatchesTouching(batchId).stream().map(ImportBatch::id).toList();
        return new RollbackPlan(details.batch(), details.inserted(), details.updated(), later);
    }

    /** Where this history is, for messages (no password). */
    public String displayUrl() {
        return displayUrl;
    }

    @Override
    public void close() {
        bookkeeping.close();
    }
}
