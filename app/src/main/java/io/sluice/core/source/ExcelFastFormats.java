package io.sluice.core.source;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Display of the number formats that cover most real sheets ({@code 0}, {@code 0.00}, {@code dd.mm.yyyy},
 * {@code yyyy-mm-dd hh:mm}, ...) without POI's DataFormatter, which re-parses the format string of every cell and
 * dominated the reading time of large sheets. Anything not recognised here goes to DataFormatter.
 */
final class ExcelFastFormats {

    private static final Pattern FIXED = Pattern.compile("0(\\.0+)?");
    private static final Pattern DATE_TOKENS = Pattern.compile("(yyyy|yy|mm|m|dd|d|hh|h|ss|[-/. :])+");
    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_UP);

    private ExcelFastFormats() {
    }

    /** Decimal places of a plain fixed format such as {@code 0.00}, or -1 when the format is not one. */
    static int fixedScale(String pattern) {
        if (!FIXED.matcher(pattern).matches()) {
            return -1;
        }
        int dot = pattern.indexOf('.');
        return dot < 0 ? 0 : pattern.length() - dot - 1;
    }

    /**
     * The text of a fixed format, rounded half away from zero on the value Excel holds (15 significant digits);
     * null when the value rounds to zero from below, which Excel shows with a minus sign that BigDecimal cannot.
     */
    static String fixed(BigDecimal value, int scale) {
        BigDecimal rounded = value.round(EXCEL_PRECISION).setScale(scale, RoundingMode.HALF_UP);
        if (rounded.signum() == 0 && value.signum() < 0) {
            return null;
        }
        return rounded.toPlainString();
    }

    /**
     * A java.time formatter equivalent to a simple Excel date format (day, month, year, 24-hour time; no AM/PM,
     * no month names, no quoted text), or null when the format is anything else.
     */
    static DateTimeFormatter dateFormatter(String pattern) {
        String lower = pattern.toLowerCase(Locale.ROOT);
        if (!DATE_TOKENS.matcher(lower).matches()) {
            return null;
        }
        StringBuilder java = new StringBuilder();
        String previousField = "";
        int i = 0;
        while (i < lower.length()) {
            char c = lower.charAt(i);
            int end = i;
            while (end < lower.length() && lower.charAt(end) == c) {
                end++;
            }
            String token = lower.substring(i, end);
            switch (c) {
                case 'y' -> java.append(token.length() >= 4 ? "yyyy" : "yy");
                case 'd' -> java.append(token.length() >= 2 ? "dd" : "d");
                case 'h' -> java.append(token.length() >= 2 ? "HH" : "H");
                case 's' -> java.append(token.length() >= 2 ? "ss" : "s");
                case 'm' -> {
                    boolean minutes = previousField.startsWith("h") || nextField(lower, end).startsWith("s");
                    java.append(minutes ? (token.length() >= 2 ? "mm" : "m") : (token.length() >= 2 ? "MM" : "M"));
                }
                default -> java.append('\'').append(token).append('\'');
            }
            if (Character.isLetter(c)) {
                if (token.length() > (c == 'y' ? 4 : 2)) {
                    return null;
                }
                previousField = token;
            }
            i = end;
        }
        return DateTimeFormatter.ofPattern(java.toString());
    }

    private static String nextField(String pattern, int from) {
        for (int i = from; i < pattern.length(); i++) {
            if (Character.isLetter(pattern.charAt(i))) {
                return pattern.substring(i);
            }
        }
        return "";
    }

    static String date(DateTimeFormatter formatter, LocalDateTime dateTime) {
        return formatter.format(dateTime);
    }
}
