package io.sluice.desktop.commit;

import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.CommitPlan;
import io.sluice.desktop.DialogService;

import java.util.Locale;

/** The question before a commit: how many rows go where, and that it is one transaction that can be rolled back. */
final class CommitQuestion {

    private CommitQuestion() {
    }

    /** True when the steward confirmed committing {@code rows} approved rows into {@code table} under this plan. */
    static boolean confirmed(DialogService dialogs, long rows, String table, CommitPlan plan) {
        return confirmed(dialogs, rows, false, table, plan, ImportMode.INSERT, "");
    }

    /**
     * The same question, naming the quality gates that warn ({@code warnings} empty when none does); with
     * {@code sourceRows} the rows are a workbook's source rows, each making rows of several tables (the plan's
     * counts are target rows). An upsert's rows to skip are those the table already holds with the same values, and
     * the question calls them unchanged, as the import's own report does.
     */
    static boolean confirmed(DialogService dialogs, long rows, boolean sourceRows, String table, CommitPlan plan,
                             ImportMode mode, String warnings) {
        String what = String.format(Locale.ROOT, "%,d %sto insert, %,d to update, %,d %s", plan.toInsert(),
                sourceRows ? "target rows " : "", plan.toUpdate(), plan.toSkip(),
                mode == ImportMode.UPSERT ? "unchanged" : "to skip");
        return dialogs.confirm(String.format(Locale.ROOT, "Commit %,d approved %srows into %s?", rows,
                        sourceRows ? "source " : "", table),
                "They are written in one transaction as one import batch (" + what + "). If anything goes wrong,"
                        + " nothing is written; the batch can be rolled back later from History."
                        + (warnings.isEmpty() ? "" : " The quality gates warn: " + warnings + "."),
                "Commit");
    }
}
