package io.sluice.bench;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.bookkeeping.QualityScores;
import io.sluice.core.commit.ApprovedRow;
import io.sluice.core.commit.Reference;
import io.sluice.core.commit.RelatedBatchRequest;
import io.sluice.core.commit.RelatedCommitResult;
import io.sluice.core.commit.RelatedCommitter;
import io.sluice.core.commit.TableRows;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The related-tables commit against the databases' own bulk loads of the same rows: {@code material} (7 rows),
 * {@code mix} (N rows) and {@code component} (7 per mix, its mix and material referenced by natural key and resolved
 * by the commit), generated row by row (never held), committed in one batch with provenance by
 * {@link RelatedCommitter}; then the same rows, with their ids already known, from CSVs by {@code psql \copy} /
 * H2 {@code CSVREAD}. Usage: {@code RelatedCommitBenchmark --mixes N --dir DIR [--pg-url URL --pg-user U]}
 * (password in SLUICE_BENCH_PG_PASSWORD); run with -Xmx256m.
 */
public final class RelatedCommitBenchmark {

    private static final String[] MATERIALS = {"Cement", "Water", "Fly ash", "Slag", "Coarse aggregate",
        "Fine aggregate", "Superplasticizer"};
    private static final String SCHEMA = "sluice_related_bench";

    private RelatedCommitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].substring(2), args[i + 1]);
        }
        int mixes = Integer.parseInt(options.getOrDefault("mixes", "20000"));
        Path dir = Path.of(options.getOrDefault("dir", "target/related-bench"));
        Files.createDirectories(dir);
        System.out.printf(Locale.ROOT, "Related-tables commit: %d materials, %,d mixes, %,d components, -Xmx%dm%n",
                MATERIALS.length, mixes, mixes * (long) MATERIALS.length,
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        Path csvDir = writeCsvs(dir, mixes);
        Path h2 = dir.resolve("h2-" + System.nanoTime());
        String h2Url = "jdbc:h2:file:" + h2.toAbsolutePath() + "/target;WRITE_DELAY=0";
        double[] sluice = commit(h2Url, null, null, mixes, false);
        double[] csvRead = load(h2Url, null, null, csvDir, false);
        report("H2", sluice, csvRead, "CSVREAD", 1.5);
        if (options.containsKey("pg-url")) {
            String base = options.get("pg-url");
            String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
            String user = options.get("pg-user");
            String password = System.getenv("SLUICE_BENCH_PG_PASSWORD");
            double[] pg = commit(url, user, password, mixes, true);
            double[] copy = load(url, user, password, csvDir, true);
            report("PostgreSQL", pg, copy, "psql \\copy", 2.0);
        }
    }

    private static void report(String database, double[] sluice, double[] baseline, String what, double target) {
        System.out.printf(Locale.ROOT, "%-10s sluice commit  %8.2f s wall %8.2f s CPU (this JVM)%n", database,
                sluice[0], sluice[1]);
        System.out.printf(Locale.ROOT, "%-10s %-14s %8.2f s wall%n", database, what, baseline[0]);
        System.out.printf(Locale.ROOT, "%-10s ratio %.2fx (target <= %.1fx)%n", database, sluice[0] / baseline[0],
                target);
    }

    /** Creates the three tables (and Sluice's bookkeeping), commits the generated rows; {wall s, CPU s}. */
    private static double[] commit(String url, String user, String password, int mixes, boolean postgres)
            throws SQLException {
        recreate(url, user, password, postgres);
        BookkeepingSchema.migrate(url, user, password);
        try (TargetDatabase db = TargetDatabase.open(url, user, password)) {
            RelatedBatchRequest request = new RelatedBatchRequest("lab.xlsx", "0".repeat(64), "bench", "0".repeat(64),
                    QualityScores.NONE, mixes, 0, true, "benchmark", List.of(), List.of(
                    rows(db, "component", "Mixes", List.of("mix_id", "material_id"),
                            List.of(new Reference(List.of("mix_id"), "mix", List.of("mix_code")),
                                    new Reference(List.of("material_id"), "material", List.of("name"))),
                            List.of("Mix", "Material", "Dosage"), List.of("mix_id", "material_id", "dosage_kg"),
                            mixes * (long) MATERIALS.length, i -> List.of(mixCode(i / MATERIALS.length),
                                    MATERIALS[(int) (i % MATERIALS.length)], dosage(i))),
                    rows(db, "mix", "Mixes", List.of("mix_code"), List.of(), List.of("Mix", "Strength"),
                            List.of("mix_code", "strength_mpa"), mixes, i -> List.of(mixCode(i), strength(i))),
                    rows(db, "material", "Materials", List.of("name"), List.of(), List.of("Material"),
                            List.of("name"), MATERIALS.length, i -> List.of(MATERIALS[(int) i]))));
            long cpu = cpuNanos();
            long start = System.nanoTime();
            RelatedCommitResult result = new RelatedCommitter(db).commit(request, Progress.NONE);
            double wall = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  committed batch %d: %s, heap now %d MB%n", result.batchId(),
                    result.tables(), (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            return new double[] {wall, (cpuNanos() - cpu) / 1e9};
        }
    }

    /** Empties the tables and loads the same rows from CSV with the database's own bulk load; {wall s}. */
    private static double[] load(String url, String user, String password, Path csvDir, boolean postgres)
            throws Exception {
        recreate(url, user, password, postgres);
        long start = System.nanoTime();
        if (postgres) {
            URI uri = URI.create(url.substring("jdbc:".length()));
            List<String> args = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"));
            for (String table : List.of("material", "mix", "component")) {
                args.addAll(List.of("-c", "\\copy " + table + " FROM '" + csvDir.resolve(table + ".csv")
                        .toAbsolutePath() + "' WITH (FORMAT csv, HEADER true)"));
            }
            args.addAll(List.of("-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", user, "-d",
                    uri.getPath().substring(1)));
            ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
            builder.environment().put("PGOPTIONS", "-c search_path=" + SCHEMA);
            builder.environment().put("PGPASSWORD", password);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("psql failed: " + output);
            }
        } else {
            try (TargetDatabase db = TargetDatabase.open(url, user, password);
                 Statement s = db.connection().createStatement()) {
                for (String table : List.of("material", "mix", "component")) {
                    s.executeUpdate("INSERT INTO " + table + " SELECT * FROM CSVREAD('" + csvDir.resolve(table
                            + ".csv").toAbsolutePath() + "', null, 'charset=UTF-8')");
                }
            }
        }
        return new double[] {(System.nanoTime() - start) / 1e9};
    }

    private static void recreate(String url, String user, String password, boolean postgres) throws SQLException {
        if (postgres) {
            String base = url.substring(0, url.indexOf("currentSchema") - 1);
            try (Connection c = java.sql.DriverManager.getConnection(base, user, password);
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                s.execute("CREATE SCHEMA " + SCHEMA);
            }
        }
        try (Connection c = java.sql.DriverManager.getConnection(url, user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS component");
            s.execute("DROP TABLE IF EXISTS mix");
            s.execute("DROP TABLE IF EXISTS material");
            s.execute("CREATE TABLE material (id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " name VARCHAR(40) NOT NULL UNIQUE)");
            s.execute("CREATE TABLE mix (id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " mix_code VARCHAR(20) NOT NULL UNIQUE, strength_mpa NUMERIC(6, 2))");
            s.execute("CREATE TABLE component (id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                    + " mix_id INTEGER NOT NULL REFERENCES mix (id), material_id INTEGER NOT NULL REFERENCES"
                    + " material (id), dosage_kg NUMERIC(8, 2), UNIQUE (mix_id, material_id))");
        }
    }

    /** The rows of one table, made from text cells through the real Mapper as they are read, never held. */
    private static TableRows rows(TargetDatabase db, String name, String sheet, List<String> key,
                                  List<Reference> references, List<String> headers, List<String> targets,
                                  long count, LongFunction<List<String>> cells) {
        TableInfo table = db.table(name);
        Map<String, TableInfo> parents = new java.util.HashMap<>();
        references.forEach(r -> parents.put(r.parentTable(), db.table(r.parentTable())));
        List<ColumnMapping> mappings = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            mappings.add(ColumnMapping.of(headers.get(i), targets.get(i)));
        }
        Mapper mapper = Mapper.compile(new Profile(null, 0, name, null, name, mappings, null, null, null, null,
                null), headers, TableRows.mappingView(table, references, parents));
        Iterable<ApprovedRow> rows = () -> new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public ApprovedRow next() {
                long row = next++ + 2;
                List<Cell> text = cells.apply(row - 2).stream().map(Cell::text).toList();
                return new ApprovedRow(row, null, mapper.map(new SourceRow(row, text)));
            }
        };
        return new TableRows(table, mapper.targetColumns(), sheet, ImportMode.INSERT, key, references, rows);
    }

    /** The same rows as CSVs with their ids, as the bulk loads take them (not timed). */
    private static Path writeCsvs(Path dir, int mixes) throws IOException {
        Path csv = dir.resolve("csv");
        Files.createDirectories(csv);
        try (BufferedWriter w = Files.newBufferedWriter(csv.resolve("material.csv"))) {
            w.write("id,name\n");
            for (int i = 0; i < MATERIALS.length; i++) {
                w.write((i + 1) + "," + MATERIALS[i] + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(csv.resolve("mix.csv"))) {
            w.write("id,mix_code,strength_mpa\n");
            for (long i = 0; i < mixes; i++) {
                w.write((i + 1) + "," + mixCode(i) + "," + strength(i) + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(csv.resolve("component.csv"))) {
            w.write("id,mix_id,material_id,dosage_kg\n");
            for (long i = 0; i < mixes * (long) MATERIALS.length; i++) {
                w.write((i + 1) + "," + (i / MATERIALS.length + 1) + "," + (i % MATERIALS.length + 1) + ","
                        + dosage(i) + "\n");
            }
        }
        return csv;
    }

    private static String mixCode(long i) {
        return String.format(Locale.ROOT, "MX-%07d", i + 1);
    }

    private static String strength(long i) {
        return String.format(Locale.ROOT, "%d.%02d", 20 + i % 60, i % 100);
    }

    private static String dosage(long i) {
        return String.format(Locale.ROOT, "%d.%d", 10 + i % 900, i % 10);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
