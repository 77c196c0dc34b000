package io.sluice.bench;

import io.sluice.core.Progress;
import io.sluice.core.cleaning.ClusterMethod;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.usecase.ClusterValues;
import io.sluice.core.usecase.LoadFile;
import io.sluice.core.usecase.SuggestCorrections;
import io.sluice.core.usecase.ValidateFile;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Measures the cleaning use cases and prints figures: suggestions for 10,000 distinct bad values of a foreign-key
 * column against a parent table of 100,000 keys (an in-memory H2 target), read from a validated review; and
 * clustering a column of 100,000 distinct values by each key collision and by nearest neighbours. Building the
 * review and the target is not timed. Each line gives the wall time and the CPU time of the thread the use case ran
 * on, which a busy machine inflates less. Not a test: run it by hand with {@code -Xmx256m} (see the README's
 * Performance section for the class path):
 * <pre>
 * java -Xmx256m -cp "$BENCH_CP" io.sluice.bench.CleaningBenchmark [directory] [parent keys] [bad values] [distinct]
 * </pre>
 */
public final class CleaningBenchmark {

    /** CPU time of the calling thread, where the use cases run: on a shared machine it says more than wall time. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static double cpuSeconds;

    private CleaningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/cleaning-bench");
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int bad = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int distinct = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
        Files.createDirectories(dir);
        System.out.printf(Locale.ROOT, "%-34s %10s %10s %10s %14s %12s%n", "stage", "values", "seconds", "cpu s",
                "result", "peak heap MB");
        suggestions(dir, keys, bad);
        clusters(dir, distinct);
    }

    private static void suggestions(Path dir, int keys, int bad) throws IOException, SQLException {
        CleaningValues values = new CleaningValues(42);
        List<String> parents = new ArrayList<>(values.distinctNames(keys / 2));
        parents.addAll(values.distinctCodes(keys - parents.size()));
        Set<String> known = Set.copyOf(parents);
        Map<String, String> original = new LinkedHashMap<>();
        while (original.size() < bad) {
            String parent = parents.get(values.random().nextInt(parents.size()));
            String m = values.misspelt(parent);
            if (!known.contains(m) && m.length() <= 60) {
                original.putIfAbsent(m, parent);
            }
        }
        Set<String> misspelt = original.keySet();
        String url = "jdbc:h2:mem:cleaning-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE party (code VARCHAR(80) PRIMARY KEY)");
            s.execute("CREATE TABLE delivery (id INTEGER PRIMARY KEY, party VARCHAR(80) REFERENCES party (code))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO party (code) VALUES (?)")) {
                for (String p : parents) {
                    insert.setString(1, p);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        Path csv = dir.resolve("deliveries.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("Id,Party\n");
            int id = 1;
            for (String m : misspelt) {
                out.write(id++ + "," + quoted(m) + "\n");
            }
        }
        Supplier<TargetDatabase> target = () -> TargetDatabase.open(url, "sa", "");
        Path review = dir.resolve("deliveries.sluice");
        Profile profile = new Profile(null, 0, "deliveries", null, "delivery",
                List.of(ColumnMapping.of("Id", "id"), ColumnMapping.of("Party", "party")), null, null, null, null,
                null);
        try (TargetDatabase db = target.get()) {
            ValidateFile.run(new ValidateFile.Request(csv, null, profile, null, review, true), db, null,
                    Progress.NONE);
        }
        // the first run in a fresh JVM is what a command line pays; the second shows the work without warm-up
        for (String run : List.of("cold", "warm")) {
            Benchmark.resetPeaks();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            SuggestCorrections.Outcome outcome = SuggestCorrections.run(review, target, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
            long withCandidate = outcome.corrections().stream().filter(c -> !c.candidates().isEmpty()).count();
            print("suggestions vs " + keys + " keys, " + run, outcome.corrections().size(), seconds,
                    withCandidate + " offered", Benchmark.peakHeapMegabytes());
            if (run.equals("warm")) {
                long right = outcome.corrections().stream().filter(c -> !c.candidates().isEmpty()
                        && original.get(c.value()).equals(c.candidates().get(0).value())).count();
                System.out.printf(Locale.ROOT, "  the misspelt value's origin came first for %d of %d; %d would be"
                        + " accepted at 90 or more%n", right, outcome.corrections().size(), outcome.plan(90).size());
            }
        }
    }

    private static void clusters(Path dir, int distinct) throws IOException {
        CleaningValues values = new CleaningValues(7);
        List<String> names = values.distinctNames(distinct * 9 / 10);
        Set<String> all = new LinkedHashSet<>(names);
        while (all.size() < distinct) {
            all.add(values.misspelt(names.get(values.random().nextInt(names.size()))));
        }
        Path csv = dir.resolve("names.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("Id,Name\n");
            int id = 1;
            for (String name : all) {
                int copies = 1 + values.random().nextInt(3);
                for (int i = 0; i < copies; i++) {
                    out.write(id++ + "," + quoted(name) + "\n");
                }
            }
        }
        Path review = dir.resolve("names.sluice");
        LoadFile.run(csv, SourceOptions.DEFAULTS, review, true, Progress.NONE);
        for (ClusterMethod method : ClusterMethod.values()) {
            for (int radius : method == ClusterMethod.KNN ? new int[] {1, 2} : new int[] {1}) {
                Benchmark.resetPeaks();
                long cpu = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                ClusterValues.Outcome outcome = ClusterValues.run(review, "Name", method, radius);
                double seconds = (System.nanoTime() - start) / 1e9;
                cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
                String stage = "clusters " + method.word() + (method == ClusterMethod.KNN ? " radius " + radius : "");
                print(stage, outcome.distinctValues(), seconds, outcome.clusters().size() + " clusters",
                        Benchmark.peakHeapMegabytes());
            }
        }
    }

    private static void print(String stage, long values, double seconds, String result, double peak) {
        System.out.printf(Locale.ROOT, "%-34s %10d %10.2f %10.2f %14s %12.0f%n", stage, values, seconds, cpuSeconds,
                result, peak);
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
