package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.mapping.MappedColumn;
import io.sluice.core.mapping.MappedRow;

import java.util.List;
import java.util.function.Consumer;

/**
 * A value must be present: from a NOT NULL column without default, or a profile {@code required} rule, optionally
 * only {@code when} a condition holds (conditional required).
 */
final class RequiredRule implements RowRule {

    private final String target;
    /** Found once per mapper: the rule reads it on every row. */
    private final MappedColumn column;
    private final String id;
    private final Severity severity;
    private final RuleExpression when;
    private final String message;

    RequiredRule(String id, String target, Severity severity, RuleExpression when, String message) {
        this.id = id;
        this.target = target;
        this.column = new MappedColumn(target);
        this.severity = severity;
        this.when = when;
        this.message = message;
    }

    @Override
    public RuleReach reach() {
        return RuleReach.of(id, when == null ? List.of(target) : RuleReach.plus(List.of(target), when.targets()));
    }

    @Override
    public void check(MappedRow row, Consumer<Finding> findings) {
        int i = row.indexOf(column);
        // A value that failed conversion is reported by the type rule; it is not "missing".
        if (row.value(i) != null || row.error(i) != null) {
            return;
        }
        if (when != null) {
            try {
                if (!when.holds(row)) {
                    return;
                }
            } catch (RuleExpression.CannotCompute e) {
                // values that are there but give no truth: whether the cell must be filled is not known, so say so
                reportUnknownCondition(row, e.getMessage(), findings);
                return;
            }
        }
        report(row, findings);
    }

    private void reportUnknownCondition(MappedRow row, String reason, Consumer<Finding> findings) {
        String detail = Findings.label(row, target) + " is empty, and whether it is required is not known: "
                + when.source() + " cannot be computed on this row (" + reason + ") (" + when.inputs(row) + ").";
        findings.accept(Findings.onCell(row, target, id, severity, Findings.message(message, detail)));
    }

    // Apart from check(), so that the compiler does not build this rare sentence into the per-row method.
    private void report(MappedRow row, Consumer<Finding> findings) {
        String text = message != null ? message
                : when == null ? Findings.label(row, target) + " is required but the cell is empty."
                : Findings.label(row, target) + " is required when " + when.source() + ", but the cell is empty.";
        findings.accept(Findings.onCell(row, target, id, severity, text));
    }
}
