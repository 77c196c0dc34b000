package io.sluice.core.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One source cell: the text exactly as the steward sees it in the spreadsheet, plus the typed value where the file
 * has one. CSV cells are always {@link CellType#TEXT} (or BLANK).
 *
 * @param text  the displayed text, never null ("" for a blank cell)
 * @param type  what the cell holds
 * @param value the typed value (see {@link CellType}); null for BLANK
 */
public record Cell(String text, CellType type, Object value) {

    public static final Cell BLANK = new Cell("", CellType.BLANK, null);

    public Cell {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
    }

    /** A text cell; the empty string gives {@link #BLANK}. */
    public static Cell text(String text) {
        return text == null || text.isEmpty() ? BLANK : new Cell(text, CellType.TEXT, text);
    }

    public static Cell number(String text, BigDecimal value) {
        return new Cell(text, CellType.NUMBER, value);
    }

    public static Cell date(String text, LocalDate value) {
        return new Cell(text, CellType.DATE, value);
    }

    public static Cell dateTime(String text, LocalDateTime value) {
        return new Cell(text, CellType.DATETIME, value);
    }

    public static Cell bool(String text, boolean value) {
        return new Cell(text, CellType.BOOLEAN, value);
    }

    public static Cell error(String code) {
        return new Cell(code, CellType.ERROR, code);
    }

    public boolean isBlank() {
        return type == CellType.BLANK || (type == CellType.TEXT && text.isBlank());
    }
}
