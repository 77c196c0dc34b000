package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.commit.Rollback;
import io.sluice.core.commit.RollbackResult;
import io.sluice.core.database.TargetDatabase;

import java.util.Objects;

/**
 * Roll an import batch back in one transaction: delete the rows it inserted, restore the rows it updated as they
 * were. Refused (naming the later batches) when later batches changed the same rows, unless cascading: those are then
 * rolled back first, newest first, and the result counts each batch on its own.
 */
public final class RollbackBatch {

    private RollbackBatch() {
    }

    /**
     * Rolls the batch back on that target as {@code steward}, reporting rows undone to {@code progress}, which can
     * cancel (nothing is then changed); one sentence when it cannot.
     */
    public static RollbackResult run(Target target, long batchId, boolean cascade, String steward,
                                     Progress progress) {
        Objects.requireNonNull(steward, "steward");
        try (TargetDatabase db = target.openForImport()) {
            return new Rollback(db).rollback(batchId, cascade, steward, progress);
        }
    }
}
