package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.mapping.MappedRow;

import java.util.List;
import java.util.function.Consumer;

/** Every mapped value must convert to its target column's type (number, whole number, date, boolean). */
final class ConversionRule implements RowRule {

    static final String ID = "type";

    @Override
    public RuleReach reach() {
        return RuleReach.wholeRow(ID);
    }

    @Override
    public void check(MappedRow row, Consumer<Finding> findings) {
        if (!row.hasErrors()) {
            return;
        }
        List<String> targets = row.targets();
        for (int i = 0; i < targets.size(); i++) {
            String error = row.error(i);
            if (error != null) {
                findings.accept(Findings.onCell(row, targets.get(i), ID, Severity.ERROR, error));
            }
        }
    }
}
