package io.sluice.cli;

import io.sluice.core.rules.Finding;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.workspace.FindingCounts;
import io.sluice.core.workspace.Review;
import io.sluice.core.workspace.ReviewInfo;
import io.sluice.core.workspace.ReviewStager;
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
        description = "Show what a saved review holds: its source, rows, findings per rule and column, scores.")
final class ReviewCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REVIEW.sluice", description = "A review saved by 'validate --review'.")
    Path file;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format.")
    OutputFormat format;

    @Option(names = "--findings", defaultValue = "20", paramLabel = "N",
            description = "Also list the first N findings in row order (default: 20).")
    int findings;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Review review = Review.open(file)) {
            ReviewInfo info = review.info();
            FindingCounts counts = review.counts();
            Optional<ValidationSummary> summary = ReviewStager.summary(review);
            if (format == OutputFormat.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("review", file.toString());
                json.put("source", Map.of("path", info.source().toString(), "sha256", String.valueOf(info.sha256()),
                        "format", info.format().name(), "sheet", info.sheet(), "headerRow", info.headerRow()));
                json.put("target", info.targetUrl());
                json.put("createdAt", info.createdAt().toString());
                json.put("createdBy", info.createdBy());
                json.put("rows", review.rowCount());
                json.put("counts", counts);
                summary.ifPresent(s -> json.put("scores", s.scores()));
                out.println(Json.write(json));
            } else {
                out.printf("Review %s%n", file);
                out.printf("Source: %s (%s, sheet '%s', header row %d)%n", info.source(), info.format(),
                        info.sheet(), info.headerRow());
                out.printf("Created %s by %s; target %s%n", info.createdAt(), info.createdBy(), info.targetUrl());
                out.printf("Rows: %d   with errors: %d   with warnings: %d   findings: %d errors, %d warnings%n",
                        review.rowCount(), counts.rowsWithErrors(), counts.rowsWithWarnings(), counts.errors(),
                        counts.warnings());
                summary.ifPresent(s -> out.printf(
                        "Scores: completeness %.1f   validity %.1f   uniqueness %.1f   overall %.1f%n",
                        s.scores().completeness(), s.scores().validity(), s.scores().uniqueness(),
                        s.scores().overall()));
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
}
