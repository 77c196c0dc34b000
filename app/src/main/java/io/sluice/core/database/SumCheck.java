package io.sluice.core.database;

import io.sluice.core.database.CheckTokenizer.Kind;
import io.sluice.core.database.CheckTokenizer.Token;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        /** A value of a kind this restatement does not cover (text in a numeric column, a huge number): ask the database. */
        ASK_DATABASE
    }

    /** Integer values and constants stay below this, so no database's BIGINT arithmetic overflows where ours would not. */
    private static final BigDecimal INTEGER_LIMIT = BigDecimal.TEN.pow(15);
    private static final long INTEGER_LIMIT_LONG = 1_000_000_000_000_000L;
    private static final int MAX_TERMS = 100;
    /** The precision {@link DatabaseCheckEvaluator#castType} gives numeric columns; a longer value fails its cast. */
    private static final int MAX_PRECISION = 1000;

    private final String constraint;
    private final List<ColumnInfo> columns;
    /** Per column: the scale its values are rounded to, or -1 for an integer column. */
    private final int[] scales;
    private final List<Comparison> comparisons;

    private SumCheck(String constraint, List<ColumnInfo> columns, List<Comparison> comparisons) {
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
        try {
            Parser parser = new Parser(table, CheckTokenizer.tokenize(constraint.expression()));
            List<Comparison> comparisons = parser.condition();
            parser.expectEnd();
            if (parser.columns.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new SumCheck(constraint.name(), parser.columns, comparisons));
        } catch (NotRestatable | IllegalArgumentException e) {
            return Optional.empty();
        }
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
        for (Comparison comparison : comparisons) {
            Outcome part = comparison.evaluate(cast);
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

    private static boolean isInteger(ColumnInfo column) {
        return switch (column.type()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> true;
            default -> false;
        };
    }

    /** Whether the evaluator's cast of this column is one this class restates exactly. */
    private static boolean restatable(ColumnInfo column) {
        return switch (column.type()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> true;
            case NUMERIC, DECIMAL -> column.scale() != null && column.scale() >= 0 && column.scale() <= MAX_PRECISION;
            default -> false;
        };
    }

    /** One column (with its COALESCE default, if any) or constant of a sum, added or subtracted. */
    private record Term(int column, BigDecimal ifNull, BigDecimal constant, boolean negated) {

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
    private record Comparison(List<Term> terms, String operator) {

        Outcome evaluate(BigDecimal[] values) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Term term : terms) {
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

    /** Thrown inside the parser when the expression leaves what this class restates. */
    private static final class NotRestatable extends RuntimeException {
        NotRestatable() {
            super(null, null, false, false);
        }
    }

    private static final class Parser {
        private static final List<String> OPERATORS = List.of("=", "<>", "!=", "<", "<=", ">", ">=");
        private static final List<String> NUMERIC_TYPES = List.of("numeric", "decimal", "integer", "int", "int4",
                "int8", "bigint", "smallint", "int2");

        private final TableInfo table;
        private final List<Token> tokens;
        private final List<ColumnInfo> columns = new ArrayList<>();
        private int pos;
        private int termCount;

        Parser(TableInfo table, List<Token> tokens) {
            this.table = table;
            this.tokens = tokens;
        }

        List<Comparison> condition() {
            List<Comparison> parts = new ArrayList<>(conjunct());
            while (peek().is("AND")) {
                pos++;
                parts.addAll(conjunct());
            }
            return parts;
        }

        private List<Comparison> conjunct() {
            if (peek().is("(")) {
                int saved = pos;
                int savedTerms = termCount;
                int savedColumns = columns.size();
                try {
                    pos++;
                    List<Comparison> inner = condition();
                    expect(")");
                    return inner;
                } catch (NotRestatable e) {
                    // not a parenthesised condition: a parenthesised sum such as (a + b) <= 1200
                    pos = saved;
                    termCount = savedTerms;
                    columns.subList(savedColumns, columns.size()).clear();
                }
            }
            return List.of(comparison());
        }

        private Comparison comparison() {
            List<Term> terms = new ArrayList<>(sum());
            Token operator = next();
            if (operator.kind() != Kind.SYMBOL || !OPERATORS.contains(operator.text())) {
                throw new NotRestatable();
            }
            for (Term right : sum()) {
                terms.add(right.negate());
            }
            return new Comparison(List.copyOf(terms), operator.text());
        }

        private List<Term> sum() {
            List<Term> terms = new ArrayList<>(signed(false));
            while (peek().is("+") || peek().is("-")) {
                boolean minus = next().is("-");
                terms.addAll(signed(minus));
            }
            return terms;
        }

        private List<Term> signed(boolean negated) {
            if (peek().is("-") || peek().is("+")) {
                boolean minus = next().is("-");
                return signed(negated != minus);
            }
            List<Term> terms = new ArrayList<>();
            for (Term term : term()) {
                terms.add(negated ? term.negate() : term);
            }
            return terms;
        }

        private List<Term> term() {
            Token t = peek();
            if (t.is("(")) {
                pos++;
                List<Term> inner = sum();
                expect(")");
                if (peek().is("::")) {
                    if (inner.size() != 1) {
                        throw new NotRestatable();
                    }
                    Term only = inner.get(0);
                    if (only.column() >= 0) {
                        castColumn(only);
                        return inner;
                    }
                    return List.of(constant(castConstant(only.constant())));
                }
                return inner;
            }
            if (t.kind() == Kind.NUMBER || t.kind() == Kind.STRING) {
                return List.of(constant(literal()));
            }
            if (t.is("CAST")) {
                pos++;
                expect("(");
                BigDecimal value = signedNumber();
                expect("AS");
                BigDecimal cast = castTo(value);
                expect(")");
                return List.of(constant(castConstant(cast)));
            }
            if (t.is("COALESCE")) {
                pos++;
                expect("(");
                int column = column(next());
                expect(",");
                BigDecimal ifNull = signedNumber();
                ifNull = castConstant(ifNull);
                expect(")");
                return List.of(counted(new Term(column, ifNull, null, false)));
            }
            pos++;
            Term term = counted(new Term(column(t), null, null, false));
            castColumn(term);
            return List.of(term);
        }

        /**
         * Any {@code ::numeric} (PostgreSQL's rendering of an integer column beside a numeric one) or, for an
         * integer column, {@code ::bigint} after a column: casts that never change its value. Anything else is not
         * restatable.
         */
        private void castColumn(Term term) {
            while (peek().is("::")) {
                pos++;
                Token name = next();
                boolean integerColumn = scale(term) < 0;
                boolean widening = name.is("numeric") || name.is("decimal")
                        || (integerColumn && (name.is("bigint") || name.is("int8")));
                if (name.kind() != Kind.WORD || !widening || peek().is("(")) {
                    throw new NotRestatable();
                }
            }
        }

        private int scale(Term term) {
            ColumnInfo column = columns.get(term.column());
            return isInteger(column) ? -1 : column.scale();
        }

        /** A constant, possibly in parentheses, signed and cast: {@code 0}, {@code (0)::numeric}, {@code -1}. */
        private BigDecimal signedNumber() {
            if (peek().is("(")) {
                pos++;
                BigDecimal inner = signedNumber();
                expect(")");
                return castConstant(inner);
            }
            boolean minus = false;
            while (peek().is("-") || peek().is("+")) {
                minus ^= next().is("-");
            }
            BigDecimal value = literal();
            return castConstant(minus ? value.negate() : value);
        }

        /**
         * A number, or a quoted one cast to a numeric type: PostgreSQL renders a negative constant as
         * {@code '-1.25'::numeric} so that it reads back as one constant.
         */
        private BigDecimal literal() {
            Token t = next();
            if (t.kind() == Kind.STRING && peek().is("::")) {
                return castConstant(number(t.text()));
            }
            if (t.kind() != Kind.NUMBER) {
                throw new NotRestatable();
            }
            return castConstant(number(t.text()));
        }

        /** Any {@code ::type} casts after a constant, each of which must leave its value as it is. */
        private BigDecimal castConstant(BigDecimal value) {
            BigDecimal result = value;
            while (peek().is("::")) {
                pos++;
                result = castTo(result);
            }
            return result;
        }

        /** A cast of a constant to a numeric type that keeps its exact value, else not restatable. */
        private BigDecimal castTo(BigDecimal value) {
            Token name = next();
            if (name.kind() != Kind.WORD || !NUMERIC_TYPES.contains(name.text().toLowerCase(Locale.ROOT))) {
                throw new NotRestatable();
            }
            boolean integer = !name.is("numeric") && !name.is("decimal");
            List<Integer> parameters = new ArrayList<>();
            if (peek().is("(")) {
                pos++;
                parameters.add(integer(next()));
                while (peek().is(",")) {
                    pos++;
                    parameters.add(integer(next()));
                }
                expect(")");
            }
            if (integer && (!parameters.isEmpty() || value.stripTrailingZeros().scale() > 0)) {
                throw new NotRestatable();
            }
            if (!parameters.isEmpty()) {
                int precision = parameters.get(0);
                int scale = parameters.size() > 1 ? parameters.get(1) : 0;
                BigDecimal stripped = value.stripTrailingZeros();
                if (parameters.size() > 2 || Math.max(stripped.scale(), 0) > scale
                        || stripped.precision() - stripped.scale() > precision - scale) {
                    throw new NotRestatable();
                }
            }
            return value;
        }

        private static int integer(Token t) {
            if (t.kind() != Kind.NUMBER || !t.text().matches("\\d{1,4}")) {
                throw new NotRestatable();
            }
            return Integer.parseInt(t.text());
        }

        private static BigDecimal number(String text) {
            try {
                BigDecimal value = new BigDecimal(text);
                if (value.abs().compareTo(INTEGER_LIMIT) >= 0 || value.scale() > MAX_PRECISION) {
                    throw new NotRestatable();
                }
                return value;
            } catch (NumberFormatException e) {
                throw new NotRestatable();
            }
        }

        private Term constant(BigDecimal value) {
            return counted(new Term(-1, null, value, false));
        }

        private Term counted(Term term) {
            if (++termCount > MAX_TERMS) {
                throw new NotRestatable();
            }
            return term;
        }

        /** The index of the table's column a token names (added on first mention); not restatable otherwise. */
        private int column(Token t) {
            if (t.kind() != Kind.QUOTED && (t.kind() != Kind.WORD || peek().is("("))) {
                throw new NotRestatable();
            }
            ColumnInfo column = (t.kind() == Kind.QUOTED ? table.columns().stream()
                    .filter(c -> c.name().equals(t.text())).findFirst() : table.column(t.text()))
                    .filter(SumCheck::restatable).orElseThrow(NotRestatable::new);
            int index = columns.indexOf(column);
            if (index < 0) {
                columns.add(column);
                index = columns.size() - 1;
            }
            return index;
        }

        void expectEnd() {
            if (next().kind() != Kind.END) {
                throw new NotRestatable();
            }
        }

        private void expect(String symbolOrKeyword) {
            if (!next().is(symbolOrKeyword)) {
                throw new NotRestatable();
            }
        }

        private Token peek() {
            return tokens.get(pos);
        }

        private Token next() {
            Token t = tokens.get(pos);
            if (t.kind() != Kind.END) {
                pos++;
            }
            return t;
        }
    }
}
