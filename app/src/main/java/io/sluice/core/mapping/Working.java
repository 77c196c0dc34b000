package io.sluice.core.mapping;

/**
 * The value of one cell while transforms run on it: its text and, while the text is still the file's own, the typed
 * value the file stored (or that a number/date transform parsed). One per row being mapped, reset for each of its
 * cells; not shared between threads.
 */
final class Working {

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
        error = message;
    }
}
