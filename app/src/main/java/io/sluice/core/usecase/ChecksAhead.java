package io.sluice.core.usecase;

import io.sluice.core.Threads;
import io.sluice.core.Progress;
import io.sluice.core.commit.ApprovedRow;
import io.sluice.core.commit.TableRows;
import io.sluice.core.tables.TableFinding;
import io.sluice.core.tables.TablesSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * A workbook's validation running ahead of the import on a thread of its own, so that the next chunk is read and
 * checked on one core while the current one is written on the other (decision 0050). Each validated chunk (its
 * findings, then its clean rows by table) waits in a queue of {@value #CHUNKS_AHEAD}, so memory holds three chunks
 * (one written, one waiting, one being checked) whatever the row count; the importing thread takes them in the validation's order, then the end: the
 * summary, or what stopped the validation. Closing stops a validation still running (the import ended early: a
 * refusal, a failure of the target, a cancel) and waits for its thread, so the workbook and the second connection
 * are closed when {@link #close} returns.
 */
final class ChecksAhead implements AutoCloseable {

    /**
     * Validated chunks waiting to be written; one more is being validated and one written beside them. One is enough
     * for the two to overlap; more would keep chunks alive longer while the import waits for the target.
     */
    static final int CHUNKS_AHEAD = 1;

    /** How long a waiting hand-over sleeps before it looks again whether the import stopped. */
    private static final long WAKE_MILLIS = 50;

    /** The clean rows of one table made from one chunk of source rows. */
    record TableChunk(TableRows table, List<ApprovedRow> rows) {
    }

    /** One validated chunk: its findings, its clean rows by table (parents first) and how many source rows it has. */
    record Checked(List<TableFinding> findings, List<TableChunk> tables, int sourceRows) {
    }

    /** The end of the validation: findings after its last chunk, and its summary or what stopped it. */
    record End(List<TableFinding> findings, TablesSummary summary, Throwable failure) {

        /** Throws what stopped the validation, as it was thrown there; returns when it ran to its end. */
        void rethrow() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
        }
    }

    /** The validation run ahead: hands its findings and chunks to {@code handing}, returns the summary. */
    @FunctionalInterface
    interface Validation {
        TablesSummary run(Handing handing);
    }

    private record Item(Checked chunk, End end) {
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private final Validation validation;
    private final Progress cancel;
    private final Thread thread;
    private volatile boolean stopped;
    private End end;

    private ChecksAhead(Validation validation, Progress cancel) {
        this.validation = validation;
        this.cancel = cancel;
        this.thread = new Thread(this::validate, "sluice-workbook-validation");
        thread.setDaemon(true);
    }

    /**
     * Starts the validation on its thread.
     *
     * @param cancel polled by the validation between chunks; its row counts are not reported (the importing thread
     *               reports the rows it wrote)
     */
    static ChecksAhead start(Validation validation, Progress cancel) {
        ChecksAhead ahead = new ChecksAhead(validation, cancel);
        ahead.thread.start();
        return ahead;
    }

    /** What the validation hands its findings and chunks to, on its own thread. */
    final class Handing {

        private List<TableFinding> findings = new ArrayList<>();

        private Handing() {
        }

        /** A finding of the chunk being validated: handed over with its chunk. */
        void finding(TableFinding finding) {
            findings.add(finding);
        }

        /** A chunk whose findings are all out, waiting while the queue ahead of the import is full. */
        void hand(List<TableChunk> tables, int sourceRows) {
            put(new Item(new Checked(takeFindings(), List.copyOf(tables), sourceRows), null));
        }

        /** The cancel the validation polls: the caller's, or the import having stopped. */
        Progress cancel() {
            return new Progress() {
                @Override
                public boolean isCancelled() {
                    return stopped || cancel.isCancelled();
                }
            };
        }

        private List<TableFinding> takeFindings() {
            List<TableFinding> taken = findings;
            findings = new ArrayList<>();
            return taken;
        }
    }

    private void validate() {
        Handing handing = new Handing();
        End last;
        try {
            last = new End(List.of(), validation.run(handing), null);
        } catch (RuntimeException | Error e) {
            last = new End(List.of(), null, e);
        }
        try {
            put(new Item(null, new End(handing.takeFindings(), last.summary(), last.failure())));
        } catch (CancellationException e) {
            // the import stopped: nothing waits for the end
        }
    }

    private void put(Item item) {
        try {
            while (!queue.offer(item, WAKE_MILLIS, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    throw new CancellationException("The import stopped reading the workbook.");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("The import stopped reading the workbook.");
        }
    }

    /** The next validated chunk, in the validation's order, or null at the end (then see {@link #end}). */
    Checked next() {
        if (end != null) {
            return null;
        }
        Item item = take();
        if (item.chunk() != null) {
            return item.chunk();
        }
        end = item.end();
        return null;
    }

    /** The end, once {@link #next} answered null. */
    End end() {
        if (end == null) {
            throw new IllegalStateException("The validation has chunks left to hand over");
        }
        return end;
    }

    private Item take() {
        try {
            Item item;
            while ((item = queue.poll(WAKE_MILLIS, TimeUnit.MILLISECONDS)) == null) {
                if (!thread.isAlive() && queue.isEmpty()) {
                    throw new IllegalStateException("The validation of the workbook ended without handing over"
                            + " its end");
                }
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new CancellationException("The import was interrupted.");
        }
    }

    /** Stops the validation if it still runs and waits for its thread to end. */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        // the validation ends at its next chunk or hand-over; its workbook and connection must close first
        Threads.joinUninterruptibly(thread);
    }
}
