package io.sluice.core.export;

import io.sluice.core.Severity;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

import java.util.HashMap;
import java.util.Map;

/**
 * The small fixed set of cell styles of a back-to-sender workbook: one per severity and kind of value, one per
 * severity and number format met (at most {@value #MAX_NUMBER_FORMATS} formats), plus the header. Created once per workbook, because a style per cell would grow the styles part with the row count and Excel
 * refuses files with more than 64,000 styles.
 */
final class XlsxStyles {

    /** What a cell holds, as far as its style is concerned. */
    enum Kind {
        /** Text and numbers in the General format. */
        PLAIN,
        /** Text a spreadsheet would run as a formula if typed: kept as text even when the owner edits it. */
        QUOTED,
        DATE,
        DATE_TIME
    }

    // Excel's own "Bad" and "Neutral" fills, which data owners already read as error and warning.
    static final byte[] ERROR_FILL = {(byte) 0xFF, (byte) 0xC7, (byte) 0xCE};
    static final byte[] WARNING_FILL = {(byte) 0xFF, (byte) 0xEB, (byte) 0x9C};
    private static final byte[] HEADER_FILL = {(byte) 0xD9, (byte) 0xE1, (byte) 0xF2};

    /** Number formats kept at most; they come from a sheet's own formats, so a handful in practice. */
    static final int MAX_NUMBER_FORMATS = 64;

    private final Workbook workbook;
    private final CellStyle[][] body = new CellStyle[3][Kind.values().length];
    private final Map<String, CellStyle[]> numbers = new HashMap<>();
    private final CellStyle header;
    private final CellStyle quotedHeader;
    private final CellStyle title;

    XlsxStyles(Workbook workbook) {
        this.workbook = workbook;
        short date = workbook.createDataFormat().getFormat("yyyy-mm-dd");
        short dateTime = workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss");
        for (int s = 0; s < body.length; s++) {
            byte[] fill = s == 1 ? ERROR_FILL : s == 2 ? WARNING_FILL : null;
            for (Kind kind : Kind.values()) {
                XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
                if (fill != null) {
                    style.setFillForegroundColor(new XSSFColor(fill, null));
                    style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                }
                switch (kind) {
                    case QUOTED -> style.setQuotePrefixed(true);
                    case DATE -> style.setDataFormat(date);
                    case DATE_TIME -> style.setDataFormat(dateTime);
                    default -> { }
                }
                body[s][kind.ordinal()] = style;
            }
        }
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = headerStyle(workbook, bold, false);
        quotedHeader = headerStyle(workbook, bold, true);
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = workbook.createCellStyle();
        title.setFont(big);
    }

    private static CellStyle headerStyle(Workbook workbook, Font bold, boolean quoted) {
        XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(new XSSFColor(HEADER_FILL, null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        style.setQuotePrefixed(quoted);
        return style;
    }

    /** The style of a cell with this worst severity (null: no finding) holding this kind of value. */
    CellStyle body(Severity severity, Kind kind) {
        int s = severity == null ? 0 : severity == Severity.ERROR ? 1 : 2;
        return body[s][kind.ordinal()];
    }

    /**
     * The style of a number shown with this Excel format (e.g. {@code 0.000}), so that the owner sees, and Sluice
     * reads back, the number as displayed in the original; General once {@link #MAX_NUMBER_FORMATS} are in use.
     */
    CellStyle number(Severity severity, String format) {
        CellStyle[] styles = numbers.get(format);
        if (styles == null) {
            if (numbers.size() >= MAX_NUMBER_FORMATS) {
                return body(severity, Kind.PLAIN);
            }
            styles = new CellStyle[3];
            short id = workbook.createDataFormat().getFormat(format);
            for (int s = 0; s < styles.length; s++) {
                styles[s] = workbook.createCellStyle();
                styles[s].cloneStyleFrom(body[s][Kind.PLAIN.ordinal()]);
                styles[s].setDataFormat(id);
            }
            numbers.put(format, styles);
        }
        return styles[severity == null ? 0 : severity == Severity.ERROR ? 1 : 2];
    }

    CellStyle header(boolean quoted) {
        return quoted ? quotedHeader : header;
    }

    CellStyle title() {
        return title;
    }
}
