package io.sluice.bench;

import io.sluice.core.Progress;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewStager;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Builds the large review the review benchmarks measure: generated ds1-like rows, validated and staged once. */
final class BenchReviews {

    private BenchReviews() {
    }

    /**
     * Writes {@code rows} generated rows as a CSV in {@code dir} (kept for the next run) and stages them, validated
     * with the ds1 profile against the embedded database, into {@code review}; prints how long each part took.
     */
    static void build(Path dir, long rows, Path review) throws IOException {
        Path csv = dir.resolve("mixes-" + rows + ".csv");
        long start = System.nanoTime();
        if (!Files.exists(csv)) {
            Path partial = dir.resolve(csv.getFileName() + ".partial");
            new ConcreteMixGenerator(GeneratorOptions.defaults().withRows(rows).withColumns(MixColumn.CORE_COUNT))
                    .writeCsv(partial, CsvLayout.english());
            Files.move(partial, csv);
        }
        long generated = System.nanoTime();
        Path partial = dir.resolve(review.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        try (TargetDatabase db = TargetDatabase.openDefault();
             ValidationJob job = ValidationJob.prepare(csv, SourceOptions.DEFAULTS, SampleProfiles.ds1(), db);
             Review staged = Review.create(partial, ReviewStager.info(job, db), job.table().columns());
             ReviewStager stager = new ReviewStager(staged)) {
            ValidationSummary summary = job.run(stager, Progress.NONE);
            stager.finish(job.table().issues(), summary);
        }
        Files.move(partial, review);
        System.out.printf(Locale.ROOT, "Built %s: generate %.1f s, validate and stage %.1f s%n", review,
                (generated - start) / 1e9, (System.nanoTime() - generated) / 1e9);
    }
}
