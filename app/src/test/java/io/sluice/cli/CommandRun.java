package io.sluice.cli;

import io.sluice.core.database.SampleSchema;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Runs one command line as {@code sluice} would, capturing what it printed and its exit code; sample files. */
record CommandRun(int exit, String out, String err) {

    static final Path SAMPLES = Path.of("..", "sample-data");
    static final Path PROFILE = SAMPLES.resolve("profiles").resolve("ds1.profile.json");
    static final String HEADER = "Mix Code,Cement (kg/m3),Water (kg/m3),Fly Ash (kg/m3),Slag (kg/m3),"
            + "Coarse Aggregate (kg/m3),Fine Aggregate (kg/m3),Superplasticizer (kg/m3),w/c,w/b,Age (days),"
            + "Strength (MPa),Cast Date,Supplier,Remarks";

    static CommandRun of(Object... args) {
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SluiceCommand.commandLine(text);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(text);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    /** The arguments followed by more. */
    static String[] with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    static String sample(String name) {
        return SAMPLES.resolve(name).toString();
    }

    static String profile(String name) {
        return SAMPLES.resolve("profiles").resolve(name).toString();
    }

    /** The header and {@code rows} (at most 11) of ds1's first records that hold no line break inside a field. */
    static Path ds1Head(Path dir, int rows) {
        try {
            List<String> lines = Files.readAllLines(SAMPLES.resolve("ds1-concrete-mix.csv"), StandardCharsets.UTF_8);
            Path file = dir.resolve("ds1-head.csv");
            // single-line records only; data row 4 of the file (supplier 'NRD') is one with an error
            List<Integer> picked = List.of(0, 1, 2, 3, 6, 9, 10, 13, 14, 15, 16, 17);
            Files.write(file, picked.subList(0, rows + 1).stream().map(lines::get).toList(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh target database of that engine with the sample schema (an H2 file database under {@code dir}). */
    static TestDatabases.Database sampleTarget(TestDatabases.Engine engine, Path dir) {
        TestDatabases.Database db = engine == TestDatabases.Engine.H2 ? TestDatabases.h2File(dir)
                : TestDatabases.postgres();
        SampleSchema.install(db.url(), db.user(), db.password());
        return db;
    }

    /** The options that name that target. */
    static String[] targetOptions(TestDatabases.Database db) {
        return new String[] {"--target", db.url(), "--user", db.user()};
    }

    /** One valid CSV line of a mix in the ds1 layout, with that code (like DS1-0000001) and cement content. */
    static String mix(String code, String cement) {
        return code + "," + cement + ",175.0,0.0,0.0,1000.0,800.0,,0.500,0.500,28,30.00,01/02/2023,CEMS,";
    }

    /** Writes a CSV with the ds1 header and these lines. */
    static Path csv(Path file, String... lines) throws IOException {
        List<String> all = new ArrayList<>(List.of(HEADER));
        all.addAll(List.of(lines));
        return Files.write(file, all);
    }

    /** Each mix in the target as "code|cement", by code. */
    static List<String> mixes(TestDatabases.Database db) throws SQLException {
        try (Connection c = db.connect()) {
            return TableText.rows(c, "SELECT mix_code, cement_kg FROM concrete_mix ORDER BY mix_code");
        }
    }

    /** Each batch in the target as "id|status|inserted|updated|skipped", oldest first; none before the first import. */
    static List<String> batches(TestDatabases.Database db) throws SQLException {
        try (Connection c = db.connect()) {
            if (!c.getMetaData().getTables(null, null, "%import_batch%", null).next()
                    && !c.getMetaData().getTables(null, null, "%IMPORT_BATCH%", null).next()) {
                return List.of();
            }
            return TableText.rows(c, "SELECT id, status, rows_inserted, rows_updated, rows_skipped"
                    + " FROM sluice_import_batch ORDER BY id");
        }
    }

    /** No Java internals in what a person reads. */
    boolean looksJavaInternal() {
        String all = out + err;
        return all.contains("null") || all.matches("(?s).*\\[[^\\]]*, [^\\]]*\\].*") || all.contains("{")
                && !all.trim().startsWith("{") || all.contains("Exception") || all.contains("Optional[");
    }
}
