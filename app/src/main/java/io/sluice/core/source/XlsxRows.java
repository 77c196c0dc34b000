package io.sluice.core.source;

import io.sluice.core.SluiceException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rows of one XLSX sheet, cells converted the way Excel displays them: parsed by Sluice from the bytes the sheet's
 * safety scan checked ({@link SheetXmlRows}, decision 0047) where it can, else streamed by fastexcel, which reads on
 * from the first row Sluice's parser leaves to it. A sheet fastexcel
 * cannot read as written (values padded with whitespace, ISO dates, rows without numbers: legal shapes other tools
 * write) is read on from a {@link NormalizedCopy} of it, past the rows already handed out.
 * <p>fastexcel's cell class is written out in full: its simple name is that of Sluice's own {@link Cell}.
 */
final class XlsxRows implements RawRows {

    private final Path file;
    private final String sheet;
    private final int sheetIndex;
    /** The sheet's package part (e.g. xl/worksheets/sheet1.xml), null when unknown: then no normalized copy. */
    private final String part;
    private final boolean date1904;
    private final ExcelCells cells;
    private final SheetPartScan scan;
    private final Sheet fastexcelSheet;
    /** Sluice's own reading of the sheet's bytes; null once (or when) fastexcel reads the sheet. */
    private SheetXmlRows sheetXml;
    private ReadableWorkbook workbook;
    private Stream<Row> stream;
    private Iterator<Row> rows;
    private NormalizedCopy copy;
    private long lastRow;
    /** Reading the copy starts over: rows up to this one were handed out from the original already. */
    private long resumeAfter;

    /**
     * @param scan     the safety scan running beside the reading, or null when the sheet was scanned before
     * @param parseXml read the sheet's rows from the scan's bytes with {@link SheetXmlRows} (the workbook's package
     *                 then inflates the sheet itself, behind POI's limits, only if fastexcel has to read on)
     */
    XlsxRows(Path file, Sheet sheet, String part, ReadableWorkbook workbook, SheetPartScan scan, boolean parseXml)
            throws IOException {
        this.file = file;
        this.scan = scan;
        this.sheet = sheet.getName();
        this.sheetIndex = sheet.getIndex();
        this.part = part;
        this.workbook = workbook;
        this.date1904 = workbook.isDate1904();
        this.cells = new ExcelCells(date1904);
        this.fastexcelSheet = sheet;
        if (parseXml && scan != null) {
            this.sheetXml = new SheetXmlRows(new SheetXmlTokens(scan.bytes()), workbook, cells);
        } else {
            this.stream = sheet.openStream();
            this.rows = stream.iterator();
        }
    }

    @Override
    public RawRow next() {
        try {
            if (scan != null) {
                scan.check();
            }
            if (sheetXml != null) {
                SourceRow parsed = nextParsed();
                if (sheetXml != null) {
                    if (parsed == null) {
                        scan.merges(); // the end of the sheet waits for the safety scan's verdict
                        return null;
                    }
                    lastRow = parsed.number();
                    return new RawRow(parsed, 0);
                }
            }
            Row row = nextRow();
            if (row == null) {
                if (scan != null) {
                    scan.merges(); // the end of the sheet waits for the safety scan's verdict
                }
                return null;
            }
            lastRow = row.getRowNum();
            return new RawRow(convert(row), 0);
        } catch (SluiceException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            if (scan != null) {
                scan.merges(); // a sheet that fails to parse may be a hostile one: the safety verdict comes first
            }
            throw Problems.input(file, "has a damaged sheet \"" + sheet + "\" that cannot be read ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The next row read by Sluice's own parser, or null; on what it leaves to fastexcel, fastexcel reads on. */
    private SourceRow nextParsed() throws IOException {
        try {
            return sheetXml.next(lastRow);
        } catch (SheetXmlTokens.Unsupported | IOException e) {
            // IOException: the scan failed (its verdict is thrown below) or the bytes were abandoned (the merged
            // ranges were asked for before the end of the sheet): fastexcel reads on from the file itself
            sheetXml = null;
            if (scan != null) {
                scan.merges(); // the sheet passes the safety scan before fastexcel inflates it again
            }
            stream = fastexcelSheet.openStream();
            rows = stream.iterator();
            resumeAfter = lastRow;
            return null;
        }
    }

    private Row nextRow() throws IOException {
        while (true) {
            Row row;
            try {
                row = rows.hasNext() ? rows.next() : null;
            } catch (RuntimeException e) {
                if (copy != null || part == null) {
                    throw e;
                }
                readFromNormalizedCopy();
                continue;
            }
            if (row == null) {
                return null;
            }
            long number = row.getRowNum();
            if (resumeAfter > 0) {
                // The copy starts over: skip the rows handed out from the original, up to the last of them.
                if (number < resumeAfter) {
                    continue;
                }
                boolean lastHandedOut = number == resumeAfter;
                resumeAfter = 0;
                if (lastHandedOut) {
                    continue;
                }
            }
            if (number <= lastRow || number < 1) {
                if (copy == null && part != null) {
                    // fastexcel numbers rows without an r attribute from 0: read the copy, which numbers them.
                    readFromNormalizedCopy();
                    continue;
                }
                throw Problems.input(file, "has a damaged sheet \"" + sheet + "\": row " + number
                        + " comes after row " + lastRow + ", but rows must be in order");
            }
            if (number > WorksheetNormalizer.MAX_ROWS) {
                throw WorksheetNormalizer.beyondLimits(file, sheet, firstCellReference(row));
            }
            return row;
        }
    }

    private static String firstCellReference(Row row) {
        for (int i = 0; i < row.getCellCount(); i++) {
            if (row.getCell(i) != null) {
                return Columns.letter(i) + row.getRowNum();
            }
        }
        return "A" + row.getRowNum();
    }

    private void readFromNormalizedCopy() throws IOException {
        if (scan != null) {
            scan.merges(); // the original passes the safety scan before any copy is made of it
        }
        closeReader();
        copy = NormalizedCopy.of(file, sheet, part, date1904);
        workbook = new ReadableWorkbook(copy.path().toFile(), XlsxReader.OPTIONS);
        Sheet normalized = workbook.getSheet(sheetIndex).orElseThrow(
                () -> Problems.input(file, "has a damaged sheet \"" + sheet + "\" that cannot be read"));
        stream = normalized.openStream();
        rows = stream.iterator();
        resumeAfter = lastRow;
    }

    private SourceRow convert(Row row) {
        long number = row.getRowNum();
        int count = row.getCellCount();
        if (count > WorksheetNormalizer.MAX_COLUMNS) {
            int beyond = WorksheetNormalizer.MAX_COLUMNS;
            while (beyond < count - 1 && row.getCell(beyond) == null) {
                beyond++;
            }
            throw WorksheetNormalizer.beyondLimits(file, sheet, Columns.letter(beyond) + number);
        }
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
                    return ExcelCells.uncalculated(row, column, issues);
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
        return cells.number(value, cell.getRawValue(), formatId == null ? 0 : formatId, cell.getDataFormatString(),
                row, column, issues);
    }

    @Override
    public void close() {
        if (scan != null) {
            scan.stop();
        }
        closeReader();
        if (copy != null) {
            copy.close();
        }
    }

    private void closeReader() {
        if (stream != null) {
            stream.close();
        }
        try {
            workbook.close();
        } catch (IOException e) {
            // The file was only read; a failed close loses nothing.
        }
    }
}
