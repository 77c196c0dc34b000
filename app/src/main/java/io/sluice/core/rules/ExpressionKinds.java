package io.sluice.core.rules;

import com.ezylang.evalex.BaseException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.parser.ASTNode;
import com.ezylang.evalex.parser.Token;
import io.sluice.core.database.ColumnInfo;

import java.math.BigDecimal;
import java.sql.JDBCType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds, before any row is read, a comparison in a rule expression that can never be computed because its two sides
 * are of kinds {@link Comparisons} refuses on every row: a date with a text or a number, a number with a text that is
 * not one, a truth value with anything but a truth value. The kinds come from the target columns the expression
 * reads and from its literals and functions; where a side's kind is not known (an {@code IF} of two kinds, a text
 * column that may hold numbers) nothing is said, and the row decides as before.
 */
public final class ExpressionKinds {

    /** The kind of value an expression's part has on every row, as EvalEx holds it. */
    public enum Kind {
        NUMBER("a number"), TEXT("a text"), DATE("a date"), TRUTH("a truth value");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** "a date", for sentences. */
        public String words() {
            return words;
        }
    }

    /**
     * A comparison that can never be computed.
     *
     * @param position 1-based position of its operator in the expression
     * @param operands "cast_date (a date) with "2021-01-01" (a text)"
     * @param advice   what to write instead: "write cast_date &gt; DATE("2021-01-01") to compare it with that day"
     */
    public record Mismatch(int position, String operands, String advice) {

        /** "The comparison of cast_date (a date) with "2021-01-01" (a text) at position 11 can never be ...". */
        public String sentence() {
            return "The comparison of " + operands + " at position " + position + " can never be computed: "
                    + advice + ".";
        }
    }

    private static final Set<String> COMPARISONS = Set.of("=", "==", "!=", "<>", "<", "<=", ">", ">=");
    private static final Set<String> LOGIC = Set.of("&&", "||", "!");
    private static final Set<String> NUMBER_FUNCTIONS = Set.of("ABS", "ROUND", "FLOOR", "CEILING", "MIN", "MAX",
            "SUM", "AVERAGE", "SQRT", "STR_LENGTH");
    private static final Set<String> TEXT_FUNCTIONS = Set.of("STR_UPPER", "STR_LOWER", "STR_TRIM");
    private static final Set<String> TRUTH_FUNCTIONS = Set.of("NOT", "STR_CONTAINS", "STR_STARTS_WITH",
            "STR_ENDS_WITH", "STR_MATCHES");
    private static final Set<String> DATE_FUNCTIONS = Set.of("TODAY", "DATE", "DT_DATE_NEW");

    private ExpressionKinds() {
    }

    /**
     * The kinds of the mapped target columns whose values reach expressions as one kind on every row, by lower-case
     * name: numbers, texts, dates and timestamps (both dates to EvalEx), truth values. Other types are left out.
     */
    public static Map<String, Kind> ofColumns(List<ColumnInfo> columns) {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (ColumnInfo column : columns) {
            Kind kind = kindOf(column);
            if (kind != null) {
                kinds.put(column.name().toLowerCase(Locale.ROOT), kind);
            }
        }
        return kinds;
    }

    /** The kind a column's values have in an expression, or null when it is none of the four or not known. */
    static Kind kindOf(ColumnInfo column) {
        if (column.type() == null) {
            return null;
        }
        String typeName = column.typeName() == null ? "" : column.typeName().toLowerCase(Locale.ROOT);
        if (typeName.equals("json") || typeName.equals("jsonb") || typeName.equals("uuid")
                || typeName.endsWith(" array")) {
            return null;
        }
        return switch (column.type()) {
            case NUMERIC, DECIMAL, DOUBLE, FLOAT, REAL, INTEGER, SMALLINT, TINYINT, BIGINT -> Kind.NUMBER;
            case CHAR, VARCHAR, LONGVARCHAR, NCHAR, NVARCHAR, LONGNVARCHAR, CLOB, NCLOB -> Kind.TEXT;
            case DATE, TIMESTAMP, TIMESTAMP_WITH_TIMEZONE -> Kind.DATE;
            case BOOLEAN, BIT -> Kind.TRUTH;
            default -> null;
        };
    }

    /**
     * The first comparison of {@code source} that can never be computed, or null when there is none, the kinds do
     * not tell, or the expression does not parse (its syntax is reported elsewhere).
     *
     * @param kinds the columns' kinds by lower-case name, as {@link #ofColumns} gives them
     */
    public static Mismatch firstMismatch(String source, Map<String, Kind> kinds) {
        if (source == null || source.isBlank()) {
            return null;
        }
        ASTNode root;
        try {
            root = new Expression(source, ExpressionLanguage.CONFIGURATION).getAbstractSyntaxTree();
        } catch (BaseException e) {
            return null;
        }
        Walk walk = new Walk(source, kinds);
        walk.kind(root);
        return walk.first;
    }

    /** One pass over the syntax tree: each part's kind, keeping the first comparison that cannot be computed. */
    private static final class Walk {
        private final String source;
        private final Map<String, Kind> kinds;
        private Mismatch first;

        Walk(String source, Map<String, Kind> kinds) {
            this.source = source;
            this.kinds = kinds;
        }

        /** The node's kind, or null when it is not known (or NULL). */
        Kind kind(ASTNode node) {
            Token token = node.getToken();
            List<ASTNode> parameters = node.getParameters();
            Kind[] of = new Kind[parameters.size()];
            for (int i = 0; i < of.length; i++) {
                of[i] = kind(parameters.get(i));
            }
            String value = token.getValue();
            return switch (token.getType()) {
                case NUMBER_LITERAL -> Kind.NUMBER;
                case STRING_LITERAL -> Kind.TEXT;
                case VARIABLE_OR_CONSTANT -> variable(value);
                case FUNCTION -> function(value.toUpperCase(Locale.ROOT), of);
                case PREFIX_OPERATOR -> value.equals("!") ? Kind.TRUTH : of.length == 1 && of[0] == Kind.NUMBER
                        ? Kind.NUMBER : null;
                case INFIX_OPERATOR -> infix(node, value, of);
                default -> null;
            };
        }

        private Kind variable(String name) {
            Kind kind = kinds.get(name.toLowerCase(Locale.ROOT));
            if (kind != null) {
                return kind;
            }
            return switch (name.toUpperCase(Locale.ROOT)) {
                case "TRUE", "FALSE" -> Kind.TRUTH;
                case "PI", "E" -> Kind.NUMBER;
                default -> null;
            };
        }

        private static Kind function(String name, Kind[] of) {
            if (NUMBER_FUNCTIONS.contains(name)) {
                return Kind.NUMBER;
            }
            if (TEXT_FUNCTIONS.contains(name)) {
                return Kind.TEXT;
            }
            if (TRUTH_FUNCTIONS.contains(name)) {
                return Kind.TRUTH;
            }
            if (DATE_FUNCTIONS.contains(name)) {
                return Kind.DATE;
            }
            if (name.equals("IF") && of.length == 3) {
                return of[1] == of[2] ? of[1] : null;
            }
            if (name.equals("COALESCE") && of.length > 0) {
                for (Kind k : of) {
                    if (k != of[0]) {
                        return null;
                    }
                }
                return of[0];
            }
            return null;
        }

        private Kind infix(ASTNode node, String operator, Kind[] of) {
            if (COMPARISONS.contains(operator)) {
                if (first == null) {
                    first = mismatch(node, operator, of[0], of[1]);
                }
                return Kind.TRUTH;
            }
            if (LOGIC.contains(operator)) {
                return Kind.TRUTH;
            }
            if (operator.equals("+") && (of[0] == Kind.TEXT || of[1] == Kind.TEXT)) {
                return Kind.TEXT; // EvalEx joins texts
            }
            return of[0] == Kind.NUMBER && of[1] == Kind.NUMBER ? Kind.NUMBER : null;
        }

        /** What {@link Comparisons} answers on every row for these kinds, or null when a row may compare them. */
        private Mismatch mismatch(ASTNode node, String operator, Kind left, Kind right) {
            if (left == null || right == null || left == right) {
                return null;
            }
            ASTNode leftNode = node.getParameters().get(0);
            ASTNode rightNode = node.getParameters().get(1);
            String leftText = text(leftNode);
            String rightText = text(rightNode);
            String operands = leftText + " (" + left.words() + ") with " + rightText + " (" + right.words() + ")";
            int position = node.getToken().getStartPosition();
            if (left == Kind.DATE || right == Kind.DATE) {
                boolean dateLeft = left == Kind.DATE;
                ASTNode other = dateLeft ? rightNode : leftNode;
                String day = other.getToken().getType() == Token.TokenType.STRING_LITERAL
                        && Comparisons.isDay(other.getToken().getValue()) ? other.getToken().getValue().strip() : null;
                if (day != null) {
                    String written = "DATE(\"" + day + "\")";
                    return new Mismatch(position, operands, "write " + (dateLeft ? leftText + " " + operator + " "
                            + written : written + " " + operator + " " + rightText) + " to compare it with that day");
                }
                return new Mismatch(position, operands,
                        "a date compares only with a date, such as DATE(\"2021-01-01\") or TODAY()");
            }
            if (left == Kind.TRUTH || right == Kind.TRUTH) {
                return new Mismatch(position, operands, "a truth value compares only with TRUE or FALSE");
            }
            // a number and a text: only a text that is no number on any row is known to fail, a literal one
            ASTNode text = left == Kind.TEXT ? leftNode : rightNode;
            if (text.getToken().getType() == Token.TokenType.STRING_LITERAL && !isNumber(text.getToken().getValue())) {
                return new Mismatch(position, operands, "a number compares only with a number");
            }
            return null;
        }

        private static boolean isNumber(String text) {
            try {
                new BigDecimal(text.strip());
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        /** The part of the source a node was read from: "cast_date", "\"2021-01-01\"", "DATE(cast_date)". */
        private String text(ASTNode node) {
            int[] span = {Integer.MAX_VALUE, 0};
            span(node, span);
            int from = Math.max(0, span[0] - 1);
            int to = Math.min(source.length(), Math.max(from, span[1]));
            return source.substring(from, to).strip();
        }

        /** Widens span (0-based start inclusive, end exclusive) to cover the node and what it holds. */
        private void span(ASTNode node, int[] span) {
            Token token = node.getToken();
            int start = token.getStartPosition();
            int end = switch (token.getType()) {
                case STRING_LITERAL -> literalEnd(start - 1);
                case FUNCTION -> closingParenthesis(start - 1 + token.getValue().length());
                default -> start - 1 + token.getValue().length();
            };
            span[0] = Math.min(span[0], start);
            span[1] = Math.max(span[1], end);
            for (ASTNode p : node.getParameters()) {
                span(p, span);
            }
        }

        /** The end (exclusive) of the quoted literal opening at {@code at}. */
        private int literalEnd(int at) {
            char quote = source.charAt(at);
            for (int i = at + 1; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    return i + 1;
                }
            }
            return source.length();
        }

        /** The end (exclusive) of the parenthesis opening at or after {@code from}, quoted texts skipped. */
        private int closingParenthesis(int from) {
            int depth = 0;
            for (int i = from; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '"' || c == '\'') {
                    i = literalEnd(i) - 1;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i + 1;
                }
            }
            return source.length();
        }
    }
}
