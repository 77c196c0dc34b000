package io.sluice.core.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opens a CSV/TSV file: dialect detection (or the chosen encoding and delimiter), then FastCSV streaming. */
final class CsvFileReader {

    private CsvFileReader() {
    }

    /** A text file without a single value is not a table with no rows: it is an empty file, and says which kind. */
    private static String emptiness(Path file, CsvDialect dialect) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            size = -1;
        }
        if (size == dialect.bomLength()) {
            return "holds no data, only a byte order mark";
        }
        return "holds no data, only blank lines, spaces or empty fields";
    }

    static Opened open(Path file, SourceOptions options) {
        CsvDialect dialect = CsvDialect.detect(file, options);
        List<SourceIssue> issues = dialect.fallback()
                ? List.of(new SourceIssue("encoding-fallback", 0, null,
                "The file is not valid UTF-8, so it was read as Windows-1252; choose its encoding if text looks wrong."))
                : List.of();
        String sheet = Problems.name(file);
        if (options.sheet() != null && !options.sheet().equals(sheet)) {
            // a profile made on a workbook may name its sheet and still be replayed on the same data sent as CSV
            List<SourceIssue> noted = new ArrayList<>(issues);
            noted.add(new SourceIssue("no-sheets", 0, null, "A CSV file has no sheets, so the sheet \""
                    + options.sheet() + "\" asked for does not apply; the file's rows are read."));
            issues = List.copyOf(noted);
        }
        HeaderedTable table = new HeaderedTable(file, SourceFormat.CSV, sheet, new CsvRows(file, dialect), issues,
                options, true);
        if (table.isEmpty()) {
            table.close();
            throw Problems.input(file, emptiness(file, dialect));
        }
        return new Opened(table, List.of(SheetInfo.listed(sheet, false)), dialect.charset().name(),
                dialect.delimiter());
    }
}
