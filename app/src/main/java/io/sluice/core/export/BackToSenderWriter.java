package io.sluice.core.export;

import io.sluice.core.review.CellChange;
import io.sluice.core.review.ChangedCell;
import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
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

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Writes the rows that failed as an XLSX workbook to send back to the data owner: the original header and cells in
 * the original column order (the header on the original header row, the sheet named like the original sheet, so that
 * the same profile reads the returned file), each offending cell filled by severity with its messages as a cell
 * comment, then the columns {@value #ROW_COLUMN} (the row number in the original file) and {@value #FINDINGS_COLUMN}
 * (every message of the row), and a summary sheet. Streams through POI's SXSSF: memory stays bounded whatever the row
 * count, except for cell comments, which POI keeps in memory: only the first {@code maxComments} cells get one.
 * A row written with {@link #writeOriginal} shows the owner's own values even where the steward's fixes or edits
 * changed them; each such cell's comment says what Sluice changed it to, by which fix, who and when, and the findings
 * column lists the changes too (see docs/decisions/0017). Close it to finish the file.
 */
public final class BackToSenderWriter implements AutoCloseable {

    /** The trailing column holding each row's number in the original file. */
    public static final String ROW_COLUMN = "Sluice row";
    /** The trailing column holding each row's messages, so nothing is lost past the comment cap. */
    public static final String FINDINGS_COLUMN = "Sluice findings";
    /**
     * Comments kept by default. POI holds every comment in memory until the file is written, about 6 KB each
     * (measured: 200,000 failing rows peak at 97 MB of heap without comments, 220 MB with 20,000), so 10,000 cost
     * about 60 MB and the export stays within a 256 MB heap.
     */
    public static final int DEFAULT_MAX_COMMENTS = 10_000;
    static final String DEFAULT_SHEET = "Rows to fix";
    static final String SUMMARY_SHEET = "Sluice summary";

    // Text that Excel's General format displays exactly as written: written as a number, so that a CSV's numbers
    // are numbers again (no "number stored as text" flags) and read back with the same text.
    private static final Pattern GENERAL_NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]{0,10})(?:\\.[0-9]*[1-9])?");
    private static final int ROW_WINDOW = 100;
    private static final String AUTHOR = "Sluice";

    private final Path file;
    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final Drawing<?> drawing;
    private final CreationHelper helper;
    private final XlsxStyles styles;
    private final ReportSource source;
    private final List<String> columns;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final boolean numbersFromText;
    private final boolean guard;
    private final int maxComments;
    private final BackToSenderSummary summary = new BackToSenderSummary();
    private final Severity[] worst;
    private final StringBuilder[] notes;
    private int nextRow;
    private long comments;
    private boolean closed;

    /**
     * @param file          the workbook to write (replaced if it exists)
     * @param source        where the rows come from: its sheet name and header row are kept
     * @param columns       the source headers, in file order
     * @param guardFormulas keep text that a spreadsheet would run as a formula as text even when edited (OWASP)
     * @param maxComments   cells that get a comment at most; every message is in {@value #FINDINGS_COLUMN} anyway
     */
    public BackToSenderWriter(Path file, ReportSource source, List<String> columns, boolean guardFormulas,
                              int maxComments) {
        this.file = file;
        this.source = source;
        this.columns = List.copyOf(columns);
        this.guard = guardFormulas;
        this.maxComments = maxComments;
        this.numbersFromText = SourceFormat.CSV.name().equals(source.format());
        this.worst = new Severity[columns.size()];
        this.notes = new StringBuilder[columns.size()];
        for (int i = columns.size() - 1; i >= 0; i--) {
            columnIndex.put(columns.get(i), i);
        }
        try {
            this.out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw CsvSink.failure(file.toString(), e);
        }
        this.workbook = new SXSSFWorkbook(ROW_WINDOW);
        workbook.setCompressTempFiles(true);
        this.styles = new XlsxStyles(workbook);
        this.helper = workbook.getCreationHelper();
        this.sheet = workbook.createSheet(dataSheetName(source));
        this.drawing = sheet.createDrawingPatriarch();
        writeHeader();
    }

    /** With {@link #DEFAULT_MAX_COMMENTS}. */
    public BackToSenderWriter(Path file, ReportSource source, List<String> columns, boolean guardFormulas) {
        this(file, source, columns, guardFormulas, DEFAULT_MAX_COMMENTS);
    }

    /**
     * Writes one failed row.
     *
     * @param row      the row as the owner sent it (or as the steward edited it)
     * @param reason   why the steward rejected it, or null
     * @param findings its findings, possibly empty
     */
    public void write(SourceRow row, String reason, List<Finding> findings) {
        writeRow(row, reason, findings, List.of());
    }

    /**
     * Writes one failed row with the values the owner sent, also in the cells the steward changed: the sender fixes
     * their own system, so they see their value, and the cell's comment says what it should be ("Sluice changed this
     * to 'NORD' (fix #3, replace: ..., by alice on 2026-12-06)").
     *
     * @param original the row as the owner sent it (no edits applied)
     * @param reason   why the steward rejected it, or null
     * @param findings its findings (on the values as changed), possibly empty
     * @param changed  the cells a fix or an edit changed, possibly empty
     */
    public void writeOriginal(SourceRow original, String reason, List<Finding> findings, List<ChangedCell> changed) {
        writeRow(original, reason, findings, changed);
    }

    private void writeRow(SourceRow row, String reason, List<Finding> findings, List<ChangedCell> changed) {
        Arrays.fill(worst, null);
        Arrays.fill(notes, null);
        Severity rowWorst = reason != null ? Severity.ERROR : null;
        StringBuilder all = new StringBuilder();
        if (reason != null) {
            all.append("Rejected: ").append(reason);
        }
        for (Finding f : findings) {
            summary.count(f);
            rowWorst = worse(rowWorst, f.severity());
            if (!all.isEmpty()) {
                all.append(" | ");
            }
            all.append(f.severity().label()).append(' ').append(f.rule());
            if (f.column() != null) {
                all.append(" (").append(f.column()).append(')');
            }
            all.append(": ").append(f.message());
            int c = columnOf(f);
            if (c >= 0) {
                worst[c] = worse(worst[c], f.severity());
                notes[c] = notes[c] == null ? new StringBuilder() : notes[c].append('\n');
                notes[c].append(capitalised(f.severity().label())).append(": ").append(f.message());
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
            if (notes[i] != null && comments < maxComments) {
                comment(target, notes[i].toString());
            }
        }
        r.createCell(columns.size()).setCellValue(row.number());
        SXSSFCell messages = r.createCell(columns.size() + 1);
        String text = all.toString();
        messages.setCellValue(text);
        messages.setCellStyle(styles.body(rowWorst, quoted(text)));
        summary.row(rowWorst);
        nextRow++;
    }

    /** Rows written so far. */
    public long rows() {
        return summary.rows();
    }

    /** Cells that got a comment. */
    public long comments() {
        return comments;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream o = out) {
            if (nextRow > source.headerRow()) {
                sheet.setAutoFilter(new CellRangeAddress(headerIndex(), nextRow - 1, 0, columns.size() + 1));
            }
            summary.writeSheet(workbook.createSheet(summarySheetName()), styles, source, sheet.getSheetName(),
                    comments, maxComments);
            workbook.write(o);
        } catch (IOException | RuntimeException e) {
            throw CsvSink.failure(file.toString(), e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException ignored) {
                // the temporary files are already removed by dispose(); nothing else is held
            }
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
        header(header, columns.size(), ROW_COLUMN);
        header(header, columns.size() + 1, FINDINGS_COLUMN);
        sheet.setColumnWidth(columns.size(), width(ROW_COLUMN));
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
        return "Rows to fix from " + fileName(source.path()) + " (sheet " + source.sheet() + "), checked with profile "
                + source.profileName();
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
        comments++;
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

    private String summarySheetName() {
        String name = SUMMARY_SHEET;
        for (int n = 2; workbook.getSheet(name) != null; n++) {
            name = SUMMARY_SHEET + " (" + n + ")";
        }
        return name;
    }

    /** The original sheet's name for a workbook, so that a profile naming the sheet reads the returned file. */
    static String dataSheetName(ReportSource source) {
        boolean workbook = !SourceFormat.CSV.name().equals(source.format());
        String name = workbook && source.sheet() != null ? source.sheet() : DEFAULT_SHEET;
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

    static String fileName(String path) {
        if (path == null) {
            return "the source";
        }
        Path p = Path.of(path).getFileName();
        return p == null ? path : p.toString();
    }
}
