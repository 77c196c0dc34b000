package io.sluice.desktop.export;

import io.sluice.core.export.BackToSenderWriter;
import io.sluice.core.export.CsvOptions;
import io.sluice.core.export.FindingsWriter;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.review.Review;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.task.TaskContext;

import java.nio.file.Path;

/**
 * The review exports the desktop offers, written by core exactly as {@code sluice export --review} writes them
 * ({@link io.sluice.core.export.ReviewExports}). Each returns how many rows or findings it wrote.
 */
final class ReviewExports {

    private ReviewExports() {
    }

    static long approvedRows(Review review, TargetChoice target, Path out, CsvOptions options, TaskContext ctx) {
        try (TargetDatabase db = target.open()) {
            return io.sluice.core.export.ReviewExports.approvedRows(review, db, out, options, ctx);
        }
    }

    static long rejectedRows(Review review, TargetChoice target, Path out, CsvOptions options, TaskContext ctx) {
        return io.sluice.core.export.ReviewExports.rejectedRows(review, out, options, ctx);
    }

    static long findings(Review review, TargetChoice target, Path out, CsvOptions options, TaskContext ctx) {
        try (FindingsWriter writer = FindingsWriter.csv(out, options)) {
            return io.sluice.core.export.ReviewExports.findings(review, writer);
        }
    }

    /** The failed rows as a workbook for the data owner; the formula guard follows the options. */
    static long returnWorkbook(Review review, TargetChoice target, Path out, CsvOptions options, TaskContext ctx) {
        try (BackToSenderWriter writer = new BackToSenderWriter(out,
                io.sluice.core.export.ReviewExports.source(review), review.columns(), options.guardFormulas())) {
            return io.sluice.core.export.ReviewExports.writeFailedRows(review, writer);
        }
    }

    /** The HTML validation report; returns the review's row count, which it covers. */
    static long report(Review review, TargetChoice target, Path out, CsvOptions options, TaskContext ctx) {
        io.sluice.core.export.ReviewExports.writeReport(review, out);
        return review.rowCount();
    }
}
