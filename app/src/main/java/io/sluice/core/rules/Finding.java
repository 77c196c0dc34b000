package io.sluice.core.rules;

import io.sluice.core.Severity;

/**
 * One validation finding on one row, and usually one cell.
 *
 * @param row      1-based source row number, as the steward sees it in Excel
 * @param column   source column header the finding is about, or null for a row-level finding
 * @param cell     cell reference such as D17, or null for a row-level finding
 * @param target   target column the finding is about, or null
 * @param rule     rule id, e.g. {@code required}, {@code type}, {@code length}, {@code fk}, or the profile rule's id
 * @param severity error or warning
 * @param message  one plain-words sentence
 * @param value    the offending value as the steward sees it, or null
 */
public record Finding(long row, String column, String cell, String target, String rule, Severity severity,
                      String message, String value) {
}
