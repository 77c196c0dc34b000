package io.sluice.core.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.source.SourceIssue;
import io.sluice.core.source.SourceTable;
import io.sluice.core.database.TableShape;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.validate.QualityTally;
import io.sluice.core.validate.RowResult;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Stages validated rows into a review as they stream by: the raw cells with their findings, then, at the end, the
 * sheet-level source issues and the validation summary.
 */
public final class ReviewStager implements Consumer<RowResult>, AutoCloseable {

    /** Meta key under which the validation summary is kept, as JSON. */
    public static final String SUMMARY = "validation.summary";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Review review;
    private final RowWriterThread rows;

    /** Stages into {@code review} on a writer thread of its own; {@link #close()} or a finish waits for it. */
    public ReviewStager(Review review) {
        this.review = review;
        this.rows = new RowWriterThread(review.rowWriter());
    }

    /** What a new review records about the source, profile and target of a validation. */
    public static ReviewInfo info(ValidationJob job, TargetDatabase db) {
        SourceTable table = job.table();
        return ReviewInfo.of(table.file().toAbsolutePath(), job.sha256(), table.format(), table.sheet(),
                        table.headerRow())
                .withProfileJson(ProfileIO.toJson(job.profile()))
                .withTargetUrl(db.displayUrl());
    }

    @Override
    public void accept(RowResult row) {
        rows.append(row.source(), row.findings(), QualityTally.filledCells(row.mapped()));
    }

    /** Records the sheet-level issues and the summary once every row is staged. */
    public void finish(List<SourceIssue> sheetIssues, ValidationSummary summary) {
        rows.finish();
        review.addSourceIssues(sheetIssues);
        try {
            review.putMeta(SUMMARY, JSON.writeValueAsString(summary));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot record the validation summary", e);
        }
    }

    /**
     * Records the sheet-level issues, the summary, the profile and target of {@code job}, and what the review's
     * current scores are counted with, once every row is staged.
     */
    public void finish(List<SourceIssue> sheetIssues, ValidationSummary summary, ValidationJob job,
                       TargetDatabase db) {
        rows.finish();
        review.addSourceIssues(sheetIssues);
        review.recordValidation(summary, QualityBasis.of(job.targetColumns().size(), job.uniquenessRules()),
                ProfileIO.toJson(job.profile()), db.displayUrl(),
                Map.of(job.profile().table(), TableShape.of(job.targetTable())));
    }

    /** The summary recorded by {@link #finish}, if the review was validated to the end. */
    public static Optional<ValidationSummary> summary(Review review) {
        return review.meta(SUMMARY).map(json -> {
            try {
                return JSON.readValue(json, ValidationSummary.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The review's validation summary is unreadable", e);
            }
        });
    }

    /** Commits the rows staged so far (a cancelled validation keeps the rows it got through). */
    @Override
    public void close() {
        rows.finish();
    }
}
