package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.mapping.MappedColumn;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.database.ColumnInfo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A number must fit its target column: at most precision - scale digits before the decimal point for NUMERIC/DECIMAL
 * (an error: the database would refuse it), at most scale digits after it (a warning: the database would round it,
 * unless the rounded value is what the cell shows anyway), and within the bounds of SMALLINT/INTEGER/BIGINT.
 */
final class NumericRule implements RowRule {

    static final String PRECISION = "precision";
    static final String SCALE = "scale";
    static final String RANGE = "integer-range";

    private final String target;
    /** Found once per mapper: the rule reads it on every row. */
    private final MappedColumn column;
    private final Integer precision;
    private final Integer scale;
    private final BigDecimal min;
    private final BigDecimal max;
    /** {@link #min} and {@link #max} as longs, which they always are when set. */
    private final long minLong;
    private final long maxLong;

    private NumericRule(String target, Integer precision, Integer scale, BigDecimal min, BigDecimal max) {
        this.target = target;
        this.column = new MappedColumn(target);
        this.precision = precision;
        this.scale = scale;
        this.min = min;
        this.max = max;
        this.minLong = min == null ? 0 : min.longValueExact();
        this.maxLong = max == null ? 0 : max.longValueExact();
    }

    /** The rule for a numeric column, or null when the column's type sets no limit worth checking. */
    static NumericRule forColumn(ColumnInfo column) {
        return switch (column.type()) {
            case TINYINT -> integer(column, -128, 127);
            case SMALLINT -> integer(column, Short.MIN_VALUE, Short.MAX_VALUE);
            case INTEGER -> integer(column, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT -> integer(column, Long.MIN_VALUE, Long.MAX_VALUE);
            case NUMERIC, DECIMAL -> column.precision() != null && column.precision() > 0
                    && column.precision() < 1000 // PostgreSQL reports unconstrained numeric as 131089 or 0
                    ? new NumericRule(column.name(), column.precision(),
                    column.scale() == null ? 0 : column.scale(), null, null)
                    : null;
            default -> null;
        };
    }

    private static NumericRule integer(ColumnInfo column, long min, long max) {
        return new NumericRule(column.name(), null, null, BigDecimal.valueOf(min), BigDecimal.valueOf(max));
    }

    @Override
    public RuleReach reach() {
        return new RuleReach(Set.of(PRECISION, SCALE, RANGE), Set.of(target.toLowerCase(java.util.Locale.ROOT)));
    }

    @Override
    public void check(MappedRow row, Consumer<Finding> findings) {
        Object value = row.value(column);
        if (value instanceof Long l && min != null) {
            // an integer column's value is a Long: compared as one, without a BigDecimal made for it
            if (l < minLong || l > maxLong) {
                reportOutOfRange(row, findings);
            }
            return;
        }
        BigDecimal n = asDecimal(value);
        if (n == null) {
            return;
        }
        if (min != null && (n.compareTo(min) < 0 || n.compareTo(max) > 0)) {
            reportOutOfRange(row, findings);
            return;
        }
        if (precision == null) {
            return;
        }
        // Trailing zeros after the point never change the digits before it, so no stripping is needed here.
        int integerDigits = n.signum() == 0 ? 0 : Math.max(n.precision() - n.scale(), 0);
        int allowedIntegerDigits = precision - scale;
        if (integerDigits > allowedIntegerDigits) {
            reportPrecision(row, integerDigits, allowedIntegerDigits, findings);
        } else if (n.scale() > scale && n.stripTrailingZeros().scale() > scale) {
            checkRounding(row, n, allowedIntegerDigits, findings);
        }
    }

    // The rare paths below are apart from check(), so that the compiler does not build them into the per-row method.

    private void reportOutOfRange(MappedRow row, Consumer<Finding> findings) {
        findings.accept(Findings.onCell(row, target, RANGE, Severity.ERROR,
                Findings.label(row, target) + " is outside the range the column can store (" + min.toPlainString()
                        + " to " + max.toPlainString() + ")."));
    }

    private void reportPrecision(MappedRow row, int integerDigits, int allowedIntegerDigits,
                                 Consumer<Finding> findings) {
        findings.accept(Findings.onCell(row, target, PRECISION, Severity.ERROR,
                Findings.label(row, target) + " has " + integerDigits + " digits before the decimal point; the "
                        + "column holds at most " + allowedIntegerDigits + "."));
    }

    private void checkRounding(MappedRow row, BigDecimal n, int allowedIntegerDigits, Consumer<Finding> findings) {
        BigDecimal rounded = n.setScale(scale, RoundingMode.HALF_UP);
        int roundedDigits = rounded.signum() == 0 ? 0 : Math.max(rounded.precision() - rounded.scale(), 0);
        if (roundedDigits > allowedIntegerDigits) {
            // 999.995 into NUMERIC(5,2) rounds up to 1000.00, which the database refuses as too many digits
            findings.accept(Findings.onCell(row, target, PRECISION, Severity.ERROR,
                    Findings.label(row, target) + " " + n.toPlainString() + " rounds to " + rounded.toPlainString()
                            + " at " + scale + " decimal places, " + roundedDigits + " digits before the decimal"
                            + " point; the column holds at most " + allowedIntegerDigits + "."));
            return;
        }
        // A formula cell formatted 0.000 holds 0.40714...; storing 0.407 is exactly what the steward sees, so
        // only a rounding that changes the shown value is worth a warning.
        String stored = rounded.toPlainString();
        if (!stored.equals(row.get(target).text())) {
            findings.accept(Findings.onCell(row, target, SCALE, Severity.WARNING,
                    Findings.label(row, target) + " has more than " + scale + " decimal places and will be "
                            + "stored as " + stored + "."));
        }
    }

    static BigDecimal asDecimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (value instanceof Integer i) {
            return BigDecimal.valueOf(i);
        }
        return null;
    }
}
