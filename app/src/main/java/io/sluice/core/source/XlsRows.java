package io.sluice.core.source;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of one XLS sheet, cells converted the same way as XLSX cells. POI's cell class is written out in full: its
 * simple name is that of Sluice's own {@link Cell}.
 */
final class XlsRows implements RawRows {

    private final HSSFWorkbook workbook;
    private final Iterator<Row> rows;
    private final ExcelCells cells;

    XlsRows(HSSFWorkbook workbook, Sheet sheet, ExcelCells cells) {
        this.workbook = workbook;
        this.rows = sheet.rowIterator();
        this.cells = cells;
    }

    @Override
    public RawRow next() {
        if (!rows.hasNext()) {
            return null;
        }
        Row row = rows.next();
        long number = row.getRowNum() + 1L;
        int count = Math.max(0, row.getLastCellNum());
        Cell[] converted = new Cell[count];
        List<SourceIssue> issues = new ArrayList<>(0);
        int width = 0;
        for (int i = 0; i < count; i++) {
            org.apache.poi.ss.usermodel.Cell cell = row.getCell(i);
            Cell c = cell == null ? Cell.BLANK : convert(cell, number, i, issues);
            converted[i] = c;
            if (!c.isBlank()) {
                width = i + 1;
            }
        }
        return new RawRow(new SourceRow(number, Arrays.asList(Arrays.copyOf(converted, width)),
                issues.isEmpty() ? List.of() : List.copyOf(issues)), 0);
    }

    private Cell convert(org.apache.poi.ss.usermodel.Cell cell, long row, int column, List<SourceIssue> issues) {
        CellType type = cell.getCellType();
        boolean formula = type == CellType.FORMULA;
        if (formula) {
            // Only the value Excel cached when it last calculated; the formula is never evaluated here.
            type = cell.getCachedFormulaResultType();
        }
        switch (type) {
            case NUMERIC:
                CellStyle style = cell.getCellStyle();
                return cells.number(BigDecimal.valueOf(cell.getNumericCellValue()), style.getDataFormat(),
                        style.getDataFormatString(), row, column, issues);
            case STRING:
                String text = cell.getStringCellValue();
                return formula ? ExcelCells.string(text, row, column, issues) : Cell.text(text);
            case BOOLEAN:
                return ExcelCells.bool(cell.getBooleanCellValue());
            case ERROR:
                FormulaError error = FormulaError.forInt(cell.getErrorCellValue());
                return ExcelCells.error(error.getString(), row, column, issues);
            default:
                return Cell.BLANK;
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            // The file was only read; a failed close loses nothing.
        }
    }
}
