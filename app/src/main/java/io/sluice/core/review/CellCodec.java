package io.sluice.core.review;

import io.sluice.core.source.Cell;
import io.sluice.core.source.CellType;
import io.sluice.core.source.PlainNumbers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Turns a cell's typed value into the one text column {@code vN} stored beside its displayed text {@code cN}, and back.
 * <p>
 * The common cells cost nothing: a plain text cell (value equal to its text) and a blank cell store NULL. Every other
 * cell stores one kind letter followed by the value's canonical text, so that SQL can still filter and sort on it
 * ({@code substr(v3, 2)}): {@code N} number ({@link BigDecimal#toPlainString()}), {@code D} ISO date, {@code S} ISO
 * date-time, {@code L} true/false, {@code E} error code, {@code T} text whose value differs from its display, {@code B}
 * blank with display text. A lower-case letter alone means the kind with a null value.
 */
final class CellCodec {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private CellCodec() {
    }

    /** The stored value column for a cell, null for plain text and blank cells. */
    static String encode(Cell cell) {
        Object value = cell.value();
        CellType type = cell.type();
        if (type == CellType.TEXT && !cell.text().isEmpty() && cell.text().equals(value)) {
            return null;
        }
        if (type == CellType.BLANK) {
            return cell.text().isEmpty() ? null : "B";
        }
        char kind = kindOf(type);
        if (value == null) {
            return String.valueOf(Character.toLowerCase(kind));
        }
        if (type == CellType.NUMBER && value instanceof BigDecimal number
                && PlainNumbers.isPlainStringOf(cell.text(), number)) {
            return "N".concat(cell.text()); // most numbers show as written: their canonical text is already there
        }
        return kind + canonical(type, value);
    }

    /** Rebuilds the cell from its displayed text and stored value column; IllegalArgumentException if unreadable. */
    static Cell decode(String text, String stored) {
        if (stored == null) {
            return text.isEmpty() ? Cell.BLANK : new Cell(text, CellType.TEXT, text);
        }
        try {
            return decodeTyped(text, stored);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Unreadable stored cell value '" + stored + "'.", e);
        }
    }

    private static Cell decodeTyped(String text, String stored) {
        String payload = stored.substring(1);
        return switch (stored.charAt(0)) {
            case 'N' -> new Cell(text, CellType.NUMBER, new BigDecimal(payload));
            case 'D' -> new Cell(text, CellType.DATE, LocalDate.parse(payload));
            case 'S' -> new Cell(text, CellType.DATETIME, LocalDateTime.parse(payload, DATE_TIME));
            case 'L' -> new Cell(text, CellType.BOOLEAN, Boolean.valueOf(payload));
            case 'E' -> new Cell(text, CellType.ERROR, payload);
            case 'T' -> new Cell(text, CellType.TEXT, payload);
            case 'B' -> new Cell(text, CellType.BLANK, null);
            case 'n' -> new Cell(text, CellType.NUMBER, null);
            case 'd' -> new Cell(text, CellType.DATE, null);
            case 's' -> new Cell(text, CellType.DATETIME, null);
            case 'l' -> new Cell(text, CellType.BOOLEAN, null);
            case 'e' -> new Cell(text, CellType.ERROR, null);
            case 't' -> new Cell(text, CellType.TEXT, null);
            default -> throw new IllegalStateException("Unknown stored cell kind '" + stored.charAt(0) + "'.");
        };
    }

    private static char kindOf(CellType type) {
        return switch (type) {
            case NUMBER -> 'N';
            case DATE -> 'D';
            case DATETIME -> 'S';
            case BOOLEAN -> 'L';
            case ERROR -> 'E';
            case TEXT -> 'T';
            case BLANK -> 'B';
        };
    }

    private static String canonical(CellType type, Object value) {
        // A value of the wrong Java type is a reader bug; failing here beats storing something that reads back wrong.
        return switch (type) {
            case NUMBER -> expect(BigDecimal.class, type, value).toPlainString();
            case DATE -> expect(LocalDate.class, type, value).toString();
            case DATETIME -> DATE_TIME.format(expect(LocalDateTime.class, type, value));
            case BOOLEAN -> expect(Boolean.class, type, value).toString();
            case ERROR, TEXT -> expect(String.class, type, value);
            case BLANK -> throw new IllegalArgumentException("A blank cell has no value.");
        };
    }

    private static <T> T expect(Class<T> javaType, CellType type, Object value) {
        if (!javaType.isInstance(value)) {
            throw new IllegalArgumentException("A " + type + " cell must hold a " + javaType.getSimpleName()
                    + ", not a " + value.getClass().getSimpleName() + ".");
        }
        return javaType.cast(value);
    }
}
