package io.sluice.core.export;

import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.rules.Finding;
import io.sluice.core.rules.Severity;
import io.sluice.core.source.SourceRow;
import io.sluice.core.validate.ReportSource;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.workspace.DecisionStatus;
import io.sluice.core.workspace.FindingCounts;
import io.sluice.core.workspace.Review;
import io.sluice.core.workspace.ReviewInfo;
import io.sluice.core.workspace.ReviewStager;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The back-to-sender workbook and the HTML report of a saved review. A review's failed rows are the rejected rows plus
 * the rows with an error finding that the steward did not approve, with the steward's cell edits applied.
 */
public final class ReviewExports {

    private ReviewExports() {
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

    /** Writes the review's failed rows, in source order; returns how many. */
    public static long writeFailedRows(Review review, BackToSenderWriter writer) {
        long[] failed = failedRows(review);
        for (long row : failed) {
            SourceRow effective = review.ledger().effectiveRow(row).orElseThrow();
            String reason = review.ledger().decision(row).filter(d -> d.status() == DecisionStatus.REJECTED)
                    .map(d -> d.reason() == null ? "" : d.reason()).orElse(null);
            writer.write(effective, reason, review.findings(row));
        }
        return failed.length;
    }

    /** Rejected rows plus unapproved rows with an error finding, in source order: 8 bytes a row. */
    static long[] failedRows(Review review) {
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
     * Writes the HTML report of the review as it stands: counts from its findings now (edits included), scores as
     * recorded when it was validated, the worst rows by their findings, and the decisions.
     */
    public static void writeReport(Review review, Path file) {
        FindingCounts counts = review.counts();
        long rows = review.rowCount();
        ValidationSummary.FileScores scores = ReviewStager.summary(review).map(ValidationSummary::scores)
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
