package io.sluice.core.rules;

import io.sluice.core.Severity;
import com.ezylang.evalex.data.EvaluationValue;
import io.sluice.core.mapping.MappedRow;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.Consumer;

/**
 * A cross-field rule: an expression that must be true, or whose value must lie between min and max
 * (e.g. {@code water_kg / cement_kg} between 0.25 and 0.80).
 */
final class ExpressionRule implements RowRule {

    private final String id;
    private final RuleExpression expression;
    private final BigDecimal min;
    private final BigDecimal max;
    private final Severity severity;
    private final String message;

    ExpressionRule(String id, RuleExpression expression, BigDecimal min, BigDecimal max, Severity severity,
                   String message) {
        this.id = id;
        this.expression = expression;
        this.min = min;
        this.max = max;
        this.severity = severity;
        this.message = message;
    }

    @Override
    public void check(MappedRow row, Consumer<Finding> findings) {
        EvaluationValue value = expression.evaluate(row);
        if (value == null) {
            return;
        }
        if (min == null && max == null) {
            if (value.isBooleanValue() && !value.getBooleanValue()) {
                String detail = "The rule " + expression.source() + " does not hold (" + expression.inputs(row)
                        + ").";
                findings.accept(Findings.onRow(row, id, severity, Findings.message(message, detail),
                        expression.inputs(row)));
            }
            return;
        }
        if (!value.isNumberValue()) {
            return;
        }
        BigDecimal n = value.getNumberValue();
        if ((min != null && n.compareTo(min) < 0) || (max != null && n.compareTo(max) > 0)) {
            String shown = n.round(new MathContext(4)).stripTrailingZeros().toPlainString();
            String detail = expression.source() + " is " + shown + ", " + bounds() + " (" + expression.inputs(row)
                    + ").";
            findings.accept(Findings.onRow(row, id, severity, Findings.message(message, detail),
                    shown));
        }
    }

    private String bounds() {
        if (min != null && max != null) {
            return "outside " + min.toPlainString() + " to " + max.toPlainString();
        }
        return min != null ? "below " + min.toPlainString() : "above " + max.toPlainString();
    }
}
