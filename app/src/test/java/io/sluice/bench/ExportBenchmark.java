package io.sluice.bench;

import io.sluice.core.Progress;
import io.sluice.core.commit.ApprovedRow;
import io.sluice.core.commit.ValidRows;
import io.sluice.core.export.ApprovedRowsCsvWriter;
import io.sluice.core.export.CsvOptions;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.Profile;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * The export stages of the benchmark, run in the child JVM: the approved-rows CSV of {@code sluice export FILE
 * --profile P --approved OUT.csv} end to end (read, map, every rule, write), and the writing alone: the rows that
 * validated clean (picked by an untimed validation pass) re-read, mapped and written, with the time inside
 * {@link ApprovedRowsCsvWriter} summed apart.
 */
final class ExportBenchmark {

    static final String EXPORT_APPROVED = "export-approved";
    static final String EXPORT_WRITE = "export-approved-write";
    static final List<String> STAGES = List.of(EXPORT_APPROVED, EXPORT_WRITE);

    private ExportBenchmark() {
    }

    /** Child side: prints "RESULT rows seconds peakMB" of the measured part. */
    static void runStage(String stage, Path file) throws IOException {
        Profile profile = SampleProfiles.ds1();
        Path out = Files.createTempFile("bench-approved", ".csv");
        try (TargetDatabase db = TargetDatabase.openDefault()) {
            if (stage.equals(EXPORT_APPROVED)) {
                endToEnd(db, profile, file, out);
            } else {
                writeOnly(db, profile, file, out);
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void endToEnd(TargetDatabase db, Profile profile, Path file, Path out) throws IOException {
        Benchmark.resetPeaks();
        long start = System.nanoTime();
        ValidationSummary summary;
        long written;
        try (ValidationJob job = ValidationJob.prepare(file, SourceOptions.DEFAULTS, profile, db);
             ApprovedRowsCsvWriter writer = new ApprovedRowsCsvWriter(out, job.targetColumns(), CsvOptions.DEFAULTS)) {
            summary = job.run(r -> {
                if (!r.hasErrors()) {
                    writer.write(r.mapped());
                }
            }, Progress.NONE);
            written = writer.rows();
        }
        System.out.printf(Locale.ROOT, "%d approved rows written, %d MB%n", written, Files.size(out) >> 20);
        result(summary.rows(), start);
    }

    private static void writeOnly(TargetDatabase db, Profile profile, Path file, Path out) throws IOException {
        BitSet withErrors = new BitSet();
        List<String> columns;
        long validation = System.nanoTime();
        try (ValidationJob job = ValidationJob.prepare(file, SourceOptions.DEFAULTS, profile, db)) {
            job.run(r -> {
                if (r.hasErrors()) {
                    withErrors.set((int) r.source().number());
                }
            }, Progress.NONE);
            columns = job.table().columns();
        }
        System.out.printf(Locale.ROOT, "validation pass (not counted): %.2f s%n", (System.nanoTime() - validation) / 1e9);
        Mapper mapper = Mapper.compile(profile, columns, db.table(profile.table()));
        ValidRows rows = new ValidRows(file, SourceOptions.DEFAULTS, mapper, withErrors, -1);
        Benchmark.resetPeaks();
        long start = System.nanoTime();
        long writing = 0;
        long written;
        try (ApprovedRowsCsvWriter writer = new ApprovedRowsCsvWriter(out, mapper.targetColumns(),
                CsvOptions.DEFAULTS)) {
            for (ApprovedRow row : rows) {
                long t = System.nanoTime();
                writer.write(row.values());
                writing += System.nanoTime() - t;
            }
            long t = System.nanoTime();
            writer.close();
            writing += System.nanoTime() - t;
            written = writer.rows();
        }
        double all = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "re-read + map + write of the approved rows: %.2f s (%,.0f rows/s); of which"
                + " writing: %.2f s%n", all, written / all, writing / 1e9);
        System.out.printf(Locale.ROOT, "RESULT %d %.3f %.1f%n", written, writing / 1e9, Benchmark.peakHeapMegabytes());
    }

    private static void result(long rows, long start) {
        System.out.printf(Locale.ROOT, "RESULT %d %.3f %.1f%n", rows, (System.nanoTime() - start) / 1e9,
                Benchmark.peakHeapMegabytes());
    }
}
