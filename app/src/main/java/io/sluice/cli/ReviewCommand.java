package io.sluice.cli;

import io.sluice.core.rules.Finding;
import io.sluice.core.usecase.ImportReadiness;
import io.sluice.core.usecase.OpenReview;
import io.sluice.core.usecase.ValidateWorkbookReview;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.review.FindingCounts;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code sluice review REVIEW.sluice}: what a saved review holds. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Show what a saved review holds: its source, rows, findings per rule and column, and the "
                + "quality scores as the findings stand now (after every edit); for the review of a workbook onto "
                + "several tables, each sheet's rows, findings and decisions; and whether it can be imported now: the "
                + "target tables it was validated against, checked against the target as it is (the one the review "
                + "records, or --target).")
final class ReviewCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REVIEW.sluice",
            description = "A review saved by 'validate --review' or 'load'.")
    Path file;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format.")
    OutputFormat format;

    @Option(names = "--findings", defaultValue = "20", paramLabel = "N",
            description = "Also list the first N findings in row order (default: 20).")
    int findings;

    @Option(names = "--sheet", paramLabel = "SHEET",
            description = "For the review of a workbook onto several tables: only this sheet.")
    String sheet;

    @Mixin
    TargetOptionsMixin target;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (findings < 0) {
            throw new UsageException("--findings must be 0 or more, not " + findings + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (ValidateWorkbookReview.isWorkbookReview(file)) {
            return WorkbookReviewOutput.show(file, sheet, findings, format, target.targetOf(file), out);
        }
        WorkbookSheetOption.refuseOnOneSheet(file, sheet);
        try (OpenReview opened = OpenReview.open(file, null)) {
            Review review = opened.review();
            ReviewInfo info = review.info();
            FindingCounts counts = review.counts();
            Optional<ValidationSummary> summary = opened.currentSummary();
            ImportReadiness readiness = ImportReadiness.of(review, file,
                    target.targetOf(file));
            if (format == OutputFormat.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("review", file.toString());
                Map<String, Object> source = new LinkedHashMap<>();
                source.put("path", info.source().toString());
                source.put("sha256", info.sha256());
                source.put("format", info.format().name());
                source.put("sheet", info.sheet());
                source.put("headerRow", info.headerRow());
                json.put("source", source);
                json.put("target", info.targetUrl());
                json.put("createdAt", info.createdAt().toString());
                json.put("createdBy", info.createdBy());
                json.put("rows", review.rowCount());
                json.put("counts", counts);
                summary.ifPresent(s -> json.put("scores", s.scores()));
                json.put("unmappedColumns", opened.unmapped().columns());
                json.put("sluiceColumns", opened.unmapped().sluiceColumns());
                json.put("decisions", opened.session().counts());
                json.put("validatedAgainst", readiness.validatedAgainst());
                Map<String, Object> importable = new LinkedHashMap<>();
                importable.put("ready", readiness.ready());
                importable.put("answer", readiness.answer());
                json.put("import", importable);
                out.println(Json.write(json));
            } else {
                out.printf("Review %s%n", file);
                out.printf("Source: %s (%s, sheet '%s', header row %d)%n", info.source(), info.format(),
                        info.sheet(), info.headerRow());
                out.printf("Created %s by %s; %s%n", info.createdAt(), info.createdBy(), info.targetUrl() == null
                        ? "no target yet" : "target " + info.targetUrl());
                out.printf("Rows: %d   with errors: %d   with warnings: %d   findings: %s, %s%n",
                        review.rowCount(), counts.rowsWithErrors(), counts.rowsWithWarnings(),
                        counted(counts.errors(), "error"), counted(counts.warnings(), "warning"));
                var decisions = opened.session().counts();
                out.printf("Decisions: %d approved, %d rejected, %d pending%n", decisions.approved(),
                        decisions.rejected(), decisions.pending());
                if (summary.isPresent()) {
                    ValidationSummary s = summary.get();
                    out.printf("Scores: completeness %.1f   validity %.1f   uniqueness %.1f   overall %.1f%n",
                            s.scores().completeness(), s.scores().validity(), s.scores().uniqueness(),
                            s.scores().overall());
                } else if (info.profileJson() == null) {
                    out.printf("Not validated yet: no findings, no scores. Next: sluice validate --review %s "
                            + "--profile PROFILE.json%n", file);
                } else if (review.rowCount() == 0) {
                    out.println("No scores: the validation that made this review stopped before any row was "
                            + "saved; validate the file again into a new review.");
                } else {
                    out.printf("No scores: the validation of this review did not finish. 'sluice validate --review "
                            + "%s' validates the %d rows it holds; a review that stopped while it was being made "
                            + "lacks the rest of the file, so validate the file again into a new review.%n", file,
                            review.rowCount());
                }
                opened.unmapped().sentences().forEach(out::println);
                if (!readiness.validatedAgainst().isEmpty()) {
                    out.printf("Validated against: %s%n", String.join("; ", readiness.validatedAgainst()));
                }
                out.println(readiness.answer());
                printFirstFindings(review, out);
            }
        }
        out.flush();
        return SluiceCommand.OK;
    }

    private void printFirstFindings(Review review, PrintWriter out) {
        List<Finding> first = review.firstFindings(findings);
        if (first.isEmpty()) {
            return;
        }
        TextTable table = new TextTable("ROW", "CELL", "SEVERITY", "RULE", "MESSAGE");
        for (Finding f : first) {
            table.add(String.valueOf(f.row()), f.cell() == null ? "" : f.cell(), f.severity().label(), f.rule(),
                    f.message());
        }
        out.println();
        table.print(out);
    }

    /** "1 warning", "2 warnings": the line is read as a sentence. */
    private static String counted(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
