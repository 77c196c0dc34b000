package io.sluice.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The yardstick of the CSV validation: pandas {@code read_csv} of the same file with its default settings (the C
 * parser, each column's type inferred), timed inside Python after pandas is imported, so that neither the
 * interpreter's start nor the import is counted. Pandas parses; it checks nothing but that numbers are numbers.
 */
final class PandasRead {

    static final String STAGE = "pandas-read";
    static final String PYTHON = "/usr/bin/python3";
    private static final Pattern RESULT = Pattern.compile("(?m)^RESULT (\\d+) ([0-9.]+) ([0-9.]+) ([0-9.]+)$");
    private static final String SCRIPT = String.join("\n",
            "import resource, sys, time",
            "try:",
            "    import pandas",
            "except ImportError:",
            "    print('NO-PANDAS')",
            "    sys.exit(0)",
            "wall, cpu = time.perf_counter(), time.process_time()",
            "frame = pandas.read_csv(sys.argv[1])",
            "wall, cpu = time.perf_counter() - wall, time.process_time() - cpu",
            "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024",
            "print('RESULT %d %.3f %.3f %.1f' % (len(frame), wall, cpu, peak))");

    private PandasRead() {
    }

    /**
     * Runs the read and prints its result line as the JVM stages do (the last column is the Python process's peak
     * resident memory, not a heap); returns {rows, seconds, rows/s, peak MB}, or null with a one-line note when
     * Python or pandas is missing.
     */
    static double[] run(PrintStream out, Path csv) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            out.println("  " + STAGE + ": skipped, " + PYTHON + " is not installed");
            return null;
        }
        Process process = new ProcessBuilder(List.of(PYTHON, "-c", SCRIPT, csv.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = process.waitFor();
        if (output.contains("NO-PANDAS")) {
            out.println("  " + STAGE + ": skipped, pandas is not installed for " + PYTHON);
            return null;
        }
        Matcher result = RESULT.matcher(output);
        if (exit != 0 || !result.find()) {
            throw new IllegalStateException("pandas read_csv failed (exit " + exit + "): " + output);
        }
        double rows = Double.parseDouble(result.group(1));
        double seconds = Double.parseDouble(result.group(2));
        out.printf(Locale.ROOT, "  %s: cpu %.2f s (read_csv with its default settings; the last column is the peak"
                + " resident memory of Python)%n", STAGE, Double.parseDouble(result.group(3)));
        double[] figures = {rows, seconds, rows / seconds, Double.parseDouble(result.group(4))};
        out.printf("%-28s %,12.0f %10.2f %,12.0f %14.0f%n", STAGE, figures[0], figures[1], figures[2], figures[3]);
        return figures;
    }
}
