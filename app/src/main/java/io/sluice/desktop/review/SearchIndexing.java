package io.sluice.desktop.review;

import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;

import java.util.function.Consumer;

/**
 * Builds the search index of the review or sheet shown, in the background, a slice of rows at a time with a pause
 * between slices, so that the steward's own reads and the screen go first; a text search reads every row until it
 * is done (decision 0044). It stops when the review closes or another review or sheet is shown, and a later start
 * goes on from the last slice written. Used on the JavaFX thread.
 */
final class SearchIndexing {

    /** Between two slices: about a third of the slice's own time on a quiet machine. */
    private static final long PAUSE_MS = 20;
    /** A review at least this long waits {@link #LARGE_REVIEW_WAIT_MS} before its first slice. */
    private static final long LARGE_REVIEW_ROWS = 100_000;
    /**
     * How long a large review's index waits after it is shown: its first screen and the steward's first steps then
     * have both cores, and a small review (a first slice of a few milliseconds) is indexed at once.
     */
    private static final long LARGE_REVIEW_WAIT_MS = 3_000;

    private final TaskRunner tasks;
    private final Consumer<String> problem;
    private TaskHandle running;

    /** {@code problem} is told, in one sentence, when the index cannot be written (the search then reads every row). */
    SearchIndexing(TaskRunner tasks, Consumer<String> problem) {
        this.tasks = tasks;
        this.problem = problem;
    }

    /** Starts (or goes on with) the index of the review or sheet {@code shown}; stops any other first. */
    void start(ReviewAccess shown) {
        stop();
        TaskHandle handle = tasks.quiet("Indexing the cells for search", ctx -> {
            if (shown.rowsToIndex() >= LARGE_REVIEW_ROWS) {
                for (long waited = 0; waited < LARGE_REVIEW_WAIT_MS && !ctx.isCancelled(); waited += PAUSE_MS) {
                    Thread.sleep(PAUSE_MS);
                }
            }
            while (!ctx.isCancelled() && shown.indexSearchNext()) {
                Thread.sleep(PAUSE_MS);
            }
            return null;
        }, done -> { }, error -> problem.accept("A search reads every row, as its index could not be written: "
                + ErrorText.sentence(error)));
        running = handle;
    }

    /** Stops the index being built, after the slice in hand; nothing written is lost. */
    void stop() {
        if (running != null) {
            running.cancel();
            running = null;
        }
    }
}
