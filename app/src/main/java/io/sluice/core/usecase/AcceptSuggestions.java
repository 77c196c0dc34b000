package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.cleaning.Replacement;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.review.FixOutcome;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.ValueFix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Accepts every suggestion scoring at least a threshold ({@link SuggestCorrections.Outcome#plan}): one undoable
 * replace per column, over every row holding a bad value, so one decision per bad value fixes all of its rows.
 */
public final class AcceptSuggestions {

    /**
     * What was accepted and done.
     *
     * @param accepted the replacements accepted, in the order the suggestions list them
     * @param fixes    one per column changed, each an undoable step
     */
    public record Result(List<Replacement> accepted, List<FixOutcome> fixes) {

        public Result {
            accepted = List.copyOf(accepted);
            fixes = List.copyOf(fixes);
        }

        /** Cells changed in all. */
        public long cells() {
            return fixes.stream().mapToLong(FixOutcome::cells).sum();
        }
    }

    private AcceptSuggestions() {
    }

    /**
     * Applies the best suggestion of every bad value scoring {@code minScore} or more (a tie between the two best is
     * never accepted), on {@code column} only when it is not null.
     *
     * @param target the target to read valid values from, or null for the one the review records
     */
    public static Result run(OpenReview review, Supplier<TargetDatabase> target, String column, int minScore,
                             Progress progress) {
        List<Replacement> plan = SuggestCorrections.run(review.file(), target, column).plan(minScore);
        List<FixOutcome> fixes = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> entry : byColumn(plan).entrySet()) {
            fixes.add(FixValues.replace(review, entry.getKey(), entry.getValue(), RowFilter.all(), progress));
        }
        return new Result(plan, fixes);
    }

    /**
     * As {@link #run(OpenReview, Supplier, String, int, Progress)}, on one sheet of a workbook review: each column's
     * replace goes through the workbook review, so the references of every sheet are checked again after it.
     */
    public static Result run(OpenWorkbookReview workbook, String sheet, String column, int minScore,
                             Progress progress) {
        List<Replacement> plan = SuggestCorrections.run(workbook, sheet, column).plan(minScore);
        List<FixOutcome> fixes = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> entry : byColumn(plan).entrySet()) {
            fixes.add(workbook.fix(sheet, new FixValues.Request(entry.getKey(), RowFilter.all(),
                    new ValueFix.Replace(entry.getValue())), progress));
        }
        return new Result(plan, fixes);
    }

    private static Map<String, Map<String, String>> byColumn(List<Replacement> plan) {
        Map<String, Map<String, String>> byColumn = new LinkedHashMap<>();
        for (Replacement r : plan) {
            byColumn.computeIfAbsent(r.column(), c -> new LinkedHashMap<>()).put(r.oldValue(), r.newValue());
        }
        return byColumn;
    }
}
