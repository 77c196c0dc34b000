package io.sluice.core.rules;

import java.math.BigDecimal;

/**
 * A lower and an upper bound, either optional, each inclusive or exclusive, with the words rules use for them:
 * "0.25 or more", "above 0.25", "between 0.25 and 0.8".
 */
record Bounds(BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive) {

    /** Whether a number lies within both bounds. */
    boolean contains(BigDecimal n) {
        return !belowMin(n) && !aboveMax(n);
    }

    /** Whether a number fails the lower bound. */
    boolean belowMin(BigDecimal n) {
        if (min == null) {
            return false;
        }
        int c = n.compareTo(min);
        return c < 0 || (c == 0 && !minInclusive);
    }

    /** Whether a number fails the upper bound. */
    boolean aboveMax(BigDecimal n) {
        if (max == null) {
            return false;
        }
        int c = n.compareTo(max);
        return c > 0 || (c == 0 && !maxInclusive);
    }

    /** What a value must be: "between 0.25 and 0.8", "above 0.25 and 0.8 or less", "0.25 or more", "below 120". */
    String requirement() {
        if (min != null && max != null && minInclusive && maxInclusive) {
            return "between " + min.toPlainString() + " and " + max.toPlainString();
        }
        if (min != null && max != null) {
            return lower() + " and " + upper();
        }
        return min != null ? lower() : upper();
    }

    /** How a number that failed the lower bound fails it: "below 0.25", "not above 0.25". */
    String lowerFailure() {
        return (minInclusive ? "below " : "not above ") + min.toPlainString();
    }

    /** How a number that failed the upper bound fails it: "above 0.8", "not below 0.8". */
    String upperFailure() {
        return (maxInclusive ? "above " : "not below ") + max.toPlainString();
    }

    private String lower() {
        return minInclusive ? min.toPlainString() + " or more" : "above " + min.toPlainString();
    }

    private String upper() {
        return maxInclusive ? max.toPlainString() + " or less" : "below " + max.toPlainString();
    }
}
