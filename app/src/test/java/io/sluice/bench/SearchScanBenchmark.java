package io.sluice.bench;

import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewQuery;
import io.sluice.core.review.RowFilter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times a text search's first screen on a review, as the desktop begins it ({@link ReviewQuery#selectFirst} and the
 * first page), without the screen: the wall time, the CPU of the thread that asks, of the second connection's thread
 * (decision 0078) and of the whole process, per search. Not a test: run it by hand on a copy of a review whose search
 * index is not built, e.g. the one {@code DesktopBenchmark} makes:
 * <pre>
 * java -Xmx256m -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" \
 *     io.sluice.bench.SearchScanBenchmark target/desktop-bench/mixes-1000000.sluice 5 DS1-9999 DS1-0005
 * </pre>
 */
public final class SearchScanBenchmark {

    private SearchScanBenchmark() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int times = Integer.parseInt(args[1]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (Review review = Review.open(file)) {
            ReviewQuery query = new ReviewQuery(review);
            for (int round = 1; round <= times; round++) {
                for (int t = 2; t < args.length; t++) {
                    String text = args[t];
                    long far = farThreadCpu(threads);
                    long own = threads.getCurrentThreadCpuTime();
                    long process = os.getProcessCpuTime();
                    long start = System.nanoTime();
                    long rows = query.selectFirst(RowFilter.containing(review, text), ReviewQuery.Sort.SOURCE_ORDER);
                    int shown = query.page(0, 50).size();
                    long wall = System.nanoTime() - start;
                    System.out.printf(Locale.ROOT, "%-10s round %d: %4d ms wall, cpu: asking thread %4d ms, second"
                                    + " connection's thread %4d ms, process %4d ms (%d rows found, %d shown)%n",
                            text, round, wall / 1_000_000, (threads.getCurrentThreadCpuTime() - own) / 1_000_000,
                            (farThreadCpu(threads) - far) / 1_000_000, (os.getProcessCpuTime() - process) / 1_000_000,
                            rows, shown);
                }
            }
        }
    }

    private static long farThreadCpu(ThreadMXBean threads) {
        long cpu = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("sluice-review-far")) {
                cpu += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return cpu;
    }
}
