package io.sluice.core.source;

/** What a source cell holds; decides the Java type of {@link Cell#value()}. */
public enum CellType {
    /** Nothing in the cell; value is null and text is empty. */
    BLANK,
    /** Text; value is the same String as the text. */
    TEXT,
    /** A number; value is a BigDecimal, exactly as stored in the file. */
    NUMBER,
    /** A date without time of day; value is a LocalDate. */
    DATE,
    /** A date with a time of day; value is a LocalDateTime. */
    DATETIME,
    /** TRUE or FALSE; value is a Boolean. */
    BOOLEAN,
    /** A spreadsheet error such as #DIV/0!; value is the error code as a String. */
    ERROR
}
