package io.sluice.bench;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.bookkeeping.QualityScores;
import io.sluice.core.commit.CommitRequest;
import io.sluice.core.commit.CommitResult;
import io.sluice.core.commit.Committer;
import io.sluice.core.commit.ValidRows;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The commit stages of the benchmark: the rows of the generated CSV that validate clean (as {@code sluice import FILE
 * --approve valid} approves them) committed by {@link Committer} with provenance, against the database's own bulk
 * load of the same rows: H2's {@code CSVREAD} and PostgreSQL's {@code psql \copy}. Each stage runs in its own JVM;
 * this class holds both the parent's side (which stages, comparison lines) and the child's (the stage bodies).
 */
final class CommitBenchmark {

    static final String H2_COMMIT = "h2-commit";
    static final String H2_CSVREAD = "h2-csvread";
    static final String PG_COMMIT = "pg-commit";
    static final String PSQL_COPY = "psql-copy";
    static final List<String> STAGES = List.of(H2_COMMIT, H2_CSVREAD, PG_COMMIT, PSQL_COPY,
            ImportBenchmark.H2_IMPORT, ImportBenchmark.H2_IMPORT_REVIEW, ImportBenchmark.PG_IMPORT,
            ImportBenchmark.PG_IMPORT_REVIEW);
    /** Writes the approved rows as a CSV shaped like the table, for the bulk loads; not a measured stage. */
    static final String APPROVED_CSV = "approved-csv";
    static final String PASSWORD_ENV = "SLUICE_BENCH_PG_PASSWORD";

    private CommitBenchmark() {
    }

    /** Parent side: runs the wanted commit stages, each in its own JVM, and prints the comparison lines. */
    static void run(Set<String> wanted, Path csv, Path dir, String heap, Map<String, String> options,
                    PrintStream out) throws IOException, InterruptedException {
        String pgUrl = options.get("pg-url");
        boolean postgres = pgUrl != null && PsqlCopy.onPath();
        boolean needsTableCsv = wanted.contains(H2_CSVREAD) || postgres && wanted.contains(PSQL_COPY);
        Path tableCsv = needsTableCsv ? approvedCsv(csv, dir, heap, out) : null;
        Map<String, double[]> results = new LinkedHashMap<>();
        if (wanted.contains(H2_COMMIT)) {
            results.put(H2_COMMIT, Benchmark.child(out, H2_COMMIT, csv, heap, dir));
        }
        for (String stage : List.of(ImportBenchmark.H2_IMPORT, ImportBenchmark.H2_IMPORT_REVIEW)) {
            if (wanted.contains(stage)) {
                results.put(stage, Benchmark.child(out, stage, csv, heap, dir));
            }
        }
        if (wanted.contains(H2_CSVREAD)) {
            results.put(H2_CSVREAD, Benchmark.child(out, H2_CSVREAD, tableCsv, heap, dir));
        }
        if (postgres) {
            String user = options.getOrDefault("pg-user", "");
            if (wanted.contains(PG_COMMIT)) {
                results.put(PG_COMMIT, Benchmark.child(out, PG_COMMIT, csv, heap, dir, "--pg-url", pgUrl,
                        "--pg-user", user));
            }
            for (String stage : List.of(ImportBenchmark.PG_IMPORT, ImportBenchmark.PG_IMPORT_REVIEW)) {
                if (wanted.contains(stage)) {
                    results.put(stage, Benchmark.child(out, stage, csv, heap, dir, "--pg-url", pgUrl,
                            "--pg-user", user));
                }
            }
            if (wanted.contains(PSQL_COPY)) {
                results.put(PSQL_COPY, Benchmark.child(out, PSQL_COPY, tableCsv, heap, dir, "--pg-url", pgUrl,
                        "--pg-user", user));
            }
        }
        out.println();
        ratio(out, results, PG_COMMIT, PSQL_COPY, "PostgreSQL commit / psql \\copy: %.2fx (target <= 1.5x)%n");
        ratio(out, results, H2_COMMIT, H2_CSVREAD, "H2 commit / H2 CSVREAD: %.2fx (target <= 1.0x)%n");
        ratio(out, results, ImportBenchmark.PG_IMPORT, PSQL_COPY,
                "PostgreSQL import FILE --approve valid / psql \\copy: %.2fx (target <= 1.5x)%n");
        ratio(out, results, ImportBenchmark.PG_IMPORT_REVIEW, PSQL_COPY,
                "PostgreSQL import --review / psql \\copy: %.2fx (target <= 1.2x)%n");
        ratio(out, results, ImportBenchmark.H2_IMPORT, H2_CSVREAD,
                "H2 import FILE --approve valid / H2 CSVREAD: %.2fx (target <= 1.0x)%n");
        ratio(out, results, ImportBenchmark.H2_IMPORT_REVIEW, H2_CSVREAD,
                "H2 import --review / H2 CSVREAD: %.2fx (target <= 1.0x)%n");
        if (!postgres && (wanted.contains(PG_COMMIT) || wanted.contains(PSQL_COPY))) {
            out.println("PostgreSQL stages skipped: " + (pgUrl == null ? "no --pg-url given" : "psql is not on"
                    + " the PATH") + "; run them with --pg-url jdbc:postgresql://HOST:PORT/DB --pg-user USER, the"
                    + " password in " + PASSWORD_ENV + " and psql on the PATH (they use schema "
                    + PgTarget.SCHEMA + ", dropped and created afresh).");
        }
    }

    private static void ratio(PrintStream out, Map<String, double[]> results, String stage, String baseline,
                              String format) {
        if (results.containsKey(stage) && results.containsKey(baseline)) {
            out.printf(Locale.ROOT, format, results.get(stage)[1] / results.get(baseline)[1]);
        }
    }

    /** The approved rows as a table-shaped CSV, written once per row count (in its own JVM, not timed). */
    private static Path approvedCsv(Path csv, Path dir, String heap, PrintStream out)
            throws IOException, InterruptedException {
        Path file = csv.resolveSibling(csv.getFileName().toString().replace(".csv", "-approved.csv"));
        if (!Files.exists(file)) {
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Benchmark.child(out, APPROVED_CSV, csv, heap, dir, "--out", partial.toString());
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /** Child side: the body of one commit stage; prints "RESULT rows seconds peakMB" of the measured part. */
    static void runStage(String stage, Path file, Map<String, String> options) throws IOException, SQLException,
            InterruptedException {
        switch (stage) {
            case H2_COMMIT -> {
                try (TargetDatabase db = freshH2()) {
                    commit(db, file);
                }
            }
            case H2_CSVREAD -> {
                try (TargetDatabase db = freshH2()) {
                    csvRead(db, file);
                }
            }
            case PG_COMMIT -> {
                PgTarget pg = PgTarget.of(options);
                pg.recreate();
                try (TargetDatabase db = pg.open()) {
                    commit(db, file);
                }
            }
            case PSQL_COPY -> {
                PgTarget pg = PgTarget.of(options);
                pg.recreate();
                Benchmark.resetPeaks();
                long start = System.nanoTime();
                long rows = new PsqlCopy(pg).copy(file);
                result(rows, start);
            }
            case APPROVED_CSV -> {
                try (TargetDatabase db = freshH2()) {
                    Benchmark.resetPeaks();
                    long start = System.nanoTime();
                    Approved approved = approve(db, file);
                    long rows = TableCsv.write(approved.rows(), approved.mapper().targetColumns(),
                            Path.of(options.get("out")));
                    result(rows, start);
                }
            }
            case ImportBenchmark.H2_IMPORT -> ImportBenchmark.importFile(CommitBenchmark::freshH2, file);
            case ImportBenchmark.H2_IMPORT_REVIEW -> ImportBenchmark.importReview(CommitBenchmark::freshH2, file);
            case ImportBenchmark.PG_IMPORT -> {
                PgTarget pg = PgTarget.of(options);
                pg.recreate();
                ImportBenchmark.importFile(pg::open, file);
            }
            case ImportBenchmark.PG_IMPORT_REVIEW -> {
                PgTarget pg = PgTarget.of(options);
                pg.recreate();
                ImportBenchmark.importReview(pg::open, file);
            }
            default -> throw new IllegalArgumentException("Unknown stage " + stage);
        }
    }

    /** A fresh embedded H2 file database (the child's own Sluice home) with the sample and bookkeeping schemas. */
    static TargetDatabase freshH2() {
        TargetDatabase db = TargetDatabase.openDefault();
        BookkeepingSchema.migrate(TargetDatabase.defaultUrl(), TargetDatabase.DEFAULT_USER,
                TargetDatabase.DEFAULT_PASSWORD);
        return db;
    }

    /** Validates (timed apart), then commits the clean rows in insert mode; the commit alone is the result. */
    private static void commit(TargetDatabase db, Path file) {
        Approved approved = approve(db, file);
        TableInfo table = db.table(approved.profile().table());
        Benchmark.resetPeaks();
        long processCpu = processCpuNanos();
        long threadCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        CommitResult result = new Committer(db, table, approved.mapper().targetColumns())
                .commit(approved.request(table), approved.rows(), Progress.NONE);
        // the machine is shared: CPU time says more than the wall clock (the database server's own CPU is apart)
        System.out.printf(Locale.ROOT, "commit CPU (this JVM): %.2f s, of which the committing thread %.2f s%n",
                (processCpuNanos() - processCpu) / 1e9,
                (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadCpu) / 1e9);
        result(result.inserted(), start);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static void csvRead(TargetDatabase db, Path tableCsv) throws IOException, SQLException {
        String columns = Files.newBufferedReader(tableCsv).readLine();
        String sql = "INSERT INTO concrete_mix (" + columns + ") SELECT " + columns + " FROM CSVREAD('"
                + tableCsv.toAbsolutePath().toString().replace("'", "''")
                + "', null, 'charset=UTF-8 fieldSeparator=,')";
        Benchmark.resetPeaks();
        long start = System.nanoTime();
        try (Statement statement = db.connection().createStatement()) {
            result(statement.executeUpdate(sql), start);
        }
    }

    /** The validation pass of {@code import FILE --approve valid}: marks rows with errors; prints how long it took. */
    private static Approved approve(TargetDatabase db, Path file) {
        Profile profile = SampleProfiles.ds1();
        BitSet withErrors = new BitSet();
        long start = System.nanoTime();
        ValidationSummary summary;
        String sheet;
        String sha256;
        List<String> columns;
        try (ValidationJob job = ValidationJob.prepare(file, SourceOptions.DEFAULTS, profile, db)) {
            summary = job.run(r -> {
                if (r.hasErrors()) {
                    withErrors.set((int) r.source().number());
                }
            }, Progress.NONE);
            sheet = job.table().sheet();
            sha256 = job.sha256();
            columns = job.table().columns();
        }
        System.out.printf(Locale.ROOT, "validation pass (not counted): %d rows, %d with errors left out, %.2f s%n",
                summary.rows(), summary.withErrors(), (System.nanoTime() - start) / 1e9);
        Mapper mapper = Mapper.compile(profile, columns, db.table(profile.table()));
        int legacyId = columns.indexOf(profile.legacyId());
        ValidRows rows = new ValidRows(file, SourceOptions.DEFAULTS, mapper, withErrors, legacyId);
        return new Approved(profile, mapper, rows, file.getFileName().toString(), sha256, sheet, summary);
    }

    static void result(long rows, long start) {
        System.out.printf(Locale.ROOT, "CPU of this JVM in the measured part: %.2f s (user and system, all threads;"
                + " the database server's is not counted)%n", Benchmark.cpuSecondsSinceReset());
        System.out.printf(Locale.ROOT, "RESULT %d %.3f %.1f%n", rows, (System.nanoTime() - start) / 1e9,
                Benchmark.peakHeapMegabytes());
    }

    /** The approved rows of one validation pass and what the commit request needs from it. */
    private record Approved(Profile profile, Mapper mapper, ValidRows rows, String sourceFile, String sha256,
                            String sheet, ValidationSummary summary) {

        CommitRequest request(TableInfo table) {
            String key = table.column("mix_code").orElseThrow().name();
            return new CommitRequest(sourceFile, sha256, sheet, profile.name(), ProfileIO.sha256(profile),
                    ImportMode.ofCode(profile.commitMode()), List.of(key), profile.legacyId(), QualityScores.NONE,
                    summary.rows(), summary.withErrors(), true, "benchmark");
        }
    }

    /** Sample and bookkeeping schemas installed into schema {@value #SCHEMA} of the PostgreSQL database given. */
    record PgTarget(String url, String user, String password) {

        static final String SCHEMA = "sluice_bench";

        static PgTarget of(Map<String, String> options) {
            String base = options.get("pg-url");
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
            String user = options.getOrDefault("pg-user", "");
            return new PgTarget(url, user.isEmpty() ? null : user, System.getenv(PASSWORD_ENV));
        }

        /** Drops and creates the benchmark's schema, then installs the sample and bookkeeping tables in it. */
        void recreate() throws SQLException {
            try (TargetDatabase db = TargetDatabase.open(url, user, password);
                 Statement statement = db.connection().createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                statement.execute("CREATE SCHEMA " + SCHEMA);
            }
            SampleSchema.install(url, user, password);
            BookkeepingSchema.migrate(url, user, password);
        }

        TargetDatabase open() {
            return TargetDatabase.open(url, user, password);
        }
    }
}
