package io.sluice.desktop.history;

import io.sluice.core.bookkeeping.Bookkeeping;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.commit.TargetAccess;

/**
 * Keeps one {@link Bookkeeping} open for the current target, because opening it (migrations, Hibernate) takes a
 * second and the history pages through it often. It is thread-safe: every call takes a connection of its own.
 */
final class BookkeepingSource implements AutoCloseable {

    private TargetChoice target;
    private Bookkeeping bookkeeping;

    /** The bookkeeping of that target, opened on first use; call from a background task. */
    synchronized Bookkeeping of(TargetChoice choice) {
        if (bookkeeping == null || !choice.equals(target)) {
            close();
            bookkeeping = TargetAccess.bookkeeping(choice);
            target = choice;
        }
        return bookkeeping;
    }

    @Override
    public synchronized void close() {
        if (bookkeeping != null) {
            bookkeeping.close();
            bookkeeping = null;
            target = null;
        }
    }
}
