package io.sluice.bench;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MixWorkbookWriterTest {

    private static final GeneratorOptions OPTIONS = GeneratorOptions.defaults().withRows(300).withFaultRate(0.1);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void writesJunkRowsAMergedTitleTheHeaderAndAHiddenLookupSheet(String extension) throws IOException {
        try (Workbook workbook = write(extension)) {
            Sheet mixes = workbook.getSheetAt(0);

            assertThat(sheetNames(workbook)).containsExactly("Mixes", "Suppliers", "Lookup");
            assertThat(workbook.isSheetHidden(2)).isTrue();
            assertThat(workbook.isSheetHidden(1)).isFalse();
            assertThat(mixes.getRow(0).getCell(0).getStringCellValue()).isEqualTo(MixWorkbookWriter.TITLE);
            assertThat(mixes.getMergedRegions()).contains(CellRangeAddress.valueOf("A1:H1"));
            assertThat(mixes.getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("Exported from LabDB 4.2 on 14.03.2024 09:12");
            assertThat(mixes.getRow(2)).isNull();
            assertThat(mixes.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Mix Code");
            assertThat(mixes.getLastRowNum()).isEqualTo(3 + 300);
            assertThat(workbook.getSheet("Suppliers").getRow(5).getCell(1).getStringCellValue())
                    .isEqualTo("Cimenterie d'Évian");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void writesDatesAsDateCellsNumbersAsNumbersAndMixCodesAsText(String extension) throws IOException {
        try (Workbook workbook = write(extension)) {
            List<Row> rows = dataRows(workbook.getSheetAt(0));

            assertThat(rows).filteredOn(r -> r.getCell(MixColumn.CAST_DATE.ordinal()).getCellType() == CellType.NUMERIC)
                    .hasSizeGreaterThan(290)
                    .allSatisfy(r -> assertThat(DateUtil.isCellDateFormatted(r.getCell(MixColumn.CAST_DATE.ordinal())))
                            .isTrue());
            assertThat(rows).allSatisfy(r -> assertThat(r.getCell(MixColumn.MIX_CODE.ordinal()).getCellType())
                    .isEqualTo(CellType.STRING));
            assertThat(rows).anySatisfy(r -> assertThat(r.getCell(0).getStringCellValue()).matches("0[0-9]{4}-[A-Z]"));
            assertThat(rows).filteredOn(r -> r.getCell(MixColumn.STRENGTH.ordinal()).getCellType() == CellType.NUMERIC)
                    .hasSizeGreaterThan(290);
            assertThat(new DataFormatter().formatCellValue(rows.get(0).getCell(MixColumn.CAST_DATE.ordinal())))
                    .matches("[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void cachesTheValueOfEveryWaterCementFormula(String extension) throws IOException {
        try (Workbook workbook = write(extension)) {
            List<Cell> formulas = dataRows(workbook.getSheetAt(0)).stream()
                    .map(r -> r.getCell(MixColumn.W_C.ordinal()))
                    .filter(c -> c.getCellType() == CellType.FORMULA
                            && c.getCachedFormulaResultType() == CellType.NUMERIC)
                    .toList();

            assertThat(formulas).hasSizeGreaterThan(30).allSatisfy(cell -> {
                Row row = cell.getRow();
                double expected = row.getCell(MixColumn.WATER.ordinal()).getNumericCellValue()
                        / row.getCell(MixColumn.CEMENT.ordinal()).getNumericCellValue();
                assertThat(cell.getCellFormula()).isEqualTo("C%d/B%d".formatted(row.getRowNum() + 1,
                        row.getRowNum() + 1));
                assertThat(cell.getNumericCellValue()).isCloseTo(expected, within(1e-12));
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void showsDivisionByZeroWhereCementIsZero(String extension) throws IOException {
        try (Workbook workbook = write(extension)) {
            List<Cell> zeroCement = dataRows(workbook.getSheetAt(0)).stream()
                    .filter(r -> r.getCell(MixColumn.CEMENT.ordinal()).getCellType() == CellType.NUMERIC
                            && r.getCell(MixColumn.CEMENT.ordinal()).getNumericCellValue() == 0)
                    .map(r -> r.getCell(MixColumn.W_C.ordinal()))
                    .toList();

            assertThat(zeroCement).isNotEmpty().allSatisfy(cell -> {
                boolean error = cell.getCellType() == CellType.ERROR || (cell.getCellType() == CellType.FORMULA
                        && cell.getCachedFormulaResultType() == CellType.ERROR);
                assertThat(error).isTrue();
                assertThat(cell.getErrorCellValue()).isEqualTo(FormulaError.DIV0.getCode());
            });
        }
    }

    @Test
    void keepsTheHeaderInRowOneForAPlainWorkbook() throws IOException {
        Path file = dir.resolve("plain.xlsx");
        GenerationReport report = new ConcreteMixGenerator(OPTIONS).writeXlsx(file, WorkbookLayout.plain());

        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Mix Code");
            assertThat(report.firstDataRow()).isEqualTo(2);
        }
    }

    @Test
    void refusesMoreRowsThanAnXlsSheetHolds() {
        ConcreteMixGenerator generator = new ConcreteMixGenerator(OPTIONS.withRows(70_000));

        assertThatThrownBy(() -> generator.writeXls(dir.resolve("big.xls"), WorkbookLayout.labRefresh()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("An .xls sheet holds at most 65532 data rows below its header, not 70000; write .xlsx"
                        + " instead.");
    }

    private Workbook write(String extension) throws IOException {
        Path file = dir.resolve("mix." + extension);
        ConcreteMixGenerator generator = new ConcreteMixGenerator(OPTIONS);
        if (extension.equals("xlsx")) {
            generator.writeXlsx(file, WorkbookLayout.labRefresh());
        } else {
            generator.writeXls(file, WorkbookLayout.labRefresh());
        }
        return WorkbookFactory.create(file.toFile(), null, true);
    }

    private static List<Row> dataRows(Sheet sheet) {
        List<Row> rows = new ArrayList<>();
        for (int i = 4; i <= sheet.getLastRowNum(); i++) {
            rows.add(sheet.getRow(i));
        }
        return rows;
    }

    private static List<String> sheetNames(Workbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }
}
