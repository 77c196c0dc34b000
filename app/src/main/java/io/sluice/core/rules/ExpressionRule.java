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
    private final Bounds bounds;
    private final Severity severity;
    private final String message;

    /** With {@code bounds} of neither min nor max the expression must be true. */
    ExpressionRule(String id, RuleExpression expression, Bounds bounds, Severity severity, String message) {
        this.id = id;
        this.expression = expression;
        this.bounds = bounds;
        this.severity = severity;
        this.message = message;
    }

    @Override
    public RuleReach reach() {
        return RuleReach.of(id, expression.targets());
    }

    @Override
    public void check(MappedRow row, Consumer<Finding> findings) {
        EvaluationValue value;
        try {
            value = expression.evaluate(row);
        } catch (RuleExpression.CannotCompute e) {
            // a ratio that does not exist does not lie between its bounds: the row is flagged, never passed
            reportUncomputable(row, e.getMessage(), findings);
            return;
        }
        if (value == null) {
            return;
        }
        if (bounds.min() == null && bounds.max() == null) {
            if (!value.isBooleanValue()) {
                reportNotATruth(row, value, findings);
            } else if (!value.getBooleanValue()) {
                reportFalse(row, findings);
            }
            return;
        }
        if (!value.isNumberValue()) {
            reportNotANumber(row, value, findings);
            return;
        }
        BigDecimal n = value.getNumberValue();
        if (!bounds.contains(n)) {
            reportOutOfBounds(row, n, findings);
        }
    }

    // The rare paths below are apart from check(), so that the compiler does not build them into the per-row method.

    private void reportFalse(MappedRow row, Consumer<Finding> findings) {
        String detail = "The rule " + expression.source() + " does not hold (" + expression.inputs(row) + ").";
        findings.accept(Findings.onRow(row, id, severity, Findings.message(message, detail),
                expression.inputs(row)));
    }

    private void reportUncomputable(MappedRow row, String reason, Consumer<Finding> findings) {
        String outcome = bounds.min() == null && bounds.max() == null ? "so it does not hold"
                : "so it is not " + bounds.requirement();
        String detail = (bounds.min() == null && bounds.max() == null ? "The rule " : "") + expression.source()
                + " cannot be computed on this row (" + reason + "), " + outcome + " (" + expression.inputs(row) + ").";
        findings.accept(Findings.onRow(row, id, severity, Findings.message(message, detail),
                expression.inputs(row)));
    }

    private void reportNotATruth(MappedRow row, EvaluationValue value, Consumer<Finding> findings) {
        String detail = "The rule " + expression.source() + " gives " + shown(value) + ", not true or false: give"
                + " the rule a min or a max to check the value against (" + expression.inputs(row) + ").";
        findings.accept(Findings.onRow(row, id, severity, Findings.message(message, detail), shown(value)));
    }

    private void reportNotANumber(MappedRow row, EvaluationValue value, Consumer<Finding> findings) {
        String detail = "The rule " + expression.source() + " gives " + shown(value) + ", not a number that could be "
                + bounds.requirement() + " (" + expression.inputs(row) + ").";
        findings.accept(Findings.onRow(row, id, severity, Findings.message(message, detail), shown(value)));
    }

    private static String shown(EvaluationValue value) {
        if (value.isNumberValue()) {
            return value.getNumberValue().round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return "'" + value.getStringValue() + "'";
    }

    private void reportOutOfBounds(MappedRow row, BigDecimal n, Consumer<Finding> findings) {
        String shown = n.round(new MathContext(4)).stripTrailingZeros().toPlainString();
        String detail = expression.source() + " is " + shown + ", " + failure(n) + " (" + expression.inputs(row)
                + ").";
        findings.accept(Findings.onRow(row, id, severity, Findings.message(message, detail), shown));
    }

    /** "outside 0.25 to 0.80" when both bounds are inclusive, else the bound it fails: "not above 0.25". */
    private String failure(BigDecimal n) {
        if (bounds.min() != null && bounds.max() != null && bounds.minInclusive() && bounds.maxInclusive()) {
            return "outside " + bounds.min().toPlainString() + " to " + bounds.max().toPlainString();
        }
        return bounds.belowMin(n) ? bounds.lowerFailure() : bounds.upperFailure();
    }
}
