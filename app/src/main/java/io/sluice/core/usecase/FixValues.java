package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.review.FixOutcome;
import io.sluice.core.review.FixPreview;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.ValueFix;

import java.util.Map;
import java.util.Objects;

/**
 * Value fixes on one column of an open review: replace values (many pairs at once), find and replace (literal or
 * regular expression), set, blank, trim, collapse spaces, change case; in every row or the rows a filter matches.
 * Each fix is one undoable step, saved and audited at once, with the rows it changed validated again;
 * {@code ReviewSession.undo} reverts it exactly. A preview says what the fix would change without changing anything.
 */
public final class FixValues {

    /** How many changed cells a preview shows by default. */
    public static final int EXAMPLES = 5;

    private FixValues() {
    }

    /**
     * One fix.
     *
     * @param column the column's header, exactly as in the review
     * @param filter the rows to fix; {@link RowFilter#all()} for every row
     * @param fix    what to do to each value
     */
    public record Request(String column, RowFilter filter, ValueFix fix) {

        public Request {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(fix, "fix");
            filter = filter == null ? RowFilter.all() : filter;
        }

        /** The fix in every row. */
        public static Request everyRow(String column, ValueFix fix) {
            return new Request(column, RowFilter.all(), fix);
        }
    }

    /** What the fix would change: how many cells, and the first {@code examples} before → after, nothing written. */
    public static FixPreview preview(OpenReview review, Request request, int examples, Progress progress) {
        int column = review.columnIndex(request.column());
        return review.session().previewFix(column, request.filter(), request.fix(), examples, progress);
    }

    /** Makes the fix; a fix that changes nothing records nothing ({@link FixOutcome#recorded()} is false). */
    public static FixOutcome apply(OpenReview review, Request request, Progress progress) {
        int column = review.columnIndex(request.column());
        return review.session().fix(column, request.filter(), request.fix(), progress);
    }

    /**
     * Replaces whole values of a column, each key by its value (exact match), in the rows {@code filter} matches
     * (null: every row), as one undoable step: the way suggestions and clusters are applied.
     */
    public static FixOutcome replace(OpenReview review, String column, Map<String, String> replacements,
                                     RowFilter filter, Progress progress) {
        return apply(review, new Request(column, filter, new ValueFix.Replace(replacements)), progress);
    }
}
