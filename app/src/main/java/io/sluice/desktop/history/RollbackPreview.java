package io.sluice.desktop.history;

import io.sluice.core.bookkeeping.ImportBatch;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What rolling a batch back would do, for the confirmation: the rows its rollback deletes (it inserted them) and
 * restores (it updated them), and the later batches that changed the same rows and would have to go first.
 */
public record RollbackPreview(ImportBatch batch, long toDelete, long toRestore, List<Long> laterBatches) {

    public RollbackPreview {
        laterBatches = List.copyOf(laterBatches);
    }

    /** Whether a plain rollback is refused because later batches changed the same rows. */
    public boolean needsCascade() {
        return !laterBatches.isEmpty();
    }

    /** The confirmation's text: what will happen to the table. */
    public String consequences() {
        return String.format(Locale.ROOT, "%,d row%s that batch %d inserted will be deleted from %s and %,d row%s it"
                        + " updated will be restored as they were, in one transaction.", toDelete,
                toDelete == 1 ? "" : "s", batch.id(), batch.targetTable(), toRestore, toRestore == 1 ? "" : "s");
    }

    /** Why a plain rollback is refused, naming the later batches. */
    public String refusal() {
        return "Batch " + batch.id() + " cannot be rolled back on its own: later batch" + (laterBatches.size() == 1
                ? " " : "es ") + laterBatches.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " changed the same rows. Rolling back with the later batches undoes those first, newest first.";
    }
}
