package io.sluice.core.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file's reading as lines of text, to pin in {@code src/test/resources/writers/expected/}: what inspect says of the
 * file and each sheet, then every non-blank cell of every sheet (read without a header, so the header row is pinned
 * too) with its type, displayed text and, where it differs from the text, its typed value, and each row issue.
 */
final class PinnedReadings {

    private PinnedReadings() {
    }

    static List<String> describe(Path file) {
        List<String> lines = new ArrayList<>();
        SourceInspection inspection = Sources.inspect(file, SourceOptions.DEFAULTS);
        lines.add(String.join("\t", "file", inspection.format().name(), "encoding=" + inspection.encoding(),
                "delimiter=" + (inspection.delimiter() == null ? null : escape(inspection.delimiter().toString())),
                "sheet=" + inspection.defaultSheet(), "header=" + inspection.headerRow(),
                "columns=" + inspection.columns()));
        for (SourceIssue issue : inspection.issues()) {
            lines.add(String.join("\t", "file-issue", issue.kind(), at(issue)));
        }
        for (SheetInfo sheet : inspection.sheets()) {
            lines.add(String.join("\t", "sheet", sheet.name(), "hidden=" + sheet.hidden(), "rows=" + sheet.rows(),
                    "columns=" + sheet.columns(), "header=" + sheet.headerRow(), "data=" + sheet.dataRows()));
        }
        for (SheetInfo sheet : inspection.sheets()) {
            if (sheet.rows() == 0) {
                continue;
            }
            String name = inspection.format() == SourceFormat.CSV ? null : sheet.name();
            try (SourceTable table = Sources.open(file, new SourceOptions(name, null, true, null, null))) {
                for (SourceIssue issue : table.issues()) {
                    lines.add(String.join("\t", sheet.name(), "sheet-issue", issue.kind(), at(issue)));
                }
                SourceRow row;
                while ((row = table.next()) != null) {
                    for (int c = 0; c < row.cells().size(); c++) {
                        Cell cell = row.cell(c);
                        if (cell.type() == CellType.BLANK) {
                            continue;
                        }
                        String value = String.valueOf(cell.value());
                        lines.add(String.join("\t", sheet.name() + "!" + Columns.letter(c) + row.number(),
                                cell.type().name(), escape(cell.text()))
                                + (value.equals(cell.text()) ? "" : "\t= " + escape(value)));
                    }
                    for (SourceIssue issue : row.issues()) {
                        lines.add(String.join("\t", sheet.name() + "!" + at(issue), "issue", issue.kind()));
                    }
                }
            }
        }
        return lines;
    }

    private static String at(SourceIssue issue) {
        return (issue.column() == null ? "" : issue.column()) + issue.row();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n");
    }
}
