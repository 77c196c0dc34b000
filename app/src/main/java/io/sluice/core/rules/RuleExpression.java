package io.sluice.core.rules;

import com.ezylang.evalex.BaseException;
import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.parser.ParseException;
import io.sluice.core.SluiceException;
import io.sluice.core.mapping.MappedColumn;
import io.sluice.core.mapping.MappedRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A profile expression such as {@code water_kg / cement_kg}, evaluated with EvalEx: arithmetic, comparisons, AND/OR
 * and the fixed set of functions of {@link ExpressionLanguage} over the row's target values, with no access to Java
 * classes, files or scripts.
 * Variables are target column names, case-insensitive.
 */
final class RuleExpression {

    /**
     * 16 significant digits (what a spreadsheet cell holds, and more than any ratio rule needs) instead of EvalEx's
     * default 34: division, which cross-field rules use on every row, costs a fraction as much.
     */
    private static final ExpressionConfiguration CONFIGURATION = ExpressionLanguage.CONFIGURATION.toBuilder()
            .dataAccessorSupplier(VariableSlots::new).build();

    private final String source;
    private final Expression expression;
    private final List<String> variables;
    private final List<String> targets;
    /** The same targets, each found once per mapper: the expression reads them on every row. */
    private final MappedColumn[] columns;
    /** The expression's variables, slot i for variables[i]. */
    private final VariableSlots slots;

    /** The target columns the expression reads, each once, in order of first use. */
    List<String> targets() {
        return targets.stream().distinct().toList();
    }

    private RuleExpression(String source, Expression expression, List<String> variables, List<String> targets) {
        this.source = source;
        this.expression = expression;
        this.variables = variables;
        this.targets = targets;
        this.columns = targets.stream().map(MappedColumn::new).toArray(MappedColumn[]::new);
        this.slots = (VariableSlots) expression.getDataAccessor();
        for (String variable : variables) {
            slots.setData(variable, EvaluationValue.nullValue());
        }
    }

    /**
     * Parses an expression and binds its variables to mapped target columns.
     *
     * @param where       "rule 'wc-ratio'" for messages
     * @param targetNames mapped target column names by lower-case name
     */
    static RuleExpression compile(String source, String where, Map<String, String> targetNames) {
        Expression expression = new Expression(source, CONFIGURATION);
        List<String> variables = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        try {
            expression.validate();
            for (String variable : expression.getUsedVariables()) {
                String target = targetNames.get(variable.toLowerCase(Locale.ROOT));
                if (target == null) {
                    throw SluiceException.input("The expression of " + where + " uses '" + variable
                            + "', which is not a mapped target column (mapped: " + String.join(", ",
                            targetNames.values()) + ").");
                }
                variables.add(variable);
                targets.add(target);
            }
        } catch (BaseException e) {
            throw SluiceException.input("The expression '" + source + "' of " + where + " is not valid: "
                    + e.getMessage() + " at position " + Math.max(1, e.getStartPosition()) + ".", e);
        }
        return new RuleExpression(source, expression, variables, targets);
    }

    String source() {
        return source;
    }

    /**
     * The expression's value for a row, or null when a variable has no value or the result is not a value.
     *
     * @throws CannotCompute when every variable has a value and the expression still has none: a division by zero,
     *                       a function or comparison given the wrong kind of value
     */
    EvaluationValue evaluate(MappedRow row) {
        for (int i = 0; i < variables.size(); i++) {
            Object value = row.value(columns[i]);
            if (value == null) {
                return null;
            }
            set(i, value);
        }
        try {
            EvaluationValue result = expression.evaluate();
            return result.isNullValue() ? null : result;
        } catch (BaseException | ArithmeticException e) {
            throw new CannotCompute(reason(e));
        }
    }

    /** EvalEx's reason in the words of a finding: "it divides by zero". */
    static String reason(Exception e) {
        String reason = e.getMessage() == null ? "it cannot be computed" : e.getMessage();
        return reason.equalsIgnoreCase("Division by zero") ? "it divides by zero" : reason;
    }

    /** An expression without a value on a row whose variables all have one; {@link #getMessage()} says why. */
    static final class CannotCompute extends RuntimeException {
        CannotCompute(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * The value for a row whose variables all have values, failing with EvalEx's reason (a division by zero, a
     * function given the wrong kind of value) instead of answering null.
     */
    EvaluationValue evaluateStrictly(MappedRow row) throws EvaluationException {
        for (int i = 0; i < variables.size(); i++) {
            Object value = row.value(columns[i]);
            set(i, value);
        }
        try {
            return expression.evaluate();
        } catch (ParseException e) {
            throw new EvaluationException(null, e.getMessage());
        }
    }

    /**
     * What {@code expression.with(variable, value)} does, straight into the variable's slot: the variables are never
     * EvalEx constants (it lists no constant among the used variables), so with()'s check for one is skipped.
     */
    private void set(int i, Object value) {
        slots.set(i, expression.convertValue(value instanceof Long l ? BigDecimal.valueOf(l) : value));
    }

    /**
     * Whether a condition holds; false when a value is missing (decision 0003: the missing value is reported where
     * it is required).
     *
     * @throws CannotCompute when every variable has a value and the condition still has no truth: it cannot be
     *                       computed, or it gives a number or a text
     */
    boolean holds(MappedRow row) {
        EvaluationValue v = evaluate(row);
        if (v == null) {
            return false;
        }
        if (!v.isBooleanValue()) {
            throw new CannotCompute("it gives " + ExpressionLanguage.shown(v) + ", not true or false");
        }
        return v.getBooleanValue();
    }

    /** The values the expression read, for the finding's "value": "water_kg=180, cement_kg=200". */
    String inputs(MappedRow row) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < targets.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(variables.get(i)).append('=')
                    .append(KeyText.of(row.get(targets.get(i)).value()));
        }
        return sb.toString();
    }
}
