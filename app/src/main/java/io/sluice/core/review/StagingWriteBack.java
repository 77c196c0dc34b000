package io.sluice.core.review;

import io.sluice.core.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Semaphore;

/**
 * Puts the pages of a new review on disk, on a thread of its own, while its rows are still being staged, so that the
 * sync that ends the staging ({@link NewReviewStaging#end}) finds little left to write instead of the whole file
 * (decision 0061). Durability does not depend on it: that final sync still covers every page. If the file cannot be
 * opened or synced here, writing back simply stops and the final sync does all of it, as before.
 * <p>
 * It holds a second descriptor of the review's file. On POSIX systems closing any descriptor of a file drops every
 * lock the process holds on it, so {@link #close()} is called only between transactions of a review written without
 * a journal, when the staging connection holds no lock on the file.
 */
final class StagingWriteBack implements AutoCloseable {

    /** Commits of {@value RowWriter#ROWS_PER_TRANSACTION} rows between two syncs: 50,000 rows, about 9-15 MB. */
    static final int COMMITS_PER_SYNC = 10;

    private static final Logger LOG = LoggerFactory.getLogger(StagingWriteBack.class);

    private final Path file;
    private final FileChannel channel;
    private final Thread thread;
    private final Semaphore due = new Semaphore(0);
    private volatile boolean stopping;
    private int commits;
    private boolean closed;

    private StagingWriteBack(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        if (channel == null) {
            thread = null;
            return;
        }
        thread = new Thread(this::syncWhenDue, "sluice-review-write-back");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts writing back {@code file}; one that cannot be opened for it gets a write-back that does nothing. */
    static StagingWriteBack start(Path file) {
        try {
            // opened for writing because Windows flushes a file only through a handle that may write it
            return new StagingWriteBack(file, FileChannel.open(file, StandardOpenOption.WRITE));
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.debug("The review {} is not written back while it is staged; its final sync writes all of it", file, e);
            return new StagingWriteBack(file, null);
        }
    }

    /** A write-back that does nothing, for staging that is not written without a journal. */
    static StagingWriteBack none() {
        return new StagingWriteBack(null, null);
    }

    /** Counts one committed transaction of rows; every {@value #COMMITS_PER_SYNC}th starts a sync. */
    void committed() {
        if (thread != null && ++commits % COMMITS_PER_SYNC == 0 && due.availablePermits() == 0) {
            due.release();
        }
    }

    /** Whether pages are being written back (false when the file could not be opened for it). */
    boolean active() {
        return thread != null && !closed;
    }

    /**
     * Waits for a sync under way and lets go of the file. Call between transactions only (see the class comment).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (thread == null) {
            return;
        }
        stopping = true;
        due.release();
        Threads.joinUninterruptibly(thread);
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("Closing the write-back of the review {} failed", file, e);
        }
    }

    private void syncWhenDue() {
        while (true) {
            due.acquireUninterruptibly();
            if (stopping) {
                return;
            }
            try {
                channel.force(false);
            } catch (IOException e) {
                LOG.debug("Writing back the review {} stopped; its final sync writes the rest", file, e);
                return;
            }
        }
    }
}
