package io.sluice.core.usecase;

import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.validate.GateResult;

import java.util.List;

/**
 * One import batch with its provenance counted by what happened to each row (inserted, updated, skipped), and the
 * profile's quality gates as measured for it (none when the profile had none).
 */
public record BatchDetails(ImportBatch batch, long inserted, long updated, long skipped, List<GateResult> gates) {

    public BatchDetails {
        gates = gates == null ? List.of() : List.copyOf(gates);
    }

    /** How many provenance rows the batch has. */
    public long provenanceRows() {
        return inserted + updated + skipped;
    }
}
