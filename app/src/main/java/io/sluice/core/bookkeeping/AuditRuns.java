package io.sluice.core.bookkeeping;

import java.sql.SQLException;

/**
 * Folds audit entries, added in the audit's order, into runs (decision 0040) and hands each run on once it is
 * complete: to {@link DecisionAuditWriter}, or to a reader that reads a review's audit before its batch exists.
 */
public final class AuditRuns {

    /** Takes each complete run, in order. */
    @FunctionalInterface
    public interface Sink {
        void accept(AuditRun run) throws SQLException;
    }

    private final Sink sink;
    private AuditRun open;
    private long entries;

    /** Runs handed to {@code sink}. */
    public AuditRuns(Sink sink) {
        this.sink = sink;
    }

    /** Adds the next entry of the audit. */
    public void add(DecisionAudit decision) throws SQLException {
        entries++;
        if (open != null && open.add(decision)) {
            return;
        }
        if (open != null) {
            sink.accept(open);
        }
        open = new AuditRun(decision);
    }

    /** Hands on the last run. */
    public void finish() throws SQLException {
        if (open != null) {
            AuditRun last = open;
            open = null;
            sink.accept(last);
        }
    }

    /** How many entries were added. */
    public long entries() {
        return entries;
    }
}
