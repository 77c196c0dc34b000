package io.sluice.core.source;

import java.math.BigDecimal;

/**
 * Numbers written in plain form, {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?}: the form {@link BigDecimal#toPlainString()}
 * prints and most spreadsheets write. Recognising a text that is already that form costs far less than printing the
 * value again.
 */
public final class PlainNumbers {

    /** {@link #dot} of a text that is not a plain number. */
    static final int NOT_PLAIN = -1;

    /** At most 18 digits always fit in a long. */
    private static final int LONG_DIGITS = 18;

    private PlainNumbers() {
    }

    /**
     * Whether {@code text} is exactly {@code value.toPlainString()}, answered without printing the value; false also
     * where the text has more than 18 digits, where it cannot be told that cheaply. The text must be a plain number
     * whose digits and decimals are the value's unscaled digits and scale, and not a minus before a zero, which
     * BigDecimal prints without its sign.
     */
    public static boolean isPlainStringOf(String text, BigDecimal value) {
        int dot = dot(text);
        if (dot == NOT_PLAIN) {
            return false;
        }
        int length = text.length();
        int scale = dot == length ? 0 : length - dot - 1;
        if (value.scale() != scale) {
            return false;
        }
        boolean negative = text.charAt(0) == '-';
        long unscaled = 0;
        int digits = 0;
        for (int i = negative ? 1 : 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.' || (digits == 0 && c == '0')) {
                continue; // a zero before the first significant digit adds nothing to the unscaled value
            }
            if (++digits > LONG_DIGITS) {
                return false;
            }
            unscaled = unscaled * 10 + (c - '0');
        }
        if (negative && unscaled == 0) {
            return false;
        }
        // equal BigDecimals have the same unscaled value and scale, and so print the same plain string
        return value.equals(BigDecimal.valueOf(negative ? -unscaled : unscaled, scale));
    }

    /**
     * Where the decimal point of a plain number is; its length when it has none; {@link #NOT_PLAIN} when the text is
     * not a plain number (a leading zero, a plus sign, an exponent, a point without digits after it, ...).
     */
    static int dot(String text) {
        int length = text.length();
        int i = !text.isEmpty() && text.charAt(0) == '-' ? 1 : 0;
        if (i >= length || !isDigit(text.charAt(i))) {
            return NOT_PLAIN;
        }
        if (text.charAt(i) == '0') {
            i++;
        } else {
            while (i < length && isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i == length) {
            return i;
        }
        if (text.charAt(i) != '.') {
            return NOT_PLAIN;
        }
        int dot = i;
        i++;
        if (i == length) {
            return NOT_PLAIN;
        }
        while (i < length && isDigit(text.charAt(i))) {
            i++;
        }
        return i == length ? dot : NOT_PLAIN;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
