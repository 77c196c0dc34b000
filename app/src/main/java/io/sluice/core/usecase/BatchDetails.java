package io.sluice.core.usecase;

import io.sluice.core.bookkeeping.ImportBatch;

/** One import batch with its provenance counted by what happened to each row (inserted, updated, skipped). */
public record BatchDetails(ImportBatch batch, long inserted, long updated, long skipped) {

    /** How many provenance rows the batch has. */
    public long provenanceRows() {
        return inserted + updated + skipped;
    }
}
