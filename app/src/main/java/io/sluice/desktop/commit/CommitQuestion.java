package io.sluice.desktop.commit;

import io.sluice.core.commit.CommitPlan;
import io.sluice.desktop.DialogService;

import java.util.Locale;

/** The question before a commit: how many rows go where, and that it is one transaction that can be rolled back. */
final class CommitQuestion {

    private CommitQuestion() {
    }

    /** True when the steward confirmed committing {@code rows} approved rows into {@code table} under this plan. */
    static boolean confirmed(DialogService dialogs, long rows, String table, CommitPlan plan) {
        return confirmed(dialogs, rows, table, plan, "");
    }

    /** The same question, naming the quality gates that warn ({@code warnings} empty when none does). */
    static boolean confirmed(DialogService dialogs, long rows, String table, CommitPlan plan, String warnings) {
        String what = String.format(Locale.ROOT, "%,d to insert, %,d to update, %,d to skip", plan.toInsert(),
                plan.toUpdate(), plan.toSkip());
        return dialogs.confirm(String.format(Locale.ROOT, "Commit %,d approved rows into %s?", rows, table),
                "They are written in one transaction as one import batch (" + what + "). If anything goes wrong,"
                        + " nothing is written; the batch can be rolled back later from History."
                        + (warnings.isEmpty() ? "" : " The quality gates warn: " + warnings + "."),
                "Commit");
    }
}
