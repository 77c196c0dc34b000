package io.sluice.core.rules;

import io.sluice.core.mapping.MappedRow;
import io.sluice.core.mapping.MappedValue;

import java.util.List;
import java.util.function.Consumer;

/** Every mapped value must convert to its target column's type (number, whole number, date, boolean). */
final class ConversionRule implements RowRule {

    static final String ID = "type";

    private final List<String> targets;

    ConversionRule(List<String> targets) {
        this.targets = List.copyOf(targets);
    }

    @Override
    public void check(MappedRow row, Consumer<Finding> findings) {
        for (String target : targets) {
            MappedValue v = row.get(target);
            if (v.error() != null) {
                findings.accept(Findings.onCell(row, target, ID, Severity.ERROR, v.error()));
            }
        }
    }
}
