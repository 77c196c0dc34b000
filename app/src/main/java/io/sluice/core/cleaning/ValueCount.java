package io.sluice.core.cleaning;

/** A distinct value of a column and the number of rows holding it. */
public record ValueCount(String value, long rows) {
}
