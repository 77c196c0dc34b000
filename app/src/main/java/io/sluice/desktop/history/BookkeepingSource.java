package io.sluice.desktop.history;

import io.sluice.core.usecase.BatchHistory;
import io.sluice.desktop.TargetChoice;

/**
 * Keeps one {@link BatchHistory} open for the current target, because opening it (migrations, Hibernate) takes a
 * second and the history pages through it often. It is thread-safe: every call takes a connection of its own.
 */
final class BookkeepingSource implements AutoCloseable {

    private TargetChoice target;
    private BatchHistory history;

    /** The batch history of that target, opened on first use; call from a background task. */
    synchronized BatchHistory of(TargetChoice choice) {
        if (history == null || !choice.equals(target)) {
            close();
            history = BatchHistory.open(choice.target());
            target = choice;
        }
        return history;
    }

    @Override
    public synchronized void close() {
        if (history != null) {
            history.close();
            history = null;
            target = null;
        }
    }
}
