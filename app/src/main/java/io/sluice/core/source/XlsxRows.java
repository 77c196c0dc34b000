package io.sluice.core.source;

import io.sluice.core.SluiceException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** The rows of one XLSX sheet streamed by fastexcel, cells converted the way Excel displays them. */
final class XlsxRows implements RawRows {

    private final Path file;
    private final String sheet;
    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final ExcelCells cells;
    private final SheetPartScan scan;

    /** @param scan the safety scan running beside the reading, or null when the sheet was scanned before */
    XlsxRows(Path file, String sheet, ReadableWorkbook workbook, Stream<Row> stream, SheetPartScan scan) {
        this.file = file;
        this.scan = scan;
        this.sheet = sheet;
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
        this.cells = new ExcelCells(workbook.isDate1904());
    }

    @Override
    public RawRow next() {
        try {
            if (scan != null) {
                scan.check();
            }
            if (!rows.hasNext()) {
                if (scan != null) {
                    scan.merges(); // the end of the sheet waits for the safety scan's verdict
                }
                return null;
            }
            return new RawRow(convert(rows.next()), 0);
        } catch (SluiceException e) {
            throw e;
        } catch (RuntimeException e) {
            if (scan != null) {
                scan.merges(); // a sheet that fails to parse may be a hostile one: the safety verdict comes first
            }
            throw Problems.input(file, "has a damaged sheet \"" + sheet + "\" that cannot be read ("
                    + e.getMessage() + ")", e);
        }
    }

    private SourceRow convert(Row row) {
        long number = row.getRowNum();
        int count = row.getCellCount();
        Cell[] converted = new Cell[count];
        List<SourceIssue> issues = null;
        int width = 0;
        for (int i = 0; i < count; i++) {
            org.dhatim.fastexcel.reader.Cell cell = row.getCell(i);
            Cell c;
            if (cell == null) {
                c = Cell.BLANK;
            } else {
                if (issues == null) {
                    issues = new ArrayList<>(0);
                }
                c = convert(cell, number, i, issues);
            }
            converted[i] = c;
            if (!c.isBlank()) {
                width = i + 1;
            }
        }
        List<Cell> list = Arrays.asList(width == count ? converted : Arrays.copyOf(converted, width));
        return new SourceRow(number, list, issues == null || issues.isEmpty() ? List.of() : List.copyOf(issues));
    }

    private Cell convert(org.dhatim.fastexcel.reader.Cell cell, long row, int column, List<SourceIssue> issues) {
        Object value = cell.getValue();
        switch (cell.getType()) {
            case EMPTY:
                return Cell.BLANK;
            case STRING:
                return Cell.text((String) value);
            case BOOLEAN:
                return ExcelCells.bool((Boolean) value);
            case ERROR:
                return ExcelCells.error(String.valueOf(cell.getRawValue()), row, column, issues);
            case NUMBER:
                return number(cell, (BigDecimal) value, row, column, issues);
            case FORMULA:
                // Only the value Excel cached when it last calculated; the formula is never evaluated here.
                if (value == null) {
                    return Cell.BLANK;
                }
                if (value instanceof BigDecimal number) {
                    return number(cell, number, row, column, issues);
                }
                if (value instanceof Boolean bool) {
                    return ExcelCells.bool(bool);
                }
                return ExcelCells.string(value.toString(), row, column, issues);
            default:
                return Cell.text(cell.getText());
        }
    }

    private Cell number(org.dhatim.fastexcel.reader.Cell cell, BigDecimal value, long row, int column,
                        List<SourceIssue> issues) {
        if (value == null) {
            return Cell.BLANK;
        }
        Integer formatId = cell.getDataFormatId();
        return cells.number(value, formatId == null ? 0 : formatId, cell.getDataFormatString(), row, column, issues);
    }

    @Override
    public void close() {
        if (scan != null) {
            scan.stop();
        }
        stream.close();
        try {
            workbook.close();
        } catch (IOException e) {
            // The file was only read; a failed close loses nothing.
        }
    }
}
