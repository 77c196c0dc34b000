package io.sluice.core.source;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns Excel cell values into {@link Cell}s the way Excel displays them, shared by the XLSX and XLS readers: numbers
 * in General format shown plainly (integers exactly, fractions to Excel's 15 significant digits), explicit number
 * formats and dates through POI's DataFormatter, error codes as errors. One instance per sheet being read.
 */
final class ExcelCells {

    /** The codes Excel writes for error results; a cached formula string equal to one of them is an error. */
    static final Set<String> ERROR_CODES = Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
            "#SPILL!", "#CALC!", "#GETTING_DATA");

    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_UP);
    private static final double SERIAL_1900_02_29 = 60;
    private static final int SECONDS_PER_DAY = 86_400;
    /** The day LibreOffice counts serial numbers from in the 1900 system; Excel's 1900-03-01 and later agree. */
    private static final LocalDate LIBREOFFICE_DAY_ZERO = LocalDate.of(1899, 12, 30);
    private static final LocalDate FIRST_DAY_1904 = LocalDate.of(1904, 1, 1);
    /** A serial number further back than this is before the year 1, no day anyone wrote: it stays a number. */
    private static final double DAYS_BACK_TO_YEAR_1 = -693_593;

    private enum Kind { GENERAL, NUMBER, DATE, DATETIME }

    /**
     * How one number format displays: its kind and, where it has one, a fast formatter; for dates, the cells of the
     * whole days already shown (a sheet repeats few distinct days over many rows).
     */
    private record Display(Kind kind, int fixedScale, DateTimeFormatter dates, Map<Long, Cell> days) {
    }

    /** Whole days remembered per date format; past this many the memory starts over. */
    private static final int MAX_DAYS = 4096;

    private final boolean date1904;
    private final DataFormatter formatter = new DataFormatter(Locale.US);
    private final Map<String, Display> displays = new HashMap<>();

    ExcelCells(boolean date1904) {
        this.date1904 = date1904;
    }

    /**
     * A numeric cell.
     *
     * @param formatId the number format id of the cell's style (0 = General)
     * @param format   the format string, or null to look up the built-in one
     * @param issues   where an impossible date is reported
     */
    Cell number(BigDecimal value, int formatId, String format, long row, int column, List<SourceIssue> issues) {
        return number(value, null, formatId, format, row, column, issues);
    }

    /**
     * A numeric cell whose value was written as {@code written} (the text of an XLSX {@code <v>}, or null): in General
     * format that text is what Excel shows whenever it is already in the display's plain form.
     */
    Cell number(BigDecimal value, String written, int formatId, String format, long row, int column,
                List<SourceIssue> issues) {
        String pattern = format != null ? format : BuiltinFormats.getBuiltinFormat(formatId);
        if (pattern == null) {
            pattern = "General";
        }
        Display display = displays.get(pattern);
        if (display == null) {
            // not computeIfAbsent: its lambda would capture formatId and be made anew for every cell
            display = displayOf(formatId, pattern);
            displays.put(pattern, display);
        }
        Cell cell;
        switch (display.kind()) {
            case GENERAL:
                cell = Cell.number(written != null && WrittenNumbers.isGeneralDisplay(written) ? written
                        : general(value), value);
                break;
            case NUMBER:
                String text = null;
                if (display.fixedScale() >= 0) {
                    text = written == null ? null : WrittenNumbers.fixed(written, display.fixedScale());
                    if (text == null) {
                        text = ExcelFastFormats.fixed(value, display.fixedScale());
                    }
                }
                cell = Cell.number(text != null ? text
                        : formatter.formatRawCellContents(value.doubleValue(), formatId, pattern, date1904), value);
                break;
            default:
                cell = date(value, formatId, pattern, display, row, column, issues);
        }
        if (cell.type() == CellType.NUMBER && mayBeRounded(value)) {
            String letter = Columns.letter(column);
            issues.add(new SourceIssue("rounded-number", row, letter, "Cell " + letter + row + " holds the number "
                    + cell.text() + ", but a spreadsheet keeps only about 15 significant digits of a number, so the"
                    + " digits after them may differ from what was typed; an identifier should be stored as text in"
                    + " the spreadsheet."));
        }
        return cell;
    }

    /**
     * Whether a number cell's value has more than 15 digits before its decimal point: a spreadsheet keeps a number as
     * a double, about 15 significant digits, so such a value (an account or card number typed as a number) may not be
     * what was typed, while Sluice shows it in full. Digits after the point are not counted: a fraction is shown
     * rounded to 15 significant digits as the spreadsheet shows it (0.30000000000000004 shows 0.3). A date is not a
     * number cell. The precision and scale of the value already read cost no new number (decision 0082).
     */
    static boolean mayBeRounded(BigDecimal value) {
        // a zero may be written with an exponent (0E+20): precision 1, scale -20, yet no digit to lose
        return value.precision() - value.scale() > EXCEL_PRECISION.getPrecision() && value.signum() != 0;
    }

    private static Display displayOf(int formatId, String pattern) {
        Kind kind = kindOf(formatId, pattern);
        boolean date = kind == Kind.DATE || kind == Kind.DATETIME;
        return new Display(kind, kind == Kind.NUMBER ? ExcelFastFormats.fixedScale(pattern) : -1,
                date ? ExcelFastFormats.dateFormatter(pattern) : null, date ? new HashMap<>() : null);
    }

    private Cell date(BigDecimal value, int formatId, String pattern, Display display, long row, int column,
                      List<SourceIssue> issues) {
        boolean showsTime = display.kind() == Kind.DATETIME;
        double serial = value.doubleValue();
        if (serial < 0) {
            return serial >= DAYS_BACK_TO_YEAR_1 ? beforeFirstDay(value, showsTime, display, row, column, issues)
                    : Cell.number(general(value), value);
        }
        if (!DateUtil.isValidExcelDate(serial)) {
            return Cell.number(general(value), value);
        }
        if (!date1904 && serial < 1) {
            String dayZero = dayZeroText(formatId, pattern, serial);
            if (dayZero != null) {
                issues.add(new SourceIssue("impossible-date", row, Columns.letter(column), "Cell "
                        + Columns.letter(column) + row + " shows " + dayZero + ", the day 0 of January 1900 that Excel"
                        + " shows for the serial number 0 but that never existed; it is read as text."));
                return Cell.text(dayZero);
            }
        }
        if (!date1904 && Math.floor(serial) == SERIAL_1900_02_29) {
            String text = impossibleDateText(formatId, pattern, serial);
            issues.add(new SourceIssue("impossible-date", row, Columns.letter(column), "Cell "
                    + Columns.letter(column) + row + " shows " + text
                    + ", the 29 February 1900 that Excel counts but that never existed; it is read as text."));
            return Cell.text(text);
        }
        boolean wholeDay = serial == Math.floor(serial);
        if (wholeDay) {
            Cell known = display.days().get((long) serial);
            if (known != null) {
                return known;
            }
        }
        LocalDateTime dateTime = DateUtil.getLocalDateTime(serial, date1904, true);
        String text = display.dates() != null ? display.dates().format(dateTime)
                : formatter.formatRawCellContents(serial, formatId, pattern, date1904);
        Cell cell = showsTime || !wholeDay ? Cell.dateTime(text, dateTime) : Cell.date(text, dateTime.toLocalDate());
        if (wholeDay) {
            if (display.days().size() >= MAX_DAYS) {
                display.days().clear();
            }
            display.days().put((long) serial, cell);
        }
        return cell;
    }

    /**
     * A negative serial number in a date format: a day before the first day of the date system, which Excel shows as
     * ##### but LibreOffice writes and shows (counting back from 1899-12-30, or from 1904-01-01), so it is read as
     * that day and the row says so.
     */
    private Cell beforeFirstDay(BigDecimal value, boolean showsTime, Display display, long row, int column,
                                List<SourceIssue> issues) {
        BigDecimal days = value.setScale(0, RoundingMode.FLOOR);
        long seconds = value.subtract(days).multiply(BigDecimal.valueOf(SECONDS_PER_DAY))
                .setScale(0, RoundingMode.HALF_UP).longValueExact();
        LocalDateTime dateTime = (date1904 ? FIRST_DAY_1904 : LIBREOFFICE_DAY_ZERO).atStartOfDay()
                .plusDays(days.longValueExact()).plusSeconds(seconds);
        boolean wholeDay = seconds == 0;
        String text = display.dates() != null ? display.dates().format(dateTime)
                : wholeDay ? dateTime.toLocalDate().toString() : dateTime.toString().replace('T', ' ');
        String letter = Columns.letter(column);
        issues.add(new SourceIssue("date-before-first-day", row, letter, "Cell " + letter + row + " holds " + text
                + ", a day before " + (date1904 ? "1904" : "1900") + " that Excel cannot show but LibreOffice"
                + " writes and shows; it is read as that day."));
        return showsTime || !wholeDay ? Cell.dateTime(text, dateTime) : Cell.date(text, dateTime.toLocalDate());
    }

    /**
     * What Excel shows for a serial number below 1 in a format that shows the day: the day 0 of January 1900 (for
     * yyyy-mm-dd, 1900-01-00), which Java cannot print; null when the format shows no day (a time of day).
     */
    private String dayZeroText(int formatId, String pattern, double serial) {
        String first = formatter.formatRawCellContents(serial + 1, formatId, pattern, false);
        String second = formatter.formatRawCellContents(serial + 2, formatId, pattern, false);
        int differs = -1;
        if (first.length() == second.length()) {
            for (int i = 0; i < first.length(); i++) {
                if (first.charAt(i) != second.charAt(i)) {
                    if (differs >= 0) {
                        return "1900-01-00"; // the day is shown as a name: no digit to put the 0 in
                    }
                    differs = i;
                }
            }
        } else {
            return "1900-01-00";
        }
        if (differs < 0) {
            return null;
        }
        if (first.charAt(differs) != '1') {
            return "1900-01-00";
        }
        return first.substring(0, differs) + '0' + first.substring(differs + 1);
    }

    /**
     * Java has no 1900-02-29, so the formatter cannot print it; format the day before and put the 29 in, which is
     * what Excel shows for the usual day-month-year patterns.
     */
    private String impossibleDateText(int formatId, String pattern, double serial) {
        String dayBefore = formatter.formatRawCellContents(serial - 1, formatId, pattern, false);
        int at = dayBefore.indexOf("28");
        if (at >= 0 && dayBefore.indexOf("28", at + 1) < 0) {
            return dayBefore.substring(0, at) + "29" + dayBefore.substring(at + 2);
        }
        return "1900-02-29";
    }

    /** A boolean cell as Excel shows it. */
    static Cell bool(boolean value) {
        return Cell.bool(value ? "TRUE" : "FALSE", value);
    }

    /** An error cell plus its row issue. */
    static Cell error(String code, long row, int column, List<SourceIssue> issues) {
        String letter = Columns.letter(column);
        issues.add(new SourceIssue("error-cell", row, letter,
                "Cell " + letter + row + " holds the Excel error " + code + "."));
        return Cell.error(code);
    }

    /**
     * A formula cell that holds no saved result: programs that write files without calculating them (openpyxl, for
     * one) leave the result out, and Sluice never calculates, so the cell is blank and the row says why.
     */
    static Cell uncalculated(long row, int column, List<SourceIssue> issues) {
        String letter = Columns.letter(column);
        issues.add(new SourceIssue("formula-without-result", row, letter, "Cell " + letter + row
                + " holds a formula whose result was never saved in the file, so it reads as blank; open and save"
                + " the file in Excel or LibreOffice to store the result."));
        return Cell.BLANK;
    }

    /** A cached string result or a string cell: an Excel error code becomes an error cell. */
    static Cell string(String text, long row, int column, List<SourceIssue> issues) {
        if (text != null && ERROR_CODES.contains(text)) {
            return error(text, row, column, issues);
        }
        return Cell.text(text);
    }

    /**
     * The General display: integers exactly as stored (never 9.0072E+15), fractions rounded to Excel's 15 significant
     * digits with trailing zeros dropped (0.30000000000000004 shows 0.3), never an exponent.
     */
    static String general(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return stripped.toPlainString();
        }
        return value.round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
    }

    private static Kind kindOf(int formatId, String pattern) {
        if (pattern.equalsIgnoreCase("General") || pattern.equals("@")) {
            return Kind.GENERAL;
        }
        if (DateUtil.isADateFormat(formatId, pattern)) {
            return showsTime(pattern) ? Kind.DATETIME : Kind.DATE;
        }
        return Kind.NUMBER;
    }

    /** Whether a date format shows a time of day: an hour or second outside quoted text and [colour] tags. */
    static boolean showsTime(String pattern) {
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                bracket = true;
            } else if (!quoted && c == ']') {
                bracket = false;
            } else if (!quoted && !bracket && (c == 'h' || c == 'H' || c == 's' || c == 'S')) {
                return true;
            }
        }
        return false;
    }
}
