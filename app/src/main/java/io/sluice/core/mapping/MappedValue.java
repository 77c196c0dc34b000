package io.sluice.core.mapping;

/**
 * A value for one target column of one row, or why it could not be converted.
 *
 * @param value        typed per target column (String, BigDecimal, Long for integer types, LocalDate, LocalDateTime,
 *                     Boolean, LocalTime) or null for no value
 * @param text         the source text after transforms: what the steward sees and edits
 * @param sourceColumn source header; several joined with " + " for concatenations; null for constants
 * @param cell         cell reference such as D17 (the first source cell for concatenations); null for constants
 * @param error        why the text could not be converted, e.g. "'12,5x' is not a number."; null when it could
 */
public record MappedValue(Object value, String text, String sourceColumn, String cell, String error) {

    public boolean hasError() {
        return error != null;
    }
}
