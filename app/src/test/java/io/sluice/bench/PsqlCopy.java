package io.sluice.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own bulk load, the baseline of the PostgreSQL commit: {@code psql -c "\copy concrete_mix (...) FROM
 * 'file' WITH (FORMAT csv, HEADER true)"} into the benchmark's schema, connection details taken from the JDBC URL.
 */
final class PsqlCopy {

    private static final Pattern COPIED = Pattern.compile("(?m)^COPY (\\d+)$");

    private final CommitBenchmark.PgTarget target;

    PsqlCopy(CommitBenchmark.PgTarget target) {
        this.target = target;
    }

    /** Whether a {@code psql} executable is on the PATH. */
    static boolean onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "psql")) || Files.isExecutable(Path.of(dir, "psql.exe"))) {
                return true;
            }
        }
        return false;
    }

    /** Loads the table-shaped CSV and returns the row count psql reports. */
    long copy(Path tableCsv) throws IOException, InterruptedException {
        return copy(java.util.Map.of("concrete_mix", tableCsv));
    }

    /**
     * Loads each table's CSV (header line = its columns), in the order given, with one {@code \copy} each in one
     * psql session; returns the rows psql reports in all.
     */
    long copy(java.util.Map<String, Path> csvs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("psql", "-X", "-v", "ON_ERROR_STOP=1"));
        for (var csv : csvs.entrySet()) {
            String columns;
            try (var reader = Files.newBufferedReader(csv.getValue(), StandardCharsets.UTF_8)) {
                columns = reader.readLine();
            }
            args.addAll(List.of("-c", "\\copy " + csv.getKey() + " (" + columns + ") FROM '"
                    + csv.getValue().toAbsolutePath().toString().replace("'", "''")
                    + "' WITH (FORMAT csv, HEADER true)"));
        }
        // jdbc:postgresql://host:port/db?... ; psql takes the same parts as options
        URI uri = URI.create(target.url().substring("jdbc:".length()));
        if (uri.getHost() != null) {
            args.addAll(List.of("-h", uri.getHost()));
        }
        if (uri.getPort() > 0) {
            args.addAll(List.of("-p", String.valueOf(uri.getPort())));
        }
        if (target.user() != null) {
            args.addAll(List.of("-U", target.user()));
        }
        args.addAll(List.of("-d", uri.getPath().substring(1)));
        ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
        builder.environment().put("PGOPTIONS", "-c search_path=" + CommitBenchmark.PgTarget.SCHEMA);
        if (target.password() != null) {
            builder.environment().put("PGPASSWORD", target.password());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Matcher copied = COPIED.matcher(output.strip());
        long rows = 0;
        int copies = 0;
        while (copied.find()) {
            rows += Long.parseLong(copied.group(1));
            copies++;
        }
        if (exit != 0 || copies != csvs.size()) {
            throw new IllegalStateException("psql \\copy failed (exit " + exit + "): " + output.strip());
        }
        return rows;
    }
}
