package io.sluice.core.export;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rebuilds the Excel number format under a number cell's displayed text, for the common shapes of lab sheets. */
final class NumberFormats {

    private static final Pattern FIXED = Pattern.compile("-?[0-9]+(?:\\.([0-9]+))?");
    private static final Pattern GROUPED = Pattern.compile("-?[0-9]{1,3}(?:,[0-9]{3})+(?:\\.([0-9]+))?");
    private static final Pattern PERCENT = Pattern.compile("-?[0-9]+(?:\\.([0-9]+))?%");

    private NumberFormats() {
    }

    /**
     * The format that shows {@code value} as {@code text} ({@code 0.000}, {@code #,##0.0}, {@code 0.0%}), or null when
     * General shows it so already or the text has a shape this does not know (then General it is: the value is kept,
     * only its look may differ).
     */
    static String of(String text, BigDecimal value) {
        if (text.equals(value.stripTrailingZeros().toPlainString())) {
            return null;
        }
        Matcher m = FIXED.matcher(text);
        if (m.matches()) {
            return "0" + decimals(m.group(1));
        }
        m = GROUPED.matcher(text);
        if (m.matches()) {
            return "#,##0" + decimals(m.group(1));
        }
        m = PERCENT.matcher(text);
        if (m.matches()) {
            return "0" + decimals(m.group(1)) + "%";
        }
        return null;
    }

    private static String decimals(String digits) {
        return digits == null ? "" : "." + "0".repeat(digits.length());
    }
}
