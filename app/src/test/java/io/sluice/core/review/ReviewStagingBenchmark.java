package io.sluice.core.review;

import io.sluice.core.source.SourceFormat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures staging speed (not a test; run by hand with a small heap):
 * {@code java -Xmx256m -cp <test classpath> io.sluice.core.review.ReviewStagingBenchmark [rows] [file]}.
 * On Linux it also prints how long the writer's close took and how long the staging thread was off a core without
 * waiting for one (decision 0061).
 */
public final class ReviewStagingBenchmark {

    private ReviewStagingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path file = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("sluice-bench", ".sluice");
        ReviewInfo info = ReviewInfo.of(Path.of("bench.xlsx"), null, SourceFormat.XLSX, "Sheet1", 1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        Files.deleteIfExists(file);
        long[] schedStart = schedule();
        long start = System.nanoTime();
        long closing;
        try (Review review = Review.create(file, info, SampleRows.columns());
             RowWriter writer = review.rowWriter()) {
            for (long n = 2; n < rows + 2; n++) {
                writer.append(SampleRows.row(n));
            }
            closing = System.nanoTime();
        }
        long end = System.nanoTime();
        long[] schedEnd = schedule();
        double seconds = (end - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        // The machine is shared: CPU time shows what staging costs when it is not waiting for a core.
        report("staged %,d rows x %d columns in %.2f s wall (%,.0f rows/s), %.2f s CPU (%,.0f rows/s), file %,d MB",
                rows, SampleRows.COLUMNS, seconds, rows / seconds, cpuSeconds, rows / cpuSeconds,
                Files.size(file) >> 20);
        if (schedStart.length == 2 && schedEnd.length == 2) {
            // off a core and not waiting for one: waiting on the disk, mostly
            double waiting = (end - start - (schedEnd[0] - schedStart[0]) - (schedEnd[1] - schedStart[1])) / 1e9;
            report("of it the writer's close (last commit and sync) %.3f s; the thread off a core and off the run"
                    + " queue %.3f s", (end - closing) / 1e9, waiting);
        }
        try (Review review = Review.open(file)) {
            long t = System.nanoTime();
            int page = review.rows(review.rowCount() - 100, 100).size();
            report("page of %d rows at the end by offset: %.1f ms", page, (System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            review.row(rows / 2).orElseThrow();
            report("one row by number: %.2f ms", (System.nanoTime() - t) / 1e6);
            t = System.nanoTime();
            long seen = 0;
            try (RowCursor cursor = review.cursor()) {
                while (cursor.hasNext()) {
                    cursor.next();
                    seen++;
                }
            }
            report("cursor over %,d rows: %.2f s", seen, (System.nanoTime() - t) / 1e9);
        }
        Runtime runtime = Runtime.getRuntime();
        report("max heap %d MB", runtime.maxMemory() >> 20);
        if (args.length <= 1) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + "-wal"));
            Files.deleteIfExists(Path.of(file + "-shm"));
        }
    }

    /** This thread's time on a core and waiting for one, in ns, where Linux tells it; otherwise empty. */
    private static long[] schedule() {
        try {
            String[] fields = Files.readString(Path.of("/proc/thread-self/schedstat")).trim().split(" ");
            return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
        } catch (java.io.IOException | RuntimeException e) {
            return new long[0];
        }
    }

    /** A hand-run tool in test scope: the console is where its numbers go. */
    private static void report(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
