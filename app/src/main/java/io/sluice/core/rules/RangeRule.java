package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.mapping.MappedColumn;
import io.sluice.core.mapping.MappedRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Consumer;

/** A number must lie within bounds: a profile {@code range} rule or a simple CHECK such as {@code x >= 0}. */
final class RangeRule implements RowRule {

    private final String id;
    private final String target;
    /** Found once per mapper: the rule reads it on every row. */
    private final MappedColumn column;
    private final BigDecimal min;
    private final boolean minInclusive;
    private final BigDecimal max;
    private final boolean maxInclusive;
    private final Severity severity;
    private final String message;
    /** Built once: this rule runs on every row, and the bounds never change. */
    private final Bounds bounds;
    /** For a CHECK on a NUMERIC column: the column's scale, to which the database rounds before it checks; or null. */
    private final Integer storedScale;

    RangeRule(String id, String target, BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive,
              Severity severity, String message) {
        this(id, target, min, minInclusive, max, maxInclusive, severity, message, null);
    }

    /**
     * A rule that judges the value as a column of that scale stores it (rounded half up, as PostgreSQL and H2 round),
     * as a CHECK constraint sees it: 999.995 into NUMERIC(8,2) is checked as 1000.00.
     */
    RangeRule(String id, String target, BigDecimal min, boolean minInclusive, BigDecimal max, boolean maxInclusive,
              Severity severity, String message, Integer storedScale) {
        this.id = id;
        this.target = target;
        this.column = new MappedColumn(target);
        this.min = min;
        this.minInclusive = minInclusive;
        this.max = max;
        this.maxInclusive = maxInclusive;
        this.severity = severity;
        this.message = message;
        this.bounds = new Bounds(min, minInclusive, max, maxInclusive);
        this.storedScale = storedScale;
    }

    @Override
    public RuleReach reach() {
        return RuleReach.of(id, List.of(target));
    }

    @Override
    public void check(MappedRow row, Consumer<Finding> findings) {
        BigDecimal n = NumericRule.asDecimal(row.value(column));
        if (n == null) {
            return;
        }
        BigDecimal stored = storedScale != null && n.scale() > storedScale
                ? n.setScale(storedScale, RoundingMode.HALF_UP) : n;
        if (inRange(stored)) {
            return;
        }
        report(row, n, stored, findings);
    }

    // Apart from check(), so that the compiler does not build this rare sentence into the per-row method.
    private void report(MappedRow row, BigDecimal n, BigDecimal stored, Consumer<Finding> findings) {
        String value = n.toPlainString() + (stored == n ? "" : " (stored as " + stored.toPlainString() + ")");
        findings.accept(Findings.onCell(row, target, id, severity, Findings.message(message,
                Findings.label(row, target) + " " + value + " is " + describe() + ".")));
    }

    private boolean inRange(BigDecimal n) {
        return bounds.contains(n);
    }

    /** "outside the allowed range [0.25, 0.8]", "below the minimum 0", "not above 0", ... */
    private String describe() {
        if (min != null && max != null) {
            return "outside the allowed range " + (minInclusive ? "[" : "(") + min.toPlainString() + ", "
                    + max.toPlainString() + (maxInclusive ? "]" : ")");
        }
        if (min != null) {
            return minInclusive ? "below the minimum " + min.toPlainString()
                    : "not above " + min.toPlainString();
        }
        return maxInclusive ? "above the maximum " + max.toPlainString() : "not below " + max.toPlainString();
    }
}
