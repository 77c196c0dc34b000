package io.sluice.core.commit;

import java.util.List;

/**
 * A rolled-back batch: rows deleted (they had been inserted) and restored (they had been updated), totalled over every
 * batch this rollback undid; the later batches rolled back first (cascade), newest first; each undone batch with
 * its own counts, in the order they were undone (the named batch last); and, for batches into related tables, one
 * sentence per identity the rollback set back or left alone.
 */
public record RollbackResult(long batchId, long deleted, long restored, List<Long> alsoRolledBack,
                             List<Undone> batches, List<String> identities) {

    /** One batch this rollback undid, with the rows it deleted and restored in that batch alone. */
    public record Undone(long batchId, long deleted, long restored) {
    }

    public RollbackResult {
        alsoRolledBack = List.copyOf(alsoRolledBack);
        batches = List.copyOf(batches);
        identities = List.copyOf(identities);
    }

    /** A rollback that set no identity back (single-table batches). */
    public RollbackResult(long batchId, long deleted, long restored, List<Long> alsoRolledBack,
                          List<Undone> batches) {
        this(batchId, deleted, restored, alsoRolledBack, batches, List.of());
    }
}
