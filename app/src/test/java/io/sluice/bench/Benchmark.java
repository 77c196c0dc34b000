package io.sluice.bench;

import io.sluice.core.profile.Profile;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;
import io.sluice.core.database.SluiceHome;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.validate.FileOpening;
import io.sluice.core.validate.JsonReportWriter;
import io.sluice.core.Progress;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewStager;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The performance harness: generates a concrete-mix CSV and XLSX (default 1,000,000 rows x 20 columns, about 2%
 * faulty rows, quoted fields with commas and newlines, non-ASCII text) and measures each stage in its own JVM with
 * {@code -Xmx256m}, printing rows/s and peak heap:
 * <pre>
 *   mvn -q -Pbench -DskipTests package
 *   java -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" io.sluice.bench.Benchmark [--rows N] [--dir DIR] [--heap 256m]
 *       [--stages a,b,...] [--java-options "-XX:..."] [--pg-url JDBC_URL --pg-user USER]
 *       (password in SLUICE_BENCH_PG_PASSWORD; --java-options: JVM options for the read and validation stages)
 * </pre>
 * Stages: fastexcel-reader alone (the raw XLSX baseline), Sluice's readers, headless validation (the path of
 * {@code sluice validate}; {@code csv-validate} in a new Sluice home, as a first run after installing finds it, and
 * {@code csv-validate-home} in a home an earlier run made, as every later one finds it), and staging into a review
 * while validating (the path of {@code validate --review});
 * the CSV validation five times in one JVM ({@code csv-validate-warm}: a cold JVM's cost apart from the validation);
 * FastCSV reading the CSV and nothing else, cold and five times in one JVM ({@link CsvFloor}: the JVM's floor);
 * the approved-rows CSV export, end to end and the writing alone ({@link ExportBenchmark}); then the commit of the
 * approved rows against the database's own bulk load ({@link CommitBenchmark}).
 */
public final class Benchmark {

    private static final String CSV = "mix.csv";
    private static final String XLSX = "mix.xlsx";
    /** {@code csv-validate} in a Sluice home that an earlier run made, as every validation after the first finds it. */
    private static final String HOME_STAGE = "csv-validate-home";
    /** Makes a Sluice home as a first run does (the embedded target and its sample schema), then stops. */
    private static final String MAKE_HOME = "make-home";
    private static final List<String> READ_STAGES = List.of("csv-read", PandasRead.STAGE, "csv-validate", HOME_STAGE,
            "csv-review",
            "xlsx-raw-fastexcel", "xlsx-read", "xlsx-validate", "xlsx-review", "csv-validate-warm", CsvFloor.STAGE,
            CsvFloor.WARM_STAGE);
    /** How many times {@code csv-validate-warm} validates the file in one JVM; its result is the last run's. */
    private static final int WARM_RUNS = 5;

    private static long cpuAtReset;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(args, System.out);
    }

    /**
     * Runs the benchmark as {@link #main} does, printing its table to {@code out}; with {@code --stage} it is the body
     * of one stage in a child JVM, whose result line goes to standard output for the parent to read.
     */
    static void run(String[] args, PrintStream out) throws Exception {
        Map<String, String> options = options(args);
        if (options.containsKey("stage")) {
            String stage = options.get("stage");
            if (stage.equals(MAKE_HOME)) {
                TargetDatabase.openDefault().close();
            } else if (READ_STAGES.contains(stage)) {
                runStage(stage, Path.of(options.get("file")));
            } else if (RelatedImportBenchmark.STAGES.contains(stage)) {
                RelatedImportBenchmark.runStage(stage, Path.of(options.get("file")), options);
            } else if (ExportBenchmark.STAGES.contains(stage)) {
                ExportBenchmark.runStage(stage, Path.of(options.get("file")));
            } else {
                CommitBenchmark.runStage(stage, Path.of(options.get("file")), options);
            }
            return;
        }
        long rows = Long.parseLong(options.getOrDefault("rows", "1000000"));
        Path dir = Path.of(options.getOrDefault("dir", "target/benchmark"));
        String heap = options.getOrDefault("heap", "256m");
        Set<String> stages = stages(options);
        Files.createDirectories(dir);
        // the related-tables stages bring a workbook of their own: the mix CSV only when another stage reads it
        Path csv = stages.stream().allMatch(RelatedImportBenchmark.STAGES::contains) ? null
                : generate(dir.resolve(rows + "-" + CSV), rows, false, out);
        Path xlsx = stages.stream().anyMatch(s -> s.startsWith("xlsx-"))
                ? generate(dir.resolve(rows + "-" + XLSX), rows, true, out) : null;
        out.printf(csv == null ? "Sluice benchmark, related tables: each stage in its own JVM with -Xmx%2$s, %3$d cores%n"
                : "Sluice benchmark: %,d rows x 20 columns, each stage in its own JVM with -Xmx%s, "
                + "%d cores; read and validation stages with JVM options %s%n%n", rows, heap,
                Runtime.getRuntime().availableProcessors(), javaOptions(options).isEmpty() ? "(the JVM's defaults)"
                : String.join(" ", javaOptions(options)));
        if (READ_STAGES.stream().anyMatch(stages::contains)) {
            out.printf("%-28s %12s %10s %12s %14s%n", "stage", "rows", "seconds", "rows/s", "peak heap MB");
        }
        Map<String, double[]> results = new LinkedHashMap<>();
        for (String stage : READ_STAGES) {
            if (stage.equals(PandasRead.STAGE)) {
                double[] pandas = stages.contains(stage) ? PandasRead.run(out, csv) : null;
                if (pandas != null) {
                    results.put(stage, pandas);
                }
            } else if (stages.contains(stage)) {
                results.put(stage, child(out, stage, stage.startsWith("xlsx-") ? xlsx : csv, heap, dir,
                        javaOptions(options)));
            }
        }
        if (!results.isEmpty()) {
            out.println();
        }
        ratio(out, results, "csv-validate", PandasRead.STAGE,
                "CSV headless validate / pandas read_csv: %.2fx (target <= 1.0x)%n");
        ratio(out, results, HOME_STAGE, PandasRead.STAGE,
                "CSV headless validate, the Sluice home made by an earlier run / pandas read_csv: %.2fx "
                + "(target <= 1.0x)%n");
        ratio(out, results, "csv-validate-warm", PandasRead.STAGE,
                "CSV headless validate, run " + WARM_RUNS + " in one JVM / pandas read_csv: %.2fx%n");
        ratio(out, results, CsvFloor.STAGE, PandasRead.STAGE,
                "CSV read by FastCSV alone, in a fresh JVM (the JVM's floor) / pandas read_csv: %.2fx%n");
        ratio(out, results, CsvFloor.WARM_STAGE, PandasRead.STAGE,
                "CSV read by FastCSV alone, run " + WARM_RUNS + " in one JVM / pandas read_csv: %.2fx%n");
        ratio(out, results, "csv-validate", CsvFloor.STAGE,
                "CSV headless validate / FastCSV read alone, each in a fresh JVM: %.2fx%n");
        ratio(out, results, "csv-review", "csv-validate",
                "CSV review (staged + validated) / CSV headless validate: %.2fx (target <= 1.5x)%n");
        ratio(out, results, "xlsx-validate", "xlsx-raw-fastexcel",
                "XLSX headless validate / raw fastexcel read: %.2fx (target <= 1.3x)%n");
        ratio(out, results, "xlsx-review", "xlsx-raw-fastexcel",
                "XLSX review (staged + validated) / raw fastexcel read: %.2fx (target <= 1.8x)%n");
        if (results.containsKey("csv-validate")) {
            out.printf("CSV headless validate: %,.0f rows/s%n", results.get("csv-validate")[2]);
        }
        if (ExportBenchmark.STAGES.stream().anyMatch(stages::contains)) {
            out.printf("%n%-28s %12s %10s %12s %14s%n", "export stage", "rows", "seconds", "rows/s",
                    "peak heap MB");
            for (String stage : ExportBenchmark.STAGES) {
                if (stages.contains(stage)) {
                    results.put(stage, child(out, stage, csv, heap, dir));
                }
            }
            if (results.containsKey(ExportBenchmark.EXPORT_WRITE)) {
                out.printf("Approved-rows CSV, writing alone: %,.0f rows/s (target >= 300,000 rows/s)%n",
                        results.get(ExportBenchmark.EXPORT_WRITE)[2]);
            }
        }
        if (CommitBenchmark.STAGES.stream().anyMatch(stages::contains)) {
            if (!results.isEmpty()) {
                out.println();
            }
            out.printf("%-28s %12s %10s %12s %14s%n", "commit stage", "rows", "seconds", "rows/s",
                    "peak heap MB");
            CommitBenchmark.run(stages, csv, dir, heap, options, out);
        }
        if (RelatedImportBenchmark.STAGES.stream().anyMatch(stages::contains)) {
            RelatedImportBenchmark.run(stages, dir, heap, options, out);
        }
    }

    /** Seconds of one stage over those of its baseline, when both ran. */
    private static void ratio(PrintStream out, Map<String, double[]> results, String stage, String baseline,
                              String format) {
        if (results.containsKey(stage) && results.containsKey(baseline)) {
            out.printf(Locale.ROOT, format, results.get(stage)[1] / results.get(baseline)[1]);
        }
    }

    /**
     * Options for the JVMs of the read and validation stages, {@code --java-options "-XX:..."}, to try a JVM setting
     * on them (decision 0023); the JVM's own defaults, as the launcher runs Sluice, without it or with
     * {@code --java-options jvm-defaults}.
     */
    static List<String> javaOptions(Map<String, String> options) {
        String given = options.getOrDefault("java-options", "").strip();
        return given.isEmpty() || given.equals("jvm-defaults") ? List.of() : List.of(given.split("\\s+"));
    }

    /** The stages of {@code --stages a,b,...}, or all of them. */
    private static Set<String> stages(Map<String, String> options) {
        List<String> all = new ArrayList<>(READ_STAGES);
        all.addAll(ExportBenchmark.STAGES);
        all.addAll(CommitBenchmark.STAGES);
        all.addAll(RelatedImportBenchmark.STAGES);
        if (!options.containsKey("stages")) {
            return new LinkedHashSet<>(all);
        }
        Set<String> stages = new LinkedHashSet<>();
        for (String stage : options.get("stages").split(",")) {
            if (!all.contains(stage.strip())) {
                throw new IllegalArgumentException("Unknown stage '" + stage.strip() + "'; stages are "
                        + String.join(",", all));
            }
            stages.add(stage.strip());
        }
        return stages;
    }

    private static Path generate(Path file, long rows, boolean xlsx, PrintStream out) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        out.printf("Generating %s ...%n", file);
        ConcreteMixGenerator generator = new ConcreteMixGenerator(GeneratorOptions.defaults().withRows(rows)
                .withColumns(20));
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        if (xlsx) {
            generator.writeXlsx(partial, WorkbookLayout.labRefresh());
        } else {
            generator.writeCsv(partial, CsvLayout.english());
        }
        Files.move(partial, file);
        return file;
    }

    /** Runs one stage in a fresh JVM and echoes its lines to {@code out}; returns {rows, seconds, rows/s, peak MB}. */
    static double[] child(PrintStream out, String stage, Path file, String heap, Path dir, String... extra)
            throws IOException, InterruptedException {
        return child(out, stage, file, heap, dir, List.of(), extra);
    }

    private static double[] child(PrintStream out, String stage, Path file, String heap, Path dir,
                                  List<String> javaOptions, String... extra)
            throws IOException, InterruptedException {
        Path home = Files.createTempDirectory(dir, "home-");
        // the same class path as this JVM: the test tree and its dependencies, as run from the README or from the tests
        String classPath = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        if (stage.equals(HOME_STAGE)) {
            // the home is made by a JVM of its own, so the timed one is as cold as any other stage's
            Process making = new ProcessBuilder(java, "-Xmx" + heap, "-D" + SluiceHome.PROPERTY + "=" + home, "-cp",
                    classPath, Benchmark.class.getName(), "--stage", MAKE_HOME, "--file", file.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (making.waitFor() != 0) {
                throw new IllegalStateException("Making the Sluice home for " + stage + " failed");
            }
        }
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap));
        command.addAll(javaOptions);
        command.addAll(List.of("-D" + SluiceHome.PROPERTY + "=" + home, "-cp", classPath, Benchmark.class.getName(),
                "--stage", stage, "--file", file.toString()));
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        double[] result = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split(" ");
                    result = new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                            Double.parseDouble(parts[1]) / Double.parseDouble(parts[2]), Double.parseDouble(parts[3])};
                    out.printf("%-28s %,12.0f %10.2f %,12.0f %14.0f%n", stage, result[0], result[1], result[2],
                            result[3]);
                } else {
                    out.println("  " + stage + ": " + line);
                }
            }
        }
        int exit = process.waitFor();
        deleteTree(home);
        if (result == null) {
            throw new IllegalStateException("Stage " + stage + " failed (exit " + exit + ")");
        }
        return result;
    }

    /** The body of one stage, in the child JVM: prints "RESULT rows seconds peakMB". */
    private static void runStage(String stage, Path file) throws IOException {
        if (stage.equals("csv-validate-warm")) {
            runWarm(() -> validate(file, null));
            return;
        }
        if (stage.equals(CsvFloor.WARM_STAGE)) {
            runWarm(() -> CsvFloor.read(file));
            return;
        }
        resetPeaks();
        long start = System.nanoTime();
        long rows;
        try (StageCpu cpu = new StageCpu()) {
            rows = switch (stage) {
                case "xlsx-raw-fastexcel" -> rawFastexcel(file);
                case "csv-read", "xlsx-read" -> read(file);
                case CsvFloor.STAGE -> CsvFloor.read(file);
                case "csv-validate", HOME_STAGE, "xlsx-validate" -> validate(file, null);
                case "csv-review", "xlsx-review" -> validate(file,
                        Files.createTempDirectory("bench").resolve("r.sluice"));
                default -> throw new IllegalArgumentException("Unknown stage " + stage);
            };
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "RESULT %d %.3f %.1f%n", rows, seconds, peakHeapMegabytes());
    }

    /** A stage's body: the rows it handled. */
    private interface StageBody {
        long run() throws IOException;
    }

    /**
     * The same stage {@link #WARM_RUNS} times in one JVM, each run's wall time and CPU per thread printed: the first
     * run is the cold JVM's (of {@code csv-validate}, of {@code csv-fastcsv}), the later ones show what the work takes
     * once the JIT has compiled it (and, for the validation, the target's home exists). The result is the last run's.
     */
    private static void runWarm(StageBody body) throws IOException {
        long rows = 0;
        double seconds = 0;
        double peak = 0;
        for (int run = 1; run <= WARM_RUNS; run++) {
            resetPeaks();
            long start = System.nanoTime();
            try (StageCpu cpu = new StageCpu()) {
                rows = body.run();
            }
            seconds = (System.nanoTime() - start) / 1e9;
            peak = Math.max(peak, peakHeapMegabytes());
            System.out.printf(Locale.ROOT, "run %d of %d: %.3f s%n", run, WARM_RUNS, seconds);
        }
        System.out.printf(Locale.ROOT, "RESULT %d %.3f %.1f%n", rows, seconds, peak);
    }

    /** The fastest raw read of the XLSX: fastexcel-reader alone, touching every cell's raw value. */
    private static long rawFastexcel(Path file) throws IOException {
        long rows = 0;
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
             Stream<Row> stream = workbook.getFirstSheet().openStream()) {
            for (Row row : (Iterable<Row>) stream::iterator) {
                for (Cell cell : row) {
                    if (cell != null) {
                        cell.getRawValue();
                    }
                }
                rows++;
            }
        }
        return rows;
    }

    private static long read(Path file) {
        long rows = 0;
        try (SourceTable table = Sources.open(file, options(file))) {
            while (table.next() != null) {
                rows++;
            }
        }
        return rows;
    }

    private static long validate(Path file, Path review) throws IOException {
        Profile profile = file.toString().endsWith(".xlsx") ? SampleProfiles.ds3() : SampleProfiles.ds1();
        Path report = Files.createTempFile("bench-report", ".json");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startCpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        // as the command line does: the file opens on a thread of its own while the target opens
        try (FileOpening opening = FileOpening.start(file, options(file));
             TargetDatabase db = TargetDatabase.openDefault();
             ValidationJob job = ValidationJob.prepare(opening, profile, db);
             JsonReportWriter findings = new JsonReportWriter()) {
            long prepared = System.nanoTime();
            long preparedCpu = threads.getCurrentThreadCpuTime();
            ValidationSummary summary;
            if (review == null) {
                summary = job.run(findings, Progress.NONE);
            } else {
                try (Review r = Review.create(review, ReviewStager.info(job, db),
                        job.table().columns());
                     ReviewStager stager = new ReviewStager(r)) {
                    summary = job.run(findings.andThen(stager), Progress.NONE);
                    stager.finish(job.table().issues(), summary);
                }
            }
            long streamed = System.nanoTime();
            try (Writer out = Files.newBufferedWriter(report)) {
                findings.write(job.reportSource(null), summary, job.table().issues(), out);
            }
            long reported = System.nanoTime();
            System.out.printf(Locale.ROOT, "%d rows with errors, %d with warnings, %d findings, report %d MB; "
                            + "seconds: open database and file %.2f (cpu of the opening thread %.2f), stream %.2f, report "
                    + "(with SHA-256) %.2f%n",
                    summary.withErrors(), summary.withWarnings(), summary.errors() + summary.warnings(),
                    Files.size(report) >> 20, (prepared - start) / 1e9, (preparedCpu - startCpu) / 1e9,
                    (streamed - prepared) / 1e9,
                    (reported - streamed) / 1e9);
            return summary.rows();
        } finally {
            Files.deleteIfExists(report);
            if (review != null) {
                deleteTree(review.getParent());
            }
        }
    }

    private static SourceOptions options(Path file) {
        return file.toString().endsWith(".xlsx")
                ? SourceOptions.DEFAULTS.withSheet("Mixes").withHeaderRow(WorkbookLayout.labRefresh().headerRow())
                : SourceOptions.DEFAULTS;
    }

    static void resetPeaks() {
        System.gc();
        HeapPeak.reset();
        cpuAtReset = processCpuNanos();
    }

    /** CPU time of this JVM (every thread) since {@link #resetPeaks}: the machine is shared, wall time is noisy. */
    static double cpuSecondsSinceReset() {
        return (processCpuNanos() - cpuAtReset) / 1e9;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** The most heap the stage held at any one moment since the reset ({@link HeapPeak}). */
    static double peakHeapMegabytes() {
        return HeapPeak.bytes() / (1024.0 * 1024.0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Usage: Benchmark [--rows N] [--dir DIR] [--heap 256m]"
                        + " [--stages a,b,...] [--java-options \"-XX:...\"] [--pg-url JDBC_URL --pg-user USER]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(paths.get(i));
        }
    }
}
