package io.sluice.core.rules;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.operators.AbstractOperator;
import com.ezylang.evalex.operators.InfixOperator;
import com.ezylang.evalex.operators.OperatorIfc;
import com.ezylang.evalex.operators.booleans.InfixEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixGreaterEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixGreaterOperator;
import com.ezylang.evalex.operators.booleans.InfixLessEqualsOperator;
import com.ezylang.evalex.operators.booleans.InfixLessOperator;
import com.ezylang.evalex.operators.booleans.InfixNotEqualsOperator;
import com.ezylang.evalex.parser.Token;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The comparison operators of rule expressions: EvalEx's own for two values of one kind, but a comparison of values
 * of different kinds (a date with a text, a date with a number, a number with a text that is not a number) cannot be
 * computed, where EvalEx would answer {@code cast_date > "x"} with {@code true} on every row. A number and a text
 * holding a number are compared as numbers.
 */
final class Comparisons {

    private Comparisons() {
    }

    /** The operators to put in place of EvalEx's comparisons, by symbol. */
    @SuppressWarnings("unchecked")
    static Map.Entry<String, OperatorIfc>[] operators() {
        return new Map.Entry[] {
                Map.entry("=", new Equality("=", new InfixEqualsOperator())),
                Map.entry("==", new Equality("==", new InfixEqualsOperator())),
                Map.entry("!=", new Equality("!=", new InfixNotEqualsOperator())),
                Map.entry("<>", new Equality("<>", new InfixNotEqualsOperator())),
                Map.entry(">", new Ordering(">", new InfixGreaterOperator())),
                Map.entry(">=", new Ordering(">=", new InfixGreaterEqualsOperator())),
                Map.entry("<", new Ordering("<", new InfixLessOperator())),
                Map.entry("<=", new Ordering("<=", new InfixLessEqualsOperator())),
        };
    }

    /** EvalEx's operator for two values of one kind, behind the check of kinds; a subclass gives the precedence. */
    private abstract static class Comparison extends AbstractOperator {
        private final String symbol;
        private final OperatorIfc same;

        Comparison(String symbol, OperatorIfc same) {
            this.symbol = symbol;
            this.same = same;
        }

        @Override
        public EvaluationValue evaluate(Expression expression, Token operatorToken, EvaluationValue... operands)
                throws EvaluationException {
            return compare(symbol, same, expression, operatorToken, operands);
        }
    }

    /** =, ==, != and &lt;&gt;, at EvalEx's precedence for equality. */
    @InfixOperator(precedence = OperatorIfc.OPERATOR_PRECEDENCE_EQUALITY)
    static final class Equality extends Comparison {
        Equality(String symbol, OperatorIfc same) {
            super(symbol, same);
        }
    }

    /** &gt;, &gt;=, &lt; and &lt;=, at EvalEx's precedence for comparison. */
    @InfixOperator(precedence = OperatorIfc.OPERATOR_PRECEDENCE_COMPARISON)
    static final class Ordering extends Comparison {
        Ordering(String symbol, OperatorIfc same) {
            super(symbol, same);
        }
    }

    private static EvaluationValue compare(String symbol, OperatorIfc same, Expression expression, Token token,
                                           EvaluationValue[] operands) throws EvaluationException {
        EvaluationValue left = operands[0];
        EvaluationValue right = operands[1];
        // NULL keeps EvalEx's meaning (x = NULL), and one kind is EvalEx's comparison as it always was
        if (left.getDataType() == right.getDataType() || left.isNullValue() || right.isNullValue()) {
            return same.evaluate(expression, token, left, right);
        }
        if (left.isNumberValue() && right.isStringValue() && number(right) != null) {
            return same.evaluate(expression, token, left, EvaluationValue.numberValue(number(right)));
        }
        if (left.isStringValue() && right.isNumberValue() && number(left) != null) {
            return same.evaluate(expression, token, EvaluationValue.numberValue(number(left)), right);
        }
        throw new EvaluationException(token, mixed(symbol, left, right));
    }

    /** "it compares a date (2020-03-04) with the text "2021-01-01" by >: write DATE("2021-01-01") to compare ...". */
    private static String mixed(String symbol, EvaluationValue left, EvaluationValue right) {
        String sentence = "it compares " + described(left) + " with " + described(right) + " by " + symbol;
        EvaluationValue date = left.isDateTimeValue() ? left : right.isDateTimeValue() ? right : null;
        EvaluationValue other = date == left ? right : left;
        if (date != null && other.isStringValue() && isDay(other.getStringValue())) {
            return sentence + ": write DATE(\"" + other.getStringValue().strip() + "\") to compare it with that day";
        }
        if (date != null) {
            return sentence + ": a date compares only with a date, such as DATE(\"2021-01-01\") or TODAY()";
        }
        if (left.isNumberValue() || right.isNumberValue()) {
            return sentence + ": a number compares only with a number";
        }
        return sentence + ": only values of one kind compare";
    }

    private static String described(EvaluationValue value) {
        if (value.isStringValue()) {
            return "the text \"" + value.getStringValue() + "\"";
        }
        String kind = value.isDateTimeValue() ? "a date" : value.isNumberValue() ? "a number"
                : value.isBooleanValue() ? "a truth value" : "a value";
        return kind + " (" + ExpressionLanguage.shown(value) + ")";
    }

    private static BigDecimal number(EvaluationValue text) {
        try {
            return new BigDecimal(text.getStringValue().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether a text is a day as DATE("2021-01-01") reads it. */
    static boolean isDay(String text) {
        return day(text) != null;
    }

    /** The day an ISO text names ("2021-01-01"), or null. */
    static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
