package io.sluice.core.mapping;

import java.util.Locale;
import java.util.Set;

/**
 * The value of one cell while transforms run on it: its text and, while the text is still the file's own, the typed
 * value the file stored (or that a number/date transform parsed). One per row being mapped, reset for each of its
 * cells; not shared between threads.
 */
final class Working {

    /**
     * How spreadsheets, R, pandas and databases write "no value" into a cell (compared trimmed, ignoring case): a value
     * that fails its column's type and is spelled so is most likely a missing value, and its finding says how to say so.
     */
    private static final Set<String> NO_VALUE_SPELLINGS = Set.of("na", "n/a", "#n/a", "n.a.", "null", "none", "nan",
            "-", "--", "missing");

    String text;
    /** BigDecimal, LocalDate, LocalDateTime or Boolean; null means "use the text". */
    Object typed;
    /** The typed value came from a number/date transform rather than from the file. */
    boolean parsed;
    String error;

    Working(String text, Object typed) {
        this.text = text;
        this.typed = typed;
    }

    /** Starts over on another cell: a row's columns are mapped one after another through one Working. */
    Working reset(String newText, Object newTyped) {
        text = newText;
        typed = newTyped;
        parsed = false;
        error = null;
        return this;
    }

    /** Replaces the text; a changed text no longer describes the file's typed value, so that is dropped. */
    void setText(String newText) {
        if (!newText.equals(text)) {
            text = newText;
            typed = null;
            parsed = false;
        }
    }

    void setNull() {
        text = "";
        typed = null;
        parsed = false;
    }

    boolean isEmpty() {
        return typed == null && text.isBlank();
    }

    void fail(String message) {
        String value = text == null ? "" : text.strip();
        error = NO_VALUE_SPELLINGS.contains(value.toLowerCase(Locale.ROOT))
                ? message.substring(0, message.length() - (message.endsWith(".") ? 1 : 0)) + "; if '" + value
                + "' means no value, add it to the profile's null markers (nullMarkers; in the desktop, the column's"
                + " transforms: No value when)."
                : message;
    }
}
