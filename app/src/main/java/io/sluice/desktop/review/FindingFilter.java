package io.sluice.desktop.review;

import io.sluice.core.review.RowFilter;

import java.util.Objects;

/**
 * A choice of the grid's finding filter: every row, the valid ones, those with errors, or those with findings of one
 * rule or on one column.
 *
 * @param kind  what the filter looks at
 * @param value the rule id or column header, or null
 * @param count findings of that rule or column when known (shown in the label), or -1
 */
public record FindingFilter(Kind kind, String value, long count) {

    /** What a finding filter selects on. */
    public enum Kind { ALL, VALID, ERRORS, RULE, COLUMN }

    public static final FindingFilter ALL = new FindingFilter(Kind.ALL, null, -1);
    public static final FindingFilter VALID = new FindingFilter(Kind.VALID, null, -1);
    public static final FindingFilter ERRORS = new FindingFilter(Kind.ERRORS, null, -1);

    public static FindingFilter rule(String rule, long count) {
        return new FindingFilter(Kind.RULE, rule, count);
    }

    public static FindingFilter column(String column, long count) {
        return new FindingFilter(Kind.COLUMN, column, count);
    }

    RowFilter toRowFilter() {
        return switch (kind) {
            case ALL -> RowFilter.all();
            case VALID -> RowFilter.valid();
            case ERRORS -> RowFilter.withErrors();
            case RULE -> RowFilter.withRule(value);
            case COLUMN -> RowFilter.onColumn(value);
        };
    }

    /** Same filter, whatever count it was listed with. */
    boolean sameAs(FindingFilter other) {
        return other != null && kind == other.kind && Objects.equals(value, other.value);
    }

    @Override
    public String toString() {
        String suffix = count >= 0 ? String.format(" (%,d)", count) : "";
        return switch (kind) {
            case ALL -> "Any findings";
            case VALID -> "Valid rows";
            case ERRORS -> "Rows with errors";
            case RULE -> "Rule: " + value + suffix;
            case COLUMN -> "Column: " + value + suffix;
        };
    }
}
