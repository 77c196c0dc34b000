package io.sluice.core.database;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * A CHECK constraint that compares sums of numeric columns and constants ({@code cement_kg + COALESCE(fly_ash_kg, 0)
 * + COALESCE(slag_kg, 0) <= 1200}, AND-ed comparisons, {@code a <= b}), restated in Sluice with the database's own
 * answer for every value: each value rounded half away from zero to its column's scale, as
 * {@link DatabaseCheckEvaluator} has the database cast it, the sums exact, and a NULL making a comparison unknown,
 * which a CHECK accepts. A value it cannot vouch for is left to the database ({@link Outcome#ASK_DATABASE}).
 */
public final class SumCheck {

    /** What a row's values make of the constraint. */
    public enum Outcome {
        /** The condition is true. */
        HOLDS,
        /** The condition is false: the database would refuse the row. */
        BROKEN,
        /** The condition is unknown (a NULL in it), which a CHECK constraint accepts. */
        UNKNOWN,
        /** A value this restatement does not cover (text in a numeric column, a huge number): ask the database. */
        ASK_DATABASE
    }

    /** Integers and constants stay below this, so no database's BIGINT sum overflows where ours would not. */
    static final BigDecimal INTEGER_LIMIT = BigDecimal.TEN.pow(15);
    private static final long INTEGER_LIMIT_LONG = 1_000_000_000_000_000L;
    static final int MAX_TERMS = 100;
    /** The precision {@link DatabaseCheckEvaluator#castType} gives numeric columns; a longer value fails its cast. */
    static final int MAX_PRECISION = 1000;

    private final String constraint;
    private final List<ColumnInfo> columns;
    /** Per column: the scale its values are rounded to, or -1 for an integer column. */
    private final int[] scales;
    private final List<Comparison> comparisons;

    SumCheck(String constraint, List<ColumnInfo> columns, List<Comparison> comparisons) {
        this.constraint = constraint;
        this.columns = List.copyOf(columns);
        this.scales = new int[columns.size()];
        for (int i = 0; i < scales.length; i++) {
            scales[i] = isInteger(columns.get(i)) ? -1 : columns.get(i).scale();
        }
        this.comparisons = List.copyOf(comparisons);
    }

    /**
     * The constraint restated, or empty when it is anything but AND-ed comparisons of sums of numeric or integer
     * columns of {@code table} (with a fixed scale) and numeric constants.
     */
    public static Optional<SumCheck> parse(CheckConstraint constraint, TableInfo table) {
        return SumCheckParser.parse(constraint, table);
    }

    /** Name of the CHECK constraint. */
    public String constraint() {
        return constraint;
    }

    /** The table's columns the constraint reads, in the order {@link #evaluate} takes their values. */
    public List<ColumnInfo> columns() {
        return columns;
    }

    /**
     * The constraint over one row's typed values, given in the order of {@link #columns()}: BigDecimal, Long, Integer,
     * Short or null. Any other value, or one outside what the database's cast takes, is {@link Outcome#ASK_DATABASE}.
     */
    public Outcome evaluate(Object[] values) {
        BigDecimal[] cast = new BigDecimal[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                cast[i] = cast(values[i], scales[i]);
                if (cast[i] == null) {
                    return Outcome.ASK_DATABASE;
                }
            }
        }
        // AND in SQL: false if any part is false, else unknown if any part is unknown
        Outcome outcome = Outcome.HOLDS;
        // index loops: this runs for every row, and an iterator per row is garbage the collector must clear
        for (int c = 0; c < comparisons.size(); c++) {
            Outcome part = comparisons.get(c).evaluate(cast);
            if (part == Outcome.BROKEN) {
                return Outcome.BROKEN;
            }
            if (part == Outcome.UNKNOWN) {
                outcome = Outcome.UNKNOWN;
            }
        }
        return outcome;
    }

    /** The value as the database sees it after {@code CAST(? AS ...)}, or null when that is not known here. */
    private static BigDecimal cast(Object value, int scale) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            long v = ((Number) value).longValue();
            return v > -INTEGER_LIMIT_LONG && v < INTEGER_LIMIT_LONG ? BigDecimal.valueOf(v) : null;
        }
        if (value instanceof BigDecimal d && scale >= 0) {
            // both H2 and PostgreSQL round a cast to a numeric scale half away from zero, which is HALF_UP here
            BigDecimal rounded = d.scale() == scale ? d : d.setScale(scale, RoundingMode.HALF_UP);
            return rounded.precision() <= MAX_PRECISION ? rounded : null;
        }
        return null;
    }

    static boolean isInteger(ColumnInfo column) {
        return switch (column.type()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> true;
            default -> false;
        };
    }

    /** Whether the evaluator's cast of this column is one this class restates exactly. */
    static boolean restatable(ColumnInfo column) {
        return switch (column.type()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> true;
            case NUMERIC, DECIMAL -> column.scale() != null && column.scale() >= 0 && column.scale() <= MAX_PRECISION;
            default -> false;
        };
    }

    /** One column (with its COALESCE default, if any) or constant of a sum, added or subtracted. */
    record Term(int column, BigDecimal ifNull, BigDecimal constant, boolean negated) {

        /** The term's value, or null when it is NULL. */
        BigDecimal value(BigDecimal[] values) {
            if (column < 0) {
                return constant;
            }
            BigDecimal v = values[column];
            return v != null ? v : ifNull;
        }

        Term negate() {
            return new Term(column, ifNull, constant, !negated);
        }
    }

    /** {@code left op right}, kept as the terms of {@code left - right} compared with zero. */
    record Comparison(List<Term> terms, String operator) {

        Outcome evaluate(BigDecimal[] values) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int t = 0; t < terms.size(); t++) {
                Term term = terms.get(t);
                BigDecimal v = term.value(values);
                if (v == null) {
                    return Outcome.UNKNOWN;
                }
                sum = term.negated() ? sum.subtract(v) : sum.add(v);
            }
            int sign = sum.signum();
            boolean holds = switch (operator) {
                case "=" -> sign == 0;
                case "<>", "!=" -> sign != 0;
                case "<" -> sign < 0;
                case "<=" -> sign <= 0;
                case ">" -> sign > 0;
                case ">=" -> sign >= 0;
                default -> throw new IllegalStateException(operator);
            };
            return holds ? Outcome.HOLDS : Outcome.BROKEN;
        }
    }

}
