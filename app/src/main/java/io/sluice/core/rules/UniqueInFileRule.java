package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.mapping.MappedRow;

import java.util.List;
import java.util.function.Consumer;

/**
 * Key columns must be unique within the file: the natural key, each UNIQUE constraint of the target, and profile
 * {@code unique} rules. Every repeat of a key is reported with the row that had it first. Rows with an empty key
 * part are not compared.
 */
final class UniqueInFileRule implements ChunkRule {

    private final String id;
    private final List<String> targets;
    private final Severity severity;
    private final String message;
    private final KeyHashIndex seen = new KeyHashIndex();

    UniqueInFileRule(String id, List<String> targets, Severity severity, String message) {
        this.id = id;
        this.targets = List.copyOf(targets);
        this.severity = severity;
        this.message = message;
    }

    String id() {
        return id;
    }

    @Override
    public RuleReach reach() {
        return RuleReach.of(id, targets);
    }

    @Override
    public void check(List<MappedRow> chunk, Consumer<Finding> findings) {
        for (int r = 0; r < chunk.size(); r++) {
            MappedRow row = chunk.get(r);
            String text = RowKeys.text(row, targets);
            if (text == null) {
                continue;
            }
            long first = seen.putIfAbsent(text, row.sourceRow());
            if (first >= 0) {
                reportRepeat(row, RowKeys.of(row, targets), first, findings);
            }
        }
    }

    // Out of the loop above, so that the compiler does not build this rare sentence into the per-chunk method.
    private void reportRepeat(MappedRow row, List<Object> key, long first, Consumer<Finding> findings) {
        String names = targets.size() == 1 ? Findings.label(row, targets.get(0))
                : "The key " + String.join(" + ", targets);
        findings.accept(Findings.onCell(row, targets.get(0), id, severity, Findings.message(message,
                names + " '" + KeyText.display(key) + "' already appears in row " + first + ".")));
    }
}
