package io.sluice.bench;

import io.sluice.core.Progress;
import io.sluice.core.review.ColumnStats;
import io.sluice.core.review.FixOutcome;
import io.sluice.core.review.FixPreview;
import io.sluice.core.review.Review;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.ValueFix;
import io.sluice.core.usecase.ColumnStatistics;
import io.sluice.core.usecase.FixValues;
import io.sluice.core.usecase.OpenReview;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Measures column statistics and a value fix on a big review: builds (or reuses) a review of a generated file
 * validated with the ds1 profile against the embedded database, copies it, and prints the time and peak heap of the
 * statistics of a text and a number column, and of a replace of 100,000 values of the key column (many pairs, one
 * step, the changed rows validated again) with its preview, undo and redo. Besides the wall time it prints the CPU
 * time of the thread doing the work (SQLite, the embedded target and the rules all run on it), which a machine shared
 * with other work inflates less. Not a test: run it by hand with
 * {@code -Xmx256m} and the test classpath (see the README's Performance section for {@code BENCH_CP}):
 * <pre>
 * java -Xmx256m -cp "$BENCH_CP" io.sluice.bench.FixBenchmark app/target/fix-bench 1000000 [runs]
 * </pre>
 * With {@code runs} above 1 the statistics, the replace and its undo are measured that many times.
 */
public final class FixBenchmark {

    private static final int CHANGED = 100_000;

    private FixBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "app/target/fix-bench");
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        // on a shared machine the least CPU time of a few runs is the one least disturbed by the others
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Files.createDirectories(dir);
        System.setProperty("sluice.home", System.getProperty("sluice.home", dir.resolve("home").toString()));
        Path built = dir.resolve("mixes-" + rows + ".sluice");
        if (!Files.exists(built)) {
            BenchReviews.build(dir, rows, built);
        }
        Path review = dir.resolve("fix-" + rows + ".sluice");
        Files.copy(built, review, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "Review: %s, %,d rows, max heap %d MB%n", review, rows,
                Runtime.getRuntime().maxMemory() >> 20);
        try (OpenReview open = OpenReview.open(review, null)) {
            for (int run = 1; run < runs; run++) {
                measure("stats of 'Supplier' (text, few values), run " + run,
                        () -> ColumnStatistics.of(open, ColumnStatistics.Request.of("Supplier"), Progress.NONE));
                measure("stats of 'Cement (kg/m3)' (numbers), run " + run,
                        () -> ColumnStatistics.of(open, ColumnStatistics.Request.of("Cement (kg/m3)"), Progress.NONE));
            }
            ColumnStats supplier = measure("stats of 'Supplier' (text, few values)",
                    () -> ColumnStatistics.of(open, ColumnStatistics.Request.of("Supplier"), Progress.NONE));
            System.out.printf(Locale.ROOT, "  %,d distinct, %,d shapes%n", supplier.distinct(),
                    supplier.patternCount());
            ColumnStats cement = measure("stats of 'Cement (kg/m3)' (numbers)",
                    () -> ColumnStatistics.of(open, ColumnStatistics.Request.of("Cement (kg/m3)"), Progress.NONE));
            System.out.printf(Locale.ROOT, "  %,d distinct, %,d numbers%n", cement.distinct(),
                    cement.numbers() == null ? 0 : cement.numbers().count());
            ColumnStats codes = measure("stats of 'Mix Code' (text, a value per row), first 100,000 values",
                    () -> ColumnStatistics.of(open, new ColumnStatistics.Request("Mix Code", 0, CHANGED, 10, 10),
                            Progress.NONE));

            measure("first re-validation: a one-cell fix and its undo (connects the target, compiles the rules)",
                    () -> {
                        FixValues.apply(open, new FixValues.Request("Mix Code", RowFilter.all(),
                                ValueFix.Replace.of(codes.values().get(0).value(), "warm-up")), Progress.NONE);
                        return open.session().undo();
                    });

            Map<String, String> pairs = new LinkedHashMap<>();
            codes.values().forEach(v -> pairs.put(v.value(), v.value() + "-X"));
            FixValues.Request request = new FixValues.Request("Mix Code", RowFilter.all(),
                    new ValueFix.Replace(pairs));
            FixPreview preview = measure("preview: replace " + pairs.size() + " values of 'Mix Code'",
                    () -> FixValues.preview(open, request, FixValues.EXAMPLES, Progress.NONE));
            System.out.printf(Locale.ROOT, "  %,d cells would change%n", preview.cells());
            for (int run = 1; run < runs; run++) {
                measure("replace, run " + run, () -> FixValues.apply(open, request, Progress.NONE));
                measure("undo of the replace, run " + run, () -> open.session().undo());
            }
            FixOutcome outcome = measure("replace (with re-validation of the changed rows)",
                    () -> FixValues.apply(open, request, Progress.NONE));
            System.out.printf(Locale.ROOT, "  %,d cells changed%n", outcome.cells());
            measure("undo of the replace", () -> open.session().undo());
            measure("redo of the replace", () -> open.session().redo());
        }
    }

    private static <T> T measure(String what, Callable<T> work) throws Exception {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        T result = work.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "%-70s %7.2f s (cpu of this thread %6.2f s)  peak heap %4d MB%n", what,
                seconds, cpu, peak >> 20);
        return result;
    }
}
