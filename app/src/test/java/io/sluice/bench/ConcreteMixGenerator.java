package io.sluice.bench;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Generates concrete-mix rows in the style of a lab database refresh, with known faults at a chosen rate, and
 * writes them as CSV, XLSX (streaming, bounded memory) or XLS. The same options always give the same rows.
 * <p>
 * From the command line: with the class path of the {@code bench} profile (README, "Performance"),
 * {@code java -cp "$BENCH_CP" io.sluice.bench.ConcreteMixGenerator --rows 1000000
 * --columns 20 --format csv --out /tmp/mix.csv} (see {@link GeneratorArguments} for all options).
 */
public final class ConcreteMixGenerator {

    /** Rows in an SXSSF window: enough for formula evaluation within a row, small enough for any heap. */
    private static final int WINDOW = 100;

    private final GeneratorOptions options;

    public ConcreteMixGenerator(GeneratorOptions options) {
        this.options = options;
    }

    public GeneratorOptions options() {
        return options;
    }

    /** The columns written, in file order. */
    public List<MixColumn> columns() {
        return MixColumn.first(options.columns());
    }

    /** A fresh pass over the generated rows; every call yields the same sequence. */
    public Iterator<MixRow> rows() {
        return new MixRowSource(options);
    }

    public GenerationReport writeCsv(Path out, CsvLayout layout) throws IOException {
        return new MixCsvWriter(layout, columns()).write(rows(), out);
    }

    /** Writes an .xlsx through POI's streaming SXSSFWorkbook: memory stays bounded whatever the row count. */
    public GenerationReport writeXlsx(Path out, WorkbookLayout layout) throws IOException {
        XSSFWorkbook base = new XSSFWorkbook();
        // A fixed creation time keeps the document properties the same from run to run.
        base.getProperties().getCoreProperties().setCreated(Optional.of(
                Date.from(options.exportedAt().atZone(ZoneOffset.UTC).toInstant())));
        SXSSFWorkbook workbook = new SXSSFWorkbook(base, WINDOW, true, false);
        try {
            GenerationReport report = new MixWorkbookWriter(workbook, layout, columns())
                    .write(rows(), options.exportedAt(), out);
            save(workbook, out);
            return report;
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /** Writes a legacy .xls (HSSF, held in memory): at most 65,535 data rows, meant for small files. */
    public GenerationReport writeXls(Path out, WorkbookLayout layout) throws IOException {
        long limit = SpreadsheetVersion.EXCEL97.getMaxRows() - layout.headerRow();
        if (options.rows() > limit) {
            throw new IllegalArgumentException("An .xls sheet holds at most " + limit + " data rows below its header,"
                    + " not " + options.rows() + "; write .xlsx instead.");
        }
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            GenerationReport report = new MixWorkbookWriter(workbook, layout, columns())
                    .write(rows(), options.exportedAt(), out);
            save(workbook, out);
            return report;
        }
    }

    /** Writes in the given format; {@link OutputFormat} picks the layout. */
    public GenerationReport write(Path out, OutputFormat format, boolean plainWorkbook) throws IOException {
        WorkbookLayout workbookLayout = plainWorkbook ? WorkbookLayout.plain() : WorkbookLayout.labRefresh();
        return switch (format) {
            case CSV -> writeCsv(out, CsvLayout.english());
            case CSV_BOM -> writeCsv(out, CsvLayout.english().withBom());
            case CSV_1252 -> writeCsv(out, CsvLayout.german());
            case XLSX -> writeXlsx(out, workbookLayout);
            case XLS -> writeXls(out, workbookLayout);
        };
    }

    private static void save(Workbook workbook, Path out) throws IOException {
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            workbook.write(stream);
        }
    }

    /** Command-line entry point; prints a one-line summary, or the reason on bad arguments (exit 2). */
    public static void main(String[] args) {
        GeneratorArguments arguments;
        try {
            arguments = GeneratorArguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(GeneratorArguments.USAGE);
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        try {
            GenerationReport report = new ConcreteMixGenerator(arguments.options())
                    .write(arguments.out(), arguments.format(), arguments.plainWorkbook());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("Wrote %,d rows (%,d with a planted fault) to %s in %.1f s.%n",
                    report.rows(), report.faultyRows(), report.file(), seconds);
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("Could not write " + arguments.out() + ": " + e.getMessage());
            System.exit(2);
        }
    }
}
