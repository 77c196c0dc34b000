package io.sluice.cli;

import io.sluice.core.review.ColumnStats;
import io.sluice.core.review.ColumnStats.ValueCount;
import io.sluice.core.usecase.ColumnStatistics;
import io.sluice.core.usecase.OpenReview;
import io.sluice.core.usecase.OpenWorkbookReview;
import io.sluice.core.usecase.ValidateWorkbookReview;
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

    @Option(names = "--sheet", paramLabel = "SHEET",
            description = "For the review of a workbook onto several tables: the sheet whose column to read.")
    String sheet;

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
        ColumnStatistics.Request request = new ColumnStatistics.Request(column, 0, top, 10, 10);
        ColumnStats stats;
        String sheetName = null;
        if (ValidateWorkbookReview.isWorkbookReview(file)) {
            try (OpenWorkbookReview review = OpenWorkbookReview.open(file, null)) {
                OpenReview member = WorkbookSheetOption.sheet(review, sheet, "Column statistics");
                sheetName = member.review().info().sheet();
                stats = ColumnStatistics.of(member, request, progress);
            }
        } else {
            WorkbookSheetOption.refuseOnOneSheet(file, sheet);
            stats = ColumnStatistics.of(file, request, progress);
        }
        progress.clear();
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.json) {
            out.println(Json.write(stats));
        } else {
            print(stats, sheetName, out);
        }
        out.flush();
        return SluiceCommand.OK;
    }

    private static void print(ColumnStats s, String sheet, PrintWriter out) {
        out.print(sheet == null ? "Column" : "Sheet " + sheet + ", column");
        out.printf(" '%s': %,d rows, %,d blank, %,d distinct values.%n", s.column(), s.rows(), s.blanks(),
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
        if (!s.values().isEmpty()) {
            String top = s.values().get(0).value();
            out.println("The rows of a value, for --where of 'sluice decide' and 'sluice fix'"
                    + (sheet == null ? "" : " with --sheet " + sheet) + ":");
            // a value that spans lines would break the line it is shown on: its filter is then shown as a form
            out.println("  " + (top.matches("(?s).*[\\n\\r\\t].*") ? "value:" + s.column() + "=TEXT"
                    : RowFilterSyntax.written("value", s.column(), top)));
            out.println("  " + RowFilterSyntax.written("shape", s.column(), s.patterns().get(0).value()));
            out.println("  " + RowFilterSyntax.written("blank", s.column(), null));
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
