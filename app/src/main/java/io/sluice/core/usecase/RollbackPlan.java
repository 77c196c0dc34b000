package io.sluice.core.usecase;

import io.sluice.core.bookkeeping.ImportBatch;

import java.util.List;

/**
 * What rolling a batch back would do: the rows it deletes (the batch inserted them) and restores (it updated them),
 * and the later batches that changed the same rows, which a cascade rolls back first, newest first.
 */
public record RollbackPlan(ImportBatch batch, long toDelete, long toRestore, List<Long> laterBatches) {

    public RollbackPlan {
        laterBatches = List.copyOf(laterBatches);
    }

    /** Whether a plain rollback is refused because later batches changed the same rows. */
    public boolean needsCascade() {
        return !laterBatches.isEmpty();
    }
}
