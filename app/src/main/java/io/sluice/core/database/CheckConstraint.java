package io.sluice.core.database;

/**
 * A CHECK constraint of a target table.
 *
 * @param name       constraint name
 * @param expression the boolean condition as SQL text, without the CHECK keyword
 */
public record CheckConstraint(String name, String expression) {
}
