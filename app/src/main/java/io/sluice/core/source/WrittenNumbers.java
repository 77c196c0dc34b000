package io.sluice.core.source;

/**
 * The display of a number taken straight from the text an XLSX file wrote it as ({@code <v>340.3</v>}), where that
 * text already holds the display: most numbers in a sheet are written in plain form, and checking the text costs far
 * less than deriving the display from the value (rounding, stripping and printing a BigDecimal per cell). Where the
 * text does not hold it, the answer is null or false and the display is derived from the value as before, so both
 * paths give the same text ({@code WrittenNumbersTest} compares them).
 */
final class WrittenNumbers {

    /** Excel keeps 15 significant digits; a text with more is rounded for display. */
    private static final int EXCEL_DIGITS = 15;

    private WrittenNumbers() {
    }

    /**
     * Whether {@link ExcelCells#general} of this number's value gives back the text itself: no sign but a minus, no
     * leading zeros, no exponent, a fraction without trailing zeros and within Excel's 15 significant digits, not "-0".
     */
    static boolean isGeneralDisplay(String text) {
        int dot = PlainNumbers.dot(text);
        if (dot == PlainNumbers.NOT_PLAIN) {
            return false;
        }
        int length = text.length();
        if (dot == length) {
            return !text.equals("-0"); // an integer shows as written, however long; -0 shows 0
        }
        return text.charAt(length - 1) != '0' && significantDigits(text, dot) <= EXCEL_DIGITS;
    }

    /**
     * The text of a plain fixed format with {@code scale} decimals ({@code 0}, {@code 0.0}, ...), or null when it
     * takes rounding or a sign the text alone cannot give: the written digits padded with zeros, or cut where only
     * zeros are cut.
     */
    static String fixed(String text, int scale) {
        int dot = PlainNumbers.dot(text);
        if (dot == PlainNumbers.NOT_PLAIN || (text.charAt(0) == '-' && text.charAt(1) == '0')
                || significantDigits(text, dot) > EXCEL_DIGITS) {
            return null; // a negative below one may round to a "-0" that only DataFormatter prints
        }
        int length = text.length();
        int decimals = dot == length ? 0 : length - dot - 1;
        if (decimals == scale) {
            return text;
        }
        if (decimals < scale) {
            StringBuilder padded = new StringBuilder(dot + 1 + scale).append(text);
            if (decimals == 0) {
                padded.append('.');
            }
            for (int i = decimals; i < scale; i++) {
                padded.append('0');
            }
            return padded.toString();
        }
        int keep = scale == 0 ? dot : dot + 1 + scale;
        for (int i = dot + 1 + scale; i < length; i++) {
            if (text.charAt(i) != '0') {
                return null;
            }
        }
        return text.substring(0, keep);
    }

    /** The digits a BigDecimal of this plain text holds (its precision): leading zeros of a fraction below 1 aside. */
    private static int significantDigits(String text, int dot) {
        int start = text.charAt(0) == '-' ? 1 : 0;
        int length = text.length();
        if (text.charAt(start) != '0') {
            return dot == length ? dot - start : length - start - 1;
        }
        int first = dot + 1;
        while (first < length && text.charAt(first) == '0') {
            first++;
        }
        return Math.max(1, length - first);
    }
}
