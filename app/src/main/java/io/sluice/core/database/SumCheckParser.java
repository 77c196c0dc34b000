package io.sluice.core.database;

import io.sluice.core.database.CheckTokenizer.Kind;
import io.sluice.core.database.CheckTokenizer.Token;
import io.sluice.core.database.SumCheck.Comparison;
import io.sluice.core.database.SumCheck.Term;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.sluice.core.database.SumCheck.INTEGER_LIMIT;
import static io.sluice.core.database.SumCheck.MAX_PRECISION;
import static io.sluice.core.database.SumCheck.MAX_TERMS;
import static io.sluice.core.database.SumCheck.isInteger;

/**
 * Reads a CHECK expression, as H2 or PostgreSQL renders it, into a {@link SumCheck}, or finds that it leaves what
 * a sum check restates exactly.
 */
final class SumCheckParser {

    private SumCheckParser() {
    }

    /** The constraint restated, or empty when it is not AND-ed comparisons of sums (see {@link SumCheck#parse}). */
    static Optional<SumCheck> parse(CheckConstraint constraint, TableInfo table) {
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

    /** Thrown inside the parser when the expression leaves what this class restates. */
    private static final class NotRestatable extends RuntimeException {
        NotRestatable() {
            super(null, null, false, false);
        }
    }

    private static final class Parser extends TokenCursor {
        private static final List<String> OPERATORS = List.of("=", "<>", "!=", "<", "<=", ">", ">=");
        private static final List<String> NUMERIC_TYPES = List.of("numeric", "decimal", "integer", "int", "int4",
                "int8", "bigint", "smallint", "int2");

        private final TableInfo table;
        private final List<ColumnInfo> columns = new ArrayList<>();
        private int termCount;

        Parser(TableInfo table, List<Token> tokens) {
            super(tokens, NotRestatable::new);
            this.table = table;
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
            // by identity (every column comes from the same table): a record's equals() is bootstrapped through
            // method handles on its first call, some 60 generated classes in every validation of a table with a check
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i) == column) {
                    return i;
                }
            }
            columns.add(column);
            return columns.size() - 1;
        }

        void expectEnd() {
            expect(Kind.END);
        }
    }
}
