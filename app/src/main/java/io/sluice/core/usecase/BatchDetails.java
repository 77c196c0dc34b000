package io.sluice.core.usecase;

import io.sluice.core.bookkeeping.BatchTableCounts;
import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.validate.GateResult;

import java.util.List;

/**
 * One import batch with its provenance counted by what happened to each row (inserted, updated, skipped), the
 * profile's quality gates as measured for it (none when the profile had none), and, for a batch into several related
 * tables, the counts per table in the order they were written (none for a single-table batch).
 */
public record BatchDetails(ImportBatch batch, long inserted, long updated, long skipped, List<GateResult> gates,
                           List<BatchTableCounts> tables) {

    public BatchDetails {
        gates = gates == null ? List.of() : List.copyOf(gates);
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** A single-table batch. */
    public BatchDetails(ImportBatch batch, long inserted, long updated, long skipped, List<GateResult> gates) {
        this(batch, inserted, updated, skipped, gates, List.of());
    }

    /** How many provenance rows the batch has. */
    public long provenanceRows() {
        return inserted + updated + skipped;
    }
}
