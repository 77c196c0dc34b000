package io.sluice.core.rules;

import io.sluice.core.mapping.MappedRow;

import java.util.function.Consumer;

/** A check that needs only the row itself: required, type, length, range, pattern, cross-field expressions. */
public interface RowRule {

    /** Reports this rule's findings for one mapped row; reports nothing when the row passes. */
    void check(MappedRow row, Consumer<Finding> findings);

    /** The ids of its findings and the target columns that decide them, for re-checking rows after a fix. */
    RuleReach reach();
}
