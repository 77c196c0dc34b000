package io.sluice.desktop.history;

import io.sluice.core.commit.RollbackResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A finished rollback in words for the History screen: its counts, the later batches undone first, the identities. */
final class RollbackOutcome {

    private RollbackOutcome() {
    }

    /**
     * The named batch with its own counts first, then each later batch rolled back before it, with its own; then,
     * for a batch into related tables, one sentence per identity the rollback set back or left alone.
     */
    static String describe(RollbackResult r) {
        RollbackResult.Undone named = r.batches().get(r.batches().size() - 1);
        StringBuilder text = new StringBuilder("Rolled back batch " + named.batchId() + ": " + rows(named) + ".");
        if (r.batches().size() > 1) {
            text.append(" Before it, the later batches that changed the same rows: ");
            List<String> later = new ArrayList<>();
            for (RollbackResult.Undone undone : r.batches().subList(0, r.batches().size() - 1)) {
                later.add("batch " + undone.batchId() + ": " + rows(undone));
            }
            text.append(String.join("; ", later)).append(".");
        }
        r.identities().forEach(sentence -> text.append(' ').append(sentence));
        return text.toString();
    }

    private static String rows(RollbackResult.Undone undone) {
        return String.format(Locale.ROOT, "%,d inserted row%s deleted, %,d updated row%s restored", undone.deleted(),
                undone.deleted() == 1 ? "" : "s", undone.restored(), undone.restored() == 1 ? "" : "s");
    }
}
