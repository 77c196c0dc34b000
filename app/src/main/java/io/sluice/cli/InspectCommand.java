package io.sluice.cli;

import io.sluice.core.source.Columns;
import io.sluice.core.source.SheetInfo;
import io.sluice.core.source.SourceInspection;
import io.sluice.core.source.SourceIssue;
import io.sluice.core.source.Sources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code sluice inspect FILE}: sheets, encoding, delimiter, header row and columns. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a file's sheets (hidden ones flagged, row and column counts), detected encoding, "
                + "delimiter, header row and columns.")
final class InspectCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "XLSX, XLS, CSV or TSV file.")
    Path file;

    @Mixin
    SourceOptionsMixin source;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format.")
    OutputFormat format;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SourceInspection inspection = Sources.inspect(file, source.toOptions());
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.write(toJson(inspection)));
        } else {
            print(inspection, out);
        }
        out.flush();
        return SluiceCommand.OK;
    }

    private static Map<String, Object> toJson(SourceInspection i) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", i.file().toString());
        json.put("format", i.format().name());
        List<Map<String, Object>> sheets = new ArrayList<>();
        for (SheetInfo s : i.sheets()) {
            Map<String, Object> sheet = new LinkedHashMap<>();
            sheet.put("name", s.name());
            sheet.put("hidden", s.hidden());
            sheet.put("readable", s.isCounted());
            if (s.isCounted()) {
                sheet.put("rows", s.rows());
                sheet.put("headerRow", s.headerRow());
                sheet.put("dataRows", s.dataRows());
                sheet.put("columns", s.columns());
            }
            sheets.add(sheet);
        }
        json.put("sheets", sheets);
        json.put("sheet", i.defaultSheet());
        if (i.encoding() != null) {
            json.put("encoding", i.encoding());
        }
        if (i.delimiter() != null) {
            json.put("delimiter", String.valueOf(i.delimiter()));
        }
        json.put("headerRow", i.headerRow());
        json.put("dataRows", defaultSheet(i).dataRows());
        json.put("columns", i.columns());
        List<Map<String, Object>> issues = new ArrayList<>();
        for (SourceIssue issue : i.issues()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", issue.kind());
            m.put("message", issue.message());
            issues.add(m);
        }
        json.put("issues", issues);
        return json;
    }

    private static SheetInfo defaultSheet(SourceInspection i) {
        return i.sheets().stream().filter(s -> s.name().equals(i.defaultSheet())).findFirst().orElseThrow();
    }

    private static void print(SourceInspection i, PrintWriter out) {
        out.println("File:       " + i.file());
        out.println("Format:     " + i.format());
        if (i.encoding() != null) {
            out.println("Encoding:   " + i.encoding());
        }
        if (i.delimiter() != null) {
            out.println("Delimiter:  " + (i.delimiter() == '\t' ? "TAB" : "'" + i.delimiter() + "'"));
        }
        out.println();
        TextTable sheets = new TextTable("SHEET", "HEADER ROW", "DATA ROWS", "COLUMNS", "");
        for (SheetInfo s : i.sheets()) {
            List<String> marks = new ArrayList<>(2);
            if (s.hidden()) {
                marks.add("hidden");
            }
            if (s.name().equals(i.defaultSheet())) {
                marks.add("default");
            }
            if (!s.isCounted()) {
                marks.add("cannot be read, see the notes");
            }
            sheets.add(s.name(), !s.isCounted() ? "-" : s.headerRow() == 0 ? "none" : String.valueOf(s.headerRow()),
                    s.isCounted() ? String.valueOf(s.dataRows()) : "-",
                    s.isCounted() ? String.valueOf(s.columns()) : "-", String.join(", ", marks));
        }
        sheets.print(out);
        out.println();
        out.println(describe(i, defaultSheet(i)));
        for (int c = 0; c < i.columns().size(); c++) {
            out.println("  " + Columns.letter(c) + "  " + i.columns().get(c));
        }
        if (!i.issues().isEmpty()) {
            out.println();
            out.println("Notes:");
            for (SourceIssue issue : i.issues()) {
                out.println("  - " + issue.message());
            }
        }
    }

    /** One line on the sheet read by default: where its header is and how many rows and columns validate gets. */
    private static String describe(SourceInspection i, SheetInfo sheet) {
        if (i.columns().isEmpty() && sheet.dataRows() == 0) {
            return "Sheet " + i.defaultSheet() + ": no data";
        }
        String header = i.headerRow() > 0 ? "header in row " + i.headerRow() + ", " + plural(sheet.dataRows(),
                "data row") + " below it" : "no header row, " + plural(sheet.dataRows(), "data row");
        int named = i.columns().size();
        String columns = plural(named, "column") + (i.headerRow() > 0 ? "" : " named by letter");
        return "Sheet " + i.defaultSheet() + ": " + header + ", " + columns
                + (sheet.columns() > named ? " (data rows reach column " + Columns.letter(sheet.columns() - 1)
                + ", beyond the header)" : "");
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
