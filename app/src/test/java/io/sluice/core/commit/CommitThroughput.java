package io.sluice.core.commit;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.testing.TestDatabases;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.Locale;

/**
 * Measures commit throughput (rows/s) of 100,000 new rows on the embedded PostgreSQL, or H2 with argument {@code h2}:
 * run it from the test class path; it prints one line per run. Not a test: timings depend on the machine.
 */
public final class CommitThroughput {

    private CommitThroughput() {
    }

    public static void main(String[] args) throws SQLException {
        TestDatabases.Engine engine = args.length > 0 && args[0].equalsIgnoreCase("h2")
                ? TestDatabases.Engine.H2 : TestDatabases.Engine.POSTGRESQL;
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (CommitFixture f = new CommitFixture(engine)) {
            long started = System.nanoTime();
            long n = 0;
            for (ApprovedRow ignored : lazily(f, 0, rows)) {
                n++;
            }
            System.out.printf(Locale.ROOT, "%s: building %d approved rows alone takes %.2f s%n", engine, n,
                    (System.nanoTime() - started) / 1e9);
        }
        for (int run = 1; run <= runs; run++) {
            try (CommitFixture f = new CommitFixture(engine)) {
                Iterable<ApprovedRow> approved = lazily(f, 0, rows);
                long started = System.nanoTime();
                CommitResult result = f.committer().commit(f.request(ImportMode.INSERT), approved, Progress.NONE);
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "%s run %d: %d rows inserted in %.2f s = %.0f rows/s%n", engine, run,
                        result.inserted(), seconds, result.inserted() / seconds);
            }
        }
        System.exit(0);
    }

    /**
     * Rows M-first.. built as they are read, so memory stays flat whatever the count and mapping is part of the
     * measure as in real use.
     */
    static Iterable<ApprovedRow> lazily(CommitFixture f, int first, int count) {
        return () -> new Iterator<>() {
            private int next = first;

            @Override
            public boolean hasNext() {
                return next < first + count;
            }

            @Override
            public ApprovedRow next() {
                int i = next++;
                return f.row(i + 1, "M-" + i, String.valueOf(300 + i % 800), "40.25", "NORD");
            }
        };
    }
}
