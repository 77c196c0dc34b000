package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.mapping.MappedRow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keys that are already in the target table (rule {@code unique-table}). What that means depends on the commit
 * mode: in insert mode the row would violate the key (error); with skip-existing it will be skipped (warning);
 * with upsert on the natural key it will update the existing row, so this rule is not used for that key. For another
 * unique key (a supplier's unique name beside its code) an {@link Exemption} spares the rows that cannot conflict: a
 * row skip-existing will skip, or a row upsert will update that already holds the value itself.
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
    private final Exemption exemption;

    /**
     * Which rows a value of another unique key already in the table does not make a conflict.
     *
     * @param lookup  asks the table for {@code columns}; null for none
     * @param columns the natural key (skipped rows) or this key plus the natural key (rows updated in place)
     */
    record Exemption(KeyLookup lookup, List<String> columns, String description) {

        static final Exemption NONE = new Exemption(null, List.of(), "");

        /** Rows whose natural key is in the table: skip-existing skips them, whatever else they hold. */
        static Exemption skippedRows(KeyLookup naturalKey, List<String> naturalColumns) {
            return new Exemption(naturalKey, naturalColumns, " (unless the row's " + String.join("+", naturalColumns)
                    + " is in the table: such rows are skipped)");
        }

        /** Rows whose natural key is in the table on the very row holding this value: upsert updates it in place. */
        static Exemption updatedRows(KeyLookup keyAndNaturalKey, List<String> columns) {
            return new Exemption(keyAndNaturalKey, columns, " (unless the row it is on has the same "
                    + String.join("+", columns.subList(1, columns.size())) + ": that row is updated)");
        }

        /** Of the chunk's {@code rows} (indexes) whose key is taken, those the mode makes no conflict. */
        Set<Integer> exempt(List<MappedRow> chunk, List<Integer> rows) {
            if (lookup == null || rows.isEmpty()) {
                return Set.of();
            }
            List<MappedRow> flagged = rows.stream().map(chunk::get).toList();
            RowKeys keys = RowKeys.collect(flagged, columns);
            Set<String> found = lookup.existing(keys.distinct().values());
            Set<Integer> exempt = new HashSet<>();
            for (int i = 0; i < flagged.size(); i++) {
                String text = keys.perRow().get(i);
                if (text != null && found.contains(text)) {
                    exempt.add(rows.get(i));
                }
            }
            return exempt;
        }
    }

    ExistingKeyRule(List<String> targets, KeyLookup lookup, boolean skipped) {
        this(targets, lookup, skipped, Exemption.NONE);
    }

    ExistingKeyRule(List<String> targets, KeyLookup lookup, boolean skipped, Exemption exemption) {
        this.exemption = exemption;
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
        List<Integer> taken = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            String text = keys.perRow().get(i);
            if (text != null && existing.contains(text)) {
                taken.add(i);
            }
        }
        Set<Integer> exempt = exemption.exempt(chunk, taken);
        for (int i : taken) {
            if (!exempt.contains(i)) {
                reportTaken(chunk.get(i), keys.distinct().get(keys.perRow().get(i)), findings);
            }
        }
    }

    // Out of the loop above, so that the compiler does not build this rare sentence into the per-chunk method.
    private void reportTaken(MappedRow row, List<Object> key, Consumer<Finding> findings) {
        String shown = Findings.label(row, targets.get(0)) + " '" + KeyText.display(key) + "' is already in "
                + lookup.describe();
        findings.accept(Findings.onCell(row, targets.get(0), ID, severity,
                skipped ? shown + "; the row will be skipped." : shown + "; inserting it would fail."));
    }
}
