package io.sluice.bench;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;

/**
 * Writes generated rows into a POI workbook (streaming SXSSF for .xlsx, HSSF for .xls) through the common usermodel
 * API: numbers as numeric cells, dates as date-formatted numeric cells, codes and faults as text.
 */
final class MixWorkbookWriter {

    static final String TITLE = "Concrete mix designs – lab database refresh";
    private static final String TEXT_DATE_PATTERN = "dd.MM.yyyy";
    private static final String[][] SUPPLIERS = {
        {"NORD", "Nordcem AB", "SE"}, {"ALPC", "Alpenzement GmbH", "AT"}, {"CEMS", "Cementos del Sur", "ES"},
        {"RHEI", "Rheinkalk Baustoffe", "DE"}, {"EVIA", "Cimenterie d'Évian", "FR"}};

    private final Workbook workbook;
    private final WorkbookLayout layout;
    private final List<MixColumn> columns;
    private final FormulaEvaluator evaluator;
    private final boolean streaming;
    private final CellStyle bold;
    private final CellStyle text;
    private final CellStyle date;
    private final CellStyle[] numberByScale = new CellStyle[4];
    private final DateTimeFormatter textDates = DateTimeFormatter.ofPattern(TEXT_DATE_PATTERN);

    MixWorkbookWriter(Workbook workbook, WorkbookLayout layout, List<MixColumn> columns) {
        this.workbook = workbook;
        this.layout = layout;
        this.columns = columns;
        this.evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        this.streaming = workbook instanceof SXSSFWorkbook;
        DataFormat formats = workbook.createDataFormat();
        Font boldFont = workbook.createFont();
        boldFont.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(boldFont);
        text = style(formats, "@");
        date = style(formats, "dd.mm.yyyy");
        String[] numberFormats = {"0", "0.0", "0.00", "0.000"};
        for (int scale = 0; scale < numberFormats.length; scale++) {
            numberByScale[scale] = style(formats, numberFormats[scale]);
        }
    }

    /** Writes all sheets; the caller writes the workbook to disk. */
    GenerationReport write(Iterator<MixRow> rows, LocalDateTime exportedAt, Path file) {
        Sheet mixes = workbook.createSheet(layout.sheetName());
        Sheet suppliers = layout.suppliersSheet() ? workbook.createSheet(WorkbookLayout.SUPPLIERS_SHEET) : null;
        Sheet lookup = layout.hiddenSheet() ? workbook.createSheet(WorkbookLayout.LOOKUP_SHEET) : null;
        for (int i = 0; i < columns.size(); i++) {
            mixes.setColumnWidth(i, (columns.get(i) == MixColumn.REMARKS ? 40 : 14) * 256);
        }
        int headerIndex = layout.headerRow() - 1;
        if (layout.junkRows()) {
            writeJunkRows(mixes, exportedAt);
        }
        Row header = mixes.createRow(headerIndex);
        for (int i = 0; i < columns.size(); i++) {
            textCell(header, i, columns.get(i).english(), bold);
        }
        mixes.createFreezePane(0, headerIndex + 1);
        FaultTally tally = new FaultTally();
        int rowIndex = headerIndex + 1;
        while (rows.hasNext()) {
            MixRow row = rows.next();
            writeRow(mixes.createRow(rowIndex++), row);
            tally.add(row, fault -> fault.withValue(TextValues.render(row.value(fault.column()), false, textDates,
                    TEXT_DATE_PATTERN, "")));
        }
        if (suppliers != null) {
            writeSuppliers(suppliers);
        }
        if (lookup != null) {
            writeLookup(lookup);
            workbook.setSheetHidden(workbook.getSheetIndex(lookup), true);
        }
        workbook.setActiveSheet(0);
        return tally.report(file, layout.headerRow() + 1L);
    }

    private void writeJunkRows(Sheet sheet, LocalDateTime exportedAt) {
        textCell(sheet.createRow(0), 0, TITLE, bold);
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, Math.max(1, Math.min(columns.size(), 8) - 1)));
        textCell(sheet.createRow(1), 0, "Exported from LabDB 4.2 on "
                + exportedAt.format(DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")), null);
        // Row 3 stays empty: the blank line between the export banner and the header.
    }

    private void writeRow(Row target, MixRow row) {
        for (int i = 0; i < columns.size(); i++) {
            MixColumn column = columns.get(i);
            Object value = row.value(column);
            if (column == MixColumn.W_C && wantsFormula(row)) {
                Cell cell = target.createCell(i);
                cell.setCellFormula(reference(target, MixColumn.WATER) + "/" + reference(target, MixColumn.CEMENT));
                cell.setCellStyle(numberByScale[column.scale()]);
                // Cache the result (a number or #DIV/0!) so readers that never evaluate still see a value.
                evaluator.evaluateFormulaCell(cell);
                // The evaluator caches every cell it has seen; a formula only reads its own row, so drop the cache
                // at once to keep memory flat over a million rows.
                evaluator.clearAllCachedResultValues();
            } else {
                valueCell(target, i, column, value);
            }
        }
    }

    private boolean wantsFormula(MixRow row) {
        boolean computable = row.value(MixColumn.CEMENT) instanceof BigDecimal
                && row.value(MixColumn.WATER) instanceof BigDecimal;
        boolean zeroCement = row.value(MixColumn.W_C) == SpreadsheetError.DIV_0;
        boolean turn = layout.formulaEvery() > 0 && row.number() % layout.formulaEvery() == 0;
        if (zeroCement && streaming) {
            // POI 5.4.1's SXSSF writes a formula with a cached error as malformed XML ("</f>><v>"), so the streaming
            // workbook carries the plain #DIV/0! error cell instead.
            return false;
        }
        return computable && (zeroCement || turn);
    }

    private String reference(Row row, MixColumn column) {
        return new CellReference(row.getRowNum(), columns.indexOf(column)).formatAsString(false);
    }

    private void valueCell(Row target, int index, MixColumn column, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal d) {
            Cell cell = target.createCell(index);
            cell.setCellValue(d.doubleValue());
            cell.setCellStyle(numberByScale[column.scale()]);
        } else if (value instanceof Integer n) {
            Cell cell = target.createCell(index);
            cell.setCellValue(n);
            cell.setCellStyle(numberByScale[0]);
        } else if (value instanceof LocalDate d) {
            Cell cell = target.createCell(index);
            cell.setCellValue(d);
            cell.setCellStyle(date);
        } else if (value instanceof SpreadsheetError) {
            target.createCell(index).setCellErrorValue(FormulaError.DIV0.getCode());
        } else if (value instanceof ImpossibleDate d) {
            textCell(target, index, d.format(TEXT_DATE_PATTERN), text);
        } else {
            textCell(target, index, value.toString(), text);
        }
    }

    private void writeSuppliers(Sheet sheet) {
        Row header = sheet.createRow(0);
        String[] titles = {"Code", "Name", "Country"};
        for (int i = 0; i < titles.length; i++) {
            textCell(header, i, titles[i], bold);
            sheet.setColumnWidth(i, 24 * 256);
        }
        for (int r = 0; r < SUPPLIERS.length; r++) {
            Row row = sheet.createRow(r + 1);
            for (int i = 0; i < SUPPLIERS[r].length; i++) {
                textCell(row, i, SUPPLIERS[r][i], text);
            }
        }
    }

    private void writeLookup(Sheet sheet) {
        Row header = sheet.createRow(0);
        textCell(header, 0, "Age (days)", bold);
        textCell(header, 1, "Supplier", bold);
        int count = Math.max(MixRowSource.AGES.length, MixRowSource.SUPPLIER_CODES.length);
        for (int r = 0; r < count; r++) {
            Row row = sheet.createRow(r + 1);
            if (r < MixRowSource.AGES.length) {
                row.createCell(0).setCellValue(MixRowSource.AGES[r]);
            }
            if (r < MixRowSource.SUPPLIER_CODES.length) {
                textCell(row, 1, MixRowSource.SUPPLIER_CODES[r], text);
            }
        }
    }

    private static void textCell(Row row, int index, String value, CellStyle style) {
        Cell cell = row.createCell(index);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private CellStyle style(DataFormat formats, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(formats.getFormat(format));
        return style;
    }
}
