package io.sluice.core.review;

import io.sluice.core.mapping.Mapper;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.rules.Finding;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.source.SourceRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongPredicate;

/**
 * One pass over a review's rows, as the steward has edited them and in source order, with the rules that judge a row
 * by the earlier rows the import will write (rule {@code self-fk}): whether a child's parent row will be imported
 * depends on that row's errors and on the steward's decision on it, which no check of one row can see. Heap use is
 * one chunk of rows, the keys the rules remember (12 bytes a key) and the row numbers left out (8 bytes a row).
 */
final class SelfReferencePass {

    /** The rule id whose findings the pass gives. */
    static final String RULE = "self-fk";

    private static final int CHUNK = 500;

    private SelfReferencePass() {
    }

    /**
     * Runs {@code rules} (fresh, see {@link RuleSet#selfReferences()}) over every row of {@code review}.
     *
     * @param decidedOut whether the steward's decisions keep a row out of the import
     * @param why        how a finding names such a row ("is rejected")
     */
    static void run(Review review, Mapper mapper, RuleSet rules, LongPredicate decidedOut, String why,
                    Consumer<Finding> findings) {
        long[] inError = review.rowsWithErrorsOtherThan(RULE);
        Map<Long, Map<Integer, String>> edits = review.ledger().allEdits();
        List<MappedRow> chunk = new ArrayList<>(CHUNK);
        try (RowCursor cursor = review.cursor()) {
            while (cursor.hasNext()) {
                SourceRow raw = cursor.next();
                chunk.add(mapper.map(CellEdits.apply(raw, edits.getOrDefault(raw.number(), Map.of()))));
                if (chunk.size() == CHUNK || !cursor.hasNext()) {
                    rules.checkSelfReferences(chunk, findings, row -> Arrays.binarySearch(inError, row) >= 0,
                            decidedOut, why);
                    chunk.clear();
                }
            }
        }
    }
}
