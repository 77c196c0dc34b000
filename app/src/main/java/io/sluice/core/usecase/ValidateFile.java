package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.profile.Profile;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceIssue;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.validate.FileOpening;
import io.sluice.core.validate.GateMeasures;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.QualityGates;
import io.sluice.core.validate.ReportSource;
import io.sluice.core.validate.ReturnedRows;
import io.sluice.core.validate.RowResult;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewStager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Validates a source file with a mapping profile against the target's table: every row is mapped and checked, each
 * result handed to the caller (a report, a list of first findings), and, when asked, staged with its findings into a
 * new review. A validation into a review that fails or is cancelled leaves no half-staged review behind.
 */
public final class ValidateFile {

    /**
     * What to validate.
     *
     * @param file          the XLSX, XLS or CSV file
     * @param chosen        reader options the steward chose; any not chosen (null) come from the profile
     * @param profile       the mapping profile
     * @param profileLabel  where the profile came from, for the report (a path), or null
     * @param review        the review file to create, or null for a validation without one
     * @param replaceReview whether a review at {@code review} is replaced (set aside until the new one is complete)
     */
    public record Request(Path file, SourceOptions chosen, Profile profile, String profileLabel, Path review,
                          boolean replaceReview) {

        public Request {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(profile, "profile");
        }

        /** A validation without a review. */
        public static Request headless(Path file, SourceOptions chosen, Profile profile, String profileLabel) {
            return new Request(file, chosen, profile, profileLabel, null, false);
        }
    }

    /**
     * What the validation found.
     *
     * @param about   the source, profile and target, as a report names them
     * @param summary counts and scores of every row
     * @param format  how the file was read
     * @param issues  what the reader noticed about the sheet (renamed headers, merged cells, ...)
     * @param unmapped the file's columns the profile does not map (a column the sender added since the profile was
     *                 made), and those Sluice added to a workbook it sent back
     * @param returned the rows that came back from a workbook Sluice sent back (their {@code Sluice row})
     * @param review  the review created, or null
     * @param gates   the profile's quality gates measured on this file (rejected rows: the rows with errors; in a
     *                new review, none is rejected until the steward rejects rows)
     */
    public record Outcome(ReportSource about, ValidationSummary summary, SourceFormat format,
                          List<SourceIssue> issues, UnmappedColumns unmapped, ReturnedRows returned, Path review,
                          List<GateResult> gates) {

        /** Whether a blocking gate failed: an import of this file would be refused. */
        public boolean blocked() {
            return QualityGates.blocks(gates);
        }
    }

    /**
     * What a caller that writes rows out needs before the first row arrives.
     *
     * @param sourceColumns the source headers, in file order
     * @param targetColumns the mapped target columns, in target order
     * @param about         the source, profile and target, as a report names them
     */
    public record Layout(List<String> sourceColumns, List<ColumnInfo> targetColumns, ReportSource about) {
    }

    private ValidateFile() {
    }

    /**
     * Runs the validation; {@code rows} (may be null) receives every row's result in source order on the calling
     * thread. A cancel through {@code progress} ends it with a {@link java.util.concurrent.CancellationException}.
     */
    public static Outcome run(Request request, TargetDatabase db, Consumer<RowResult> rows, Progress progress) {
        Consumer<RowResult> sink = rows == null ? r -> { } : rows;
        return runWriting(request, db, layout -> sink, progress);
    }

    /**
     * Runs the validation; {@code rowsFor} is given the file's layout once the file is open and the mapping compiled,
     * and returns the consumer of every row's result (in source order, on the calling thread).
     */
    public static Outcome runWriting(Request request, TargetDatabase db,
                                     Function<Layout, Consumer<RowResult>> rowsFor, Progress progress) {
        SourceOptions options = ReaderOptions.of(request.chosen(), request.profile().source());
        return runJob(request, ValidationJob.prepare(request.file(), options, request.profile(), db), db, rowsFor,
                progress);
    }

    /**
     * Begins opening, then hashing, the request's file on a thread of its own (a CSV file's encoding is decided by
     * reading it through once), for a caller that opens the target meanwhile and then calls
     * {@link #run(Request, FileOpening, TargetDatabase, Consumer, Progress)}; closing it undoes an unused opening.
     */
    public static FileOpening openAhead(Request request) {
        return FileOpening.start(request.file(), ReaderOptions.of(request.chosen(), request.profile().source()));
    }

    /** As {@link #run(Request, TargetDatabase, Consumer, Progress)}, with the file opened by {@link #openAhead}. */
    public static Outcome run(Request request, FileOpening opening, TargetDatabase db, Consumer<RowResult> rows,
                              Progress progress) {
        Consumer<RowResult> sink = rows == null ? r -> { } : rows;
        return runJob(request, ValidationJob.prepare(opening, request.profile(), db), db, layout -> sink, progress);
    }

    private static Outcome runJob(Request request, ValidationJob prepared, TargetDatabase db,
                                  Function<Layout, Consumer<RowResult>> rowsFor, Progress progress) {
        try (ValidationJob job = prepared) {
            Consumer<RowResult> sink = rowsFor.apply(new Layout(job.table().columns(), job.targetColumns(),
                    job.reportSource(request.profileLabel())));
            UnmappedColumns unmapped = UnmappedColumns.of(request.profile(), job.table().columns());
            ReturnedRows.Tally returned = ReturnedRows.tally(job.table().columns(), unmapped);
            if (returned != null) {
                sink = sink.andThen(returned);
            }
            ValidationSummary summary = request.review() == null ? job.run(sink, progress)
                    : stage(job, db, request, sink, progress);
            refuseNoRows(request, summary);
            return new Outcome(job.reportSource(request.profileLabel()), summary, job.table().format(),
                    List.copyOf(job.table().issues()), unmapped,
                    returned == null ? ReturnedRows.NONE : returned.result(), request.review(),
                    QualityGates.evaluate(request.profile().gates(), measures(request, summary)));
        }
    }

    /** A file alone leaves out its rows with errors; a new review has rejected nothing yet. */
    private static GateMeasures measures(Request request, ValidationSummary summary) {
        return request.review() == null ? GateMeasures.ofFile(summary)
                : new GateMeasures(summary.rows(), summary.withErrors(), 0, summary.scores());
    }

    /** Stages into a new review; one asked to replace the review there sets it aside until this one is complete. */
    private static ValidationSummary stage(ValidationJob job, TargetDatabase db, Request request,
                                           Consumer<RowResult> rows, Progress progress) {
        return request.replaceReview()
                ? ReviewReplacement.replace(request.review(), () -> stageNew(job, db, request, rows, progress))
                : stageNew(job, db, request, rows, progress);
    }

    private static ValidationSummary stageNew(ValidationJob job, TargetDatabase db, Request request,
                                              Consumer<RowResult> rows, Progress progress) {
        Review review = Review.create(request.review(), ReviewStager.info(job, db), job.table().columns());
        boolean finished = false;
        try {
            ValidationSummary summary;
            try (ReviewStager stager = new ReviewStager(review)) {
                summary = job.run(rows.andThen(stager), progress);
                refuseNoRows(request, summary);
                stager.finish(job.table().issues(), summary, job, db);
            }
            finished = true;
            return summary;
        } finally {
            review.close();
            if (!finished) {
                deleteUnfinished(request.review());
            }
        }
    }

    /**
     * A file with a header and no row below it would otherwise pass with perfect scores and exit clean, although the
     * import of the same file refuses it; a review of it is not kept (it is deleted as an unfinished one).
     */
    private static void refuseNoRows(Request request, ValidationSummary summary) {
        if (summary.rows() == 0) {
            throw SluiceException.input(request.file().getFileName() + " has no data rows below its header, so there"
                    + " is nothing to validate.");
        }
    }

    /** Deletes a review file that was left unfinished, with SQLite's side files. */
    static void deleteUnfinished(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
        } catch (IOException e) {
            // Best effort: the failure that stopped the validation is what the steward is told about.
        }
    }
}
