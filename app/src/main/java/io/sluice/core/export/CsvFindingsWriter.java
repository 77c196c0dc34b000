package io.sluice.core.export;

import io.sluice.core.rules.Finding;

/** Findings as CSV rows; see {@link FindingsWriter#csv}. */
final class CsvFindingsWriter implements FindingsWriter {

    private final CsvSink sink;
    private final FormulaGuard guard;
    private long count;

    CsvFindingsWriter(CsvSink sink, FormulaGuard guard) {
        this.sink = sink;
        this.guard = guard;
        sink.record("row", "cell", "column", "target", "rule", "severity", "message", "value");
    }

    @Override
    public void write(Finding f) {
        sink.record(Long.toString(f.row()), guard.text(f.cell()), guard.text(f.column()), guard.text(f.target()),
                guard.text(f.rule()), f.severity() == null ? null : f.severity().label(), guard.text(f.message()),
                guard.text(f.value()));
        count++;
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
