package io.sluice.core.review;

/**
 * A whole value a replace fix of the review changed into another in one column, as a profile's {@code map} transform
 * would apply it on load.
 *
 * @param column the source column's header
 * @param from   the value the cells showed before
 * @param to     the value the fix set
 */
public record ValueReplacement(String column, String from, String to) {
}
