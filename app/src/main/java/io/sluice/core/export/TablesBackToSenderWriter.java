package io.sluice.core.export;

import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceRow;
import io.sluice.core.tables.TableFinding;
import io.sluice.core.validate.ReportSource;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The back-to-sender workbook of a workbook validated onto several tables: one data sheet per source sheet the
 * profile reads, named like it, with its header on its header row (so the same profile reads the returned file), and
 * its failed rows as {@link BackToSenderWriter} writes them, each finding naming its table; then one summary sheet
 * with counts per sheet and per table. Sheets are written one after another, as the validation reads them; a sheet
 * without failed rows keeps its header. Streams; close it to finish the file.
 */
public final class TablesBackToSenderWriter implements AutoCloseable {

    private static final int ROW_WINDOW = 100;

    private final Path file;
    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final XlsxStyles styles;
    private final boolean guard;
    private final FailedRowsSheet.Comments comments;
    private final BackToSenderSummary summary = new BackToSenderSummary();
    private final Map<String, FailedRowsSheet> sheets = new LinkedHashMap<>();
    private final List<String[]> about;
    private boolean closed;

    /**
     * @param about         label and value pairs for the summary sheet (source file, profile, target)
     * @param guardFormulas keep text that a spreadsheet would run as a formula as text even when edited (OWASP)
     * @param maxComments   cells that get a comment at most, over all sheets
     */
    public TablesBackToSenderWriter(Path file, List<String[]> about, boolean guardFormulas, int maxComments) {
        this.file = file;
        this.about = List.copyOf(about);
        this.guard = guardFormulas;
        this.comments = new FailedRowsSheet.Comments(maxComments);
        try {
            this.out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw CsvSink.failure(file.toString(), e);
        }
        this.workbook = new SXSSFWorkbook(ROW_WINDOW);
        workbook.setCompressTempFiles(true);
        this.styles = new XlsxStyles(workbook);
    }

    /**
     * Adds the data sheet of one source sheet, with its header; call once per sheet, in the order to show them.
     *
     * @param source  the sheet: its name and header row are kept
     * @param columns its headers, in file order
     */
    public void addSheet(ReportSource source, List<String> columns) {
        if (sheets.containsKey(source.sheet())) {
            throw new IllegalArgumentException("Sheet " + source.sheet() + " is already in the workbook");
        }
        FailedRowsSheet sheet = new FailedRowsSheet(workbook, styles, source, columns, guard, comments, summary);
        summary.sheet(sheet.name());
        sheets.put(source.sheet(), sheet);
    }

    /**
     * Writes one failed source row to its sheet's data sheet, with the findings of every table on it.
     *
     * @param reason why the steward rejected it, or null
     */
    public void write(String sheet, SourceRow row, String reason, List<TableFinding> findings) {
        FailedRowsSheet data = sheets.get(sheet);
        if (data == null) {
            throw new IllegalArgumentException("Sheet " + sheet + " was not added");
        }
        List<Finding> each = new ArrayList<>(findings.size());
        List<String> tables = new ArrayList<>(findings.size());
        for (TableFinding f : findings) {
            each.add(f.finding());
            tables.add(f.table());
        }
        data.write(row, reason, each, tables, List.of());
    }

    /** Rows written so far, over all sheets. */
    public long rows() {
        return summary.rows();
    }

    /** Rows written to one sheet. */
    public long rows(String sheet) {
        FailedRowsSheet data = sheets.get(sheet);
        return data == null ? 0 : data.rows();
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
            sheets.values().forEach(FailedRowsSheet::finish);
            summary.writeSheet(workbook.createSheet(BackToSenderWriter.summarySheetName(workbook)), styles, about,
                    sheets.values().stream().map(FailedRowsSheet::name).toList(), comments.written(),
                    comments.max());
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
}
