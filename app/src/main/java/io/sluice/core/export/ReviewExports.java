package io.sluice.core.export;

import io.sluice.core.Progress;
import io.sluice.core.commit.ApprovedRow;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.ReviewApprovedRows;
import io.sluice.core.review.ReviewImport;
import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import io.sluice.core.source.SourceRow;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.validate.ReportSource;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.review.CellOrigins;
import io.sluice.core.review.ChangedCell;
import io.sluice.core.review.Decision;
import io.sluice.core.review.DecisionStatus;
import io.sluice.core.review.FindingCounts;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Everything exported from a saved review, as both front ends write it: approved rows, rejected rows, findings, the
 * back-to-sender workbook and the HTML report. A review's failed rows are the rejected rows plus the rows with an
 * error finding that the steward did not approve, with the steward's cell edits applied. The long exports poll
 * {@link Progress#isCancelled()} and stop with a CancellationException.
 */
public final class ReviewExports {

    private ReviewExports() {
    }

    /** Approved rows, with the steward's edits, in target column order and with normalised values; returns how many. */
    public static long approvedRows(Review review, TargetDatabase db, Path out, CsvOptions options,
                                    Progress progress) {
        Profile profile = ReviewImport.profileOf(review);
        Mapper mapper = Mapper.compile(profile, review.columns(), db.table(profile.table()));
        try (ApprovedRowsCsvWriter writer = new ApprovedRowsCsvWriter(out, mapper.targetColumns(), options)) {
            for (ApprovedRow row : new ReviewApprovedRows(review, mapper, -1)) {
                stopIfCancelled(progress);
                writer.write(row.values());
                report(progress, writer.rows());
            }
            return writer.rows();
        }
    }

    /** Rejected rows with their values (edits applied), row number, reason and findings; returns how many. */
    public static long rejectedRows(Review review, Path out, CsvOptions options, Progress progress) {
        return rejectedRows(review, out, options, false, progress);
    }

    /**
     * As {@link #rejectedRows(Review, Path, CsvOptions, Progress)}; with {@code originalValues} the file also names
     * each cell a fix or an edit changed, from what to what, in a last column, which is left out when no cell of the
     * review was changed.
     */
    public static long rejectedRows(Review review, Path out, CsvOptions options, boolean originalValues,
                                    Progress progress) {
        CellOrigins origins = review.cellOrigins();
        boolean changes = originalValues && origins.any();
        try (RejectedRowsCsvWriter writer = new RejectedRowsCsvWriter(out, review.columns(), options, changes)) {
            for (long row : review.ledger().rowsWith(DecisionStatus.REJECTED)) {
                stopIfCancelled(progress);
                SourceRow effective = review.ledger().effectiveRow(row).orElseThrow();
                String reason = review.ledger().decision(row).map(Decision::reason).orElse(null);
                writer.write(effective, reason, review.findings(row), changes ? origins.changedCells(row) : List.of());
                report(progress, writer.rows());
            }
            return writer.rows();
        }
    }

    /** Every finding of the review, one per line, into an open writer; returns how many. */
    public static long findings(Review review, FindingsWriter writer) {
        review.forEachFinding(writer::write);
        return writer.count();
    }

    private static void stopIfCancelled(Progress progress) {
        if (progress.isCancelled()) {
            throw new CancellationException("The export was cancelled.");
        }
    }

    private static void report(Progress progress, long rows) {
        if (rows % 1_000 == 0) {
            progress.rowsDone(rows);
        }
    }

    /** What a report or workbook of this review is about, from what the review recorded. */
    public static ReportSource source(Review review) {
        ReviewInfo info = review.info();
        Profile profile = info.profileJson() == null ? null
                : ProfileIO.fromJson(info.profileJson(), review.file().toString());
        return new ReportSource(info.source().toString(), info.sha256(), info.format().name(), info.sheet(),
                info.headerRow(), profile == null ? "(none)" : profile.name(), null,
                profile == null ? null : ProfileIO.sha256(profile), info.targetUrl(),
                profile == null ? null : profile.table());
    }

    /** Writes the review's failed rows as the steward left them, in source order; returns how many. */
    public static long writeFailedRows(Review review, BackToSenderWriter writer) {
        return writeFailedRows(review, writer, false);
    }

    /**
     * Writes the review's failed rows, in source order; with {@code originalValues} each cell a fix or an edit changed
     * shows the sender's value, with a comment saying what Sluice changed it to. Returns how many.
     */
    public static long writeFailedRows(Review review, BackToSenderWriter writer, boolean originalValues) {
        CellOrigins origins = review.cellOrigins();
        boolean changes = originalValues && origins.any();
        long[] failed = failedRows(review);
        for (long row : failed) {
            String reason = review.ledger().decision(row).filter(d -> d.status() == DecisionStatus.REJECTED)
                    .map(d -> d.reason() == null ? "" : d.reason()).orElse(null);
            List<ChangedCell> changed = changes ? origins.changedCells(row) : List.of();
            if (changed.isEmpty()) {
                writer.write(review.ledger().effectiveRow(row).orElseThrow(), reason, review.findings(row));
            } else {
                writer.writeOriginal(review.row(row).orElseThrow(), reason, review.findings(row), changed);
            }
        }
        return failed.length;
    }

    /**
     * The failed rows of a review, sent back to the owner: rejected rows plus unapproved rows with an error finding,
     * in source order; 8 bytes a row.
     */
    public static long[] failedRows(Review review) {
        long[] rejected = review.ledger().rowsWith(DecisionStatus.REJECTED);
        long[] approved = review.ledger().rowsWith(DecisionStatus.APPROVED);
        long[][] withErrors = {new long[64]};
        int[] size = {0};
        review.forEachFinding(f -> {
            // findings arrive in row order, so a row already added is the last one
            if (f.severity() == Severity.ERROR && (size[0] == 0 || withErrors[0][size[0] - 1] != f.row())
                    && Arrays.binarySearch(approved, f.row()) < 0) {
                if (size[0] == withErrors[0].length) {
                    withErrors[0] = Arrays.copyOf(withErrors[0], size[0] * 2);
                }
                withErrors[0][size[0]++] = f.row();
            }
        });
        long[] merged = new long[rejected.length + size[0]];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < rejected.length || j < size[0]) {
            long next = j >= size[0] || i < rejected.length && rejected[i] <= withErrors[0][j]
                    ? rejected[i++] : withErrors[0][j++];
            if (n == 0 || merged[n - 1] != next) {
                merged[n++] = next;
            }
        }
        return Arrays.copyOf(merged, n);
    }

    /**
     * Writes the HTML report of the review as it stands: counts and scores from its findings now (edits included),
     * the worst rows by their findings, and the decisions.
     */
    public static void writeReport(Review review, Path file) {
        FindingCounts counts = review.counts();
        long rows = review.rowCount();
        ValidationSummary.FileScores scores = review.currentSummary().map(ValidationSummary::scores)
                .orElse(null);
        ValidationSummary summary = new ValidationSummary(rows, rows - counts.rowsWithErrors(),
                counts.rowsWithErrors(), counts.rowsWithWarnings(), counts.errors(), counts.warnings(), scores,
                counts.byRule(), counts.byColumn());
        WorstRows worst = new WorstRows(WorstRows.DEFAULT_LIMIT);
        List<Finding> rowFindings = new ArrayList<>();
        review.forEachFinding(f -> {
            if (!rowFindings.isEmpty() && rowFindings.get(0).row() != f.row()) {
                worst.offer(rowFindings.get(0).row(), rowFindings, -1);
                rowFindings.clear();
            }
            rowFindings.add(f);
        });
        if (!rowFindings.isEmpty()) {
            worst.offer(rowFindings.get(0).row(), rowFindings, -1);
        }
        HtmlReportWriter.write(file, source(review), summary, worst.rows(), review.ledger().counts());
    }
}
