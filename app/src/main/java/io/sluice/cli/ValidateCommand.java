package io.sluice.cli;

import io.sluice.core.SluiceException;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceTable;
import io.sluice.core.target.TargetDatabase;
import io.sluice.core.validate.JsonReportWriter;
import io.sluice.core.validate.ReportSource;
import io.sluice.core.validate.RowResult;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.workspace.Review;
import io.sluice.core.workspace.ReviewStager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code sluice validate FILE --profile P}: maps every row, checks every rule, prints a summary and writes the JSON
 * report. Exit 0 when no row has an error finding, 1 when some do.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate a file against a mapping profile and the target table's constraints.",
                "Exit codes: 0 = no error findings, 1 = error findings, 2 = usage error or unreadable input, "
                        + "3 = target database problem."})
final class ValidateCommand implements Callable<Integer> {

    private static final int SHOWN_FINDINGS = 20;

    @Parameters(index = "0", paramLabel = "FILE", description = "XLSX, XLS, CSV or TSV file.")
    Path file;

    @Option(names = "--profile", required = true, paramLabel = "PROFILE.json", description = "Mapping profile.")
    Path profilePath;

    @Option(names = "--report", paramLabel = "REPORT.json", description = "Write the JSON report to this file.")
    Path reportPath;

    @Option(names = "--review", paramLabel = "REVIEW.sluice",
            description = "Also stage the rows and findings into a review file for later decisions.")
    Path reviewPath;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text: a summary; json: the full report on standard output.")
    OutputFormat format;

    @Mixin
    SourceOptionsMixin source;

    @Mixin
    TargetOptionsMixin target;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Profile profile = ProfileIO.read(profilePath);
        PrintWriter out = spec.commandLine().getOut();
        try (TargetDatabase db = target.open();
             ValidationJob job = ValidationJob.prepare(file, source.toOptions(profile.source()), profile, db);
             JsonReportWriter report = new JsonReportWriter()) {
            SourceTable table = job.table();
            ReportSource about = job.reportSource(profilePath.toString());
            List<Finding> firstFindings = new ArrayList<>();
            TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
            Consumer<RowResult> sink = report.andThen(r -> keepFirst(r, firstFindings));
            ValidationSummary summary;
            if (reviewPath != null) {
                try (Review review = Review.create(reviewPath, ReviewStager.info(job, db),
                        table.columns());
                     ReviewStager stager = new ReviewStager(review)) {
                    summary = job.run(sink.andThen(stager), progress);
                    stager.finish(table.issues(), summary);
                }
            } else {
                summary = job.run(sink, progress);
            }
            progress.clear();
            if (reportPath != null) {
                writeReport(report, about, summary, table, reportPath);
            }
            if (format == OutputFormat.json) {
                report.write(about, summary, table.issues(), out);
                out.println();
            } else {
                printSummary(out, about, summary, table, firstFindings, report.findings());
            }
            out.flush();
            return summary.withErrors() > 0 ? SluiceCommand.FINDINGS : SluiceCommand.OK;
        }
    }

    private static void keepFirst(RowResult row, List<Finding> first) {
        for (Finding f : row.findings()) {
            if (first.size() < SHOWN_FINDINGS) {
                first.add(f);
            }
        }
    }

    private static void writeReport(JsonReportWriter report, ReportSource about, ValidationSummary summary,
                                    SourceTable table, Path path) {
        try (Writer writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            report.write(about, summary, table.issues(), writer);
        } catch (IOException e) {
            throw SluiceException.input("Cannot write the report to " + path + ": " + e.getMessage() + ".", e);
        }
    }

    private void printSummary(PrintWriter out, ReportSource about, ValidationSummary s, SourceTable table,
                              List<Finding> first, long total) {
        String sheet = table.format() == SourceFormat.CSV ? "" : ", sheet '" + about.sheet() + "'";
        out.printf("%s (%s%s, header row %d) -> %s, profile '%s'%n", file.getFileName(), about.format(), sheet,
                about.headerRow(), about.table(), about.profileName());
        out.printf("Rows: %d   valid: %d   with errors: %d   with warnings: %d%n", s.rows(), s.valid(),
                s.withErrors(), s.withWarnings());
        out.printf("Scores: completeness %.1f   validity %.1f   uniqueness %.1f   overall %.1f%n",
                s.scores().completeness(), s.scores().validity(), s.scores().uniqueness(), s.scores().overall());
        if (!table.issues().isEmpty()) {
            out.println();
            out.println("About the file:");
            table.issues().forEach(i -> out.println("  - " + i.message()));
        }
        if (!s.byRule().isEmpty()) {
            out.println();
            TextTable byRule = new TextTable("RULE", "FINDINGS");
            for (Map.Entry<String, Long> e : s.byRule().entrySet()) {
                byRule.add(e.getKey(), String.valueOf(e.getValue()));
            }
            byRule.print(out);
            out.println();
            TextTable findings = new TextTable("ROW", "CELL", "SEVERITY", "RULE", "MESSAGE");
            for (Finding f : first) {
                findings.add(String.valueOf(f.row()), f.cell() == null ? "" : f.cell(), f.severity().label(),
                        f.rule(), f.message());
            }
            findings.print(out);
            if (total > first.size()) {
                out.printf("(%d of %d findings shown; --report FILE writes them all)%n", first.size(), total);
            }
        }
        if (reportPath != null) {
            out.println();
            out.println("Report written to " + reportPath);
        }
        if (reviewPath != null) {
            out.println("Review saved to " + reviewPath);
        }
    }
}
