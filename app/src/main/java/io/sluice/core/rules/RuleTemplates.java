package io.sluice.core.rules;

import io.sluice.core.profile.RuleSpec;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * Profile rules for the common cases, ready to preview, apply or save: a ratio or a sum within bounds, a date not in
 * the future, a number far from its column's mean. Each answers a plain {@link RuleSpec}, as the steward could have
 * written it; nothing here reads a file or a database.
 */
public final class RuleTemplates {

    private RuleTemplates() {
    }

    /**
     * {@code numerator / denominator} between min and max (either may be null, both inclusive), e.g. the water/cement
     * ratio between 0.25 and 0.80. A row whose denominator is blank is not judged; one whose
     * denominator is 0 is flagged as not computable.
     */
    public static RuleSpec ratioWithin(String id, String numerator, String denominator, BigDecimal min,
                                       BigDecimal max) {
        requireBound(min, max);
        return expression(id, Objects.requireNonNull(numerator, "numerator") + " / "
                + Objects.requireNonNull(denominator, "denominator"), min, max, null, null);
    }

    /**
     * The sum of the columns between min and max (either may be null, both inclusive), e.g. shares adding up to
     * 100.
     */
    public static RuleSpec sumWithin(String id, List<String> columns, BigDecimal min, BigDecimal max) {
        if (columns == null || columns.isEmpty()) {
            throw new IllegalArgumentException("A sum needs at least one column.");
        }
        requireBound(min, max);
        return expression(id, String.join(" + ", columns), min, max, null, null);
    }

    /**
     * The column's date is today or earlier: {@code DATE(column) <= TODAY()}, so a timestamp later today passes too.
     * A blank date is not judged (add a {@code required} rule for that).
     */
    public static RuleSpec dateNotInFuture(String id, String column) {
        Objects.requireNonNull(column, "column");
        return expression(id, "DATE(" + column + ") <= TODAY()", null, null, null,
                "The date must not lie in the future.");
    }

    /**
     * A warning for a number more than k standard deviations from the column's mean: a range from
     * {@code mean - k * sd} to {@code mean + k * sd}, both inclusive. The mean and the standard deviation are the
     * review's (see {@code ColumnStatistics}); the bounds are rounded to 6 significant digits.
     */
    public static RuleSpec outlier(String id, String column, BigDecimal mean, BigDecimal standardDeviation,
                                   BigDecimal k) {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(standardDeviation, "standardDeviation");
        Objects.requireNonNull(k, "k");
        if (standardDeviation.signum() < 0 || k.signum() <= 0) {
            throw new IllegalArgumentException("The standard deviation must not be negative and k must be above 0.");
        }
        MathContext digits = new MathContext(6);
        BigDecimal spread = standardDeviation.multiply(k);
        BigDecimal min = mean.subtract(spread).round(digits).stripTrailingZeros();
        BigDecimal max = mean.add(spread).round(digits).stripTrailingZeros();
        String message = "More than " + k.stripTrailingZeros().toPlainString()
                + " standard deviations from the column's mean (" + mean.round(digits).stripTrailingZeros()
                .toPlainString() + ").";
        return new RuleSpec(id, "range", column, null, min, max, null, null, null, null, null, null, "warning",
                message);
    }

    private static RuleSpec expression(String id, String expression, BigDecimal min, BigDecimal max,
                                       String severity, String message) {
        return new RuleSpec(id, "expression", null, null, min, max, null, null, null, null, null, expression,
                severity, message);
    }

    private static void requireBound(BigDecimal min, BigDecimal max) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("Give a min, a max or both.");
        }
    }
}
