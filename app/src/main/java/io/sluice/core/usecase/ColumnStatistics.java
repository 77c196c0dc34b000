package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.review.ColumnStats;
import io.sluice.core.review.Review;
import io.sluice.core.review.WorkbookMembers;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Statistics of one column of a review, as the steward sees it now (edits laid over the raw cells): rows, blanks,
 * distinct values with their counts (pageable, most frequent first), number and date ranges with histograms (numbers
 * also with their mean and sample standard deviation, which fill {@code RuleTemplates.outlier}), length
 * range and value shapes. Counted inside the review file, so a million rows cost disk, not heap.
 */
public final class ColumnStatistics {

    private ColumnStatistics() {
    }

    /**
     * Which column and how much of it.
     *
     * @param column   the column's header, exactly as in the review
     * @param offset   where the page of distinct values starts (0 for the most frequent)
     * @param limit    how many distinct values the page holds
     * @param bins     histogram bins for numbers and dates
     * @param patterns how many of the most frequent value shapes to list
     */
    public record Request(String column, long offset, int limit, int bins, int patterns) {

        public Request {
            Objects.requireNonNull(column, "column");
            if (offset < 0 || limit < 0 || bins < 1 || patterns < 0) {
                throw new IllegalArgumentException("Offset, limit and patterns must not be negative, bins at least 1.");
            }
        }

        /** The 20 most frequent values, 10 bins, the 10 most frequent shapes. */
        public static Request of(String column) {
            return new Request(column, 0, 20, 10, 10);
        }

        /** The same column and figures, another page of values. */
        public Request page(long newOffset, int newLimit) {
            return new Request(column, newOffset, newLimit, bins, patterns);
        }
    }

    /** The statistics of a column of an open review; an unknown column fails with one sentence naming the columns. */
    public static ColumnStats of(OpenReview review, Request request, Progress progress) {
        return review.review().columnStats(review.columnIndexIgnoringCase(request.column()), request.offset(),
                request.limit(), request.bins(), request.patterns(), progress);
    }

    /** As {@link #of(OpenReview, Request, Progress)}, opening and closing the review file. */
    public static ColumnStats of(Path reviewFile, Request request, Progress progress) {
        try (Review review = Review.open(reviewFile)) {
            WorkbookMembers.requireOneSheet(review, "column statistics");
            return of(review, request, progress);
        }
    }

    private static ColumnStats of(Review review, Request request, Progress progress) {
        int column = OpenReview.columnIndex(review, request.column());
        return review.columnStats(column, request.offset(), request.limit(), request.bins(), request.patterns(),
                progress);
    }
}
