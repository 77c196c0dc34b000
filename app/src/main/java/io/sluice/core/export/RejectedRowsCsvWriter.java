package io.sluice.core.export;

import io.sluice.core.review.CellChange;
import io.sluice.core.review.ChangedCell;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceRow;
import io.sluice.core.tables.TableFinding;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes rejected rows as CSV so the steward can fix them in the original layout: {@code source_row}, the source
 * columns with each cell's text exactly as displayed, {@code reject_reason} and the row's {@code findings}
 * ({@code rule: message}, separated by {@code " | "}); on request a last column {@value #ORIGINAL_VALUES} says
 * which cells a fix or an edit changed, from what to what, e.g. {@code Supplier: 'NRD' -> 'NORD' (fix #3); Remarks:
 * 'n/a' -> '' (edit)}, empty for a row without changes. One column rather than one per source column: it stays one
 * column however many columns were fixed, it tells a cell that was blank from one that was not changed, and the steward
 * reads each change whole. Streams; close it when done.
 */
public final class RejectedRowsCsvWriter implements AutoCloseable {

    /** The optional last column naming each changed cell's source value and the value written. */
    public static final String ORIGINAL_VALUES = "original_values";

    private static final String FINDING_SEPARATOR = " | ";
    private static final String CHANGE_SEPARATOR = "; ";

    private final CsvSink sink;
    private final FormulaGuard guard;
    private final String[] fields;
    private final List<String> columns;
    private final int cells;
    private final boolean originalValues;
    private long rows;

    /** Writes to a new or truncated file; {@code sourceColumns} are the source file's headers in file order. */
    public RejectedRowsCsvWriter(Path file, List<String> sourceColumns, CsvOptions options) {
        this(file, sourceColumns, options, false);
    }

    /** As above; with {@code originalValues} the file ends in the column {@value #ORIGINAL_VALUES}. */
    public RejectedRowsCsvWriter(Path file, List<String> sourceColumns, CsvOptions options, boolean originalValues) {
        this(CsvSink.open(file, options), sourceColumns, options, originalValues);
    }

    /** Writes to a caller's stream, flushed but not closed by {@link #close()}. */
    public RejectedRowsCsvWriter(OutputStream out, List<String> sourceColumns, CsvOptions options) {
        this(out, sourceColumns, options, false);
    }

    /** As above; with {@code originalValues} the file ends in the column {@value #ORIGINAL_VALUES}. */
    public RejectedRowsCsvWriter(OutputStream out, List<String> sourceColumns, CsvOptions options,
                                 boolean originalValues) {
        this(CsvSink.open(out, options), sourceColumns, options, originalValues);
    }

    private RejectedRowsCsvWriter(CsvSink sink, List<String> sourceColumns, CsvOptions options,
                                  boolean originalValues) {
        this.sink = sink;
        this.guard = options.guard();
        this.cells = sourceColumns.size();
        this.originalValues = originalValues;
        this.fields = new String[cells + (originalValues ? 4 : 3)];
        fields[0] = "source_row";
        for (int i = 0; i < cells; i++) {
            fields[i + 1] = guard.text(sourceColumns.get(i));
        }
        fields[cells + 1] = "reject_reason";
        fields[cells + 2] = "findings";
        if (originalValues) {
            fields[cells + 3] = ORIGINAL_VALUES;
        }
        this.columns = List.copyOf(sourceColumns);
        sink.record(fields);
    }

    /**
     * Writes one rejected row; cells beyond the header are not written.
     *
     * @param reason   why the steward rejected it, or null
     * @param findings the row's findings, possibly empty
     */
    public void write(SourceRow row, String reason, List<Finding> findings) {
        write(row, reason, findings, List.of());
    }

    /**
     * Writes one rejected row as the review shows it, with the cells a fix or an edit changed named in
     * {@value #ORIGINAL_VALUES} when the writer has that column (else {@code changed} is not written).
     *
     * @param changed the row's changed cells, possibly empty
     */
    public void write(SourceRow row, String reason, List<Finding> findings, List<ChangedCell> changed) {
        fill(row, reason);
        fields[cells + 2] = guard.text(joined(findings));
        if (originalValues) {
            fields[cells + 3] = guard.text(changes(changed));
        }
        sink.record(fields);
        rows++;
    }

    /**
     * Writes one rejected source row of a workbook onto several tables: its findings name their table
     * ({@code MIX_COMPONENT check:ck_component_dosage: ...}).
     *
     * @param reason   why the steward rejected it, or null
     * @param findings the findings of every table on the row, possibly empty
     */
    public void writeWithTables(SourceRow row, String reason, List<TableFinding> findings) {
        fill(row, reason);
        StringBuilder b = new StringBuilder();
        for (TableFinding f : findings) {
            if (!b.isEmpty()) {
                b.append(FINDING_SEPARATOR);
            }
            if (f.table() != null) {
                b.append(f.table()).append(' ');
            }
            b.append(f.finding().rule()).append(": ").append(f.finding().message());
        }
        fields[cells + 2] = guard.text(b.toString());
        if (originalValues) {
            fields[cells + 3] = "";
        }
        sink.record(fields);
        rows++;
    }

    private void fill(SourceRow row, String reason) {
        fields[0] = Long.toString(row.number());
        for (int i = 0; i < cells; i++) {
            // the owner's own values: a plain number (also one read from a CSV as text) is data, not a formula
            fields[i + 1] = guard.displayedNumber(row.cell(i).text());
        }
        fields[cells + 1] = guard.text(reason);
    }

    /** Data rows written so far (the header not counted). */
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        sink.close();
    }

    /** {@code Supplier: 'NRD' -> 'NORD' (fix #3); ...}: quoted, so that a value fixed to blank shows as ''. */
    private String changes(List<ChangedCell> changed) {
        StringBuilder b = new StringBuilder();
        for (ChangedCell c : changed) {
            if (!b.isEmpty()) {
                b.append(CHANGE_SEPARATOR);
            }
            b.append(c.column() < columns.size() ? columns.get(c.column()) : "column " + (c.column() + 1))
                    .append(": '").append(c.original()).append("' -> '").append(c.current()).append("' (")
                    .append(c.changes().stream().map(CellChange::label)
                            .collect(Collectors.joining(" then "))).append(')');
        }
        return b.toString();
    }

    private static String joined(List<Finding> findings) {
        if (findings == null || findings.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (Finding f : findings) {
            if (!b.isEmpty()) {
                b.append(FINDING_SEPARATOR);
            }
            b.append(f.rule()).append(": ").append(f.message());
        }
        return b.toString();
    }
}
