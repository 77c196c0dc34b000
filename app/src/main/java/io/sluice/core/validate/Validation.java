package io.sluice.core.validate;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.rules.Finding;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.Severity;
import io.sluice.core.source.Columns;
import io.sluice.core.source.SourceIssue;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Streams a source sheet through mapping and rules in overlapping stages, chunk by chunk, each on a thread of its
 * own: read, map, the row rules, the rules that ask the target database or remember earlier rows (the connection
 * stays on that one thread); the calling thread scores each row and hands each {@link RowResult} to a consumer (a
 * report, a review) in source order. Whichever stage is the slowest for a file (reading for XLSX, rules for CSV)
 * sets the pace while the others share the second core. Memory holds a few chunks, whatever the row count.
 */
public final class Validation {

    /**
     * Rows a chunk holds, and so how many rows each chunk rule (in-file keys, look-ups, the target's checks) sees at
     * once. Small enough that the rows waiting behind a slow consumer (a review's writer) die young instead of being
     * copied into the old generation, large enough that a look-up's round trip is shared by many rows (decision 0057).
     */
    static final int CHUNK_SIZE = 250;
    /** Chunks waiting between two stages: one, as a second one only adds rows in flight (decision 0057). */
    private static final int QUEUED_CHUNKS = 1;
    private static final String RAGGED_ROW = "ragged-row";
    private static final Chunk END = new Chunk(List.of(), List.of(), Map.of());

    private final Mapper mapper;
    private final RuleSet rules;
    private final QualityTally tally;

    /** Rows, their mapped values and the findings so far, by source row number. */
    private record Chunk(List<SourceRow> rows, List<MappedRow> mapped, Map<Long, List<Finding>> findings) {

        void add(Finding f) {
            findings.computeIfAbsent(f.row(), r -> new ArrayList<>(2)).add(f);
        }

        /** Whether the rule findings so far give the row an error. */
        boolean inError(long row) {
            List<Finding> found = findings.get(row);
            return found != null && found.stream().anyMatch(f -> f.severity() == Severity.ERROR);
        }
    }

    public Validation(Mapper mapper, RuleSet rules) {
        this.mapper = mapper;
        this.rules = rules;
        this.tally = new QualityTally(mapper.targetColumns().stream().map(c -> c.name()).toList(),
                rules.uniquenessRules());
    }

    /**
     * Validates every data row of the table.
     *
     * @param rows     receives each row's result, in source order, on the calling thread
     * @param progress progress and cancel; a cancel ends with a {@link CancellationException}
     * @return counts and scores of the whole file
     */
    public ValidationSummary run(SourceTable table, Consumer<RowResult> rows, Progress progress) {
        BlockingQueue<Chunk> read = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        BlockingQueue<Chunk> mapped = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        BlockingQueue<Chunk> rowChecked = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        BlockingQueue<Chunk> checked = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        List<Stage> stages = List.of(
                new Stage("sluice-reader", table, () -> read(table, read), read),
                new Stage("sluice-mapper", table, () -> map(read, mapped), mapped),
                new Stage("sluice-row-rules", table, () -> check(mapped, rowChecked, rules::checkRows), rowChecked),
                new Stage("sluice-chunk-rules", table, () -> checkChunks(rowChecked, checked), checked));
        stages.forEach(Stage::start);
        long done = 0;
        try {
            Chunk chunk;
            while ((chunk = checked.take()) != END) {
                if (progress.isCancelled()) {
                    throw new CancellationException("Validation was cancelled after " + done + " rows.");
                }
                emit(table, chunk, rows);
                done += chunk.rows().size();
                progress.rowsDone(done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Validation was interrupted.");
        } finally {
            stages.forEach(Stage::stop);
        }
        stages.forEach(Stage::rethrow);
        return tally.summary();
    }

    /** Stage 1: reads rows, a chunk at a time. */
    private static void read(SourceTable table, BlockingQueue<Chunk> out) throws InterruptedException {
        List<SourceRow> rows = new ArrayList<>(CHUNK_SIZE);
        SourceRow row;
        while (!Thread.currentThread().isInterrupted() && (row = table.next()) != null) {
            rows.add(row);
            if (rows.size() == CHUNK_SIZE) {
                out.put(new Chunk(rows, new ArrayList<>(CHUNK_SIZE), new HashMap<>()));
                rows = new ArrayList<>(CHUNK_SIZE);
            }
        }
        if (!rows.isEmpty()) {
            out.put(new Chunk(rows, new ArrayList<>(rows.size()), new HashMap<>()));
        }
    }

    /** Stage 2: maps each row onto the target columns. */
    private void map(BlockingQueue<Chunk> in, BlockingQueue<Chunk> out) throws InterruptedException {
        Chunk chunk;
        while ((chunk = in.take()) != END) {
            for (SourceRow row : chunk.rows()) {
                chunk.mapped().add(mapper.map(row));
            }
            out.put(chunk);
        }
    }

    /** Stages 3 and 4: one set of rules over each chunk, in order. */
    private static void check(BlockingQueue<Chunk> in, BlockingQueue<Chunk> out,
                              BiConsumer<List<MappedRow>, Consumer<Finding>> checks) throws InterruptedException {
        Chunk chunk;
        while ((chunk = in.take()) != END) {
            checks.accept(chunk.mapped(), chunk::add);
            out.put(chunk);
        }
    }

    /**
     * Stage 4: the rules that ask the database or remember earlier rows, told which rows the row rules or the
     * file's reading gave an error (a ragged row).
     */
    private void checkChunks(BlockingQueue<Chunk> in, BlockingQueue<Chunk> out) throws InterruptedException {
        Chunk chunk;
        while ((chunk = in.take()) != END) {
            Set<Long> ragged = raggedRows(chunk.rows());
            Chunk c = chunk;
            rules.checkChunk(c.mapped(), c::add, row -> c.inError(row) || ragged.contains(row));
            out.put(chunk);
        }
    }

    private static Set<Long> raggedRows(List<SourceRow> rows) {
        Set<Long> ragged = new HashSet<>();
        for (SourceRow row : rows) {
            for (SourceIssue issue : row.issues()) {
                if (issue.kind().equals(RAGGED_ROW)) {
                    ragged.add(row.number());
                }
            }
        }
        return ragged;
    }

    /** Last stage (calling thread): source problems first, then rule findings; score; hand over. */
    private void emit(SourceTable table, Chunk chunk, Consumer<RowResult> out) {
        for (int i = 0; i < chunk.rows().size(); i++) {
            SourceRow source = chunk.rows().get(i);
            List<Finding> findings = sourceFindings(table, source);
            List<Finding> ruleFindings = chunk.findings().get(source.number());
            if (ruleFindings != null) {
                findings = findings.isEmpty() ? ruleFindings : concat(findings, ruleFindings);
            }
            MappedRow mapped = chunk.mapped().get(i);
            out.accept(new RowResult(source, mapped, findings, tally.add(mapped, findings)));
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
            // A ragged row may have its values under the wrong columns: nothing in it can be trusted.
            Severity severity = issue.kind().equals(RAGGED_ROW) ? Severity.ERROR : Severity.WARNING;
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

    /** Work that can be interrupted: reading from or writing to a queue. */
    private interface Work {
        void run() throws InterruptedException;
    }

    /**
     * One pipeline stage on a thread of its own. Whatever happens, it ends by passing END downstream, so the next
     * stage never waits forever; a failure is kept and rethrown on the calling thread.
     */
    private static final class Stage {
        private final Thread thread;
        private volatile RuntimeException failure;

        Stage(String name, SourceTable table, Work work, BlockingQueue<Chunk> out) {
            thread = new Thread(() -> {
                try {
                    work.run();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    failure = e instanceof SluiceException ? e : SluiceException.input(
                            table.file().getFileName() + ": validation failed: " + e.getMessage(), e);
                }
                try {
                    out.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, name);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void rethrow() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
