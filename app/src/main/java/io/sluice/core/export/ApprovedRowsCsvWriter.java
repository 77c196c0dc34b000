package io.sluice.core.export;

import io.sluice.core.mapping.MappedRow;
import io.sluice.core.mapping.MappedValue;
import io.sluice.core.database.ColumnInfo;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;

/**
 * Writes approved rows as CSV, one column per target column in table order, values in a locale-free form a database
 * or program reads back exactly: ISO dates and date-times, plain decimals with a dot, {@code true}/{@code false},
 * text as approved (formula-guarded when the options say so), null as an empty field. Streams; close it when done.
 */
public final class ApprovedRowsCsvWriter implements AutoCloseable {

    // Seconds always present (yyyy-MM-dd'T'HH:mm:ss); a fraction only when the value has one, so nothing is lost.
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .toFormatter();
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .append(TIME)
            .toFormatter();

    private final CsvSink sink;
    private final List<String> columns;
    private final FormulaGuard guard;
    private final String[] fields;
    private List<String> lastTargets;
    private boolean lastSameOrder;
    private long rows;

    /** Writes to a new or truncated file. */
    public ApprovedRowsCsvWriter(Path file, List<ColumnInfo> columns, CsvOptions options) {
        this(CsvSink.open(file, options), columns, options);
    }

    /** Writes to a caller's stream, flushed but not closed by {@link #close()}. */
    public ApprovedRowsCsvWriter(OutputStream out, List<ColumnInfo> columns, CsvOptions options) {
        this(CsvSink.open(out, options), columns, options);
    }

    private ApprovedRowsCsvWriter(CsvSink sink, List<ColumnInfo> columns, CsvOptions options) {
        this.sink = sink;
        this.columns = columns.stream().map(ColumnInfo::name).toList();
        this.guard = options.guard();
        this.fields = new String[this.columns.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = guard.text(this.columns.get(i));
        }
        sink.record(fields);
    }

    /** Writes one row; a column the row does not map is written empty. */
    public void write(MappedRow row) {
        // Rows of one mapper share one targets list: when it is ours, values are read by position, not by name.
        List<String> targets = row.targets();
        boolean sameOrder = targets == lastTargets ? lastSameOrder : sameOrder(targets);
        for (int i = 0; i < fields.length; i++) {
            MappedValue v = sameOrder ? row.get(i) : row.get(columns.get(i));
            fields[i] = v == null ? null : format(v.value());
        }
        sink.record(fields);
        rows++;
    }

    private boolean sameOrder(List<String> targets) {
        lastTargets = targets;
        lastSameOrder = targets.equals(columns);
        return lastSameOrder;
    }

    /** Data rows written so far (the header not counted). */
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        sink.close();
    }

    private String format(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return guard.text(s);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : guard.text(value.toString());
        }
        if (value instanceof LocalDateTime dt) {
            return DATE_TIME.format(dt);
        }
        if (value instanceof LocalDate d) {
            // the same ISO text as DateTimeFormatter.ISO_LOCAL_DATE, without the formatter's cost per value
            return d.toString();
        }
        if (value instanceof LocalTime t) {
            return TIME.format(t);
        }
        // Long, Integer, Boolean: their own toString is already the plain form
        return value instanceof Number || value instanceof Boolean ? value.toString() : guard.text(value.toString());
    }
}
