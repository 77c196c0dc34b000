package io.sluice.core.validate;

import io.sluice.core.SluiceException;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.rules.Finding;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.rules.Severity;
import io.sluice.core.source.Columns;
import io.sluice.core.source.SourceIssue;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Streams a source sheet through mapping and rules: one thread reads rows, the calling thread maps and checks them
 * chunk by chunk and hands each {@link RowResult} to a consumer (a report, a review). Memory holds a few chunks,
 * whatever the row count.
 */
public final class Validation {

    static final int CHUNK_SIZE = 1_000;
    private static final int QUEUED_CHUNKS = 4;
    private static final List<SourceRow> END = List.of();

    private final Mapper mapper;
    private final RuleSet rules;
    private final QualityTally tally;

    public Validation(Mapper mapper, RuleSet rules) {
        this.mapper = mapper;
        this.rules = rules;
        this.tally = new QualityTally(mapper.targetColumns().stream().map(c -> c.name()).toList(),
                rules.uniquenessRules());
    }

    /**
     * Validates every data row of the table.
     *
     * @param rows     receives each row's result, in source order
     * @param progress progress and cancel; a cancel ends with a {@link CancellationException}
     * @return counts and scores of the whole file
     */
    public ValidationSummary run(SourceTable table, Consumer<RowResult> rows, Progress progress) {
        BlockingQueue<List<SourceRow>> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        RowReader reader = new RowReader(table, queue);
        Thread thread = new Thread(reader, "sluice-reader");
        thread.setDaemon(true);
        thread.start();
        long done = 0;
        try {
            List<SourceRow> chunk;
            while ((chunk = queue.take()) != END) {
                if (progress.isCancelled()) {
                    throw new CancellationException("Validation was cancelled after " + done + " rows.");
                }
                validateChunk(table, chunk, rows);
                done += chunk.size();
                progress.rowsDone(done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Validation was interrupted.");
        } finally {
            reader.stop();
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reader.rethrow();
        return tally.summary();
    }

    private void validateChunk(SourceTable table, List<SourceRow> chunk, Consumer<RowResult> out) {
        List<MappedRow> mapped = new ArrayList<>(chunk.size());
        for (SourceRow row : chunk) {
            mapped.add(mapper.map(row));
        }
        Map<Long, List<Finding>> byRow = new HashMap<>();
        rules.check(mapped, f -> byRow.computeIfAbsent(f.row(), r -> new ArrayList<>(2)).add(f));
        for (int i = 0; i < chunk.size(); i++) {
            SourceRow source = chunk.get(i);
            List<Finding> findings = sourceFindings(table, source);
            List<Finding> ruleFindings = byRow.get(source.number());
            if (ruleFindings != null) {
                findings = findings.isEmpty() ? ruleFindings : concat(findings, ruleFindings);
            }
            RowScore score = tally.add(mapped.get(i), findings);
            out.accept(new RowResult(source, mapped.get(i), findings, score));
        }
    }

    /** The reader's problems with this row as findings: a ragged row is an error, the rest warnings. */
    static List<Finding> sourceFindings(SourceTable table, SourceRow row) {
        if (row.issues().isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>(row.issues().size());
        for (SourceIssue issue : row.issues()) {
            String column = null;
            String value = null;
            if (issue.column() != null) {
                int index = Columns.index(issue.column());
                column = index < table.columns().size() ? table.columns().get(index) : issue.column();
                value = row.cell(index).text();
            }
            Severity severity = issue.kind().equals("ragged-row") || issue.kind().equals("unterminated-quote")
                    ? Severity.ERROR : Severity.WARNING;
            findings.add(new Finding(row.number(), column, issue.column() == null ? null
                    : issue.column() + row.number(), null, "source:" + issue.kind(), severity, issue.message(),
                    value));
        }
        return findings;
    }

    private static List<Finding> concat(List<Finding> a, List<Finding> b) {
        List<Finding> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /** Reads chunks of rows on its own thread so that reading and checking overlap on two cores. */
    private static final class RowReader implements Runnable {
        private final SourceTable table;
        private final BlockingQueue<List<SourceRow>> queue;
        private volatile boolean stopped;
        private volatile RuntimeException failure;

        RowReader(SourceTable table, BlockingQueue<List<SourceRow>> queue) {
            this.table = table;
            this.queue = queue;
        }

        @Override
        public void run() {
            try {
                List<SourceRow> chunk = new ArrayList<>(CHUNK_SIZE);
                SourceRow row;
                while (!stopped && (row = table.next()) != null) {
                    chunk.add(row);
                    if (chunk.size() == CHUNK_SIZE) {
                        queue.put(chunk);
                        chunk = new ArrayList<>(CHUNK_SIZE);
                    }
                }
                if (!chunk.isEmpty()) {
                    queue.put(chunk);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                failure = e instanceof SluiceException ? e
                        : SluiceException.input(table.file().getFileName() + ": reading failed: " + e.getMessage(), e);
            }
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stop() {
            stopped = true;
        }

        void rethrow() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
