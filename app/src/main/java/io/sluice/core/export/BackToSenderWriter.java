package io.sluice.core.export;

import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.review.ChangedCell;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceRow;
import io.sluice.core.validate.ReportSource;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
    public static final String ROW_COLUMN = UnmappedColumns.ROW_COLUMN;
    /** The trailing column holding each row's messages, so nothing is lost past the comment cap. */
    public static final String FINDINGS_COLUMN = UnmappedColumns.FINDINGS_COLUMN;
    /**
     * Comments kept by default. POI holds every comment in memory until the file is written, about 6 KB each
     * (measured: 200,000 failing rows peak at 97 MB of heap without comments, 220 MB with 20,000), so 10,000 cost
     * about 60 MB and the export stays within a 256 MB heap.
     */
    public static final int DEFAULT_MAX_COMMENTS = 10_000;
    static final String DEFAULT_SHEET = "Rows to fix";
    static final String SUMMARY_SHEET = "Sluice summary";

    private static final int ROW_WINDOW = 100;

    private final Path file;
    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final XlsxStyles styles;
    private final ReportSource source;
    private final FailedRowsSheet.Comments comments;
    private final BackToSenderSummary summary = new BackToSenderSummary();
    private final FailedRowsSheet sheet;
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
        this.comments = new FailedRowsSheet.Comments(maxComments);
        try {
            this.out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw CsvSink.failure(file.toString(), e);
        }
        this.workbook = new SXSSFWorkbook(ROW_WINDOW);
        workbook.setCompressTempFiles(true);
        this.styles = new XlsxStyles(workbook);
        this.sheet = new FailedRowsSheet(workbook, styles, source, columns, guardFormulas, comments, summary);
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
        sheet.write(row, reason, findings, null, List.of());
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
        sheet.write(original, reason, findings, null, changed);
    }

    /** Rows written so far. */
    public long rows() {
        return summary.rows();
    }

    /** Cells that got a comment. */
    public long comments() {
        return comments.written();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream o = out) {
            sheet.finish();
            List<String[]> about = List.of(new String[] {"Source file", fileName(source.path())},
                    new String[] {"Sheet", source.sheet()}, new String[] {"Profile", source.profileName()},
                    new String[] {"Target table", source.table()});
            summary.writeSheet(workbook.createSheet(summarySheetName(workbook)), styles, about,
                    List.of(sheet.name()), comments.written(), comments.max());
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

    /** The summary sheet's name, numbered when a data sheet already has it. */
    static String summarySheetName(SXSSFWorkbook workbook) {
        String name = SUMMARY_SHEET;
        for (int n = 2; workbook.getSheet(name) != null; n++) {
            name = SUMMARY_SHEET + " (" + n + ")";
        }
        return name;
    }

    /** The original sheet's name for a workbook, so that a profile naming the sheet reads the returned file. */
    static String dataSheetName(ReportSource source) {
        return FailedRowsSheet.dataSheetName(source);
    }

    static String fileName(String path) {
        if (path == null) {
            return "the source";
        }
        Path p = Path.of(path).getFileName();
        return p == null ? path : p.toString();
    }
}
