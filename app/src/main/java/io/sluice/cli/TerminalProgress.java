package io.sluice.cli;

import io.sluice.core.Progress;

import java.io.PrintWriter;

/** Shows a running row count on the terminal (only when there is one), at most every half second. */
final class TerminalProgress implements Progress {

    private final PrintWriter err;
    private final boolean interactive = System.console() != null;
    private long lastShown = System.nanoTime();
    private boolean shown;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void rowsDone(long rows) {
        long now = System.nanoTime();
        if (interactive && now - lastShown > 500_000_000L) {
            err.printf("\r%,d rows...", rows);
            err.flush();
            lastShown = now;
            shown = true;
        }
    }

    /** Clears the progress line before the results are printed. */
    void clear() {
        if (shown) {
            err.print("\r\033[K");
            err.flush();
        }
    }
}
