package io.sluice.core.export;

import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import io.sluice.core.validate.RowResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Keeps the worst rows of a validation for the report, in bounded memory: most errors first, then most warnings,
 * then the lowest score, then the earliest row. Feed it every row (it is a {@code Consumer<RowResult>}) or, for a
 * review, each row's findings through {@link #offer}.
 */
public final class WorstRows implements Consumer<RowResult> {

    /** Rows a report lists by default. */
    public static final int DEFAULT_LIMIT = 20;
    /** Findings kept per row: enough to show what is wrong without letting one row fill the heap. */
    static final int FINDINGS_PER_ROW = 8;

    /**
     * One of the worst rows; {@code score} is the row's overall score 0-100, or -1 when unknown. For a workbook onto
     * several tables, {@code sheet} names the row's sheet and {@code tables} each finding's table (same order); else
     * both are null.
     */
    public record WorstRow(long row, int errors, int warnings, int score, List<Finding> findings, String sheet,
                           List<String> tables) {

        /** A row of the one sheet a single-table validation reads. */
        public WorstRow(long row, int errors, int warnings, int score, List<Finding> findings) {
            this(row, errors, warnings, score, findings, null, null);
        }
    }

    /** Worst first. */
    static final Comparator<WorstRow> WORST_FIRST = Comparator.comparingInt(WorstRow::errors).reversed()
            .thenComparing(Comparator.comparingInt(WorstRow::warnings).reversed())
            .thenComparingInt(w -> w.score() < 0 ? Integer.MAX_VALUE : w.score())
            .thenComparingLong(WorstRow::row);

    private final int limit;
    // The head is the least bad row kept, the one to drop when a worse one comes.
    private final PriorityQueue<WorstRow> kept;

    public WorstRows(int limit) {
        this.limit = limit;
        this.kept = new PriorityQueue<>(WORST_FIRST.reversed());
    }

    @Override
    public void accept(RowResult r) {
        if (!r.findings().isEmpty()) {
            offer(r.source().number(), r.findings(), r.score().overall());
        }
    }

    /** Offers one row with its findings and overall score (-1 when unknown); rows without findings are ignored. */
    public void offer(long row, List<Finding> findings, int score) {
        offer(null, row, findings, null, score);
    }

    /**
     * Offers one source row of a workbook onto several tables with the findings of every table on it ({@code tables}:
     * each finding's table, same order); rows without findings are ignored.
     */
    public void offer(String sheet, long row, List<Finding> findings, List<String> tables, int score) {
        if (findings.isEmpty() || limit <= 0) {
            return;
        }
        int errors = 0;
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                errors++;
            }
        }
        WorstRow candidate = new WorstRow(row, errors, findings.size() - errors, score, null);
        if (kept.size() >= limit && WORST_FIRST.compare(candidate, kept.peek()) >= 0) {
            return;
        }
        int shown = Math.min(findings.size(), FINDINGS_PER_ROW);
        kept.add(new WorstRow(row, errors, findings.size() - errors, score, List.copyOf(findings.subList(0, shown)),
                sheet, tables == null ? null : List.copyOf(tables.subList(0, shown))));
        if (kept.size() > limit) {
            kept.poll();
        }
    }

    /** The rows kept, worst first. */
    public List<WorstRow> rows() {
        List<WorstRow> rows = new ArrayList<>(kept);
        rows.sort(WORST_FIRST);
        return rows;
    }
}
