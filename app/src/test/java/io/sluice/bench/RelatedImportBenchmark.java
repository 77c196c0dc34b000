package io.sluice.bench;

import io.sluice.core.Progress;
import io.sluice.core.commit.RelatedCommitResult;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.usecase.ImportRows;
import io.sluice.core.usecase.ImportTables;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The related-tables import at full size (issue 15): {@code sluice import lab-N.xlsx --profile ds4-lab --approve valid}
 * end to end (validate the workbook across its five tables, then write materials, suppliers, mixes, components and
 * strength tests in one batch with provenance) into a fresh H2 and a fresh PostgreSQL schema, against each database's
 * own bulk load of the same rows from prepared CSVs ({@code INSERT ... SELECT FROM CSVREAD} on H2, {@code psql \copy}
 * on PostgreSQL: material, concrete_mix, mix_component, strength_test). The workbook (written once per size by
 * {@link LabWorkbookGenerator}) has N mixes ({@code --mixes}, default 200,000), 7N components and 1.1N strength tests.
 */
final class RelatedImportBenchmark {

    static final String H2_IMPORT = "related-h2-import";
    static final String H2_CSVREAD = "related-h2-csvread";
    static final String PG_IMPORT = "related-pg-import";
    static final String PSQL_COPY = "related-psql-copy";
    static final List<String> STAGES = List.of(H2_IMPORT, H2_CSVREAD, PG_IMPORT, PSQL_COPY);
    private static final ImportRows.ImportSettings SETTINGS = new ImportRows.ImportSettings(null, false, "benchmark");

    private RelatedImportBenchmark() {
    }

    /** Parent side: writes the workbook and CSVs (once), runs the wanted stages in their own JVMs, prints ratios. */
    static void run(Set<String> wanted, Path dir, String heap, Map<String, String> options, PrintStream out)
            throws IOException, InterruptedException {
        int mixes = Integer.parseInt(options.getOrDefault("mixes", "200000"));
        long started = System.nanoTime();
        LabWorkbookGenerator.Generated data = LabWorkbookGenerator.generate(dir, mixes);
        out.printf(Locale.ROOT, "%nRelated tables: %s, %,d mixes -> %,d components and %,d strength tests"
                        + " (+ 7 materials, 5 suppliers already there); workbook and CSVs ready in %.1f s%n",
                data.workbook().getFileName(), data.mixes(), data.components(), data.strengths(),
                (System.nanoTime() - started) / 1e9);
        out.printf("%-28s %12s %10s %12s %14s%n", "related stage", "rows", "seconds", "rows/s", "peak heap MB");
        String pgUrl = options.get("pg-url");
        boolean postgres = pgUrl != null && PsqlCopy.onPath();
        String user = options.getOrDefault("pg-user", "");
        Map<String, double[]> results = new LinkedHashMap<>();
        for (String stage : STAGES) {
            if (!wanted.contains(stage)) {
                continue;
            }
            boolean pg = stage.equals(PG_IMPORT) || stage.equals(PSQL_COPY);
            if (pg && !postgres) {
                continue;
            }
            Path input = stage.equals(H2_IMPORT) || stage.equals(PG_IMPORT) ? data.workbook() : data.csvDir();
            results.put(stage, pg ? Benchmark.child(out, stage, input, heap, dir, "--pg-url", pgUrl, "--pg-user",
                    user) : Benchmark.child(out, stage, input, heap, dir));
        }
        ratio(out, results, H2_IMPORT, H2_CSVREAD, "Related import into H2 / H2 CSVREAD of the four CSVs: %.2fx"
                + " (target <= 1.5x)%n");
        ratio(out, results, PG_IMPORT, PSQL_COPY, "Related import into PostgreSQL / psql \\copy of the four CSVs:"
                + " %.2fx (target <= 2.0x)%n");
        if (!postgres && (wanted.contains(PG_IMPORT) || wanted.contains(PSQL_COPY))) {
            out.println("PostgreSQL related stages skipped: " + (pgUrl == null ? "no --pg-url given"
                    : "psql is not on the PATH") + ".");
        }
    }

    private static void ratio(PrintStream out, Map<String, double[]> results, String stage, String baseline,
                              String format) {
        if (results.containsKey(stage) && results.containsKey(baseline)) {
            out.printf(Locale.ROOT, format, results.get(stage)[1] / results.get(baseline)[1]);
        }
    }

    /** Child side: the body of one stage; prints "RESULT rows seconds peakMB" of the measured part. */
    static void runStage(String stage, Path file, Map<String, String> options) throws IOException, SQLException,
            InterruptedException {
        switch (stage) {
            case H2_IMPORT -> importWorkbook(CommitBenchmark::freshH2, file);
            case H2_CSVREAD -> {
                try (TargetDatabase db = CommitBenchmark.freshH2()) {
                    csvRead(db, file);
                }
            }
            case PG_IMPORT -> {
                CommitBenchmark.PgTarget pg = CommitBenchmark.PgTarget.of(options);
                pg.recreate();
                importWorkbook(pg::open, file);
            }
            case PSQL_COPY -> {
                CommitBenchmark.PgTarget pg = CommitBenchmark.PgTarget.of(options);
                pg.recreate();
                Benchmark.resetPeaks();
                long start = System.nanoTime();
                Map<String, Path> csvs = new LinkedHashMap<>();
                LabWorkbookGenerator.TABLES.forEach(t -> csvs.put(t, file.resolve(t + ".csv")));
                long rows = new PsqlCopy(pg).copy(csvs);
                CommitBenchmark.result(rows, start);
            }
            default -> throw new IllegalArgumentException("Unknown stage " + stage);
        }
    }

    /** {@code import lab-N.xlsx --profile ds4-lab --approve valid}, timed from opening the file to the commit. */
    private static void importWorkbook(Supplier<TargetDatabase> target, Path workbook) {
        try (TargetDatabase db = target.get()) {
            Benchmark.resetPeaks();
            long start = System.nanoTime();
            RelatedCommitResult result;
            long validated;
            try (StageCpu cpu = new StageCpu()) {
                ImportTables rows = ImportTables.fromFile(db, workbook, SourceOptions.DEFAULTS, SampleProfiles.lab(),
                        SETTINGS, null, Progress.NONE);
                validated = System.nanoTime();
                // one read of the workbook validates and writes it: its counts are known after the commit
                result = rows.commit(Progress.NONE);
                if (rows.summary().rowsWithErrors() > 0) {
                    throw new IllegalStateException(rows.summary().rowsWithErrors() + " source rows of the"
                            + " generated workbook have errors");
                }
            }
            System.out.printf(Locale.ROOT, "seconds: prepare %.2f, validate and commit %.2f; per table %s%n",
                    (validated - start) / 1e9, (System.nanoTime() - validated) / 1e9, result.tables());
            CommitBenchmark.result(result.inserted(), start);
        }
    }

    /** H2's own bulk load of the four CSVs, parents first, each an {@code INSERT ... SELECT FROM CSVREAD}. */
    private static void csvRead(TargetDatabase db, Path csvDir) throws IOException, SQLException {
        Benchmark.resetPeaks();
        long start = System.nanoTime();
        long rows = 0;
        try (Statement statement = db.connection().createStatement()) {
            for (String table : LabWorkbookGenerator.TABLES) {
                Path csv = csvDir.resolve(table + ".csv");
                String columns;
                try (var reader = java.nio.file.Files.newBufferedReader(csv)) {
                    columns = reader.readLine();
                }
                rows += statement.executeUpdate("INSERT INTO " + table + " (" + columns + ") SELECT " + columns
                        + " FROM CSVREAD('" + csv.toAbsolutePath().toString().replace("'", "''")
                        + "', null, 'charset=UTF-8 fieldSeparator=,')");
            }
        }
        CommitBenchmark.result(rows, start);
    }
}
