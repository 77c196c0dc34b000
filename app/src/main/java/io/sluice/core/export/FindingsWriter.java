package io.sluice.core.export;

import io.sluice.core.rules.Finding;

import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Streams validation findings to a file, as CSV (columns row, cell, column, target, rule, severity, message, value)
 * or as one JSON array of objects shaped like the report's findings. Holds one finding at a time; close it to finish
 * the file.
 */
public interface FindingsWriter extends AutoCloseable {

    /** A CSV findings file; text fields are formula-guarded when the options say so. */
    static FindingsWriter csv(Path file, CsvOptions options) {
        return new CsvFindingsWriter(CsvSink.open(file, options), options.guard());
    }

    /** CSV findings on a caller's stream, flushed but not closed by {@link #close()}. */
    static FindingsWriter csv(OutputStream out, CsvOptions options) {
        return new CsvFindingsWriter(CsvSink.open(out, options), options.guard());
    }

    /** A JSON findings file: one array, one object per finding. */
    static FindingsWriter json(Path file) {
        return JsonFindingsWriter.open(file);
    }

    /** JSON findings on a caller's stream, flushed but not closed by {@link #close()}. */
    static FindingsWriter json(OutputStream out) {
        return JsonFindingsWriter.open(out);
    }

    void write(Finding finding);

    /** Findings written so far. */
    long count();

    @Override
    void close();
}
