package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.commit.ApprovedRow;
import io.sluice.core.commit.ApprovedRowIterator;
import io.sluice.core.validate.RowResult;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The rows of a file without error findings, handed to the commit while the validation still runs: the validation
 * streams on a thread of its own, its rows without errors (already mapped) go through a small queue in chunks, and
 * the file is read once. When the validation ends, {@code atEnd} receives the whole file's summary before the last
 * {@code hasNext} answers, and may refuse the import by throwing (a failed blocking gate, no valid row). Memory holds
 * a few chunks, whatever the row count. One iteration per instance: the validation runs once.
 */
final class FileValidRows implements Iterable<ApprovedRow>, AutoCloseable {

    private static final int CHUNK = 500;
    private static final int QUEUED_CHUNKS = 4;

    private final ValidationJob job;
    private final int legacyIdColumn;
    private final Progress cancel;
    private final Consumer<ValidationSummary> atEnd;
    private Feed feed;
    private boolean handedOut;

    /** A chunk of valid rows, or the end: the summary, or what stopped the validation. */
    private record Handover(List<ApprovedRow> rows, ValidationSummary summary, RuntimeException failure) {
    }

    /**
     * @param legacyIdColumn 0-based source column of the legacy id, or -1
     * @param cancel         polled by the validation; its row counts are not reported (the commit reports its own)
     */
    FileValidRows(ValidationJob job, int legacyIdColumn, Progress cancel, Consumer<ValidationSummary> atEnd) {
        this.job = job;
        this.legacyIdColumn = legacyIdColumn;
        this.cancel = cancel;
        this.atEnd = atEnd;
    }

    /** Starts the validation now, so that it reads ahead while the import prepares its transaction. */
    void start() {
        if (feed == null) {
            feed = new Feed();
        }
    }

    @Override
    public ApprovedRowIterator iterator() {
        if (handedOut) {
            throw new IllegalStateException("The rows of a validation running beside the import are read once");
        }
        handedOut = true;
        start();
        return feed;
    }

    /** What stopped the validation before its end (a file that cannot be read further, a cancel), or null. */
    RuntimeException failure() {
        return feed == null ? null : feed.failure;
    }

    /** Stops the validation if it still runs: the import ended without reading every row. */
    @Override
    public void close() {
        if (feed != null) {
            feed.close();
        }
    }

    /** The consumer side, on the commit's thread; the validation runs on a thread it starts and stops. */
    private final class Feed implements ApprovedRowIterator {

        private final BlockingQueue<Handover> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        private final Thread validation;
        private volatile boolean stopped;
        private Iterator<ApprovedRow> chunk = List.<ApprovedRow>of().iterator();
        private boolean ended;
        private volatile RuntimeException failure;

        Feed() {
            validation = new Thread(this::validate, "sluice-import-validation");
            validation.setDaemon(true);
            validation.start();
        }

        /** Runs the validation, handing over chunks of valid rows, then the summary or the failure. */
        private void validate() {
            List<List<ApprovedRow>> filling = new ArrayList<>(List.of(new ArrayList<>(CHUNK)));
            Handover end;
            try {
                ValidationSummary summary = job.run(r -> {
                    if (r.hasErrors()) {
                        return;
                    }
                    List<ApprovedRow> rows = filling.get(0);
                    rows.add(new ApprovedRow(r.source().number(),
                            legacyIdColumn < 0 ? null : r.source().cell(legacyIdColumn).text(), r.mapped()));
                    if (rows.size() == CHUNK) {
                        put(new Handover(rows, null, null));
                        filling.set(0, new ArrayList<>(CHUNK));
                    }
                }, new Progress() {
                    @Override
                    public boolean isCancelled() {
                        return stopped || cancel.isCancelled();
                    }
                });
                if (!filling.get(0).isEmpty()) {
                    put(new Handover(filling.get(0), null, null));
                }
                end = new Handover(List.of(), summary, null);
            } catch (RuntimeException e) {
                end = new Handover(List.of(), null, e);
            }
            if (!stopped) {
                try {
                    queue.put(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Hands a chunk over, waiting while the commit is behind; a stopped import ends the validation. */
        private void put(Handover handover) {
            try {
                queue.put(handover);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("The import stopped reading the file.");
            }
        }

        @Override
        public boolean hasNext() {
            while (!chunk.hasNext()) {
                if (ended) {
                    return false;
                }
                Handover next = take();
                if (next.rows().isEmpty()) {
                    ended = true;
                    close();
                    if (next.failure() != null) {
                        failure = next.failure();
                        throw failure;
                    }
                    atEnd.accept(next.summary());
                    return false;
                }
                chunk = next.rows().iterator();
            }
            return true;
        }

        private Handover take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new CancellationException("The import was interrupted.");
            }
        }

        @Override
        public ApprovedRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return chunk.next();
        }

        /** Stops the validation if it still runs (the commit stopped early) and waits for its thread to end. */
        @Override
        public void close() {
            if (stopped) {
                return;
            }
            stopped = true;
            validation.interrupt();
            try {
                validation.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
