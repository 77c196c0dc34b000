package io.sluice.core.source;

import io.sluice.core.SluiceException;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static io.sluice.core.source.SourceTestSupport.readAll;
import static io.sluice.core.source.SourceTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsxReaderTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void createWorkbook() throws IOException {
        file = dir.resolve("mixes.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WorkbookFixtures.fill(wb);
            WorkbookFixtures.write(wb, file);
        }
    }

    @Test
    void listsAllSheetsAndPicksTheFirstVisibleOne() {
        SourceInspection inspection = Sources.inspect(file, SourceOptions.DEFAULTS);
        assertThat(inspection.format()).isEqualTo(SourceFormat.XLSX);
        assertThat(inspection.sheets()).containsExactly(
                new SheetInfo("Notes", true, 1, 1, 1, 0),
                new SheetInfo("Mixes", false, 5, 12, 4, 2));
        assertThat(inspection.defaultSheet()).isEqualTo("Mixes");
        assertThat(inspection.encoding()).isNull();
        assertThat(inspection.delimiter()).isNull();
    }

    @Test
    void findsTheHeaderPastJunkRows() {
        SourceInspection inspection = Sources.inspect(file, SourceOptions.DEFAULTS);
        assertThat(inspection.headerRow()).isEqualTo(4);
        assertThat(inspection.columns()).containsExactly(WorkbookFixtures.HEADER);
    }

    @Test
    void reportsMergedRangesAsSheetIssues() {
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            assertThat(table.issues()).containsExactly(new SourceIssue("merged-cells", 1, "A",
                    "Cells A1:D1 are merged; only A1 holds the value."));
        }
    }

    @Test
    void readsCellsAsExcelShowsThem() {
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            SourceRow row = table.next();
            assertThat(row.number()).isEqualTo(5);
            assertThat(texts(row)).containsExactly("00123", "32.5", "0.40", "2024-03-15", "TRUE", "65", "#DIV/0!",
                    "13%", "2024-03-15 10:30", "0.3", "abc", "#DIV/0!");
            assertThat(row.cell(0)).isEqualTo(Cell.text("00123"));
            assertThat(row.cell(1)).isEqualTo(Cell.number("32.5", new BigDecimal("32.5")));
            assertThat(row.cell(2).value()).isEqualTo(new BigDecimal("0.4"));
            assertThat(row.cell(3)).isEqualTo(Cell.date("2024-03-15", LocalDate.of(2024, 3, 15)));
            assertThat(row.cell(4)).isEqualTo(Cell.bool("TRUE", true));
            assertThat(row.cell(5).type()).isEqualTo(CellType.NUMBER);
            assertThat(row.cell(6)).isEqualTo(Cell.error("#DIV/0!"));
            assertThat(row.cell(8)).isEqualTo(Cell.dateTime("2024-03-15 10:30", LocalDateTime.of(2024, 3, 15, 10, 30)));
            assertThat(row.cell(9).value()).isEqualTo(new BigDecimal("0.30000000000000004"));
            assertThat(row.cell(11)).isEqualTo(Cell.error("#DIV/0!"));
            assertThat(row.issues()).extracting(SourceIssue::kind, SourceIssue::row, SourceIssue::column)
                    .containsExactly(Tuple.tuple("error-cell", 5L, "G"),
                            Tuple.tuple("error-cell", 5L, "L"));
            assertThat(row.issues().get(0).message()).isEqualTo("Cell G5 holds the Excel error #DIV/0!.");
        }
    }

    @Test
    void flagsTheImpossibleFirstOfMarch1900AndSkipsBlankRows() {
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS)) {
            table.next();
            SourceRow row = table.next();
            assertThat(row.number()).isEqualTo(7);
            assertThat(row.cell(1).text()).isEqualTo("1234567.125");
            assertThat(row.cell(3)).isEqualTo(Cell.text("1900-02-29"));
            assertThat(row.cell(4)).isEqualTo(Cell.bool("TRUE", true));
            assertThat(row.issues()).extracting(SourceIssue::kind).containsExactly("impossible-date");
            assertThat(table.next()).isNull();
        }
    }

    @Test
    void readsAHiddenSheetWhenNamed() {
        try (SourceTable table = Sources.open(file, SourceOptions.DEFAULTS.withSheet("Notes").withHeaderRow(1))) {
            assertThat(table.sheet()).isEqualTo("Notes");
            assertThat(table.columns()).containsExactly("internal");
            assertThat(table.next()).isNull();
        }
    }

    @Test
    void rejectsAnUnknownSheet() {
        assertThatThrownBy(() -> Sources.open(file, SourceOptions.DEFAULTS.withSheet("Nope")))
                .isInstanceOf(SluiceException.class)
                .hasMessage("mixes.xlsx: has no sheet named \"Nope\" (its sheets are \"Notes\", \"Mixes\").");
    }

    @Test
    void warnsThatANumberOfMoreThan15DigitsMayBeRoundedButNotTheSameDigitsAsText() throws IOException {
        Path ids = dir.resolve("ids.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            WorkbookFixtures.fillLongNumbers(wb); // POI writes 1.2345678901234568E16
            WorkbookFixtures.write(wb, ids);
        }
        try (SourceTable table = Sources.open(ids, SourceOptions.DEFAULTS)) {
            List<SourceRow> rows = readAll(table);
            assertThat(rows).hasSize(6);
            assertThat(rows.get(0).cell(0)).isEqualTo(Cell.number("12345678901234568",
                    new BigDecimal("12345678901234568")));
            assertThat(rows.get(0).issues()).containsExactly(new SourceIssue("rounded-number", 2, "A",
                    "Cell A2 holds the number 12345678901234568, but a spreadsheet keeps only about 15 significant"
                            + " digits of a number, so the digits after them may differ from what was typed; an"
                            + " identifier should be stored as text in the spreadsheet."));
            assertThat(rows.get(1).issues()).extracting(SourceIssue::kind, SourceIssue::column)
                    .containsExactly(Tuple.tuple("rounded-number", "A"));
            assertThat(rows.subList(2, rows.size())).allSatisfy(r -> assertThat(r.issues()).isEmpty());
        }
    }

    @Test
    void showsLongIntegersExactlyAndReadsInlineStrings() throws IOException {
        Path big = dir.resolve("big.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet("Data");
            sheet.createRow(0).createCell(0).setCellValue("Id");
            XSSFCell cell = (XSSFCell) sheet.createRow(1).createCell(0);
            cell.setCellValue(0);
            cell.getCTCell().setV("9007199254740993");
            sheet.createRow(2).createCell(0).setCellValue(0.1 + 0.2);
            sheet.createRow(3).createCell(0).setCellValue(1e20);
            WorkbookFixtures.write(wb, big);
        }
        try (SourceTable table = Sources.open(big, SourceOptions.DEFAULTS)) {
            assertThat(readAll(table)).extracting(r -> r.cell(0))
                    .containsExactly(Cell.number("9007199254740993", new BigDecimal("9007199254740993")),
                            Cell.number("0.3", new BigDecimal("0.30000000000000004")),
                            Cell.number("100000000000000000000", new BigDecimal("1.0E+20")));
        }
        Path inline = dir.resolve("inline.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
            var sheet = wb.createSheet("Streamed");
            sheet.createRow(0).createCell(0).setCellValue("Name");
            sheet.createRow(1).createCell(0).setCellValue("inline text");
            WorkbookFixtures.write(wb, inline);
            wb.dispose();
        }
        try (SourceTable table = Sources.open(inline, SourceOptions.DEFAULTS)) {
            assertThat(table.columns()).containsExactly("Name");
            assertThat(table.next().cell(0)).isEqualTo(Cell.text("inline text"));
        }
    }

    @Test
    void readsDatesOfThe1904DateSystem() throws IOException {
        Path mac = dir.resolve("mac.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var ct = wb.getCTWorkbook();
            (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            var sheet = wb.createSheet("Data");
            sheet.createRow(0).createCell(0).setCellValue("Cast on");
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            var cell = sheet.createRow(1).createCell(0);
            cell.setCellStyle(style);
            // 2024-03-15 is serial 45366 in the 1900 system and 1462 days less in the 1904 system.
            cell.setCellValue(45366 - 1462);
            WorkbookFixtures.write(wb, mac);
        }
        try (SourceTable table = Sources.open(mac, SourceOptions.DEFAULTS)) {
            assertThat(table.next().cell(0)).isEqualTo(Cell.date("15/03/2024", LocalDate.of(2024, 3, 15)));
        }
    }

    @Test
    void streamsALargeSheetRowByRow() throws IOException {
        Path large = dir.resolve("large.xlsx");
        int rows = 20_000;
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100)) {
            var sheet = wb.createSheet("Data");
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("n");
            header.createCell(1).setCellValue("label");
            for (int i = 1; i <= rows; i++) {
                var row = sheet.createRow(i);
                row.createCell(0).setCellValue(i);
                row.createCell(1).setCellValue("row " + i);
            }
            WorkbookFixtures.write(wb, large);
            wb.dispose();
        }
        assertThat(Sources.inspect(large, SourceOptions.DEFAULTS).sheets().get(0).rows()).isEqualTo(rows + 1);
        try (SourceTable table = Sources.open(large, SourceOptions.DEFAULTS)) {
            List<SourceRow> all = readAll(table);
            assertThat(all).hasSize(rows);
            assertThat(all.get(rows - 1).number()).isEqualTo(rows + 1);
            assertThat(texts(all.get(rows - 1))).containsExactly(Integer.toString(rows), "row " + rows);
        }
    }
}
