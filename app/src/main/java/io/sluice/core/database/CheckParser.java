package io.sluice.core.database;

import io.sluice.core.database.CheckTokenizer.Kind;
import io.sluice.core.database.CheckTokenizer.Token;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises simple CHECK constraints — {@code x >= 0}, {@code 0 < x}, {@code x BETWEEN a AND b},
 * {@code x IN (1, 3)}, {@code x IN ('A', 'B')} and AND-ed combinations — in the forms H2 and PostgreSQL render them
 * (quoted names, {@code CAST(0 AS NUMERIC(1))}, {@code (0)::numeric}, {@code = ANY (ARRAY[...])}). Everything else is
 * left to {@link DatabaseCheckEvaluator}.
 */
public final class CheckParser {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "between", "is", "null", "any",
            "all", "some", "array", "case", "when", "then", "else", "end", "like", "ilike", "similar", "true", "false",
            "cast", "as", "exists", "select", "symmetric", "escape");
    private static final Set<String> TYPE_CONTINUATIONS = Set.of("varying", "precision", "with", "without", "time",
            "zone");
    private static final Set<String> NUMERIC_TYPES = Set.of("numeric", "decimal", "dec", "number", "integer", "int",
            "int2", "int4", "int8", "smallint", "bigint", "tinyint", "real", "float", "float4", "float8",
            "double precision", "decfloat");
    private static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "character varying", "character", "char",
            "bpchar", "nvarchar", "nchar", "varchar_ignorecase", "name");

    private CheckParser() {
    }

    /** The constraint as simple checks (several for an AND), or empty when it is anything more complex. */
    public static Optional<List<SimpleCheck>> parse(CheckConstraint constraint) {
        try {
            Parser parser = new Parser(constraint.name(), CheckTokenizer.tokenize(constraint.expression()));
            List<SimpleCheck> parts = parser.conjunction();
            parser.expect(Kind.END);
            return Optional.of(merge(parts));
        } catch (NotSimple | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code x >= a AND x <= b} becomes one range, so PostgreSQL's rendering of BETWEEN reads like H2's. */
    private static List<SimpleCheck> merge(List<SimpleCheck> parts) {
        List<SimpleCheck> merged = new ArrayList<>();
        for (SimpleCheck part : parts) {
            int partner = -1;
            for (int i = 0; i < merged.size() && partner < 0 && part.isRange(); i++) {
                SimpleCheck other = merged.get(i);
                if (other.isRange() && other.column().equalsIgnoreCase(part.column())
                        && (other.min() == null || part.min() == null)
                        && (other.max() == null || part.max() == null)) {
                    partner = i;
                }
            }
            if (partner < 0) {
                merged.add(part);
            } else {
                SimpleCheck other = merged.get(partner);
                SimpleCheck lower = other.min() != null ? other : part;
                SimpleCheck upper = other.max() != null ? other : part;
                merged.set(partner, new SimpleCheck(part.constraint(), other.column(), lower.min(),
                        lower.minInclusive(), upper.max(), upper.maxInclusive(), List.of()));
            }
        }
        return List.copyOf(merged);
    }

    /** Thrown inside the parser when the expression leaves the simple subset. */
    private static final class NotSimple extends RuntimeException {
        NotSimple() {
            super(null, null, false, false);
        }
    }

    private sealed interface Operand permits Column, Literal {
    }

    private record Column(String name) implements Operand {
    }

    /** A constant: its text as a steward would type it, and its numeric value when it is a number. */
    private record Literal(String text, BigDecimal number) implements Operand {
    }

    private static final class Parser extends TokenCursor {
        private final String constraint;

        Parser(String constraint, List<Token> tokens) {
            super(tokens, NotSimple::new);
            this.constraint = constraint;
        }

        List<SimpleCheck> conjunction() {
            List<SimpleCheck> parts = new ArrayList<>(condition());
            while (peek().is("AND")) {
                pos++;
                parts.addAll(condition());
            }
            return parts;
        }

        private List<SimpleCheck> condition() {
            if (peek().is("(")) {
                int saved = pos;
                try {
                    pos++;
                    List<SimpleCheck> inner = conjunction();
                    expect(")");
                    return inner;
                } catch (NotSimple e) {
                    // not a parenthesised condition: maybe a parenthesised operand such as (grade)::text
                    pos = saved;
                }
            }
            return comparison();
        }

        private List<SimpleCheck> comparison() {
            Operand left = operand();
            if (peek().is("BETWEEN")) {
                pos++;
                BigDecimal low = number(operand());
                expect("AND");
                BigDecimal high = number(operand());
                return List.of(range(column(left), low, true, high, true));
            }
            if (peek().is("IN")) {
                pos++;
                expect("(");
                List<String> values = new ArrayList<>(List.of(literal(operand()).text()));
                while (peek().is(",")) {
                    pos++;
                    values.add(literal(operand()).text());
                }
                expect(")");
                return List.of(allowed(column(left), values));
            }
            String operator = comparisonOperator();
            if (operator.equals("=") && peek().is("ANY")) {
                pos++;
                expect("(");
                List<String> values = array();
                expect(")");
                return List.of(allowed(column(left), values));
            }
            Operand right = operand();
            if (left instanceof Column c && right instanceof Literal l) {
                return List.of(compare(c.name(), operator, l));
            }
            if (left instanceof Literal l && right instanceof Column c) {
                return List.of(compare(c.name(), mirrored(operator), l));
            }
            throw new NotSimple();
        }

        private SimpleCheck compare(String column, String operator, Literal value) {
            return switch (operator) {
                case "=" -> allowed(column, List.of(value.text()));
                case ">" -> range(column, number(value), false, null, false);
                case ">=" -> range(column, number(value), true, null, false);
                case "<" -> range(column, null, false, number(value), false);
                case "<=" -> range(column, null, false, number(value), true);
                default -> throw new NotSimple();
            };
        }

        private static String mirrored(String operator) {
            return switch (operator) {
                case ">" -> "<";
                case ">=" -> "<=";
                case "<" -> ">";
                case "<=" -> ">=";
                default -> operator;
            };
        }

        private String comparisonOperator() {
            Token t = next();
            if (t.kind() == Kind.SYMBOL && Set.of("=", "<", "<=", ">", ">=").contains(t.text())) {
                return t.text();
            }
            throw new NotSimple();
        }

        /** {@code ARRAY[a, b]}, possibly parenthesised and cast, as PostgreSQL renders {@code IN (a, b)}. */
        private List<String> array() {
            List<String> values;
            if (peek().is("(")) {
                pos++;
                values = array();
                expect(")");
            } else {
                expect("ARRAY");
                expect("[");
                values = new ArrayList<>(List.of(literal(operand()).text()));
                while (peek().is(",")) {
                    pos++;
                    values.add(literal(operand()).text());
                }
                expect("]");
            }
            while (peek().is("::")) {
                pos++;
                type();
            }
            return values;
        }

        private Operand operand() {
            Operand result = primary();
            while (peek().is("::")) {
                pos++;
                result = cast(result, type());
            }
            return result;
        }

        private Operand primary() {
            Token t = next();
            switch (t.kind()) {
                case NUMBER:
                    return number(t.text());
                case STRING:
                    return new Literal(t.text(), null);
                case QUOTED:
                    return new Column(t.text());
                case SYMBOL:
                    if (t.is("(")) {
                        Operand inner = operand();
                        expect(")");
                        return inner;
                    }
                    if ((t.is("-") || t.is("+")) && peek().kind() == Kind.NUMBER) {
                        return number((t.is("-") ? "-" : "") + next().text());
                    }
                    throw new NotSimple();
                case WORD:
                    if (t.is("CAST")) {
                        expect("(");
                        Operand inner = operand();
                        expect("AS");
                        Operand cast = cast(inner, type());
                        expect(")");
                        return cast;
                    }
                    if (KEYWORDS.contains(t.text().toLowerCase(Locale.ROOT)) || peek().is("(")) {
                        throw new NotSimple();
                    }
                    return new Column(t.text());
                default:
                    throw new NotSimple();
            }
        }

        private static Literal number(String text) {
            try {
                BigDecimal value = new BigDecimal(text);
                return new Literal(value.toPlainString(), value);
            } catch (NumberFormatException e) {
                throw new NotSimple();
            }
        }

        /** A cast that keeps the meaning simple: numbers to numeric types, text to text types. */
        private static Operand cast(Operand operand, String type) {
            boolean numeric = NUMERIC_TYPES.contains(type);
            boolean text = TEXT_TYPES.contains(type);
            if (operand instanceof Column) {
                if (numeric || text) {
                    return operand;
                }
                throw new NotSimple();
            }
            Literal literal = (Literal) operand;
            if (numeric) {
                return literal.number() != null ? literal : number(literal.text());
            }
            if (text) {
                return new Literal(literal.text(), null);
            }
            throw new NotSimple();
        }

        /** A type name such as {@code numeric(6,1)}, {@code character varying} or {@code text[]}, lower-cased. */
        private String type() {
            Token first = next();
            if (first.kind() != Kind.WORD && first.kind() != Kind.QUOTED) {
                throw new NotSimple();
            }
            StringBuilder type = new StringBuilder(first.text().toLowerCase(Locale.ROOT));
            while (peek().kind() == Kind.WORD && TYPE_CONTINUATIONS.contains(peek().text().toLowerCase(Locale.ROOT))) {
                type.append(' ').append(next().text().toLowerCase(Locale.ROOT));
            }
            if (peek().is("(")) {
                pos++;
                while (peek().kind() == Kind.NUMBER || peek().is(",")) {
                    pos++;
                }
                expect(")");
            }
            while (peek().is("[")) {
                pos++;
                expect("]");
                type.append("[]");
            }
            return type.toString();
        }

        private static Column column(Operand operand) {
            if (operand instanceof Column c) {
                return c;
            }
            throw new NotSimple();
        }

        private static Literal literal(Operand operand) {
            if (operand instanceof Literal l) {
                return l;
            }
            throw new NotSimple();
        }

        private static BigDecimal number(Operand operand) {
            if (operand instanceof Literal l && l.number() != null) {
                return l.number();
            }
            throw new NotSimple();
        }

        private SimpleCheck range(Column column, BigDecimal min, boolean minInclusive, BigDecimal max,
                                  boolean maxInclusive) {
            return range(column.name(), min, minInclusive, max, maxInclusive);
        }

        private SimpleCheck range(String column, BigDecimal min, boolean minInclusive, BigDecimal max,
                                  boolean maxInclusive) {
            return new SimpleCheck(constraint, column, min, minInclusive, max, maxInclusive, List.of());
        }

        private SimpleCheck allowed(Column column, List<String> values) {
            return allowed(column.name(), values);
        }

        private SimpleCheck allowed(String column, List<String> values) {
            return new SimpleCheck(constraint, column, null, false, null, false, values);
        }

    }
}
