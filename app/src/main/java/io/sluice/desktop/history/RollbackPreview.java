package io.sluice.desktop.history;

import io.sluice.core.bookkeeping.BatchTableCounts;
import io.sluice.core.bookkeeping.ImportBatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What rolling a batch back would do, for the confirmation: the rows its rollback deletes (it inserted them) and
 * restores (it updated them), per table for a batch into several related tables, and the later batches that changed
 * the same rows and would have to go first.
 */
public record RollbackPreview(ImportBatch batch, long toDelete, long toRestore, List<Long> laterBatches,
                              List<BatchTableCounts> tables) {

    public RollbackPreview {
        laterBatches = List.copyOf(laterBatches);
        tables = List.copyOf(tables);
    }

    /** A single-table batch. */
    public RollbackPreview(ImportBatch batch, long toDelete, long toRestore, List<Long> laterBatches) {
        this(batch, toDelete, toRestore, laterBatches, List.of());
    }

    /** Whether a plain rollback is refused because later batches changed the same rows. */
    public boolean needsCascade() {
        return !laterBatches.isEmpty();
    }

    /**
     * The confirmation's text: what will happen to the table, or to each table of a related batch in the order the
     * rollback undoes them (children first).
     */
    public String consequences() {
        if (tables.isEmpty()) {
            return String.format(Locale.ROOT, "%s that batch %d inserted will be deleted from %s and %s it updated"
                    + " will be restored as they were, in one transaction.", rows(toDelete), batch.id(),
                    batch.targetTable(), rows(toRestore));
        }
        List<String> perTable = new ArrayList<>();
        for (int i = tables.size() - 1; i >= 0; i--) {
            BatchTableCounts t = tables.get(i);
            perTable.add(String.format(Locale.ROOT, "%s: %s deleted, %s restored", BatchText.tableName(t.table()),
                    rows(t.inserted()), rows(t.updated())));
        }
        return String.format(Locale.ROOT, "Batch %d wrote %d tables. In one transaction, children first, the rows it"
                        + " inserted will be deleted and the rows it updated restored as they were — %s. Afterwards"
                        + " each table's numbering is set back where nothing has taken a number since.", batch.id(),
                tables.size(), String.join("; ", perTable));
    }

    private static String rows(long n) {
        return String.format(Locale.ROOT, "%,d row%s", n, n == 1 ? "" : "s");
    }

    /** Why a plain rollback is refused, naming the later batches. */
    public String refusal() {
        return "Batch " + batch.id() + " cannot be rolled back on its own: later batch" + (laterBatches.size() == 1
                ? " " : "es ") + laterBatches.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " changed the same rows. Rolling back with the later batches undoes those first, newest first.";
    }
}
