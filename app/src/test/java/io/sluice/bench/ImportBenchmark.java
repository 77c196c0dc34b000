package io.sluice.bench;

import io.sluice.core.Progress;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewStager;
import io.sluice.core.review.RowFilter;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.usecase.ImportResult;
import io.sluice.core.usecase.ImportRows;
import io.sluice.core.usecase.OpenReview;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The end-to-end import stages: exactly what {@code sluice import FILE --profile P --approve valid} does through the
 * use case ({@link ImportRows#fromFile} then commit: read, map, validate, write, provenance, verification) into a
 * fresh target, and what {@code sluice import --review R} does with a review of the same file, validated and with
 * every valid row approved (the review is built before the clock starts). {@link CommitBenchmark} runs them in
 * child JVMs and prints their ratios against the database's own bulk load of the same rows.
 */
final class ImportBenchmark {

    static final String H2_IMPORT = "h2-import";
    static final String PG_IMPORT = "pg-import";
    static final String H2_IMPORT_REVIEW = "h2-import-review";
    static final String PG_IMPORT_REVIEW = "pg-import-review";
    static final List<String> STAGES = List.of(H2_IMPORT, H2_IMPORT_REVIEW, PG_IMPORT, PG_IMPORT_REVIEW);
    private static final ImportRows.ImportSettings SETTINGS = new ImportRows.ImportSettings(null, false, "benchmark");

    private ImportBenchmark() {
    }

    /** {@code import FILE --approve valid}, timed from opening the file to the committed batch. */
    static void importFile(Supplier<TargetDatabase> target, Path file) {
        try (TargetDatabase db = target.get()) {
            Benchmark.resetPeaks();
            long start = System.nanoTime();
            ImportResult result;
            FirstRows first = new FirstRows(start);
            try (StageCpu cpu = new StageCpu();
                 ImportRows rows = ImportRows.fromFile(db, file, SourceOptions.DEFAULTS, SampleProfiles.ds1(),
                    SETTINGS, Progress.NONE)) {
                result = rows.commit(first);
                first.committed();
            }
            first.print();
            CommitBenchmark.result(result.batch().inserted(), start);
        }
    }

    /**
     * {@code import --review R}: first (not timed) validates the file into a review against the fresh target and
     * approves every row without error findings, the same rows the bulk loads get; then times the import.
     */
    static void importReview(Supplier<TargetDatabase> target, Path file) throws IOException {
        Path review = Files.createTempDirectory("bench-import").resolve("import.sluice");
        long built = System.nanoTime();
        try (TargetDatabase db = target.get()) {
            try (ValidationJob job = ValidationJob.prepare(file, SourceOptions.DEFAULTS, SampleProfiles.ds1(), db);
                 Review staged = Review.create(review, ReviewStager.info(job, db), job.table().columns());
                 ReviewStager stager = new ReviewStager(staged)) {
                ValidationSummary summary = job.run(stager, Progress.NONE);
                stager.finish(job.table().issues(), summary);
            }
            int approved;
            try (OpenReview open = OpenReview.open(review, () -> {
                throw new IllegalStateException("approving rows needs no target");
            })) {
                approved = open.session().approveAll(RowFilter.valid());
            }
            System.out.printf(Locale.ROOT, "review built and %d valid rows approved (not counted): %.1f s%n",
                    approved, (System.nanoTime() - built) / 1e9);
            Benchmark.resetPeaks();
            long start = System.nanoTime();
            ImportResult result;
            FirstRows first = new FirstRows(start);
            try (StageCpu cpu = new StageCpu();
                 ImportRows rows = ImportRows.fromReview(db, review, SETTINGS)) {
                result = rows.commit(first);
                first.committed();
            }
            first.print();
            CommitBenchmark.result(result.batch().inserted(), start);
        } finally {
            Files.deleteIfExists(review);
        }
    }

    /**
     * When the commit's first chunk had gone to the target, and its last: what the import does before its first
     * row (opening the file, compiling the rules, hashing), after its last (the last {@code COPY}'s end, the check,
     * the review's audit, the commit) and in closing (the review, the file's second connection).
     */
    private static final class FirstRows implements Progress {

        private final long start;
        private long first;
        private long last;
        private long committed;

        FirstRows(long start) {
            this.start = start;
        }

        @Override
        public void rowsDone(long rows) {
            last = System.nanoTime();
            if (first == 0) {
                first = last;
            }
        }

        void committed() {
            committed = System.nanoTime();
        }

        void print() {
            long end = System.nanoTime();
            System.out.printf(Locale.ROOT, "first chunk sent after %.2f s, the last %.2f s before the commit"
                    + " returned, closing %.2f s%n", (first - start) / 1e9, (committed - last) / 1e9,
                    (end - committed) / 1e9);
        }
    }
}
