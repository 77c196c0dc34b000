package io.sluice.core.export;

import io.sluice.core.Severity;
import io.sluice.core.review.CellChange;
import io.sluice.core.review.ChangedCell;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.Cell;
import io.sluice.core.source.CellType;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceRow;
import io.sluice.core.validate.ReportSource;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One data sheet of a back-to-sender workbook: the original header on the original header row, then each failed row
 * with its original cells, offending cells filled by severity with their messages as a comment, and the columns
 * {@value BackToSenderWriter#ROW_COLUMN} and {@value BackToSenderWriter#FINDINGS_COLUMN}. A workbook holds one (a
 * single table) or one per source sheet (several tables); comments are counted against the workbook's cap.
 */
final class FailedRowsSheet {

    // Text that Excel's General format displays exactly as written: written as a number, so that a CSV's numbers
    // are numbers again (no "number stored as text" flags) and read back with the same text.
    private static final Pattern GENERAL_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]{0,10})(?:\\.[0-9]*[1-9])?");
    private static final String AUTHOR = "Sluice";

    /** The comments of one workbook: POI keeps them all in memory, so their number is capped per workbook. */
    static final class Comments {
        private final int max;
        private long written;

        Comments(int max) {
            this.max = max;
        }

        boolean left() {
            return written < max;
        }

        long written() {
            return written;
        }

        int max() {
            return max;
        }
    }

    private final SXSSFSheet sheet;
    private final Drawing<?> drawing;
    private final CreationHelper helper;
    private final XlsxStyles styles;
    private final ReportSource source;
    private final List<String> columns;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final boolean numbersFromText;
    private final boolean guard;
    private final Comments comments;
    private final BackToSenderSummary summary;
    private final Severity[] worst;
    private final StringBuilder[] notes;
    private int nextRow;
    private long rows;

    /**
     * Adds the sheet to {@code workbook} and writes its header.
     *
     * @param source  where the rows come from: its sheet name and header row are kept
     * @param columns the source headers, in file order
     * @param summary counts every row and finding written, for the workbook's summary sheet
     */
    FailedRowsSheet(SXSSFWorkbook workbook, XlsxStyles styles, ReportSource source, List<String> columns,
                    boolean guardFormulas, Comments comments, BackToSenderSummary summary) {
        this.styles = styles;
        this.source = source;
        this.columns = List.copyOf(columns);
        this.guard = guardFormulas;
        this.comments = comments;
        this.summary = summary;
        this.numbersFromText = SourceFormat.CSV.name().equals(source.format());
        this.worst = new Severity[columns.size()];
        this.notes = new StringBuilder[columns.size()];
        for (int i = columns.size() - 1; i >= 0; i--) {
            columnIndex.put(columns.get(i), i);
        }
        this.helper = workbook.getCreationHelper();
        this.sheet = workbook.createSheet(dataSheetName(source));
        this.drawing = sheet.createDrawingPatriarch();
        writeHeader();
    }

    /**
     * Writes one failed row.
     *
     * @param row      the row as the owner sent it (or as the steward edited it)
     * @param reason   why the steward rejected it, or null
     * @param findings its findings, possibly empty
     * @param tables   the target table of each finding, in the same order, or null when there is one table
     * @param changed  the cells a fix or an edit changed, possibly empty
     */
    void write(SourceRow row, String reason, List<Finding> findings, List<String> tables, List<ChangedCell> changed) {
        Arrays.fill(worst, null);
        Arrays.fill(notes, null);
        Severity rowWorst = reason != null ? Severity.ERROR : null;
        StringBuilder all = new StringBuilder();
        if (reason != null) {
            all.append("Rejected: ").append(reason);
        }
        for (int n = 0; n < findings.size(); n++) {
            Finding f = findings.get(n);
            String table = tables == null ? null : tables.get(n);
            summary.count(f, table);
            rowWorst = worse(rowWorst, f.severity());
            if (!all.isEmpty()) {
                all.append(" | ");
            }
            all.append(f.severity().label()).append(' ');
            if (table != null) {
                all.append(table).append(' ');
            }
            all.append(f.rule());
            if (f.column() != null) {
                all.append(" (").append(f.column()).append(')');
            }
            all.append(": ").append(f.message());
            int c = columnOf(f);
            if (c >= 0) {
                worst[c] = worse(worst[c], f.severity());
                notes[c] = notes[c] == null ? new StringBuilder() : notes[c].append('\n');
                notes[c].append(capitalised(f.severity().label())).append(": ");
                if (table != null) {
                    notes[c].append('(').append(table).append(") ");
                }
                notes[c].append(f.message());
            }
        }
        for (ChangedCell c : changed) {
            if (!all.isEmpty()) {
                all.append(" | ");
            }
            String name = c.column() < columns.size() ? columns.get(c.column()) : "column " + (c.column() + 1);
            all.append("Changed by Sluice (").append(name).append("): '").append(c.original()).append("' -> '")
                    .append(c.current()).append("' (").append(steps(c, CellChange::label, " then ")).append(')');
            if (c.column() < columns.size()) {
                int i = c.column();
                notes[i] = notes[i] == null ? new StringBuilder() : notes[i].append('\n');
                notes[i].append("Sluice changed this to '").append(c.current()).append("' (")
                        .append(steps(c, CellChange::phrase, "; then ")).append(')');
            }
        }
        SXSSFRow r = sheet.createRow(nextRow);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = row.cell(i);
            if (cell.type() == CellType.BLANK && worst[i] == null && notes[i] == null) {
                continue;
            }
            SXSSFCell target = r.createCell(i);
            writeValue(target, cell, worst[i]);
            if (notes[i] != null && comments.left()) {
                comment(target, notes[i].toString());
            }
        }
        r.createCell(columns.size()).setCellValue(row.number());
        SXSSFCell messages = r.createCell(columns.size() + 1);
        String text = all.toString();
        messages.setCellValue(text);
        messages.setCellStyle(styles.body(rowWorst, quoted(text)));
        summary.row(rowWorst, sheet.getSheetName());
        nextRow++;
        rows++;
    }

    /** Rows written to this sheet. */
    long rows() {
        return rows;
    }

    /** The sheet's name in the workbook. */
    String name() {
        return sheet.getSheetName();
    }

    /** Puts the filter on the header once every row is written. */
    void finish() {
        if (nextRow > source.headerRow()) {
            sheet.setAutoFilter(new CellRangeAddress(headerIndex(), nextRow - 1, 0, columns.size() + 1));
        }
    }

    private void writeHeader() {
        int headerAt = headerIndex();
        if (headerAt > 0) {
            sheet.createRow(0).createCell(0).setCellValue(banner());
            sheet.getRow(0).getCell(0).setCellStyle(styles.title());
            if (headerAt > 1) {
                sheet.createRow(1).createCell(0).setCellValue("Fix the cells filled red (errors) or yellow"
                        + " (warnings); each one's comment says what is wrong. Keep this header row and the columns"
                        + " as they are, then send the file back.");
            }
        }
        SXSSFRow header = sheet.createRow(headerAt);
        for (int i = 0; i < columns.size(); i++) {
            header(header, i, columns.get(i));
            sheet.setColumnWidth(i, width(columns.get(i)));
        }
        header(header, columns.size(), BackToSenderWriter.ROW_COLUMN);
        header(header, columns.size() + 1, BackToSenderWriter.FINDINGS_COLUMN);
        sheet.setColumnWidth(columns.size(), width(BackToSenderWriter.ROW_COLUMN));
        sheet.setColumnWidth(columns.size() + 1, 80 * 256);
        sheet.createFreezePane(0, headerAt + 1);
        nextRow = headerAt + 1;
    }

    private void header(SXSSFRow row, int column, String text) {
        SXSSFCell cell = row.createCell(column);
        cell.setCellValue(text);
        cell.setCellStyle(styles.header(guard && FormulaGuard.isRisky(text)));
    }

    /** 0-based row of the header: the original header row, so a profile naming it reads this file too. */
    private int headerIndex() {
        return (int) Math.max(0, source.headerRow() - 1);
    }

    private String banner() {
        return "Rows to fix from " + BackToSenderWriter.fileName(source.path()) + " (sheet " + source.sheet()
                + "), checked with profile " + source.profileName();
    }

    private void writeValue(SXSSFCell target, Cell cell, Severity severity) {
        switch (cell.type()) {
            case BLANK -> target.setCellStyle(styles.body(severity, XlsxStyles.Kind.PLAIN));
            case NUMBER -> {
                BigDecimal value = (BigDecimal) cell.value();
                target.setCellValue(value.doubleValue());
                String format = NumberFormats.of(cell.text(), value);
                target.setCellStyle(format == null ? styles.body(severity, XlsxStyles.Kind.PLAIN)
                        : styles.number(severity, format));
            }
            case DATE -> {
                target.setCellValue((LocalDate) cell.value());
                target.setCellStyle(styles.body(severity, XlsxStyles.Kind.DATE));
            }
            case DATETIME -> {
                target.setCellValue((LocalDateTime) cell.value());
                target.setCellStyle(styles.body(severity, XlsxStyles.Kind.DATE_TIME));
            }
            case BOOLEAN -> {
                target.setCellValue((Boolean) cell.value());
                target.setCellStyle(styles.body(severity, XlsxStyles.Kind.PLAIN));
            }
            case ERROR -> {
                if (FormulaError.isValidCode(errorCode(cell.text()))) {
                    target.setCellErrorValue(errorCode(cell.text()));
                } else {
                    target.setCellValue(cell.text());
                }
                target.setCellStyle(styles.body(severity, quoted(cell.text())));
            }
            default -> writeText(target, cell.text(), severity);
        }
    }

    private void writeText(SXSSFCell target, String text, Severity severity) {
        if (numbersFromText && GENERAL_NUMBER.matcher(text).matches() && significantDigits(text) <= 15) {
            target.setCellValue(Double.parseDouble(text));
            target.setCellStyle(styles.body(severity, XlsxStyles.Kind.PLAIN));
            return;
        }
        target.setCellValue(text);
        target.setCellStyle(styles.body(severity, quoted(text)));
    }

    private XlsxStyles.Kind quoted(String text) {
        return guard && FormulaGuard.isRisky(text) ? XlsxStyles.Kind.QUOTED : XlsxStyles.Kind.PLAIN;
    }

    private void comment(SXSSFCell cell, String text) {
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 4);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 3 + (int) text.chars().filter(ch -> ch == '\n').count());
        Comment comment = drawing.createCellComment(anchor);
        // the anchor places the box beside the cell; the address says which cell the comment belongs to
        comment.setAddress(cell.getAddress());
        comment.setString(helper.createRichTextString(text));
        comment.setAuthor(AUTHOR);
        cell.setCellComment(comment);
        comments.written++;
    }

    private int columnOf(Finding f) {
        if (f.column() != null) {
            Integer i = columnIndex.get(f.column());
            if (i != null) {
                return i;
            }
        }
        if (f.cell() != null) {
            int c = new CellReference(f.cell()).getCol();
            return c >= 0 && c < columns.size() ? c : -1;
        }
        return -1;
    }

    /** The original sheet's name for a workbook, so that a profile naming the sheet reads the returned file. */
    static String dataSheetName(ReportSource source) {
        boolean workbook = !SourceFormat.CSV.name().equals(source.format());
        String name = workbook && source.sheet() != null ? source.sheet() : BackToSenderWriter.DEFAULT_SHEET;
        return WorkbookUtil.createSafeSheetName(name);
    }

    private static byte errorCode(String text) {
        try {
            return FormulaError.forString(text).getCode();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static int significantDigits(String number) {
        int digits = 0;
        boolean leading = true;
        for (int i = 0; i < number.length(); i++) {
            char ch = number.charAt(i);
            if (ch >= '0' && ch <= '9') {
                leading &= ch == '0';
                if (!leading) {
                    digits++;
                }
            }
        }
        return digits;
    }

    private static int width(String header) {
        return Math.min(Math.max(header.length() + 2, 10), 40) * 256;
    }

    /** A fix and then an edit of the same cell: "fix #3 then edit". */
    private static String steps(ChangedCell cell, Function<CellChange, String> step, String then) {
        return cell.changes().stream().map(step).collect(Collectors.joining(then));
    }

    private static Severity worse(Severity a, Severity b) {
        return a == Severity.ERROR || b == Severity.ERROR ? Severity.ERROR : a != null ? a : b;
    }

    private static String capitalised(String label) {
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }
}
