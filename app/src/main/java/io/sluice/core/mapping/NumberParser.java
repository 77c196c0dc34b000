package io.sluice.core.mapping;

import java.math.BigDecimal;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Parses number text into BigDecimal exactly (never through double), either plain ({@code -12.5}, {@code 1e3}) or
 * with given decimal and grouping separators ({@code 12.345,6}). Returns null instead of throwing: the mapper runs it
 * on every cell of large files.
 */
final class NumberParser {

    /** Plain Java notation: optional sign, digits, optional '.', optional exponent. */
    static final NumberParser PLAIN = new NumberParser('.', (char) 0, true);

    /** Any 18 decimal digits fit in a long. */
    private static final int MAX_LONG_DIGITS = 18;

    private final char decimal;
    /** 0 when grouping separators are not accepted. */
    private final char grouping;
    private final boolean exponent;

    private NumberParser(char decimal, char grouping, boolean exponent) {
        this.decimal = decimal;
        this.grouping = grouping;
        this.exponent = exponent;
    }

    static NumberParser withSeparators(char decimal, char grouping) {
        return new NumberParser(decimal, grouping, false);
    }

    static NumberParser forLocale(Locale locale) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
        return new NumberParser(symbols.getDecimalSeparator(), symbols.getGroupingSeparator(), false);
    }

    /** An example such as "12.345,6", for messages. */
    String example() {
        String group = grouping == 0 ? "" : isSpace(grouping) ? " " : String.valueOf(grouping);
        return "12" + group + "345" + decimal + "6";
    }

    /** The number, or null when the text is not one in this notation. */
    BigDecimal parse(String raw) {
        String s = raw.strip();
        int n = s.length();
        if (n == 0) {
            return null;
        }
        // This runs for every numeric cell. Up to 18 digits add up in a long, and BigDecimal.valueOf(unscaled,
        // scale) is then the same number (same digits, same scale) without any copy of the characters; only a
        // longer number or one with an exponent has its characters copied for BigDecimal to parse.
        int i = 0;
        boolean negative = false;
        char first = s.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i++;
        }
        int digits = 0;
        int groupDigits = 0;
        int fractionDigits = 0;
        long unscaled = 0;
        boolean grouped = false;
        boolean sawDecimal = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                groupDigits++;
                unscaled = unscaled * 10 + (c - '0');
                if (sawDecimal) {
                    fractionDigits++;
                }
            } else if (c == decimal && !sawDecimal) {
                if (grouped && groupDigits != 3) {
                    return null;
                }
                sawDecimal = true;
            } else if (grouping != 0 && !sawDecimal && isGrouping(c)) {
                // Groups after the first hold exactly three digits, so "12.5" under de-DE is rejected, not 125.
                if (grouped ? groupDigits != 3 : groupDigits == 0 || groupDigits > 3) {
                    return null;
                }
                grouped = true;
                groupDigits = 0;
            } else if (exponent && (c == 'e' || c == 'E') && digits > 0) {
                return withExponent(mantissa(s, i), s, i + 1);
            } else {
                return null;
            }
        }
        if (digits == 0 || (grouped && !sawDecimal && groupDigits != 3)) {
            return null;
        }
        if (digits <= MAX_LONG_DIGITS) {
            return BigDecimal.valueOf(negative ? -unscaled : unscaled, fractionDigits);
        }
        StringBuilder plain = mantissa(s, n);
        return new BigDecimal(plain.toString());
    }

    /**
     * The characters of {@code s} before {@code end} (already checked to be a number in this notation) as BigDecimal
     * reads them: a minus sign, the digits, '.' for the decimal separator; no plus sign, no grouping.
     */
    private StringBuilder mantissa(String s, int end) {
        StringBuilder b = new StringBuilder(end + 8);
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c == '-') {
                b.append(c);
            } else if (c == decimal) {
                b.append('.');
            }
        }
        return b;
    }

    private static BigDecimal withExponent(StringBuilder number, String s, int from) {
        int n = s.length();
        int i = from;
        number.append('E');
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            number.append(s.charAt(i));
            i++;
        }
        if (i == n || n - i > 9) {
            return null;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            number.append(c);
        }
        return new BigDecimal(number.toString());
    }

    private boolean isGrouping(char c) {
        return c == grouping || (isSpace(grouping) && isSpace(c));
    }

    // Locales such as fr-FR group with (narrow) no-break spaces; files hold whichever space the author typed.
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F';
    }
}
