package io.sluice.core.cleaning;

/**
 * One value-level fix to make: every cell of {@code column} holding {@code oldValue} becomes {@code newValue}.
 *
 * @param column   the source column header
 * @param oldValue the value as the cells hold it now
 * @param newValue the value to write instead
 * @param rows     how many rows hold {@code oldValue}
 */
public record Replacement(String column, String oldValue, String newValue, long rows) {
}
