package io.sluice.core.review;

import io.sluice.core.Threads;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceRow;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link RowWriter} on a thread of its own, so that staging rows into SQLite (a JNI call per value) overlaps
 * with the validation that produces them instead of following it on the validation's consuming thread. Rows are
 * handed over in chunks through a short queue: memory holds a few chunks whatever the row count, and a producer
 * faster than SQLite waits. A failure of the writer is thrown to the producer at its next row or at {@link #finish()}.
 */
final class RowWriterThread {

    /*
     * As small as the validation's own chunks and queues (decision 0057): the writer is the slowest stage, so its queue
     * stays full, and every row waiting in it lives through young collections (decision 0086).
     */
    private static final int CHUNK_ROWS = 250;
    private static final int QUEUED_CHUNKS = 1;
    private static final List<Staged> END = List.of();

    private record Staged(SourceRow row, List<Finding> findings, int filledCells) {
    }

    private final RowWriter writer;
    private final BlockingQueue<List<Staged>> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    private final Thread thread;
    private List<Staged> chunk = new ArrayList<>(CHUNK_ROWS);
    private volatile RuntimeException failure;
    /** The failure was thrown once: thrown again from a close, it would suppress itself. */
    private boolean reported;
    private boolean finished;

    RowWriterThread(RowWriter writer) {
        this.writer = writer;
        this.thread = new Thread(this::writeUntilEnd, "sluice-review-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues one row for {@link RowWriter#append(SourceRow, List, int)}. */
    void append(SourceRow row, List<Finding> findings, int filledCells) {
        rethrow();
        if (finished || failure != null) {
            throw new IllegalStateException("This row writer is closed.");
        }
        chunk.add(new Staged(row, findings, filledCells));
        if (chunk.size() == CHUNK_ROWS) {
            handOver(chunk);
            chunk = new ArrayList<>(CHUNK_ROWS);
        }
    }

    /**
     * Writes the rows still queued, commits them and closes the writer; rethrows the writer's failure, if any. Runs
     * to the end even when the calling thread is interrupted (a cancel keeps the rows it got through), and leaves the
     * interrupt set.
     */
    void finish() {
        if (!finished) {
            finished = true;
            if (!chunk.isEmpty()) {
                handOver(chunk);
                chunk = List.of();
            }
            handOver(END);
            Threads.joinUninterruptibly(thread);
        }
        rethrow();
    }

    private void handOver(List<Staged> rows) {
        boolean interrupted = false;
        try {
            while (true) {
                if (failure != null) {
                    return; // the writer has stopped taking rows; rethrow() reports why
                }
                try {
                    if (queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void writeUntilEnd() {
        try {
            List<Staged> rows;
            while ((rows = takeUninterruptibly()) != END) {
                for (Staged staged : rows) {
                    writer.append(staged.row(), staged.findings(), staged.filledCells());
                }
            }
            writer.close();
        } catch (RuntimeException | Error e) {
            failure = e instanceof RuntimeException r ? r
                    : new IllegalStateException("Staging rows into the review failed: " + e, e);
            try {
                writer.close();
            } catch (RuntimeException ignored) {
                // the first failure is the one the steward needs to see
            }
        }
    }

    private List<Staged> takeUninterruptibly() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only finish() ends this thread, so that the rows handed over are always written.
            }
        }
    }

    private void rethrow() {
        RuntimeException e = failure;
        if (e != null && !reported) {
            reported = true;
            throw e;
        }
    }
}
