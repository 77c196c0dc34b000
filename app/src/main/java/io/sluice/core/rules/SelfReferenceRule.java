package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.mapping.MappedRow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * A foreign key of the target table to itself (rule {@code self-fk}: an employee's manager, a category's parent). The
 * import writes the file's rows in file order, and the database checks such a key as each row (H2) or each statement
 * (PostgreSQL) is written, so a parent is found when it is already in the table, on the row itself, or on an earlier
 * row of the file that will be imported (one without errors). A parent only on a later row, or only on a row with
 * errors, is an error that says so. The keys of earlier rows are held compactly ({@link KeyHashIndex}); parents not
 * in the file are asked of the table many keys per query. Rows where any key part is empty are not checked.
 */
final class SelfReferenceRule implements ChunkRule {

    static final String ID = "self-fk";

    private final List<String> targets;
    private final List<String> parentTargets;
    private final KeyLookup lookup;
    /** The workbook sheet the rows come from, or null for a CSV file: a finding names the sheet a parent row is on. */
    private final String sheet;
    /** Keys of the earlier rows the import will write, with the row that holds each first. */
    private final KeyHashIndex imported = new KeyHashIndex();
    /** Keys of the earlier rows with errors, which the import leaves out. */
    private final KeyHashIndex leftOut = new KeyHashIndex();
    /** Keys of the earlier rows the steward rejected (or did not approve), which the import leaves out too. */
    private final KeyHashIndex notDecided = new KeyHashIndex();
    /** How {@link #notDecided} rows are named in a finding: "is rejected". */
    private String notDecidedWhy = "is rejected";

    /**
     * @param targets       the referencing columns (mapped names)
     * @param parentTargets the referenced key columns of the same table (mapped names), in the same order
     * @param sheet         the workbook sheet the rows come from, or null for a CSV file
     */
    SelfReferenceRule(List<String> targets, List<String> parentTargets, KeyLookup lookup, String sheet) {
        this.targets = List.copyOf(targets);
        this.parentTargets = List.copyOf(parentTargets);
        this.lookup = lookup;
        this.sheet = sheet;
    }

    /** The same rule remembering no rows yet, for another pass over the file. */
    SelfReferenceRule fresh() {
        return new SelfReferenceRule(targets, parentTargets, lookup, sheet);
    }

    @Override
    public RuleReach reach() {
        return RuleReach.of(ID, RuleReach.plus(targets, parentTargets));
    }

    /** Judges the rows as if none had an error of another rule; {@link RuleSet} passes what it knows instead. */
    @Override
    public void check(List<MappedRow> chunk, Consumer<Finding> findings) {
        check(chunk, findings, row -> false);
    }

    /**
     * Judges a chunk's rows in order, then remembers their keys as parents of later rows.
     *
     * @param inError whether a row of the chunk has an error finding of another rule so far; read after each row's
     *                own finding of this rule has been reported to {@code findings}
     */
    void check(List<MappedRow> chunk, Consumer<Finding> findings, LongPredicate inError) {
        check(chunk, findings, inError, row -> false, null);
    }

    /**
     * As {@link #check(List, Consumer, LongPredicate)}, also leaving out as parents the rows the steward's decisions
     * keep out of the import.
     *
     * @param decidedOut whether the import leaves a row out by its decision (rejected, or not approved)
     * @param why     how a finding names such a row ("is rejected"); null keeps the last one given
     */
    void check(List<MappedRow> chunk, Consumer<Finding> findings, LongPredicate inError, LongPredicate decidedOut,
               String why) {
        if (why != null) {
            notDecidedWhy = why;
        }
        // the table is asked once per chunk, for the parents no earlier chunk's imported rows hold
        Map<String, List<Object>> asked = new LinkedHashMap<>();
        String[] children = new String[chunk.size()];
        for (int i = 0; i < chunk.size(); i++) {
            MappedRow row = chunk.get(i);
            String child = RowKeys.text(row, targets);
            children[i] = child;
            if (child != null && imported.rowOf(child) < 0 && !asked.containsKey(child)) {
                asked.put(child, RowKeys.of(row, targets));
            }
        }
        Set<String> inTable = asked.isEmpty() ? Set.of() : lookup.existing(asked.values());
        for (int i = 0; i < chunk.size(); i++) {
            MappedRow row = chunk.get(i);
            String child = children[i];
            String own = RowKeys.text(row, parentTargets);
            boolean missing = child != null && !child.equals(own) && !inTable.contains(child)
                    && imported.rowOf(child) < 0;
            if (missing) {
                reportMissing(row, asked.get(child), child, findings);
            }
            if (own != null) {
                long number = row.sourceRow();
                (missing || inError.test(number) ? leftOut : decidedOut.test(number) ? notDecided : imported)
                        .putIfAbsent(own, number);
            }
        }
    }

    private void reportMissing(MappedRow row, List<Object> key, String text, Consumer<Finding> findings) {
        String shown = Findings.label(row, targets.get(0)) + " '" + KeyText.display(key) + "'";
        String where = sheet == null ? "this file" : "sheet " + sheet;
        long parentRow = leftOut.rowOf(text);
        long undecided = notDecided.rowOf(text);
        String message = parentRow >= 0 && (undecided < 0 || parentRow < undecided)
                ? shown + " names row " + parentRow + " of " + where + ", which has errors and will not be imported, "
                        + "and " + lookup.describe() + " does not hold it: fix that row, or this row fails too."
                : undecided >= 0
                ? shown + " names row " + undecided + " of " + where + ", which " + notDecidedWhy + " and will not be "
                        + "imported, and " + lookup.describe() + " does not hold it: approve that row, or reject this "
                        + "one too."
                : shown + " is neither in " + lookup.describe() + " nor on an earlier row of " + where + " (a parent "
                        + "must be written before the rows that name it).";
        findings.accept(Findings.onCell(row, targets.get(0), ID, Severity.ERROR, message));
    }
}
