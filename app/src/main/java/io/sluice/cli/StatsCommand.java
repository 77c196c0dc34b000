package io.sluice.cli;

import io.sluice.core.review.ColumnStats;
import io.sluice.core.review.ColumnStats.ValueCount;
import io.sluice.core.usecase.ColumnStatistics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code sluice stats REVIEW --column HEADER}: what one column of a review holds now (edits included): counts, the
 * most frequent values, number and date ranges with histograms, lengths and value shapes.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Show the statistics of one column of a review as it is now (the steward's edits included):"
                + " rows, blanks, distinct values, the most frequent values, number and date ranges with histograms,"
                + " lengths and value shapes (letters as A, digits as 9).")
final class StatsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REVIEW.sluice", description = "A review saved by 'validate --review'.")
    Path file;

    @Option(names = "--column", required = true, paramLabel = "HEADER", description = "The column, by its header.")
    String column;

    @Option(names = "--top", paramLabel = "N", defaultValue = "20",
            description = "How many of the most frequent values to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output for people (text, default) or programs (json).")
    OutputFormat format;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (top < 0) {
            throw new UsageException("--top takes a number of values, 0 or more, not " + top + ".");
        }
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        ColumnStats stats = ColumnStatistics.of(file, new ColumnStatistics.Request(column, 0, top, 10, 10), progress);
        progress.clear();
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.write(stats));
        } else {
            print(stats, out);
        }
        out.flush();
        return SluiceCommand.OK;
    }

    private static void print(ColumnStats s, PrintWriter out) {
        out.printf("Column '%s': %,d rows, %,d blank, %,d distinct values.%n", s.column(), s.rows(), s.blanks(),
                s.distinct());
        if (s.minLength() != null) {
            out.printf("Length: %d to %d characters.%n", s.minLength(), s.maxLength());
        }
        if (s.numbers() != null) {
            ColumnStats.NumberStats n = s.numbers();
            out.printf("Numbers: %,d; min %s, max %s, mean %s, standard deviation %s.%n", n.count(),
                    number(n.min()), number(n.max()), number(n.mean()), number(n.standardDeviation()));
            TextTable histogram = new TextTable("FROM", "TO", "ROWS");
            n.histogram().forEach(b -> histogram.add(number(b.from()), number(b.to()), count(b.count())));
            histogram.print(out);
        }
        if (s.dates() != null) {
            ColumnStats.DateStats d = s.dates();
            out.printf("Dates: %,d; min %s, max %s, mean %s.%n", d.count(), d.min(), d.max(), d.mean());
            TextTable histogram = new TextTable("FROM", "TO", "ROWS");
            d.histogram().forEach(b -> histogram.add(b.from().toString(), b.to().toString(), count(b.count())));
            histogram.print(out);
        }
        if (!s.values().isEmpty()) {
            out.println("Most frequent values:");
            TextTable values = new TextTable("VALUE", "ROWS");
            for (ValueCount v : s.values()) {
                values.add(TextTable.value(v.value()), count(v.count()));
            }
            values.print(out);
            if (s.distinct() > s.values().size()) {
                out.printf("(%,d more; --top N lists more.)%n", s.distinct() - s.values().size());
            }
        }
        if (!s.patterns().isEmpty()) {
            out.printf("Value shapes (%,d in all):%n", s.patternCount());
            TextTable shapes = new TextTable("SHAPE", "ROWS");
            s.patterns().forEach(p -> shapes.add(p.value(), count(p.count())));
            shapes.print(out);
        }
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value).replaceAll("(\\.\\d*?)0+($|e)", "$1$2")
                .replaceAll("\\.($|e)", "$1");
    }

    private static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }
}
