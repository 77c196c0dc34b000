package io.sluice.cli;

import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sluice preview FILE}: the first rows, every value exactly as the cell displays it. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Show the first rows of a sheet below its header, every value exactly as the cell displays it.")
final class PreviewCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "XLSX, XLS, CSV or TSV file.")
    Path file;

    @Mixin
    SourceOptionsMixin source;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "Rows to show (default: 20).")
    int limit;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text, or json: {\"columns\":[...],\"rows\":[[...],...]}.")
    OutputFormat format;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new UsageException("The option --limit must be 0 or more, not " + limit + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (SourceTable table = Sources.open(file, source.toOptions())) {
            List<String> columns = table.columns();
            List<Long> numbers = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            SourceRow row;
            while (rows.size() < limit && (row = table.next()) != null) {
                List<String> values = new ArrayList<>(columns.size());
                for (int c = 0; c < Math.max(columns.size(), row.cells().size()); c++) {
                    values.add(row.cell(c).text());
                }
                rows.add(values);
                numbers.add(row.number());
            }
            if (format == OutputFormat.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("columns", columns);
                json.put("rows", rows);
                out.println(Json.write(json));
            } else {
                List<String> header = new ArrayList<>(List.of("ROW"));
                header.addAll(columns);
                TextTable text = new TextTable(header.toArray(String[]::new));
                for (int r = 0; r < rows.size(); r++) {
                    List<String> line = new ArrayList<>(List.of(String.valueOf(numbers.get(r))));
                    line.addAll(rows.get(r));
                    text.add(line.toArray(String[]::new));
                }
                out.println(where(table));
                text.print(out);
                if (rows.isEmpty() && limit > 0) {
                    out.println("No rows below the header.");
                }
            }
            // what the reader noticed (merged cells, renamed headers, a sheet a CSV cannot have) goes beside the rows
            PrintWriter err = spec.commandLine().getErr();
            table.issues().forEach(issue -> err.println("Note: " + issue.message()));
            err.flush();
        }
        out.flush();
        return SluiceCommand.OK;
    }

    /** "data.csv (CSV, header row 1)" or "book.xlsx (sheet 'Mixes', no header row)". */
    private String where(SourceTable table) {
        String sheet = table.format() == SourceFormat.CSV ? "CSV" : "sheet '" + table.sheet() + "'";
        String header = table.headerRow() > 0 ? "header row " + table.headerRow() : "no header row";
        return file.getFileName() + " (" + sheet + ", " + header + ")";
    }
}
