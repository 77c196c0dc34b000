package io.sluice.core.source;

import io.sluice.core.SluiceException;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static io.sluice.core.source.SourceTestSupport.readAll;
import static io.sluice.core.source.SourceTestSupport.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class XlsReaderTest {

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void createWorkbook() throws IOException {
        file = dir.resolve("mixes.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            WorkbookFixtures.fill(wb);
            WorkbookFixtures.write(wb, file);
        }
    }

    @Test
    void listsAllSheetsAndFindsTheHeaderOfTheFirstVisibleOne() {
        SourceInspection inspection = Sources.inspect(file, SourceOptions.DEFAULTS);
        assertThat(inspection.format()).isEqualTo(SourceFormat.XLS);
        assertThat(inspection.sheets()).containsExactly(
                new SheetInfo("Notes", true, 1, 1, 1, 0),
                new SheetInfo("Mixes", false, 5, 12, 4, 2));
        assertThat(inspection.defaultSheet()).isEqualTo("Mixes");
        assertThat(inspection.headerRow()).isEqualTo(4);
        assertThat(inspection.columns()).containsExactly(WorkbookFixtures.HEADER);
        assertThat(inspection.issues()).containsExactly(new SourceIssue("merged-cells", 1, "A",
                "Cells A1:D1 are merged; only A1 holds the value."));
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
            assertThat(row.cell(3)).isEqualTo(Cell.date("2024-03-15", LocalDate.of(2024, 3, 15)));
            assertThat(row.cell(6)).isEqualTo(Cell.error("#DIV/0!"));
            assertThat(row.cell(8)).isEqualTo(Cell.dateTime("2024-03-15 10:30", LocalDateTime.of(2024, 3, 15, 10, 30)));
            assertThat(row.cell(11)).isEqualTo(Cell.error("#DIV/0!"));
            assertThat(row.issues()).extracting(SourceIssue::kind).containsExactly("error-cell", "error-cell");

            SourceRow second = table.next();
            assertThat(second.number()).isEqualTo(7);
            assertThat(second.cell(3)).isEqualTo(Cell.text("1900-02-29"));
            assertThat(second.issues()).extracting(SourceIssue::kind).containsExactly("impossible-date");
            assertThat(table.next()).isNull();
        }
    }

    @Test
    void warnsThatANumberOfMoreThan15DigitsMayBeRoundedButNotTheSameDigitsAsText() throws IOException {
        Path ids = dir.resolve("ids.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            WorkbookFixtures.fillLongNumbers(wb);
            WorkbookFixtures.write(wb, ids);
        }
        try (SourceTable table = Sources.open(ids, SourceOptions.DEFAULTS)) {
            List<SourceRow> rows = readAll(table);
            assertThat(rows).hasSize(6);
            assertThat(rows.get(0).cell(0).text()).isEqualTo("12345678901234568");
            assertThat(rows.get(0).cell(1)).isEqualTo(Cell.text("12345678901234567"));
            assertThat(rows.get(0).issues()).extracting(SourceIssue::kind, SourceIssue::row, SourceIssue::column)
                    .containsExactly(Tuple.tuple("rounded-number", 2L, "A"));
            assertThat(rows.get(1).issues()).extracting(SourceIssue::kind).containsExactly("rounded-number");
            assertThat(rows.subList(2, rows.size())).allSatisfy(r -> assertThat(r.issues()).isEmpty());
        }
    }

    @Test
    void readsDatesOfThe1904DateSystem() throws IOException {
        Path mac = dir.resolve("mac.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            DateWindow1904Record window = (DateWindow1904Record) wb.getInternalWorkbook()
                    .findFirstRecordBySid(DateWindow1904Record.sid);
            window.setWindowing((short) 1);
            var sheet = wb.createSheet("Data");
            sheet.createRow(0).createCell(0).setCellValue("Cast on");
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            var cell = sheet.createRow(1).createCell(0);
            cell.setCellStyle(style);
            cell.setCellValue(45366 - 1462);
            WorkbookFixtures.write(wb, mac);
        }
        try (SourceTable table = Sources.open(mac, SourceOptions.DEFAULTS)) {
            assertThat(table.next().cell(0)).isEqualTo(Cell.date("15/03/2024", LocalDate.of(2024, 3, 15)));
        }
    }

    @Test
    void rejectsAPasswordProtectedWorkbook() throws IOException {
        Path locked = dir.resolve("locked.xls");
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            wb.createSheet("Data").createRow(0).createCell(0).setCellValue("Name");
            WorkbookFixtures.write(wb, locked);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        assertThatThrownBy(() -> Sources.open(locked, SourceOptions.DEFAULTS))
                .isInstanceOf(SluiceException.class)
                .hasMessage("locked.xls: is password-protected; remove the password in Excel and try again.");
    }

    @Test
    void rejectsADamagedWorkbook() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Path damaged = dir.resolve("damaged.xls");
        Files.write(damaged, Arrays.copyOf(bytes, 600));
        assertThatThrownBy(() -> Sources.open(damaged, SourceOptions.DEFAULTS))
                .isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("damaged.xls: is not a valid Excel file");
    }
}
