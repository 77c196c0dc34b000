package io.sluice.core.export;

import java.util.regex.Pattern;

/**
 * Neutralises spreadsheet formula injection in exported text (OWASP "CSV Injection"): text starting with {@code =},
 * {@code +}, {@code -}, {@code @}, TAB, CR or LF gets a leading single quote so Excel and LibreOffice show it as text
 * instead of evaluating it. Apply it to text values only: typed numbers, dates and booleans are written as they are.
 */
public final class FormulaGuard {

    /** Prefixes risky text. */
    public static final FormulaGuard ON = new FormulaGuard(true);
    /** Leaves every text unchanged, for exports meant for programs rather than spreadsheets. */
    public static final FormulaGuard OFF = new FormulaGuard(false);

    // A number cell's displayed text such as -12.5, 1,234.50 or -3% is a number, not a formula, even though it
    // starts with '-'; anything else (-1+1, -A1) is guarded.
    private static final Pattern DISPLAYED_NUMBER =
            Pattern.compile("[-+]?[0-9][0-9.,\u00A0\u202F ]*(?:[eE][-+]?[0-9]+)?%?");

    private final boolean enabled;

    private FormulaGuard(boolean enabled) {
        this.enabled = enabled;
    }

    /** {@link #ON} or {@link #OFF}. */
    public static FormulaGuard of(boolean enabled) {
        return enabled ? ON : OFF;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Whether a text would be read as a formula by a spreadsheet. */
    public static boolean isRisky(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\n' -> true;
            default -> false;
        };
    }

    /** The text with a leading {@code '} when it is risky; null stays null. */
    public static String neutralise(String text) {
        return isRisky(text) ? "'" + text : text;
    }

    /** A text value as this guard writes it: neutralised when enabled, else unchanged. */
    public String text(String text) {
        return enabled ? neutralise(text) : text;
    }

    /**
     * The displayed text of a number cell: unchanged when it is a plain number such as {@code -12.5} (a legitimate
     * number stays a number), otherwise treated like any other text.
     */
    public String displayedNumber(String text) {
        return text != null && DISPLAYED_NUMBER.matcher(text).matches() ? text : text(text);
    }
}
