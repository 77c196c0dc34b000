package io.sluice.core.export;

import io.sluice.core.rules.Finding;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;

import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes rejected rows as CSV so the steward can fix them in the original layout: {@code source_row}, the source
 * columns with each cell's text exactly as displayed, {@code reject_reason} and the row's {@code findings}
 * ({@code rule: message}, separated by {@code " | "}). Streams; close it when done.
 */
public final class RejectedRowsCsvWriter implements AutoCloseable {

    private static final String FINDING_SEPARATOR = " | ";

    private final CsvSink sink;
    private final FormulaGuard guard;
    private final String[] fields;
    private long rows;

    /** Writes to a new or truncated file; {@code sourceColumns} are the source file's headers in file order. */
    public RejectedRowsCsvWriter(Path file, List<String> sourceColumns, CsvOptions options) {
        this(CsvSink.open(file, options), sourceColumns, options);
    }

    /** Writes to a caller's stream, flushed but not closed by {@link #close()}. */
    public RejectedRowsCsvWriter(OutputStream out, List<String> sourceColumns, CsvOptions options) {
        this(CsvSink.open(out, options), sourceColumns, options);
    }

    private RejectedRowsCsvWriter(CsvSink sink, List<String> sourceColumns, CsvOptions options) {
        this.sink = sink;
        this.guard = options.guard();
        this.fields = new String[sourceColumns.size() + 3];
        fields[0] = "source_row";
        for (int i = 0; i < sourceColumns.size(); i++) {
            fields[i + 1] = guard.text(sourceColumns.get(i));
        }
        fields[fields.length - 2] = "reject_reason";
        fields[fields.length - 1] = "findings";
        sink.record(fields);
    }

    /**
     * Writes one rejected row; cells beyond the header are not written.
     *
     * @param reason   why the steward rejected it, or null
     * @param findings the row's findings, possibly empty
     */
    public void write(SourceRow row, String reason, List<Finding> findings) {
        fields[0] = Long.toString(row.number());
        int cells = fields.length - 3;
        for (int i = 0; i < cells; i++) {
            Cell cell = row.cell(i);
            // the owner's own values: a plain number (also one read from a CSV as text) is data, not a formula
            fields[i + 1] = guard.displayedNumber(cell.text());
        }
        fields[fields.length - 2] = guard.text(reason);
        fields[fields.length - 1] = guard.text(joined(findings));
        sink.record(fields);
        rows++;
    }

    /** Data rows written so far (the header not counted). */
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        sink.close();
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
