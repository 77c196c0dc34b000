package io.sluice.core.mapping;

import io.sluice.core.source.Columns;

import java.util.Objects;

/**
 * A value for one target column of one row, or why it could not be converted. The cell reference is worked out
 * only when asked for (most values never appear in a finding), which keeps mapping a million rows cheap.
 */
public final class MappedValue {

    private final Object value;
    private final String text;
    private final String sourceColumn;
    private final int columnIndex;
    private final long row;
    private final String cell;
    private final String error;

    /**
     * @param value        typed per target column (String, BigDecimal, Long for integer types, LocalDate,
     *                     LocalDateTime, Boolean, LocalTime) or null for no value
     * @param text         the source text after transforms: what the steward sees and edits
     * @param sourceColumn source header; several joined with " + " for concatenations; null for constants
     * @param cell         cell reference such as D17 (the first source cell for concatenations); null for constants
     * @param error        why the text could not be converted, e.g. "'12,5x' is not a number."; null when it could
     */
    public MappedValue(Object value, String text, String sourceColumn, String cell, String error) {
        this(value, text, sourceColumn, -1, 0, cell, error);
    }

    private MappedValue(Object value, String text, String sourceColumn, int columnIndex, long row, String cell,
                        String error) {
        this.value = value;
        this.text = text;
        this.sourceColumn = sourceColumn;
        this.columnIndex = columnIndex;
        this.row = row;
        this.cell = cell;
        this.error = error;
    }

    /** A value read from the cell at a 0-based column index of a 1-based row. */
    static MappedValue at(Object value, String text, String sourceColumn, int columnIndex, long row, String error) {
        return new MappedValue(value, text, sourceColumn, columnIndex, row, null, error);
    }

    public Object value() {
        return value;
    }

    public String text() {
        return text;
    }

    public String sourceColumn() {
        return sourceColumn;
    }

    /** Cell reference such as D17, or null for constants. */
    public String cell() {
        return cell != null || columnIndex < 0 ? cell : Columns.letter(columnIndex) + row;
    }

    public String error() {
        return error;
    }

    public boolean hasError() {
        return error != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MappedValue v && Objects.equals(value, v.value) && Objects.equals(text, v.text)
                && Objects.equals(sourceColumn, v.sourceColumn) && Objects.equals(cell(), v.cell())
                && Objects.equals(error, v.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, text, sourceColumn, cell(), error);
    }

    @Override
    public String toString() {
        return "MappedValue[value=" + value + ", text=" + text + ", sourceColumn=" + sourceColumn + ", cell="
                + cell() + ", error=" + error + "]";
    }
}
