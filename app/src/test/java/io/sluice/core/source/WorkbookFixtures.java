package io.sluice.core.source;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Builds the same small workbook in XLSX and XLS: a hidden first sheet, then "Mixes" with junk rows above the header
 * (row 4), typed cells, cached formulas, errors and a merged title.
 */
final class WorkbookFixtures {

    static final String[] HEADER = {"Code", "Strength", "Ratio", "Cast on", "Checked", "Double", "Broken", "Share",
        "Stamp", "Sum", "Label", "Quotient"};

    private WorkbookFixtures() {
    }

    static void fill(Workbook wb) {
        CreationHelper helper = wb.getCreationHelper();
        Sheet notes = wb.createSheet("Notes");
        notes.createRow(0).createCell(0).setCellValue("internal");
        wb.setSheetHidden(0, true);

        Sheet sheet = wb.createSheet("Mixes");
        sheet.createRow(0).createCell(0).setCellValue("Concrete mixes");
        sheet.addMergedRegion(CellRangeAddress.valueOf("A1:D1"));
        sheet.createRow(2).createCell(0).setCellValue("Exported by the lab system");
        Row header = sheet.createRow(3);
        for (int i = 0; i < HEADER.length; i++) {
            header.createCell(i).setCellValue(HEADER[i]);
        }
        CellStyle twoDecimals = style(wb, helper.createDataFormat().getFormat("0.00"));
        CellStyle isoDate = style(wb, helper.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle percent = style(wb, helper.createDataFormat().getFormat("0%"));
        CellStyle stamp = style(wb, helper.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));

        Row row = sheet.createRow(4);
        row.createCell(0).setCellValue("00123");
        row.createCell(1).setCellValue(32.5);
        cell(row, 2, twoDecimals).setCellValue(0.4);
        cell(row, 3, isoDate).setCellValue(LocalDate.of(2024, 3, 15));
        row.createCell(4).setCellValue(true);
        row.createCell(5).setCellFormula("B5*2");
        row.createCell(6).setCellErrorValue(FormulaError.DIV0.getCode());
        cell(row, 7, percent).setCellValue(0.125);
        cell(row, 8, stamp).setCellValue(LocalDateTime.of(2024, 3, 15, 10, 30));
        row.createCell(9).setCellFormula("0.1+0.2");
        row.createCell(10).setCellFormula("\"ab\"&\"c\"");
        row.createCell(11).setCellFormula("1/0");

        Row second = sheet.createRow(6);
        second.createCell(0).setCellValue("00456");
        second.createCell(1).setCellValue(1234567.125);
        cell(second, 3, isoDate).setCellValue(60);
        second.createCell(4).setCellFormula("B7>2");

        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }

    /**
     * A sheet "Accounts" of numbers in column A and, beside the first two, the same digits as text in column B: two
     * identifiers of 17 digits, then 15 digits, 0.1 + 0.2, a long fraction and the largest 15-digit integer.
     */
    static void fillLongNumbers(Workbook wb) {
        Sheet sheet = wb.createSheet("Accounts");
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue("Number");
        header.createCell(1).setCellValue("Text");
        Row row = sheet.createRow(1);
        row.createCell(0).setCellValue(12345678901234567d); // stored as the double 12345678901234568
        row.createCell(1).setCellValue("12345678901234567");
        row = sheet.createRow(2);
        row.createCell(0).setCellValue(-1e16);
        row.createCell(1).setCellValue("-10000000000000000");
        double[] ordinary = {123456789012345d, 0.1 + 0.2, 12345678901234.567, 999999999999999d};
        for (int i = 0; i < ordinary.length; i++) {
            sheet.createRow(3 + i).createCell(0).setCellValue(ordinary[i]);
        }
    }

    static void write(Workbook wb, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }

    private static CellStyle style(Workbook wb, short format) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(format);
        return style;
    }

    private static org.apache.poi.ss.usermodel.Cell cell(Row row, int column, CellStyle style) {
        org.apache.poi.ss.usermodel.Cell cell = row.createCell(column);
        cell.setCellStyle(style);
        return cell;
    }
}
