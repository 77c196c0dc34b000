package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.mapping.MappedColumn;
import io.sluice.core.mapping.MappedRow;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A value's text must match a regular expression in full (profile {@code pattern} rule). */
final class PatternRule implements RowRule {

    private final String id;
    private final String target;
    /** Found once per mapper: the rule reads it on every row. */
    private final MappedColumn column;
    private final Pattern pattern;
    /** One matcher per thread, reset for each value: a matcher per row was a tenth of a validation's garbage. */
    private final ThreadLocal<Matcher> matcher;
    private final Severity severity;
    private final String message;

    PatternRule(String id, String target, Pattern pattern, Severity severity, String message) {
        this.id = id;
        this.target = target;
        this.column = new MappedColumn(target);
        this.pattern = pattern;
        this.matcher = ThreadLocal.withInitial(() -> pattern.matcher(""));
        this.severity = severity;
        this.message = message;
    }

    @Override
    public RuleReach reach() {
        return RuleReach.of(id, List.of(target));
    }

    @Override
    public void check(MappedRow row, Consumer<Finding> findings) {
        Object value = row.value(column);
        if (value == null) {
            return;
        }
        String text = KeyText.of(value);
        if (!matcher.get().reset(text).matches()) {
            report(row, text, findings);
        }
    }

    // Apart from check(), so that the compiler does not build this rare sentence into the per-row method.
    private void report(MappedRow row, String text, Consumer<Finding> findings) {
        findings.accept(Findings.onCell(row, target, id, severity, Findings.message(message,
                Findings.label(row, target) + " '" + text + "' does not match the pattern " + pattern.pattern()
                + ".")));
    }
}
