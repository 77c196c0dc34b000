package io.sluice.cli;

import io.sluice.core.target.SluiceHome;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One run of the command line with its output captured, and the sample files, for the command tests. */
record CommandRun(int exit, String out, String err) {

    static final Path SAMPLES = Path.of("..", "sample-data");

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

    /** A fresh embedded default database for a test class. */
    static void freshHome() {
        try {
            System.setProperty(SluiceHome.PROPERTY, Files.createTempDirectory("sluice-command-test").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void restoreHome() {
        System.clearProperty(SluiceHome.PROPERTY);
    }

    /** No Java internals in what a person reads. */
    boolean looksJavaInternal() {
        String all = out + err;
        return all.contains("null") || all.matches("(?s).*\\[[^\\]]*, [^\\]]*\\].*") || all.contains("{")
                && !all.trim().startsWith("{") || all.contains("Exception") || all.contains("Optional[");
    }
}
