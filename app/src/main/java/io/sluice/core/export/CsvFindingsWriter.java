package io.sluice.core.export;

import io.sluice.core.rules.Finding;
import io.sluice.core.tables.TableFinding;

/**
 * Findings as CSV rows; see {@link FindingsWriter#csv}. For a workbook onto several tables each row starts with the
 * finding's table and sheet ({@link TableFindingsWriter#csv}).
 */
final class CsvFindingsWriter implements FindingsWriter, TableFindingsWriter {

    private final CsvSink sink;
    private final FormulaGuard guard;
    private final String[] fields;
    private final int first;
    private long count;

    CsvFindingsWriter(CsvSink sink, FormulaGuard guard) {
        this(sink, guard, false);
    }

    CsvFindingsWriter(CsvSink sink, FormulaGuard guard, boolean tables) {
        this.sink = sink;
        this.guard = guard;
        this.first = tables ? 2 : 0;
        this.fields = new String[first + 8];
        if (tables) {
            sink.record("table", "sheet", "row", "cell", "column", "target", "rule", "severity", "message", "value");
        } else {
            sink.record("row", "cell", "column", "target", "rule", "severity", "message", "value");
        }
    }

    @Override
    public void write(Finding f) {
        fields[first] = Long.toString(f.row());
        fields[first + 1] = guard.text(f.cell());
        fields[first + 2] = guard.text(f.column());
        fields[first + 3] = guard.text(f.target());
        fields[first + 4] = guard.text(f.rule());
        fields[first + 5] = f.severity() == null ? null : f.severity().label();
        fields[first + 6] = guard.text(f.message());
        fields[first + 7] = guard.text(f.value());
        sink.record(fields);
        count++;
    }

    @Override
    public void write(TableFinding f) {
        fields[0] = guard.text(f.table());
        fields[1] = guard.text(f.sheet());
        write(f.finding());
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void close() {
        sink.close();
    }
}
