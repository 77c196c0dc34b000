package io.sluice.desktop.commit;

import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.CommitResult;
import io.sluice.core.commit.RelatedCommitResult;

import java.util.List;
import java.util.Locale;

/**
 * A commit that wrote its batch: what it did to the rows (in total), the review's decisions kept with it, and for a
 * workbook review what it did to each related table, parents first (empty for one table).
 */
record CommitOutcome(CommitResult result, long auditEntries, List<TablePlan> tables) {

    CommitOutcome {
        tables = List.copyOf(tables);
    }

    /** A batch into one table. */
    CommitOutcome(CommitResult result, long auditEntries) {
        this(result, auditEntries, List.of());
    }

    /** A batch into several related tables; the totals are summed over the tables. */
    static CommitOutcome related(RelatedCommitResult r, long auditEntries, List<TablePlan> tables) {
        return new CommitOutcome(new CommitResult(r.batchId(), r.inserted(), r.updated(), r.skipped(), r.took()),
                auditEntries, tables);
    }

    /** Whether the batch went into several related tables. */
    boolean related() {
        return !tables.isEmpty();
    }

    /** The batch in one or two sentences, with its id; an upsert's skipped rows held the same values: unchanged. */
    String text(ImportMode mode) {
        CommitResult r = result;
        String text = String.format(Locale.ROOT, "Batch %d: %,d inserted, %,d updated, %,d %s%s in %.1f s.",
                r.batchId(), r.inserted(), r.updated(), r.skipped(),
                mode == ImportMode.UPSERT ? "unchanged" : "skipped", tables.isEmpty() ? ""
                        : String.format(Locale.ROOT, " over %d tables", tables.size()), r.took().toMillis() / 1000.0);
        if (auditEntries > 0) {
            text += String.format(Locale.ROOT, " The review's %,d decisions are kept with it.", auditEntries);
        }
        return text;
    }
}
