package io.sluice.core.rules;

import io.sluice.core.mapping.MappedRow;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** A value must be one of a fixed list: a profile {@code allowed} rule or a CHECK ... IN (...). */
final class AllowedValuesRule implements RowRule {

    private final String id;
    private final String target;
    private final Set<String> allowed = new HashSet<>();
    private final List<String> display;
    private final Severity severity;
    private final String message;

    AllowedValuesRule(String id, String target, List<String> values, Severity severity, String message) {
        this.id = id;
        this.target = target;
        this.display = List.copyOf(values);
        for (String v : values) {
            allowed.add(canonical(v));
        }
        this.severity = severity;
        this.message = message;
    }

    @Override
    public void check(MappedRow row, Consumer<Finding> findings) {
        Object value = row.get(target).value();
        if (value == null || allowed.contains(canonical(value))) {
            return;
        }
        String shown = display.size() <= 12 ? String.join(", ", display)
                : String.join(", ", display.subList(0, 12)) + ", ... (" + display.size() + " values)";
        findings.accept(Findings.onCell(row, target, id, severity, message != null ? message
                : Findings.label(row, target) + " '" + KeyText.of(value) + "' is not one of the allowed values: "
                + shown + "."));
    }

    /** Numbers compare by value (7 = 7.0); everything else by its text. */
    private static String canonical(Object value) {
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return s;
            }
        }
        return KeyText.of(value);
    }
}
