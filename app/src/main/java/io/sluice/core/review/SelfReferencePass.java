package io.sluice.core.review;

import io.sluice.core.mapping.MappedRow;
import io.sluice.core.rules.Finding;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.source.SourceRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.UnaryOperator;

/**
 * One pass over a review's rows, as the steward has edited them and in source order, with the rules that judge a row
 * by the earlier rows the import will write (rule {@code self-fk}): whether a child's parent row will be imported
 * depends on that row's errors and on the steward's decision on it, which no check of one row can see. Heap use is
 * one chunk of rows, the keys the rules remember (12 bytes a key) and the row numbers left out (8 bytes a row).
 * A review of one table has one such table; a sheet of a workbook review may feed several, each a {@link Table}.
 */
public final class SelfReferencePass {

    /** The rule id whose findings the pass gives. */
    public static final String RULE = "self-fk";

    private static final int CHUNK = 500;

    /**
     * One table a review's rows feed that has a foreign key to itself.
     *
     * @param rows  the table's rows a source row (edits applied) makes, in order: one for a review of one table
     * @param rules the rules judging a row by the earlier rows, as built ({@link RuleSet#selfReferences()} gives
     *              fresh copies of them for each pass)
     * @param shown the finding as the review keeps it (a workbook review names the table in it)
     */
    public record Table(Function<SourceRow, List<MappedRow>> rows, RuleSet rules, UnaryOperator<Finding> shown) {
    }

    private SelfReferencePass() {
    }

    /**
     * Writes the review's {@code self-fk} findings again, the rows the steward rejected left out as parents: their
     * children get a finding saying so, and lose it when the parent is approved or pending again. All or nothing.
     */
    public static void recheckRejected(Review review, List<Table> tables) {
        if (tables.isEmpty()) {
            return;
        }
        long[] rejected = review.ledger().rowsWith(DecisionStatus.REJECTED);
        try (RuleFindingsWriter writer = review.replacingFindingsOf(RULE)) {
            for (Table table : tables) {
                run(review, table, row -> Arrays.binarySearch(rejected, row) >= 0, "is rejected",
                        f -> writer.append(table.shown().apply(f)));
            }
            writer.commit();
        }
    }

    /**
     * The approved rows, ascending, whose parent row of the same table the import would not write with them (not
     * approved, or with errors) and the table does not hold.
     */
    public static long[] approvedWithoutParent(Review review, List<Table> tables) {
        if (tables.isEmpty()) {
            return new long[0];
        }
        long[] approved = review.ledger().rowsWith(DecisionStatus.APPROVED);
        long[] orphans = new long[16];
        int size = 0;
        for (Table table : tables) {
            long[][] found = {new long[16]};
            int[] count = {0};
            run(review, table, row -> Arrays.binarySearch(approved, row) < 0, "is not approved", f -> {
                // findings come in source order; a row with two such keys is counted once
                if (Arrays.binarySearch(approved, f.row()) >= 0
                        && (count[0] == 0 || found[0][count[0] - 1] != f.row())) {
                    if (count[0] == found[0].length) {
                        found[0] = Arrays.copyOf(found[0], count[0] * 2);
                    }
                    found[0][count[0]++] = f.row();
                }
            });
            if (size + count[0] > orphans.length) {
                orphans = Arrays.copyOf(orphans, Math.max(orphans.length * 2, size + count[0]));
            }
            System.arraycopy(found[0], 0, orphans, size, count[0]);
            size += count[0];
        }
        long[] all = Arrays.copyOf(orphans, size);
        if (tables.size() > 1) {
            all = Arrays.stream(all).sorted().distinct().toArray();
        }
        return all;
    }

    /**
     * Runs a table's rules (fresh copies) over every row of {@code review}.
     *
     * @param decidedOut whether the steward's decisions keep a row out of the import
     * @param why        how a finding names such a row ("is rejected")
     */
    private static void run(Review review, Table table, LongPredicate decidedOut, String why,
                            Consumer<Finding> findings) {
        RuleSet rules = table.rules().selfReferences().orElseThrow();
        long[] inError = review.rowsWithErrorsOtherThan(RULE);
        Map<Long, Map<Integer, String>> edits = review.ledger().allEdits();
        List<MappedRow> chunk = new ArrayList<>(CHUNK);
        try (RowCursor cursor = review.cursor()) {
            while (cursor.hasNext()) {
                SourceRow raw = cursor.next();
                chunk.addAll(table.rows().apply(CellEdits.apply(raw, edits.getOrDefault(raw.number(), Map.of()))));
                if (chunk.size() >= CHUNK || !cursor.hasNext()) {
                    rules.checkSelfReferences(chunk, findings, row -> Arrays.binarySearch(inError, row) >= 0,
                            decidedOut, why);
                    chunk.clear();
                }
            }
        }
    }
}
