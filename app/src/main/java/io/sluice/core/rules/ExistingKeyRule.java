package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.mapping.MappedRow;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keys that are already in the target table (rule {@code unique-table}). What that means depends on the commit
 * mode: in insert mode the row would violate the key (error); with skip-existing it will be skipped (warning);
 * with upsert on the natural key it will update the existing row, so this rule is not used for that key.
 */
final class ExistingKeyRule implements ChunkRule {

    static final String ID = "unique-table";

    private final List<String> targets;
    private final KeyLookup lookup;
    private final Severity severity;
    private final boolean skipped;
    /**
     * An empty table holds no key, so a first import asks the database nothing per chunk. Rows another user adds
     * meanwhile are caught where it matters: the commit checks the live table again.
     */
    private final boolean tableEmpty;

    ExistingKeyRule(List<String> targets, KeyLookup lookup, boolean skipped) {
        this.targets = List.copyOf(targets);
        this.lookup = lookup;
        this.skipped = skipped;
        this.severity = skipped ? Severity.WARNING : Severity.ERROR;
        this.tableEmpty = lookup.tableIsEmpty();
    }

    @Override
    public RuleReach reach() {
        return RuleReach.of(ID, targets);
    }

    @Override
    public void check(List<MappedRow> chunk, Consumer<Finding> findings) {
        if (tableEmpty) {
            return;
        }
        RowKeys keys = RowKeys.collect(chunk, targets);
        if (keys.distinct().isEmpty()) {
            return;
        }
        Set<String> existing = lookup.existing(keys.distinct().values());
        for (int i = 0; i < chunk.size(); i++) {
            String text = keys.perRow().get(i);
            if (text != null && existing.contains(text)) {
                MappedRow row = chunk.get(i);
                String shown = Findings.label(row, targets.get(0)) + " '" + KeyText.display(keys.distinct().get(text))
                        + "' is already in " + lookup.describe();
                findings.accept(Findings.onCell(row, targets.get(0), ID, severity,
                        skipped ? shown + "; the row will be skipped." : shown + "; inserting it would fail."));
            }
        }
    }
}
