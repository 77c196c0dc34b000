package io.sluice.core.export;

import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import io.sluice.core.source.Cell;
import io.sluice.core.validate.ReportSource;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.sluice.core.export.ExportFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

class BackToSenderWriterTest {

    private static final List<String> HEADERS = List.of("Mix", "Cast on", "W/C", "Note");

    @TempDir
    Path dir;

    static ReportSource source(String format, String sheet, long headerRow) {
        return new ReportSource("/data/lab." + format.toLowerCase(), "abc", format, sheet, headerRow, "lab-profile",
                null, "def", "jdbc:h2:mem:x", "PUBLIC.CONCRETE_MIX");
    }

    private Path writeOne(ReportSource source, boolean guard, List<String> headers, Cell... cells) {
        Path file = dir.resolve("back.xlsx");
        try (BackToSenderWriter writer = new BackToSenderWriter(file, source, headers, guard)) {
            writer.write(row(2, cells), null, List.of());
        }
        return file;
    }

    @Test
    void keepsOriginalValuesFillsOffendingCellsBySeverityAndCommentsTheirMessages() throws IOException {
        Path file = dir.resolve("back.xlsx");
        List<Finding> findings = List.of(
                new Finding(17, "W/C", "C17", "W_C_RATIO", "range", Severity.ERROR, "W/C 1.35 is above 0.7.", "1.35"),
                new Finding(17, "Cast on", "B17", "CAST_DATE", "future", Severity.WARNING, "Cast date is late.", null),
                new Finding(17, null, null, null, "row-check", Severity.WARNING, "Row looks odd.", null));
        try (BackToSenderWriter writer = new BackToSenderWriter(file, source("XLSX", "Mixes", 1), HEADERS, true)) {
            writer.write(row(17, Cell.text("00123"), Cell.date("03.02.2024", LocalDate.of(2024, 2, 3)),
                    Cell.number("1.35", new BigDecimal("1.35")), Cell.text("ok")), null, findings);
            writer.write(row(18, Cell.text("M2")), "Lab will resend", List.of());
            assertThat(writer.rows()).isEqualTo(2);
            assertThat(writer.comments()).isEqualTo(2);
        }

        try (XSSFWorkbook book = open(file)) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Mixes");
            assertThat(texts(sheet.getRow(0))).containsExactly("Mix", "Cast on", "W/C", "Note",
                    BackToSenderWriter.ROW_COLUMN, BackToSenderWriter.FINDINGS_COLUMN);
            XSSFRow first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("00123");
            assertThat(first.getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 2, 3));
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(1.35);
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(17);
            assertThat(first.getCell(5).getStringCellValue())
                    .isEqualTo("error range (W/C): W/C 1.35 is above 0.7. | warning future (Cast on): Cast date is"
                            + " late. | warning row-check: Row looks odd.");
            assertThat(fill(first.getCell(2))).isEqualTo(XlsxStyles.ERROR_FILL);
            assertThat(fill(first.getCell(1))).isEqualTo(XlsxStyles.WARNING_FILL);
            assertThat(fill(first.getCell(0))).isNull();
            assertThat(fill(first.getCell(5))).isEqualTo(XlsxStyles.ERROR_FILL);
            XSSFComment comment = first.getCell(2).getCellComment();
            assertThat(comment.getString().getString()).isEqualTo("Error: W/C 1.35 is above 0.7.");
            assertThat(comment.getAuthor()).isEqualTo("Sluice");
            assertThat(first.getCell(1).getCellComment().getString().getString())
                    .isEqualTo("Warning: Cast date is late.");
            assertThat(first.getCell(0).getCellComment()).isNull();
            XSSFRow second = sheet.getRow(2);
            assertThat(second.getCell(5).getStringCellValue()).isEqualTo("Rejected: Lab will resend");

            XSSFSheet summary = book.getSheet(BackToSenderWriter.SUMMARY_SHEET);
            assertThat(book.getSheetIndex(summary)).isEqualTo(1);
            List<String> lines = new ArrayList<>();
            summary.forEach(r -> lines.add(String.join("=", texts((XSSFRow) r))));
            assertThat(lines).contains("Source file=lab.xlsx", "Profile=lab-profile", "Rows to fix=2",
                    "Rows with errors=2", "Error findings=1", "Warning findings=2", "Cells with a comment=2",
                    "range=1", "future=1", "row-check=1", "W/C=1", "(whole row)=1");
        }
    }

    @Test
    void keepsTheOriginalHeaderRowSoTheProfileStillFindsIt() throws IOException {
        Path file = writeOne(source("XLSX", "Mixes", 4), true, HEADERS, Cell.text("M1"));
        try (XSSFWorkbook book = open(file)) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("Rows to fix from lab.xlsx");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Mix");
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("M1");
        }
    }

    @Test
    void writesTheNumbersOfACsvAsNumbersAndKeepsOtherTextAsWritten() throws IOException {
        Path file = writeOne(source("CSV", "lab.csv", 1), true, List.of("a", "b", "c", "d", "e", "f"),
                Cell.text("-309.4"), Cell.text("00123"), Cell.text("350.0"), Cell.text("1,234.5"), Cell.text("42"),
                Cell.text("12345678901234567890"));
        try (XSSFWorkbook book = open(file)) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo(BackToSenderWriter.DEFAULT_SHEET);
            XSSFRow row = sheet.getRow(1);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(-309.4);
            assertThat(row.getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(42);
            for (int i : new int[] {1, 2, 3, 5}) {
                assertThat(row.getCell(i).getCellType()).as("column %d", i).isEqualTo(CellType.STRING);
            }
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("00123");
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("12345678901234567890");
        }
    }

    /** OWASP's CSV-injection payloads: in XLSX they stay text cells, marked to remain text when edited. */
    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "=cmd|' /C calc'!A0", "+1+1", "-1+1", "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1", "\r=1+1", "\n=1+1", "=HYPERLINK(\"http://evil.example\",\"click\")", "-A1"})
    void keepsFormulaPayloadsAsQuotedTextCells(String payload) throws IOException {
        Path file = writeOne(source("CSV", "lab.csv", 1), true, List.of(payload, "b"), Cell.text(payload),
                Cell.text("-12.5"));
        try (XSSFWorkbook book = open(file)) {
            XSSFSheet sheet = book.getSheetAt(0);
            XSSFCell header = sheet.getRow(0).getCell(0);
            XSSFCell value = sheet.getRow(1).getCell(0);
            for (XSSFCell cell : List.of(header, value)) {
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(payload);
                assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            }
            assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "@SUM(1)", "-A1"})
    void leavesPayloadsUnmarkedWithoutTheGuardButNeverWritesFormulas(String payload) throws IOException {
        Path file = writeOne(source("CSV", "lab.csv", 1), false, List.of("a"), Cell.text(payload));
        try (XSSFWorkbook book = open(file)) {
            XSSFCell value = book.getSheetAt(0).getRow(1).getCell(0);
            assertThat(value.getCellType()).isEqualTo(CellType.STRING);
            assertThat(value.getStringCellValue()).isEqualTo(payload);
            assertThat(value.getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    @Test
    void stopsCommentingAtTheCapButKeepsEveryMessageInTheFindingsColumn() throws IOException {
        Path file = dir.resolve("capped.xlsx");
        try (BackToSenderWriter writer = new BackToSenderWriter(file, source("CSV", "lab.csv", 1), List.of("a"),
                true, 2)) {
            for (int i = 0; i < 5; i++) {
                writer.write(row(i + 2, Cell.text("x" + i)), null, List.of(
                        new Finding(i + 2, "a", "A" + (i + 2), null, "bad", Severity.ERROR, "Bad " + i + ".", null)));
            }
            assertThat(writer.comments()).isEqualTo(2);
        }
        try (XSSFWorkbook book = open(file)) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(0).getCellComment()).isNotNull();
            assertThat(sheet.getRow(3).getCell(0).getCellComment()).isNull();
            assertThat(fill(sheet.getRow(5).getCell(0))).isEqualTo(XlsxStyles.ERROR_FILL);
            assertThat(sheet.getRow(5).getCell(2).getStringCellValue()).isEqualTo("error bad (a): Bad 4.");
            List<String> lines = new ArrayList<>();
            book.getSheet(BackToSenderWriter.SUMMARY_SHEET).forEach(r -> lines.add(texts((XSSFRow) r).get(0)));
            assertThat(lines).anyMatch(l -> l.startsWith("Only the first 2 cells got a comment"));
        }
    }

    /** Opened the way Excel users' tools do: POI's full (non-streaming) reader. */
    static XSSFWorkbook open(Path file) throws IOException {
        return new XSSFWorkbook(Files.newInputStream(file));
    }

    static byte[] fill(XSSFCell cell) {
        XSSFCellStyle style = cell.getCellStyle();
        return style.getFillForegroundXSSFColor() == null ? null : style.getFillForegroundXSSFColor().getRGB();
    }

    static List<String> texts(XSSFRow row) {
        List<String> texts = new ArrayList<>();
        row.forEach(c -> texts.add(c.getCellType() == CellType.NUMERIC
                ? BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString()
                : c.getStringCellValue()));
        return texts;
    }
}
