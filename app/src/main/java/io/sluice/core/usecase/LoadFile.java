package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceRow;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewInfo;
import io.sluice.core.review.RowWriter;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Loads a sheet's raw cells into a new review, before any mapping: every cell as displayed, with its typed value and
 * the reader's notes. The review has no profile and no target yet; {@link ValidateReview} gives it both.
 */
public final class LoadFile {

    /**
     * What was loaded.
     *
     * @param rows      data rows staged
     * @param sheet     the sheet read (the file name for CSV)
     * @param headerRow 1-based header row, 0 without one
     * @param columns   the column names
     */
    public record Outcome(long rows, String sheet, long headerRow, List<String> columns) {
    }

    private LoadFile() {
    }

    /**
     * Loads {@code file} into a new review at {@code review}, replacing an existing review only when asked (set aside
     * until the load is complete, see {@link ReviewReplacement}). A load that fails, is cancelled or finds no data
     * row leaves no new review behind.
     */
    public static Outcome run(Path file, SourceOptions options, Path review, boolean replaceExisting,
                              Progress progress) {
        return replaceExisting ? ReviewReplacement.replace(review, () -> load(file, options, review, progress))
                : load(file, options, review, progress);
    }

    private static Outcome load(Path file, SourceOptions options, Path review, Progress progress) {
        try (SourceTable table = Sources.open(file, options)) {
            ReviewInfo info = ReviewInfo.of(file.toAbsolutePath(), Sources.sha256(file), table.format(),
                    table.sheet(), table.headerRow());
            long rows = 0;
            Review created = Review.create(review, info, table.columns());
            boolean finished = false;
            try (created; RowWriter writer = created.rowWriter()) {
                SourceRow row;
                while ((row = table.next()) != null) {
                    writer.append(row);
                    progress.rowsDone(++rows);
                    if (progress.isCancelled()) {
                        throw new CancellationException("Loading was cancelled after " + rows + " rows.");
                    }
                }
                if (rows == 0) {
                    // a review of nothing could only be refused later, at validation
                    throw SluiceException.input(file.getFileName() + " has no data rows below its header, so"
                            + " there is nothing to load.");
                }
                writer.close();
                created.addSourceIssues(table.issues());
                finished = true;
            } finally {
                if (!finished) {
                    // the review and its writer are closed by now: the try's resources close before this block
                    ValidateFile.deleteUnfinished(review);
                }
            }
            return new Outcome(rows, table.sheet(), table.headerRow(), table.columns());
        }
    }
}
