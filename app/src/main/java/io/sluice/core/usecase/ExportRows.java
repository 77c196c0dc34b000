package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.export.ApprovedRowsCsvWriter;
import io.sluice.core.export.BackToSenderWriter;
import io.sluice.core.export.CsvOptions;
import io.sluice.core.export.FindingsWriter;
import io.sluice.core.export.HtmlReportWriter;
import io.sluice.core.export.RejectedRowsCsvWriter;
import io.sluice.core.export.StagedFiles;
import io.sluice.core.export.ReviewExports;
import io.sluice.core.export.WorstRows;
import io.sluice.core.profile.Profile;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.validate.RowResult;
import io.sluice.core.review.Review;
import io.sluice.core.review.WorkbookMembers;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Writes what a steward sends on or back: approved rows in target columns, rejected rows with reasons, every finding,
 * the back-to-sender workbook and the HTML report; either from a file validated on the fly with a profile, or from a
 * review with its decisions and edits. Every output asked for is written in one pass over the rows.
 */
public final class ExportRows {

    private static final String NOT_VALID = "has error findings";

    /**
     * The files to write; null for what is not asked. A findings file ending in {@code .json} is written as JSON,
     * any other as CSV.
     */
    public record Outputs(Path approved, Path rejected, Path findings, Path returnWorkbook, Path report) {

        /** True when nothing at all is asked. */
        public boolean none() {
            return approved == null && rejected == null && findings == null && returnWorkbook == null
                    && report == null;
        }
    }

    /**
     * How the files are written.
     *
     * @param csv         delimiter, quoting, byte order mark, line ending and formula guard of the CSVs (the guard
     *                    applies to the workbook too)
     * @param maxComments    cells of the back-to-sender workbook that get a comment, at most
     * @param originalValues from a review: show the source value of each cell a fix or an edit changed (the rejected
     *                       rows' {@code original_values} column; the workbook's cell with a comment saying what
     *                       Sluice changed it to); a file validated on the fly has no changes
     */
    public record Settings(CsvOptions csv, int maxComments, boolean originalValues) {

        public Settings {
            if (maxComments < 0) {
                throw SluiceException.input("The workbook's comments must be 0 or more, not " + maxComments + ".");
            }
        }

        /** Without the original values. */
        public Settings(CsvOptions csv, int maxComments) {
            this(csv, maxComments, false);
        }
    }

    /**
     * What was written; a count is null when that output was not asked for.
     *
     * @param failedRows     rows in the back-to-sender workbook
     * @param failedComments cells of it that carry a comment
     */
    public record Written(Long approved, Long rejected, Long findings, Long failedRows, Long failedComments,
                          boolean report) {
    }

    private ExportRows() {
    }

    /**
     * Validates {@code file} with {@code profile} and writes the outputs: the rows without error findings count as
     * approved, the rows with error findings as rejected and failed.
     */
    public static Written fromFile(TargetDatabase db, Path file, SourceOptions chosen, Profile profile,
                                   String profileLabel, Outputs outputs, Settings settings, Progress progress) {
        ValidateFile.Request request = ValidateFile.Request.headless(file, chosen, profile, profileLabel);
        try (StagedFiles staged = new StagedFiles()) {
            Outputs hidden = staged(outputs, staged);
            FileSinks sinks = new FileSinks(hidden, settings);
            try (sinks) {
                ValidateFile.Outcome outcome = ValidateFile.runWriting(request, db, sinks::open, progress);
                if (hidden.report() != null) {
                    HtmlReportWriter.write(hidden.report(), outcome.about(), outcome.summary(), sinks.worst.rows(),
                            null);
                }
            }
            staged.commit();
            return sinks.written(outputs.report() != null);
        }
    }

    /** The hidden files the outputs are written to, moved onto their names when all are written. */
    private static Outputs staged(Outputs outputs, StagedFiles staged) {
        return new Outputs(staged.stage(outputs.approved()), staged.stage(outputs.rejected()),
                staged.stage(outputs.findings()), staged.stage(outputs.returnWorkbook()),
                staged.stage(outputs.report()));
    }

    /**
     * The hidden files of the outputs written one file each (findings, workbook, report); the approved and rejected
     * rows, one file per table or sheet, are staged by the caller.
     */
    static Outputs stagedSingles(Outputs outputs, StagedFiles staged) {
        return new Outputs(null, null, staged.stage(outputs.findings()), staged.stage(outputs.returnWorkbook()),
                staged.stage(outputs.report()));
    }

    /**
     * Writes the outputs of a review: its approved rows with the steward's edits, its rejected rows with their
     * reasons, and as failed rows the rejected ones plus those with error findings not approved.
     */
    public static Written fromReview(TargetDatabase db, Path reviewFile, Outputs outputs, Settings settings,
                                     Progress progress) {
        try (Review review = Review.open(reviewFile)) {
            WorkbookMembers.requireOneSheet(review, "an export");
            return fromReview(db, review, outputs, settings, progress);
        }
    }

    /**
     * Writes the outputs of a review the caller has open (and closes): as {@link #fromReview(TargetDatabase, Path,
     * Outputs, Settings, Progress)}. Only the approved rows are mapped onto the target, so {@code db} may be null
     * when they are not asked for.
     */
    public static Written fromReview(TargetDatabase db, Review review, Outputs outputs, Settings settings,
                                     Progress progress) {
        TableOutputFiles names = TableOutputFiles.ofReview(review.file(), review.info().source());
        names.one("--approved", outputs.approved());
        names.one("--rejected", outputs.rejected());
        names.one("--findings", outputs.findings());
        names.one("--return-xlsx", outputs.returnWorkbook());
        names.one("--report", outputs.report());
        if (review.info().profileJson() == null && outputs.approved() != null) {
            throw SluiceException.input(review.file() + " holds no mapping profile, so its rows cannot be"
                    + " exported in target columns; validate it with a profile first.");
        }
        if (db == null && outputs.approved() != null) {
            throw new IllegalArgumentException("The approved rows are mapped onto a target database");
        }
        try (StagedFiles staged = new StagedFiles()) {
            Written written = write(db, review, staged(outputs, staged), settings, progress);
            staged.commit();
            return written;
        }
    }

    private static Written write(TargetDatabase db, Review review, Outputs outputs, Settings settings,
                                 Progress progress) {
        CsvOptions csv = settings.csv();
        Long approved = outputs.approved() == null ? null
                : ReviewExports.approvedRows(review, db, outputs.approved(), csv, progress);
        Long rejected = outputs.rejected() == null ? null
                : ReviewExports.rejectedRows(review, outputs.rejected(), csv, settings.originalValues(), progress);
        Long findings = null;
        if (outputs.findings() != null) {
            try (FindingsWriter writer = findingsWriter(outputs.findings(), csv)) {
                findings = ReviewExports.findings(review, writer);
            }
        }
        Long failedRows = null;
        Long failedComments = null;
        if (outputs.returnWorkbook() != null) {
            try (BackToSenderWriter returned = new BackToSenderWriter(outputs.returnWorkbook(),
                    ReviewExports.source(review), review.columns(), csv.guardFormulas(),
                    settings.maxComments())) {
                ReviewExports.writeFailedRows(review, returned, settings.originalValues());
                failedRows = returned.rows();
                failedComments = returned.comments();
            }
        }
        if (outputs.report() != null) {
            ReviewExports.writeReport(review, outputs.report());
        }
        return new Written(approved, rejected, findings, failedRows, failedComments, outputs.report() != null);
    }

    private static FindingsWriter findingsWriter(Path file, CsvOptions csv) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                ? FindingsWriter.json(file) : FindingsWriter.csv(file, csv);
    }

    /** The writers of a file export, opened once the file's layout is known and closed whatever happens. */
    private static final class FileSinks implements AutoCloseable {

        private final Outputs outputs;
        private final Settings settings;
        private final WorstRows worst;
        private ApprovedRowsCsvWriter approved;
        private RejectedRowsCsvWriter rejected;
        private FindingsWriter findings;
        private BackToSenderWriter returned;

        FileSinks(Outputs outputs, Settings settings) {
            this.outputs = outputs;
            this.settings = settings;
            this.worst = new WorstRows(outputs.report() == null ? 0 : WorstRows.DEFAULT_LIMIT);
        }

        Consumer<RowResult> open(ValidateFile.Layout layout) {
            CsvOptions csv = settings.csv();
            if (outputs.approved() != null) {
                approved = new ApprovedRowsCsvWriter(outputs.approved(), layout.targetColumns(), csv);
            }
            if (outputs.rejected() != null) {
                rejected = new RejectedRowsCsvWriter(outputs.rejected(), layout.sourceColumns(), csv);
            }
            if (outputs.findings() != null) {
                findings = findingsWriter(outputs.findings(), csv);
            }
            if (outputs.returnWorkbook() != null) {
                returned = new BackToSenderWriter(outputs.returnWorkbook(), layout.about(), layout.sourceColumns(),
                        csv.guardFormulas(), settings.maxComments());
            }
            return this::write;
        }

        private void write(RowResult r) {
            boolean failed = r.hasErrors();
            if (!failed && approved != null) {
                approved.write(r.mapped());
            } else if (failed && rejected != null) {
                rejected.write(r.source(), NOT_VALID, r.findings());
            }
            if (failed && returned != null) {
                returned.write(r.source(), null, r.findings());
            }
            if (findings != null) {
                r.findings().forEach(findings::write);
            }
            worst.accept(r);
        }

        Written written(boolean report) {
            return new Written(approved == null ? null : approved.rows(), rejected == null ? null : rejected.rows(),
                    findings == null ? null : findings.count(), returned == null ? null : returned.rows(),
                    returned == null ? null : returned.comments(), report);
        }

        @Override
        public void close() {
            // each writer is closed even when another fails, so no file handle outlives the export
            RuntimeException failure = null;
            for (AutoCloseable writer : new AutoCloseable[] {approved, rejected, findings, returned}) {
                if (writer == null) {
                    continue;
                }
                try {
                    writer.close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
