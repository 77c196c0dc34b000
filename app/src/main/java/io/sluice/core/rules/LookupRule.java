package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.mapping.MappedRow;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Values must exist in another table: a foreign key of the target (rule {@code fk}) or a profile {@code lookup}
 * rule. Rows where any key part is empty are not checked (a NULL foreign key is allowed).
 */
final class LookupRule implements ChunkRule {

    private final String id;
    private final List<String> targets;
    private final KeyLookup lookup;
    private final Severity severity;
    private final String message;

    LookupRule(String id, List<String> targets, KeyLookup lookup, Severity severity, String message) {
        this.id = id;
        this.targets = List.copyOf(targets);
        this.lookup = lookup;
        this.severity = severity;
        this.message = message;
    }

    @Override
    public RuleReach reach() {
        return RuleReach.of(id, targets);
    }

    @Override
    public void check(List<MappedRow> chunk, Consumer<Finding> findings) {
        RowKeys keys = RowKeys.collect(chunk, targets);
        if (keys.distinct().isEmpty()) {
            return;
        }
        Set<String> existing = lookup.existing(keys.distinct().values());
        for (int i = 0; i < chunk.size(); i++) {
            String text = keys.perRow().get(i);
            if (text != null && !existing.contains(text)) {
                reportMissing(chunk.get(i), keys.distinct().get(text), findings);
            }
        }
    }

    // Out of the loop above, so that the compiler does not build this rare sentence into the per-chunk method.
    private void reportMissing(MappedRow row, List<Object> key, Consumer<Finding> findings) {
        findings.accept(Findings.onCell(row, targets.get(0), id, severity, Findings.message(message,
                Findings.label(row, targets.get(0)) + " '" + KeyText.display(key) + "' does not exist in "
                + lookup.describe() + ".")));
    }
}
