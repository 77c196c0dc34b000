package io.sluice.core.commit;

import java.util.List;

/**
 * A rolled-back batch: rows deleted (they had been inserted) and restored (they had been updated), counted over every
 * batch this rollback undid, and the later batches rolled back first (cascade), newest first.
 */
public record RollbackResult(long batchId, long deleted, long restored, List<Long> alsoRolledBack) {

    public RollbackResult {
        alsoRolledBack = List.copyOf(alsoRolledBack);
    }
}
