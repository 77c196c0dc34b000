package io.sluice.core.export;

import io.sluice.core.tables.TableFinding;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Streams the findings of a workbook validated onto several tables to a file: as CSV (columns table, sheet, then
 * those of {@link FindingsWriter}) or as one JSON array of objects with {@code table} and {@code sheet} first, shaped
 * like the findings of the {@code sluice-tables-report}. Holds one finding at a time; close it to finish the file.
 */
public interface TableFindingsWriter extends AutoCloseable {

    /** JSON when the file name ends in {@code .json}, CSV otherwise; CSV text is formula-guarded as the options say. */
    static TableFindingsWriter open(Path file, CsvOptions options) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? JsonFindingsWriter.open(file)
                : new CsvFindingsWriter(CsvSink.open(file, options), options.guard(), true);
    }

    void write(TableFinding finding);

    /** Findings written so far. */
    long count();

    @Override
    void close();
}
