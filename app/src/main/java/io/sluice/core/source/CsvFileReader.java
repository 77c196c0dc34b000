package io.sluice.core.source;

import java.nio.file.Path;
import java.util.List;

/** Opens a CSV/TSV file: dialect detection (or the chosen encoding and delimiter), then FastCSV streaming. */
final class CsvFileReader {

    private CsvFileReader() {
    }

    static Opened open(Path file, SourceOptions options) {
        CsvDialect dialect = CsvDialect.detect(file, options);
        List<SourceIssue> issues = dialect.fallback()
                ? List.of(new SourceIssue("encoding-fallback", 0, null,
                "The file is not valid UTF-8, so it was read as Windows-1252; choose its encoding if text looks wrong."))
                : List.of();
        String sheet = Problems.name(file);
        SourceTable table = new HeaderedTable(file, SourceFormat.CSV, sheet, new CsvRows(file, dialect), issues,
                options, true);
        SheetInfo info = new SheetInfo(sheet, false, -1, table.columns().size());
        return new Opened(table, List.of(info), dialect.charset().name(), dialect.delimiter());
    }
}
