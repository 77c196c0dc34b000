package io.sluice.core.source;

import org.dhatim.fastexcel.reader.ReadableWorkbook;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a worksheet's {@code <sheetData>} read by Sluice itself from the bytes its safety scan inflated
 * ({@link SheetPartScan}), each row exactly as {@link XlsxRows} makes it from fastexcel's: the same cell types, the
 * same cached formula results, the same displays through {@link ExcelCells}. Shared strings and number formats are
 * still fastexcel's (the workbook's shared strings table, read as far as the sheet needs it, and its styles).
 * Whatever this reader does not read the way fastexcel does (a row or cell without its position, rows out of order,
 * ISO dates, whitespace around a value, anything beyond Excel's grid, XML it cannot tell is well-formed) throws
 * {@link SheetXmlTokens.Unsupported} before the row is handed out, and the sheet is read on by fastexcel from there.
 */
final class SheetXmlRows {

    private static final MethodHandle SHARED_STRINGS;
    private static final MethodHandle ITEM_AT;

    static {
        MethodHandle table = null;
        MethodHandle item = null;
        try {
            Method sst = ReadableWorkbook.class.getDeclaredMethod("getSharedStringsTable");
            sst.setAccessible(true);
            Method at = sst.getReturnType().getDeclaredMethod("getItemAt", int.class);
            at.setAccessible(true);
            table = MethodHandles.lookup().unreflect(sst);
            item = MethodHandles.lookup().unreflect(at);
        } catch (ReflectiveOperationException | RuntimeException e) {
            table = null;
            item = null;
        }
        SHARED_STRINGS = table;
        ITEM_AT = item;
    }

    private static final byte NUMBER = 0;
    private static final byte SHARED = 1;
    private static final byte FORMULA_STRING = 2;
    private static final byte BOOLEAN = 3;
    private static final byte ERROR = 4;
    private static final byte INLINE = 5;

    private final SheetXmlTokens xml;
    private final ExcelCells cells;
    private final List<String> formats;
    private final Map<String, String> formatStrings;
    private final Object sharedStrings;
    private boolean inSheetData;

    /** Masters of shared formulas by their si (null allowed, as fastexcel keeps them): whether the formula has text. */
    private final Map<Integer, Boolean> sharedFormulas = new HashMap<>();
    /** Ranges of array formulas: first row, first column, last row, last column (0-based). */
    private final List<int[]> arrayFormulas = new ArrayList<>();

    // The cells of the row being read, in the order written.
    private int count;
    private int[] column = new int[64];
    private int[] cellRow = new int[64];
    private byte[] kind = new byte[64];
    private int[] style = new int[64];
    private String[] raw = new String[64];
    private Object[] value = new Object[64];
    private boolean[] formula = new boolean[64];

    SheetXmlRows(SheetXmlTokens xml, ReadableWorkbook workbook, ExcelCells cells) {
        this.xml = xml;
        this.cells = cells;
        this.formats = workbook.getFormats();
        this.formatStrings = workbook.getNumFmtIdToFormat();
        try {
            this.sharedStrings = SHARED_STRINGS.invoke(workbook);
        } catch (Throwable e) {
            throw new IllegalStateException("fastexcel's shared strings table cannot be reached", e);
        }
    }

    /** Whether this fastexcel lets the shared strings table be read from here. */
    static boolean available() {
        return ITEM_AT != null;
    }

    /**
     * The next row, or null after {@code </sheetData>}.
     *
     * @param lastRow the number of the row handed out last (0 before the first)
     */
    SourceRow next(long lastRow) throws IOException {
        if (!inSheetData) {
            findSheetData();
        }
        int token = xml.next();
        if (token == SheetXmlTokens.END) {
            return null; // the tokens only return the end that matches <sheetData>
        }
        if (token != SheetXmlTokens.START || !xml.is("row")) {
            throw new SheetXmlTokens.Unsupported("something other than a row in sheetData");
        }
        long number = rowNumber();
        readCells();
        if (number <= lastRow || number > WorksheetNormalizer.MAX_ROWS) {
            throw new SheetXmlTokens.Unsupported("a row out of order or beyond Excel's grid");
        }
        return convert(number);
    }

    private void findSheetData() throws IOException {
        while (true) {
            int token = xml.next();
            if (token == SheetXmlTokens.EOF) {
                throw new SheetXmlTokens.Unsupported("no sheetData");
            }
            if (token == SheetXmlTokens.START && xml.is("sheetData")) {
                inSheetData = true;
                return;
            }
        }
    }

    private long rowNumber() {
        int r = xml.attribute("r");
        if (r < 0) {
            throw new SheetXmlTokens.Unsupported("a row without its number");
        }
        long number = digits(xml.valueStart(r), xml.valueEnd(r));
        if (number < 1 || number > Integer.MAX_VALUE) {
            throw new SheetXmlTokens.Unsupported("a row number fastexcel reads otherwise");
        }
        return number;
    }

    /** The value of plain decimal digits (at most nine), or -1. */
    private long digits(int start, int end) {
        if (start == end || end - start > 9) {
            return -1;
        }
        long n = 0;
        for (int i = start; i < end; i++) {
            byte b = xml.at(i);
            if (b < '0' || b > '9') {
                return -1;
            }
            n = n * 10 + (b - '0');
        }
        return n;
    }

    private void readCells() throws IOException {
        count = 0;
        while (true) {
            int token = xml.next();
            if (token == SheetXmlTokens.END) {
                return; // </row>
            }
            if (token != SheetXmlTokens.START || !xml.is("c")) {
                throw new SheetXmlTokens.Unsupported("something other than a cell in a row");
            }
            readCell();
        }
    }

    private void readCell() throws IOException {
        if (count == column.length) {
            grow();
        }
        int c = count;
        int r = xml.attribute("r");
        if (r < 0) {
            throw new SheetXmlTokens.Unsupported("a cell without its position");
        }
        int start = xml.valueStart(r);
        int end = xml.valueEnd(r);
        int col = 0;
        int i = start;
        while (i < end && i - start < 3 && xml.at(i) >= 'A' && xml.at(i) <= 'Z') {
            col = col * 26 + (xml.at(i) - 'A' + 1);
            i++;
        }
        long refRow = digits(i, end);
        if (i == start || refRow < 0) {
            throw new SheetXmlTokens.Unsupported("a cell reference Sluice does not read");
        }
        col--;
        if (col >= WorksheetNormalizer.MAX_COLUMNS) {
            throw new SheetXmlTokens.Unsupported("a cell beyond Excel's last column");
        }
        column[c] = col;
        cellRow[c] = (int) refRow - 1;
        byte k = type();
        kind[c] = k;
        int s = xml.attribute("s");
        if (s < 0) {
            style[c] = -1;
        } else {
            long index = digits(xml.valueStart(s), xml.valueEnd(s));
            if (index < 0) {
                throw new SheetXmlTokens.Unsupported("a style index Sluice does not read");
            }
            style[c] = (int) index;
        }
        raw[c] = null;
        value[c] = null;
        formula[c] = false;
        String formulaText = null;
        boolean sawValue = false;
        while (true) {
            int token = xml.next();
            if (token == SheetXmlTokens.END) {
                break; // </c>
            }
            if (xml.is("v")) {
                String text = elementText();
                if (k == SHARED) {
                    if (!sawValue) {
                        raw[c] = text; // fastexcel takes the first value of a shared-string cell
                    }
                } else if (k != INLINE) {
                    raw[c] = text; // and the last of any other cell
                }
                sawValue = true;
            } else if (xml.is("f")) {
                String found = formula(k, c);
                if (k != SHARED) {
                    formulaText = found;
                }
            } else if (xml.is("is") && k == INLINE) {
                raw[c] = inlineText();
            } else {
                throw new SheetXmlTokens.Unsupported("an element Sluice does not read in a cell");
            }
        }
        if (k == INLINE) {
            formula[c] = formulaText != null; // fastexcel counts even an empty formula here
        } else if (k != SHARED) {
            formula[c] = (formulaText != null && !formulaText.isEmpty()) || inArrayFormula(cellRow[c], col);
        }
        value[c] = parse(k, raw[c]);
        count++;
    }

    private byte type() {
        int t = xml.attribute("t");
        if (t < 0 || xml.valueIs(t, "n")) {
            return NUMBER;
        }
        if (xml.valueIs(t, "s")) {
            return SHARED;
        }
        if (xml.valueIs(t, "str")) {
            return FORMULA_STRING;
        }
        if (xml.valueIs(t, "b")) {
            return BOOLEAN;
        }
        if (xml.valueIs(t, "e")) {
            return ERROR;
        }
        if (xml.valueIs(t, "inlineStr")) {
            return INLINE;
        }
        throw new SheetXmlTokens.Unsupported("a cell type Sluice does not read here (e.g. an ISO date)");
    }

    /** The text of a value or formula element, which must hold no element. */
    private String elementText() throws IOException {
        xml.collect(true);
        int token = xml.next();
        xml.collect(false);
        if (token != SheetXmlTokens.END) {
            throw new SheetXmlTokens.Unsupported("an element inside a value");
        }
        return xml.text();
    }

    /** All the text inside {@code <is>}, at any depth (phonetic runs too, as fastexcel reads an inline string). */
    private String inlineText() throws IOException {
        int depth = xml.depth();
        xml.collect(true);
        try {
            while (true) {
                int token = xml.next();
                if (token == SheetXmlTokens.END && xml.depth() == depth) {
                    return xml.text();
                }
            }
        } finally {
            xml.collect(false);
        }
    }

    /** A formula element: its text, with shared and array formulas registered the way fastexcel resolves them. */
    private String formula(byte k, int c) throws IOException {
        int refAt = xml.attribute("ref");
        int typeAt = xml.attribute("t");
        int siAt = xml.attribute("si");
        boolean array = typeAt >= 0 && xml.valueIs(typeAt, "array");
        boolean shared = typeAt >= 0 && xml.valueIs(typeAt, "shared");
        if (typeAt >= 0 && !array && !shared && !xml.valueIs(typeAt, "normal") && !xml.valueIs(typeAt, "dataTable")) {
            throw new SheetXmlTokens.Unsupported("a formula type Sluice does not read");
        }
        Integer si = null;
        if (siAt >= 0) {
            long n = digits(xml.valueStart(siAt), xml.valueEnd(siAt));
            if (n < 0) {
                throw new SheetXmlTokens.Unsupported("a shared formula index Sluice does not read");
            }
            si = (int) n;
        }
        int[] range = null;
        if (refAt >= 0 && (array || shared)) {
            range = range(xml.valueStart(refAt), xml.valueEnd(refAt));
        }
        String text = elementText();
        if (k == SHARED || k == INLINE) {
            return text; // fastexcel neither registers nor resolves formulas in string cells
        }
        if (array && range != null) {
            arrayFormulas.add(range);
        }
        if (shared) {
            if (range != null) {
                sharedFormulas.put(si, !text.isEmpty());
            } else {
                Boolean master = sharedFormulas.get(si);
                if (master == null) {
                    throw new SheetXmlTokens.Unsupported("a shared formula without its master");
                }
                return master ? "resolved" : "";
            }
        }
        return text;
    }

    /** A cell range written as A1 or A1:B2, or unsupported. */
    private int[] range(int start, int end) {
        int colon = -1;
        for (int i = start; i < end; i++) {
            if (xml.at(i) == ':') {
                colon = i;
            }
        }
        int[] first = reference(start, colon < 0 ? end : colon);
        int[] last = colon < 0 ? first : reference(colon + 1, end);
        return new int[] {first[0], first[1], last[0], last[1]};
    }

    private int[] reference(int start, int end) {
        int col = 0;
        int i = start;
        while (i < end && i - start < 3 && xml.at(i) >= 'A' && xml.at(i) <= 'Z') {
            col = col * 26 + (xml.at(i) - 'A' + 1);
            i++;
        }
        long row = digits(i, end);
        if (i == start || row < 1) {
            throw new SheetXmlTokens.Unsupported("a formula range Sluice does not read");
        }
        return new int[] {(int) row - 1, col - 1};
    }

    private boolean inArrayFormula(int row, int col) {
        for (int[] r : arrayFormulas) {
            if (row >= r[0] && row <= r[2] && col >= r[1] && col <= r[3]) {
                return true;
            }
        }
        return false;
    }

    /** The typed value fastexcel parses while reading the cell; what it would fail on is left to it. */
    private Object parse(byte k, String text) {
        switch (k) {
            case NUMBER:
                if (text == null || text.isEmpty()) {
                    return null;
                }
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    throw new SheetXmlTokens.Unsupported("a number Sluice leaves to fastexcel");
                }
            case BOOLEAN:
                if ("0".equals(text)) {
                    return Boolean.FALSE;
                }
                if ("1".equals(text)) {
                    return Boolean.TRUE;
                }
                throw new SheetXmlTokens.Unsupported("a boolean Sluice leaves to fastexcel");
            case SHARED:
                if (text == null || text.isEmpty()) {
                    return "";
                }
                long index = text.length() > 9 ? -1 : parseDigits(text);
                if (index < 0) {
                    throw new SheetXmlTokens.Unsupported("a shared string index Sluice leaves to fastexcel");
                }
                try {
                    return ITEM_AT.invoke(sharedStrings, (int) index);
                } catch (Throwable e) {
                    throw new SheetXmlTokens.Unsupported("a shared string fastexcel cannot give");
                }
            default:
                return text == null || text.isEmpty() ? null : text;
        }
    }

    private static long parseDigits(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            n = n * 10 + (ch - '0');
        }
        return n;
    }

    /** The row as {@link XlsxRows} converts fastexcel's: a later cell at the same position replaces the earlier. */
    private SourceRow convert(long number) {
        int width = 0;
        for (int c = 0; c < count; c++) {
            width = Math.max(width, column[c] + 1);
        }
        int[] at = new int[width];
        Arrays.fill(at, -1);
        for (int c = 0; c < count; c++) {
            at[column[c]] = c;
        }
        Cell[] converted = new Cell[width];
        List<SourceIssue> issues = null;
        int shown = 0;
        for (int i = 0; i < width; i++) {
            Cell cell;
            if (at[i] < 0) {
                cell = Cell.BLANK;
            } else {
                if (issues == null) {
                    issues = new ArrayList<>(0);
                }
                cell = cell(at[i], number, i, issues);
            }
            converted[i] = cell;
            if (!cell.isBlank()) {
                shown = i + 1;
            }
        }
        List<Cell> list = Arrays.asList(shown == width ? converted : Arrays.copyOf(converted, shown));
        return new SourceRow(number, list, issues == null || issues.isEmpty() ? List.of() : List.copyOf(issues));
    }

    private Cell cell(int c, long row, int col, List<SourceIssue> issues) {
        Object v = value[c];
        switch (kind[c]) {
            case SHARED:
                return Cell.text((String) v);
            case INLINE:
                if (formula[c]) {
                    return raw[c] == null ? ExcelCells.uncalculated(row, col, issues)
                            : ExcelCells.string(raw[c], row, col, issues);
                }
                return Cell.text(raw[c]);
            case BOOLEAN:
                return ExcelCells.bool((Boolean) v);
            case ERROR:
                if (formula[c]) {
                    return v == null ? ExcelCells.uncalculated(row, col, issues)
                            : ExcelCells.string((String) v, row, col, issues);
                }
                return ExcelCells.error(String.valueOf(raw[c]), row, col, issues);
            case FORMULA_STRING:
                return v == null ? ExcelCells.uncalculated(row, col, issues)
                        : ExcelCells.string((String) v, row, col, issues);
            default:
                if (v == null) {
                    return formula[c] ? ExcelCells.uncalculated(row, col, issues) : Cell.BLANK;
                }
                int s = style[c];
                String formatId = s >= 0 && s < formats.size() ? formats.get(s) : null;
                String format = formatId == null ? null : formatStrings.get(formatId);
                return cells.number((BigDecimal) v, raw[c], formatId == null ? 0 : Integer.parseInt(formatId), format,
                        row, col, issues);
        }
    }

    private void grow() {
        int n = column.length * 2;
        column = Arrays.copyOf(column, n);
        cellRow = Arrays.copyOf(cellRow, n);
        kind = Arrays.copyOf(kind, n);
        style = Arrays.copyOf(style, n);
        raw = Arrays.copyOf(raw, n);
        value = Arrays.copyOf(value, n);
        formula = Arrays.copyOf(formula, n);
    }
}
