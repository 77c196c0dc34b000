package io.sluice.desktop.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition built from a column, an operator and a value, as the "Required when…" form offers it, written as the
 * profile expression it stands for ({@code age_days != null}, {@code plant = "P2"}, {@code age_days >= 28},
 * {@code cast_date > DATE("2021-01-01")}); and a
 * written condition read back into those three parts when it has that shape.
 *
 * @param column   the target column the condition is about
 * @param operator one of {@link #OPERATORS}
 * @param value    the value compared with; ignored by "has a value" and "is empty"
 */
public record RuleCondition(String column, String operator, String value) {

    public static final String HAS_VALUE = "has a value";
    public static final String IS_EMPTY = "is empty";
    /** The operators the form offers, in its order. */
    public static final List<String> OPERATORS = List.of(HAS_VALUE, IS_EMPTY, "=", "!=", "<", "<=", ">", ">=");

    private static final Pattern SHAPE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*) (==|!=|=|<=|>=|<|>)"
            + " (null|-?[0-9]+(?:\\.[0-9]+)?|\"[^\"\\\\]*\"|DATE\\(\"[0-9]{4}-[0-9]{2}-[0-9]{2}\"\\))");
    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** Whether the operator compares with a value the steward types. */
    public static boolean needsValue(String operator) {
        return operator != null && !HAS_VALUE.equals(operator) && !IS_EMPTY.equals(operator);
    }

    /** The expression the profile writes; numbers stay numbers, other values are quoted. */
    public String expression() {
        return expression(false);
    }

    /**
     * As {@link #expression()}; about a date column ({@code dateColumn}), a day typed as 2021-01-01 is written
     * {@code DATE("2021-01-01")}, since a date never compares with a text.
     */
    public String expression(boolean dateColumn) {
        String v = value == null ? "" : value.strip();
        if (dateColumn && needsValue(operator) && DAY.matcher(v).matches()) {
            return column + " " + operator + " DATE(\"" + v + "\")";
        }
        if (HAS_VALUE.equals(operator)) {
            return column + " != null";
        }
        if (IS_EMPTY.equals(operator)) {
            return column + " == null";
        }
        return column + " " + operator + " " + literal(value);
    }

    private static String literal(String value) {
        String v = value == null ? "" : value.strip();
        try {
            new BigDecimal(v);
            return v;
        } catch (NumberFormatException e) {
            return "\"" + v + "\"";
        }
    }

    /**
     * The parts of a written condition, or null when it has another shape (it is then kept as typed): read back, the
     * parts write exactly the same expression.
     */
    public static RuleCondition parse(String expression) {
        if (expression == null) {
            return null;
        }
        Matcher m = SHAPE.matcher(expression);
        if (!m.matches()) {
            return null;
        }
        String column = m.group(1);
        String op = m.group(2);
        String literal = m.group(3);
        RuleCondition condition;
        if (literal.equals("null")) {
            condition = switch (op) {
                case "!=" -> new RuleCondition(column, HAS_VALUE, "");
                case "==" -> new RuleCondition(column, IS_EMPTY, "");
                default -> null;
            };
        } else {
            String value = literal.startsWith("DATE(") ? literal.substring(6, literal.length() - 2)
                    : literal.startsWith("\"") ? literal.substring(1, literal.length() - 1) : literal;
            condition = new RuleCondition(column, op, value);
        }
        return condition != null && condition.expression(literal.startsWith("DATE(")).equals(expression) ? condition
                : null;
    }
}
