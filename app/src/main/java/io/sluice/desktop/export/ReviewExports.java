package io.sluice.desktop.export;

import io.sluice.core.SluiceException;
import io.sluice.core.commit.ApprovedRow;
import io.sluice.core.export.ApprovedRowsCsvWriter;
import io.sluice.core.export.CsvOptions;
import io.sluice.core.export.FindingsWriter;
import io.sluice.core.export.RejectedRowsCsvWriter;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.Profile;
import io.sluice.core.review.ReviewApprovedRows;
import io.sluice.core.review.ReviewImport;
import io.sluice.core.source.SourceRow;
import io.sluice.core.target.TargetDatabase;
import io.sluice.core.workspace.Decision;
import io.sluice.core.workspace.DecisionStatus;
import io.sluice.core.workspace.Review;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.task.TaskContext;

import java.nio.file.Path;

/**
 * The review exports the desktop offers, written by the core export writers exactly as {@code sluice export --review}
 * writes them. Each returns how many rows or findings it wrote.
 */
final class ReviewExports {

    private ReviewExports() {
    }

    /** Approved rows, with the steward's edits, in target column order and with normalised values. */
    static long approvedRows(Review review, TargetChoice target, Path out, CsvOptions options, TaskContext ctx) {
        if (review.info().profileJson() == null) {
            throw SluiceException.input(review.file() + " holds no mapping profile, so its rows cannot be exported"
                    + " in target columns.");
        }
        Profile profile = ReviewImport.profileOf(review);
        try (TargetDatabase db = target.open()) {
            Mapper mapper = Mapper.compile(profile, review.columns(), db.table(profile.table()));
            try (ApprovedRowsCsvWriter writer = new ApprovedRowsCsvWriter(out, mapper.targetColumns(), options)) {
                for (ApprovedRow row : new ReviewApprovedRows(review, mapper, -1)) {
                    cancelled(ctx);
                    writer.write(row.values());
                    ctx.rowsDone(writer.rows());
                }
                return writer.rows();
            }
        }
    }

    /** Rejected rows with their original values, row number, the steward's reason and the findings. */
    static long rejectedRows(Review review, TargetChoice target, Path out, CsvOptions options, TaskContext ctx) {
        try (RejectedRowsCsvWriter writer = new RejectedRowsCsvWriter(out, review.columns(), options)) {
            for (long row : review.ledger().rowsWith(DecisionStatus.REJECTED)) {
                cancelled(ctx);
                SourceRow effective = review.ledger().effectiveRow(row).orElseThrow();
                String reason = review.ledger().decision(row).map(Decision::reason).orElse(null);
                writer.write(effective, reason, review.findings(row));
                ctx.rowsDone(writer.rows());
            }
            return writer.rows();
        }
    }

    /** Every finding of the review, one per line. */
    static long findings(Review review, TargetChoice target, Path out, CsvOptions options, TaskContext ctx) {
        try (FindingsWriter writer = FindingsWriter.csv(out, options)) {
            review.forEachFinding(writer::write);
            return writer.count();
        }
    }

    private static void cancelled(TaskContext ctx) {
        if (ctx.isCancelled()) {
            throw new java.util.concurrent.CancellationException("The export was cancelled.");
        }
    }
}
