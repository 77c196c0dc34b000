package io.sluice.core.review;

import io.sluice.core.Threads;
import io.sluice.core.commit.ApprovedRow;
import io.sluice.core.commit.ApprovedRowIterator;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads and maps a review's approved rows on a thread of its own, a few chunks ahead of the import that takes them,
 * so that SQLite and the mapping work while the import's thread plans and sends rows to the target, instead of in
 * turn with it (decision 0049). Memory holds at most {@value #QUEUED_CHUNKS} chunks of {@value #CHUNK_ROWS} rows. A
 * failure of the reading is thrown to the consumer at its next row; {@link #close()} stops the reader and waits for
 * it, so the review's connection is free again when it returns.
 */
final class ApprovedRowReadAhead implements ApprovedRowIterator {

    private static final int CHUNK_ROWS = 500;
    private static final int QUEUED_CHUNKS = 2;
    /** Handed over after the last chunk (an empty chunk is never handed over). */
    private static final List<ApprovedRow> END = new ArrayList<>(0);

    private final ApprovedRowIterator source;
    private final BlockingQueue<List<ApprovedRow>> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    private final Thread thread;
    private volatile boolean stopped;
    private volatile RuntimeException failure;
    private List<ApprovedRow> current = List.of();
    private int at;
    private boolean ended;

    /** Starts reading {@code source} at once; the reader closes it when it ends. */
    ApprovedRowReadAhead(ApprovedRowIterator source) {
        this.source = source;
        this.thread = new Thread(this::readUntilEnd, "sluice-review-reader");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean hasNext() {
        while (at == current.size()) {
            if (ended) {
                return false;
            }
            List<ApprovedRow> next = takeUninterruptibly();
            if (next == END) {
                ended = true;
                current = List.of();
                at = 0;
                waitForReader();
                RuntimeException e = failure;
                if (e != null) {
                    throw e;
                }
                return false;
            }
            current = next;
            at = 0;
        }
        return true;
    }

    @Override
    public ApprovedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.get(at++);
    }

    /** Stops the reader (it closes its cursor) and waits until it has. */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        ended = true;
        current = List.of();
        at = 0;
        waitForReader();
    }

    private void readUntilEnd() {
        try {
            List<ApprovedRow> chunk = new ArrayList<>(CHUNK_ROWS);
            while (!stopped && source.hasNext()) {
                chunk.add(source.next());
                if (chunk.size() == CHUNK_ROWS) {
                    handOver(chunk);
                    chunk = new ArrayList<>(CHUNK_ROWS);
                }
            }
            if (!chunk.isEmpty()) {
                handOver(chunk);
            }
        } catch (RuntimeException | Error e) {
            failure = e instanceof RuntimeException r ? r
                    : new IllegalStateException("Reading the review's approved rows failed: " + e, e);
        } finally {
            try {
                source.close();
            } finally {
                handOver(END);
            }
        }
    }

    /** Queues a chunk, waiting while the queue is full, unless the consumer has stopped taking rows. */
    private void handOver(List<ApprovedRow> chunk) {
        while (!stopped) {
            try {
                if (queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                // only close() ends the reader, so that it always closes its cursor
            }
        }
    }

    private List<ApprovedRow> takeUninterruptibly() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queue.take();
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

    private void waitForReader() {
        Threads.joinUninterruptibly(thread);
    }
}
