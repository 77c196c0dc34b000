package io.sluice.core.review;

import io.sluice.core.Threads;
import io.sluice.core.bookkeeping.AuditRun;
import io.sluice.core.bookkeeping.AuditRuns;
import io.sluice.core.bookkeeping.DecisionAction;
import io.sluice.core.bookkeeping.DecisionAudit;
import io.sluice.core.bookkeeping.DecisionAuditWriter;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Keeps a review's audit log with the import batch it led to: every decision and edit (who, when, why, old and new
 * value) is copied into the target's {@code sluice_decision_audit}, so the history survives the review file. A value
 * fix arrives as its summary (kind, column, cells, in the reason; on source row 0) and, when it is in effect, one
 * entry per cell it changed: the source row, the column, the value before and after, the fix in the reason, its
 * steward and time, right after the summary. A fix that was undone keeps its summary and the undo's, and no cells;
 * the review's per-pair counts are left out, since the cells say the same row by row. Entries that say the same on
 * consecutive rows (a bulk decision, a fix setting one value over many cells) are stored as runs (decision 0040).
 * <p>
 * The audit is read on a thread of its own, on a read connection of its own to each review, from the moment the
 * import starts, so that it is read while the rows stream (decision 0066); at most {@value #QUEUED_RUNS} runs or
 * about {@value #QUEUED_CHARACTERS} characters wait, the reader blocking when they are there. {@link #write} then
 * writes the runs on the import's own connection, inside its transaction: the batch and its audit commit together.
 * A failure of the reading is thrown by {@code write}; {@link #close()} stops the reader and waits until it has
 * closed its connection.
 */
public final class ReviewAuditCopy implements AutoCloseable {

    private static final int PAGE = 1_000;
    private static final int QUEUED_RUNS = 1_000;
    private static final int QUEUED_CHARACTERS = 1_000_000;

    private final List<Review> reviews;
    private final Thread thread;
    private final Object lock = new Object();
    private final ArrayDeque<AuditRun> queue = new ArrayDeque<>();
    private long queuedCharacters;
    private boolean readerDone;
    private boolean stopped;
    private RuntimeException failure;
    private long entries;

    private ReviewAuditCopy(List<Review> reviews) {
        this.reviews = List.copyOf(reviews);
        this.thread = new Thread(this::readAll, "sluice-audit-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts reading the audit of the reviews, in turn (a workbook's sheets into one batch); close it when done. */
    public static ReviewAuditCopy start(List<Review> reviews) {
        return new ReviewAuditCopy(reviews);
    }

    /**
     * Writes the audit of every review into batch {@code batchId}, after the entries the batch's audit holds, as the
     * runs arrive; returns the number of entries. Throws the reading's failure, having written nothing more.
     */
    public long write(long batchId, Connection connection) throws SQLException {
        DecisionAuditWriter writer = new DecisionAuditWriter(connection);
        for (AuditRun run = take(); run != null; run = take()) {
            writer.add(run, batchId);
        }
        Threads.joinUninterruptibly(thread);
        synchronized (lock) {
            if (failure != null) {
                throw failure;
            }
        }
        writer.close();
        return writer.entries();
    }

    /** Stops the reader and waits until it has closed its connection. */
    @Override
    public void close() {
        synchronized (lock) {
            stopped = true;
            queue.clear();
            queuedCharacters = 0;
            lock.notifyAll();
        }
        Threads.joinUninterruptibly(thread);
    }

    /** The next run, or null after the last (or when the reader failed). */
    private AuditRun take() {
        boolean interrupted = false;
        try {
            synchronized (lock) {
                while (queue.isEmpty() && !readerDone) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (failure != null) {
                    return null;
                }
                AuditRun run = queue.poll();
                if (run != null) {
                    queuedCharacters -= run.characters();
                    lock.notifyAll();
                }
                return run;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Queues a run, waiting while the queue is full, unless the import has stopped taking runs. */
    private void handOver(AuditRun run) {
        synchronized (lock) {
            while (!stopped && !queue.isEmpty()
                    && (queue.size() >= QUEUED_RUNS || queuedCharacters + run.characters() > QUEUED_CHARACTERS)) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    // only close() ends the reader, so that it always closes its connection
                }
            }
            if (!stopped) {
                queue.add(run);
                queuedCharacters += run.characters();
                lock.notifyAll();
            }
        }
    }

    private boolean stopped() {
        synchronized (lock) {
            return stopped;
        }
    }

    private void readAll() {
        RuntimeException failed = null;
        try {
            AuditRuns runs = new AuditRuns(this::handOver);
            for (Review review : reviews) {
                Connection connection = ReviewFiles.openReader(review.file());
                try {
                    read(review, connection, runs);
                    runs.finish();
                } catch (SQLException e) {
                    throw ReviewFailures.of(review.file(), e);
                } finally {
                    ReviewFiles.closeQuietly(connection);
                }
                if (stopped()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            failed = e;
        } catch (Error e) {
            failed = new IllegalStateException("Reading the review's audit failed: " + e, e);
        } finally {
            synchronized (lock) {
                failure = failed;
                readerDone = true;
                lock.notifyAll();
            }
        }
    }

    /** One review's audit, page by page, on the reader's own connection. */
    private void read(Review review, Connection connection, AuditRuns runs) throws SQLException {
        String reviewFile = review.file().toAbsolutePath().toString();
        List<String> columns = review.columns();
        DecisionLedger ledger = new DecisionLedger(review, connection);
        CellOrigins origins = new CellOrigins(review, connection);
        long after = 0;
        while (!stopped()) {
            List<AuditEntry> page = ledger.audit(after, PAGE);
            if (page.isEmpty()) {
                return;
            }
            for (AuditEntry e : page) {
                after = e.id();
                if (FixLedger.isPair(e)) {
                    continue;
                }
                String column = columnName(columns, e.column());
                runs.add(new DecisionAudit(null, reviewFile, e.row() == null ? 0 : e.row(),
                        DecisionAction.ofCode(e.action().label()), e.reason(), column, e.oldValue(),
                        e.newValue(), e.steward(), e.at()));
                OptionalLong fix = FixLedger.madeIn(e);
                if (fix.isPresent()) {
                    readCells(origins, fix.getAsLong(), reviewFile, column, runs);
                }
            }
        }
    }

    /** One entry per cell the fix changed, when it is in effect; a page of cells at a time. */
    private void readCells(CellOrigins origins, long fixId, String reviewFile, String column, AuditRuns runs)
            throws SQLException {
        Optional<CellChange> fix = origins.fixInEffect(fixId);
        if (fix.isEmpty()) {
            return;
        }
        String reason = "Fix #" + fixId + " (" + fix.get().fix() + "): " + fix.get().description();
        long afterRow = Long.MIN_VALUE;
        while (!stopped()) {
            List<CellOrigins.FixedCell> cells = origins.fixedCells(fixId, afterRow, PAGE);
            if (cells.isEmpty()) {
                return;
            }
            for (CellOrigins.FixedCell cell : cells) {
                runs.add(new DecisionAudit(null, reviewFile, cell.row(), DecisionAction.EDIT, reason, column,
                        cell.oldValue(), cell.newText(), fix.get().steward(), fix.get().at()));
                afterRow = cell.row();
            }
        }
    }

    private static String columnName(List<String> columns, Integer column) {
        return column == null || column >= columns.size() ? null : columns.get(column);
    }
}
