package io.sluice.core.export;

import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Counts what a back-to-sender workbook holds as its rows go by, and writes its summary sheet at the end. */
final class BackToSenderSummary {

    private static final int TOP = 50;

    private long rows;
    private long rowsWithErrors;
    private long errors;
    private long warnings;
    private final Map<String, Long> byRule = new HashMap<>();
    private final Map<String, Long> byColumn = new HashMap<>();
    private final Map<String, Long> byTable = new HashMap<>();
    private final Map<String, Long> bySheet = new LinkedHashMap<>();

    /** Counts one finding; {@code table} is its target table when the workbook serves several, else null. */
    void count(Finding f, String table) {
        if (f.severity() == Severity.ERROR) {
            errors++;
        } else {
            warnings++;
        }
        byRule.merge(f.rule(), 1L, Long::sum);
        byColumn.merge(f.column() == null ? "(whole row)" : f.column(), 1L, Long::sum);
        if (table != null) {
            byTable.merge(table, 1L, Long::sum);
        }
    }

    /** Counts one row written to that data sheet. */
    void row(Severity worst, String sheet) {
        rows++;
        if (worst == Severity.ERROR) {
            rowsWithErrors++;
        }
        bySheet.merge(sheet, 1L, Long::sum);
    }

    /** Announces a data sheet, so that one without rows is listed with 0. */
    void sheet(String sheet) {
        bySheet.putIfAbsent(sheet, 0L);
    }

    long rows() {
        return rows;
    }

    /**
     * Writes the summary sheet.
     *
     * @param about      label and value pairs saying what the rows come from (source file, sheet, profile, target)
     * @param dataSheets the data sheets' names, as the opening sentence names them
     */
    void writeSheet(Sheet sheet, XlsxStyles styles, List<String[]> about, List<String> dataSheets, long comments,
                    int maxComments) {
        Lines lines = new Lines(sheet, styles);
        lines.title("Rows sent back for fixing");
        String open = dataSheets.size() == 1 ? "Open sheet '" + dataSheets.get(0) + "'."
                : "Open sheets " + dataSheets.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", "))
                + ": each holds the rows to fix of the sheet of the same name.";
        lines.text(open + " Cells filled red have an error, yellow a warning; hover a cell"
                + " to read its comment. Fix the values, keep the header row and the column order, and send the file"
                + " back. Column '" + BackToSenderWriter.FINDINGS_COLUMN + "' lists every message of the row; '"
                + BackToSenderWriter.ROW_COLUMN + "' is the row's number in the original file.");
        lines.blank();
        for (String[] pair : about) {
            lines.pair(pair[0], pair[1]);
        }
        lines.pair("Written", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)).replace('T', ' '));
        lines.blank();
        lines.pair("Rows to fix", rows);
        if (dataSheets.size() > 1) {
            bySheet.forEach((name, n) -> lines.pair("  in sheet " + name, n));
        }
        lines.pair("Rows with errors", rowsWithErrors);
        lines.pair("Error findings", errors);
        lines.pair("Warning findings", warnings);
        lines.pair("Cells with a comment", comments);
        if (comments >= maxComments) {
            lines.text("Only the first " + maxComments + " cells got a comment (a spreadsheet slows down with more);"
                    + " every message is in column '" + BackToSenderWriter.FINDINGS_COLUMN + "'.");
        }
        lines.blank();
        if (!byTable.isEmpty()) {
            lines.counts("Findings by table", byTable);
            lines.blank();
        }
        lines.counts("Findings by rule", byRule);
        lines.blank();
        lines.counts("Findings by column", byColumn);
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 60 * 256);
    }

    /** Appends rows to the summary sheet; text is guarded because rule ids and headers come from the outside. */
    private static final class Lines {
        private final Sheet sheet;
        private final XlsxStyles styles;
        private int next;

        Lines(Sheet sheet, XlsxStyles styles) {
            this.sheet = sheet;
            this.styles = styles;
        }

        void title(String text) {
            sheet.createRow(next++).createCell(0).setCellValue(text);
            sheet.getRow(next - 1).getCell(0).setCellStyle(styles.title());
        }

        void text(String text) {
            sheet.createRow(next++).createCell(0).setCellValue(text);
        }

        void blank() {
            next++;
        }

        void pair(String label, String value) {
            Row row = sheet.createRow(next++);
            row.createCell(0).setCellValue(label);
            var cell = row.createCell(1);
            cell.setCellValue(value == null ? "" : value);
            cell.setCellStyle(styles.body(null, FormulaGuard.isRisky(value) ? XlsxStyles.Kind.QUOTED
                    : XlsxStyles.Kind.PLAIN));
        }

        void pair(String label, long value) {
            Row row = sheet.createRow(next++);
            row.createCell(0).setCellValue(label);
            row.createCell(1).setCellValue(value);
        }

        void counts(String heading, Map<String, Long> counts) {
            Row head = sheet.createRow(next++);
            head.createCell(0).setCellValue(heading);
            head.getCell(0).setCellStyle(styles.header(false));
            head.createCell(1).setCellValue("findings");
            head.getCell(1).setCellStyle(styles.header(false));
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(TOP)
                    .forEach(e -> {
                        Row row = sheet.createRow(next++);
                        var name = row.createCell(0);
                        name.setCellValue(e.getKey());
                        name.setCellStyle(styles.body(null, FormulaGuard.isRisky(e.getKey())
                                ? XlsxStyles.Kind.QUOTED : XlsxStyles.Kind.PLAIN));
                        row.createCell(1).setCellValue(e.getValue());
                    });
        }
    }
}
