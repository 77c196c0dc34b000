package io.sluice.core.source;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipOutputStream;

import static io.sluice.core.source.SourceTestSupport.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** inspect counts every sheet the way validate reads it: the same data rows, the true column count. */
class SourceCountsTest {

    @TempDir
    Path dir;

    /**
     * A title row, a blank row, the header in row 3, data in rows 4-6 (one of them wider than the header) and, as
     * Excel leaves them when a steward formats whole rows, formatted but empty rows down to row 40.
     */
    private Path workbook(String extension) throws IOException {
        Path file = dir.resolve("counts." + extension);
        try (Workbook wb = extension.equals("xls") ? new HSSFWorkbook() : new XSSFWorkbook()) {
            fill(wb);
            WorkbookFixtures.write(wb, file);
        }
        return file;
    }

    private static void fill(Workbook wb) {
        Sheet sheet = wb.createSheet("Data");
        sheet.createRow(0).createCell(0).setCellValue("Monthly export");
        Row header = sheet.createRow(2);
        header.createCell(0).setCellValue("Code");
        header.createCell(1).setCellValue("Qty");
        for (int r = 3; r <= 5; r++) {
            Row row = sheet.createRow(r);
            row.createCell(0).setCellValue("C" + r);
            row.createCell(1).setCellValue(r);
        }
        sheet.getRow(5).createCell(3).setCellValue("late note");
        CellStyle yellow = wb.createCellStyle();
        yellow.setFillForegroundColor(IndexedColors.YELLOW.getIndex());
        yellow.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        for (int r = 6; r < 40; r++) {
            Row row = sheet.createRow(r);
            row.setRowStyle(yellow);
            row.createCell(0).setCellStyle(yellow);
            row.createCell(1).setCellValue("");
        }
        Sheet hidden = wb.createSheet("Codes");
        for (int r = 0; r < 4; r++) {
            Row row = hidden.createRow(r);
            for (int c = 0; c < 5; c++) {
                row.createCell(c).setCellValue(r == 0 ? "K" + c : "v" + r + c);
            }
        }
        wb.setSheetHidden(1, true);
    }

    private Path csv(String content) throws IOException {
        Path file = dir.resolve("counts.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static long rowsValidateReads(Path file, SourceOptions options) {
        try (SourceTable table = Sources.open(file, options)) {
            return readAll(table).size();
        }
    }

    private static SheetInfo sheet(SourceInspection inspection, String name) {
        return inspection.sheets().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void countsTheDataRowsValidateReadsAndNotFormattedEmptyRows(String extension) throws IOException {
        Path file = workbook(extension);
        SourceInspection inspection = Sources.inspect(file, SourceOptions.DEFAULTS);
        SheetInfo data = sheet(inspection, "Data");
        assertThat(data.headerRow()).isEqualTo(3);
        assertThat(data.dataRows()).isEqualTo(3).isEqualTo(rowsValidateReads(file, SourceOptions.DEFAULTS));
        assertThat(data.rows()).isEqualTo(5);
        assertThat(data.columns()).isEqualTo(4);
        assertThat(sheet(inspection, "Codes")).isEqualTo(new SheetInfo("Codes", true, 4, 5, 1, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void countsBelowAChosenHeaderRow(String extension) throws IOException {
        Path file = workbook(extension);
        SourceOptions fromRow4 = SourceOptions.DEFAULTS.withHeaderRow(4);
        SheetInfo data = sheet(Sources.inspect(file, fromRow4), "Data");
        assertThat(data.headerRow()).isEqualTo(4);
        assertThat(data.dataRows()).isEqualTo(2).isEqualTo(rowsValidateReads(file, fromRow4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<dimension ref=\"A1\"/>", ""})
    void countsColumnsWhateverTheSheetsDimensionSays(String dimension) throws IOException {
        // Older streaming writers (POI's SXSSF before 5.x among them) write <dimension ref="A1"/> whatever the sheet
        // holds; others write no dimension at all. Neither says how many columns there are.
        Path written = workbook("xlsx");
        Path file = dir.resolve("dimension.xlsx");
        String sheetXml = SheetXmlFixtures.part(written, "xl/worksheets/sheet1.xml")
                .replaceAll("<dimension ref=\"[^\"]*\"/>", dimension);
        SheetXmlFixtures.rewrite(Files.readAllBytes(written), file, Map.of("xl/worksheets/sheet1.xml", sheetXml));
        SourceInspection inspection = Sources.inspect(file, SourceOptions.DEFAULTS);
        assertThat(sheet(inspection, "Data").columns()).isEqualTo(4);
        assertThat(sheet(inspection, "Data").dataRows()).isEqualTo(3);
        assertThat(sheet(inspection, "Codes")).isEqualTo(new SheetInfo("Codes", true, 4, 5, 1, 3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            header and three rows                 | Code,Qty\\n1,2\\n3,4\\n5,6\\n                 | 3
            CRLF and blank lines at the end       | Code,Qty\\r\\n1,2\\r\\n3,4\\r\\n\\r\\n\\r\\n   | 2
            CR only                               | Code;Qty\\r1;2\\r3;4\\r                        | 2
            byte order mark and a header only     | \\uFEFFCode,Qty\\r\\n                           | 0
            """)
    void countsTheDataRowsOfACsvWithoutItsHeader(String shape, String content, long expected) throws IOException {
        Path file = csv(unescape(content.strip()));
        SheetInfo sheet = Sources.inspect(file, SourceOptions.DEFAULTS).sheets().get(0);
        assertThat(sheet.dataRows()).as(shape).isEqualTo(expected)
                .isEqualTo(rowsValidateReads(file, SourceOptions.DEFAULTS));
        assertThat(sheet.columns()).as(shape).isEqualTo(2);
    }

    @Test
    void countsACsvBelowAChosenHeaderRow() throws IOException {
        Path file = csv("Exported 2024-03-01\nCode,Qty,Unit\n1,2,kg\n3,4,kg\n");
        SourceOptions fromRow2 = SourceOptions.DEFAULTS.withHeaderRow(2);
        SourceInspection inspection = Sources.inspect(file, fromRow2);
        assertThat(inspection.sheets().get(0)).isEqualTo(new SheetInfo("counts.csv", false, 4, 3, 2, 2));
        assertThat(rowsValidateReads(file, fromRow2)).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            UTF-8 byte order mark only   | EFBBBF           | a byte order mark
            UTF-16 byte order mark only  | FFFE             | a byte order mark
            blank lines                  | 0D0A0D0A0A       | blank lines, spaces or empty fields
            spaces and tabs              | 2020090A20200A   | blank lines, spaces or empty fields
            empty fields                 | 3B3B0D0A3B3B0D0A | blank lines, spaces or empty fields
            BOM then blank lines         | EFBBBF0D0A0D0A   | blank lines, spaces or empty fields
            """)
    void refusesACsvWithoutDataAsEmpty(String shape, String hex, String reason) throws IOException {
        Path file = dir.resolve("empty.csv");
        Files.write(file, HexFormat.of().parseHex(hex));
        assertThatThrownBy(() -> Sources.inspect(file, SourceOptions.DEFAULTS)).as(shape)
                .isInstanceOf(SluiceException.class)
                .hasMessage("empty.csv: holds no data, only " + reason + ".");
        assertThatThrownBy(() -> Sources.open(file, SourceOptions.DEFAULTS)).as(shape)
                .isInstanceOf(SluiceException.class);
    }

    @Test
    void reportsASheetThatCannotBeReadWithTheChosenHeaderRowAndCountsTheOthers() throws IOException {
        Path file = workbook("xlsx");
        SourceInspection inspection = Sources.inspect(file, SourceOptions.DEFAULTS.withHeaderRow(6));
        assertThat(sheet(inspection, "Data").dataRows()).isZero();
        SheetInfo codes = sheet(inspection, "Codes");
        assertThat(codes.isCounted()).isFalse();
        assertThat(inspection.issues()).extracting(SourceIssue::message).contains("The sheet \"Codes\" cannot be read:"
                + " the sheet \"Codes\" has no row 6 to use as header.");
    }

    @Test
    void readsTheFirstSheetHoldingDataWhenTheFirstOneIsEmpty() throws IOException {
        Path file = dir.resolve("first-empty.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Cover");
            Sheet data = wb.createSheet("Data");
            data.createRow(0).createCell(0).setCellValue("Code");
            data.createRow(1).createCell(0).setCellValue("A1");
            WorkbookFixtures.write(wb, file);
        }
        SourceInspection inspection = Sources.inspect(file, SourceOptions.DEFAULTS);
        assertThat(inspection.defaultSheet()).isEqualTo("Data");
        assertThat(inspection.sheets()).containsExactly(new SheetInfo("Cover", false, 0, 0, 0, 0),
                new SheetInfo("Data", false, 2, 1, 1, 1));
        String why = "The first visible sheet \"Cover\" holds no data, so the sheet \"Data\" is read; name a sheet to"
                + " read another one.";
        assertThat(inspection.issues()).extracting(SourceIssue::message).containsExactly(why);
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            assertThat(table.sheet()).isEqualTo("Data");
            assertThat(table.issues()).extracting(SourceIssue::message).containsExactly(why);
            assertThat(readAll(table)).hasSize(1);
        }
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS.withSheet("Cover"))) {
            assertThat(table.issues()).extracting(SourceIssue::message)
                    .containsExactly("The sheet \"Cover\" holds no data.");
        }
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n").replace("\\uFEFF", "\uFEFF");
    }

    @Test
    void readsUtf16WrittenWithoutAByteOrderMark() throws IOException {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, "Name;City\r\nZoë;Köln\r\n", StandardCharsets.UTF_16LE);
        SourceInspection inspection = Sources.inspect(file, SourceOptions.DEFAULTS);
        assertThat(inspection.encoding()).isEqualTo("UTF-16LE");
        assertThat(inspection.columns()).containsExactly("Name", "City");
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            assertThat(SourceTestSupport.texts(table.next())).containsExactly("Zoë", "Köln");
        }
        Files.writeString(file, "Name,City\nA,B\n", StandardCharsets.UTF_16BE);
        assertThat(Sources.inspect(file, SourceOptions.DEFAULTS).encoding()).isEqualTo("UTF-16BE");
    }

    @Test
    void namesAnOpenDocumentSpreadsheetForWhatItIs() throws IOException {
        Path file = dir.resolve("sheet.ods");
        SheetXmlFixtures.rewrite(emptyZip(), file, Map.of("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                "content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>",
                "META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>"));
        assertThatThrownBy(() -> Sources.inspect(file, SourceOptions.DEFAULTS))
                .isInstanceOf(SluiceException.class)
                .hasMessage("sheet.ods: is an OpenDocument file (.ods, from LibreOffice or Google Sheets), which Sluice"
                        + " cannot read; save it as .xlsx.");
    }

    private static byte[] emptyZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ZipOutputStream(bytes).close();
        return bytes.toByteArray();
    }

    @Test
    void aCancelStopsTheCountOfALargeSheetAtItsNextPollInsteadOfReadingItThrough() throws IOException {
        StringBuilder text = new StringBuilder("Code,Qty\n");
        for (int i = 0; i < 50_000; i++) {
            text.append("M").append(i).append(',').append(i).append('\n');
        }
        Path file = csv(text.toString());
        AtomicInteger polls = new AtomicInteger();
        Progress cancelledOnFirstPoll = new Progress() {
            @Override
            public boolean isCancelled() {
                polls.incrementAndGet();
                return true;
            }
        };

        assertThatThrownBy(() -> Sources.inspect(file, SourceOptions.DEFAULTS, cancelledOnFirstPoll))
                .isInstanceOf(CancellationException.class).hasMessage("Reading counts.csv was cancelled.");
        assertThat(polls).hasValue(1);
        assertThat(Sources.inspect(file, SourceOptions.DEFAULTS, Progress.NONE).sheets().get(0).dataRows())
                .isEqualTo(50_000);
    }

    @Test
    void aCancelStopsTheSafetyScanOfAWorkbookBeforeAnyRowIsCounted() throws IOException {
        Path file = workbook("xlsx");
        Progress cancelled = new Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };

        // the sheet is far shorter than the rows between two polls of the count: only the scan can have stopped it
        assertThatThrownBy(() -> Sources.inspect(file, SourceOptions.DEFAULTS, cancelled))
                .isInstanceOf(CancellationException.class).hasMessage("Reading counts.xlsx was cancelled.");
    }
}
