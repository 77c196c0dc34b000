package io.sluice.core.database;

import java.math.BigDecimal;
import java.util.List;

/**
 * A CHECK constraint (or one AND-ed part of it) simple enough to become a validation rule: a range of one column,
 * or a list of allowed values. As in SQL, a null value satisfies it.
 *
 * @param constraint   name of the CHECK constraint it comes from
 * @param column       the column as written in the constraint (compare case-insensitively with the table's columns)
 * @param min          lower bound, or null
 * @param minInclusive whether {@code min} itself is allowed
 * @param max          upper bound, or null
 * @param maxInclusive whether {@code max} itself is allowed
 * @param allowed      allowed values as text (numbers in plain notation, strings unquoted); empty for a range
 */
public record SimpleCheck(String constraint, String column, BigDecimal min, boolean minInclusive, BigDecimal max,
                          boolean maxInclusive, List<String> allowed) {

    public SimpleCheck {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /** A range check (min and/or max), as opposed to a list of allowed values. */
    public boolean isRange() {
        return allowed.isEmpty();
    }

    /** Whether a number satisfies this check; null satisfies every check. */
    public boolean accepts(BigDecimal value) {
        if (value == null) {
            return true;
        }
        if (!isRange()) {
            return allowed.stream().anyMatch(a -> isNumber(a) && new BigDecimal(a).compareTo(value) == 0);
        }
        boolean aboveMin = min == null || (minInclusive ? value.compareTo(min) >= 0 : value.compareTo(min) > 0);
        boolean belowMax = max == null || (maxInclusive ? value.compareTo(max) <= 0 : value.compareTo(max) < 0);
        return aboveMin && belowMax;
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
