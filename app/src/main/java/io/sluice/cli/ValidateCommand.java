package io.sluice.cli;

import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.review.WorkbookMembers;
import io.sluice.core.usecase.ReviewReplacement;
import io.sluice.core.usecase.RulesInForce;
import io.sluice.core.usecase.ValidateFile;
import io.sluice.core.usecase.ValidateReview;
import io.sluice.core.usecase.ValidateWorkbookReview;
import io.sluice.core.validate.FileOpening;
import io.sluice.core.export.StagedFiles;
import io.sluice.core.validate.JsonReportWriter;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.QualityGates;
import io.sluice.core.validate.RowResult;
import io.sluice.core.validate.ValidationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code sluice validate FILE --profile P}: maps every row, checks every rule, prints a summary and writes the JSON
 * report; {@code sluice validate --review R [--profile P]} validates the rows a review already holds (e.g. after
 * {@code load}). Exit 0 when no row has an error finding, 1 when some do, 4 when a blocking quality gate fails.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Validate a file against a mapping profile and the target table's constraints, or, without "
                + "FILE, validate the rows of an existing review (one made by 'load', or one to check again): its "
                + "decisions and edits are kept, and the profile and target are recorded for 'decide' and 'import'.",
                "The profile's quality gates are measured and shown; a failed blocking gate means 'import' would "
                        + "refuse.",
                "Exit codes: 0 = no error findings, 1 = error findings, 2 = usage error, unreadable input or a "
                        + "broken rule, 3 = target database problem, 4 = a blocking quality gate failed."})
final class ValidateCommand implements Callable<Integer> {

    private static final int SHOWN_FINDINGS = 20;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "XLSX, XLS, CSV or TSV file.")
    Path file;

    @Option(names = "--profile", paramLabel = "PROFILE.json",
            description = "Mapping profile (needed with FILE; a review validated before has its own).")
    Path profilePath;

    @Option(names = "--report", paramLabel = "REPORT.json", description = "Write the JSON report to this file.")
    Path reportPath;

    @Option(names = "--review", paramLabel = "REVIEW.sluice",
            description = "With FILE: also stage the rows and findings into this new review file. Without FILE: "
                    + "validate the rows this review already holds.")
    Path reviewPath;

    @Option(names = "--force", description = "With FILE and --review: replace the review (or workbook review) "
            + "already there, with its decisions and edits. Until the new one is complete the old one is kept as "
            + "REVIEW.sluice.replaced, and it is put back if the staging fails.")
    boolean force;

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
        if (force && (file == null || reviewPath == null)) {
            throw new UsageException("--force replaces the review that --review names when a FILE is staged into"
                    + " it; " + (file == null ? "validating a review's own rows replaces nothing."
                    : "without --review nothing is written to replace."));
        }
        if (file == null) {
            return validateReview();
        }
        UsageErrors.refuseReviewAsSource(file, "validate its rows again (keeping its decisions and edits)");
        if (reviewPath != null && !force && (Files.exists(reviewPath)
                || Files.exists(WorkbookMembers.folder(reviewPath)))) {
            throw new UsageException("The review " + reviewPath + (Files.exists(reviewPath) ? " already exists"
                    : "'s folder of sheets " + WorkbookMembers.folder(reviewPath).getFileName() + " already exists")
                    + "; choose another review name, or add --force to replace it (its decisions and edits are lost).");
        }
        if (profilePath == null) {
            throw new UsageException("Validating " + file.getFileName() + " needs a mapping profile: add --profile "
                    + "PROFILE.json.");
        }
        if (reportPath != null) {
            // said before the rows are read, not after a long validation
            if (Files.isDirectory(reportPath)) {
                throw new UsageException("--report " + reportPath + " is a folder; give a file name to write.");
            }
            Path folder = reportPath.toAbsolutePath().getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                throw new UsageException("--report " + reportPath + ": the folder " + folder + " does not exist.");
            }
        }
        Profile profile = ProfileIO.read(profilePath);
        PrintWriter out = spec.commandLine().getOut();
        if (profile.mapsSeveralTables()) {
            if (reviewPath != null) {
                if (reportPath != null) {
                    throw new UsageException("--report goes without --review for a profile onto several tables: the"
                            + " review keeps every finding ('sluice review " + reviewPath + " --sheet SHEET').");
                }
                try (TargetDatabase db = target.open()) {
                    return replacingIfAsked(() -> WorkbookReviewOutput.stage(file, source.chosen(), profile,
                            profilePath, reviewPath, format, db, out, spec.commandLine().getErr()));
                }
            }
            try (TargetDatabase db = target.open()) {
                return TablesOutput.validate(file, source.chosen(), profile, profilePath, reportPath, format, db,
                        out, spec.commandLine().getErr());
            }
        }
        ValidateFile.Request request = new ValidateFile.Request(file, source.chosen(), profile,
                profilePath.toString(), reviewPath, force);
        // the file opens (read through once to decide its encoding) and is hashed while the target opens
        try (FileOpening opening = ValidateFile.openAhead(request);
             TargetDatabase db = target.open();
             JsonReportWriter report = new JsonReportWriter()) {
            List<Finding> firstFindings = new ArrayList<>();
            TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
            Consumer<RowResult> sink = report.andThen(r -> keepFirst(r, firstFindings));
            ValidateFile.Outcome outcome = ValidateFile.run(request, opening, db, sink, progress);
            progress.clear();
            if (reportPath != null) {
                writeReport(report, outcome, reportPath);
            }
            if (format == OutputFormat.json) {
                report.write(outcome.about(), outcome.summary(), outcome.issues(), outcome.unmapped(),
                        outcome.returned(), outcome.gates(), out);
                out.println();
            } else {
                printSummary(out, outcome, firstFindings, report.findings());
                // a rule the profile keeps although it compares kinds that never compare: said once, not per row
                RulesInForce.notes(profile, db.table(profile.table())).forEach(out::println);
            }
            out.flush();
            return exitCode(outcome.summary(), outcome.blocked());
        }
    }

    /**
     * With --force, stages the workbook in place of the review there once the profile is read and the target is
     * open: the old review is set aside, and put back if the staging fails.
     */
    private <T> T replacingIfAsked(Supplier<T> staging) {
        return force ? ReviewReplacement.replace(reviewPath, staging) : staging.get();
    }

    private Integer validateReview() {
        if (reviewPath == null) {
            throw new UsageException("Give a FILE to validate, or --review REVIEW.sluice to validate the rows of a "
                    + "review.");
        }
        boolean workbook = ValidateWorkbookReview.isWorkbookReview(reviewPath);
        if (reportPath != null) {
            throw new UsageException(workbook ? "--report needs a FILE; the workbook review keeps every finding:"
                    + " 'sluice review " + reviewPath + " --sheet SHEET --findings N' lists them."
                    : "--report needs a FILE; for a review's findings use 'sluice export --review " + reviewPath
                    + " --findings FINDINGS.json'.");
        }
        if (source.anyGiven()) {
            throw new UsageException("--sheet, --header-row, --no-header, --encoding and --delimiter choose how a "
                    + "FILE is read; a review's rows are already read.");
        }
        if (workbook) {
            Profile given = profilePath == null ? null : ProfileIO.read(profilePath);
            try (TargetDatabase db = target.targetOf(reviewPath).open()) {
                return WorkbookReviewOutput.validate(reviewPath, given, format, db, spec.commandLine().getOut(),
                        spec.commandLine().getErr());
            }
        }
        Profile profile = profilePath != null ? ProfileIO.read(profilePath)
                : ValidateReview.recordedProfile(reviewPath);
        if (profile == null) {
            throw new UsageException(reviewPath.getFileName() + " records no mapping profile yet: add --profile "
                    + "PROFILE.json.");
        }
        if (profile.mapsSeveralTables()) {
            throw new UsageException("Profile '" + profile.name() + "' maps onto several tables, but "
                    + reviewPath.getFileName() + " is the review of one sheet; stage the workbook into a new review"
                    + " with 'sluice validate FILE --profile " + profilePath + " --review NEW.sluice'.");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TargetDatabase db = target.targetOf(reviewPath).open()) {
            TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
            ValidateReview.Outcome outcome = ValidateReview.run(reviewPath, profile, db, progress);
            progress.clear();
            ValidationSummary s = outcome.summary();
            if (format == OutputFormat.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("review", reviewPath.toString());
                json.put("profile", outcome.profileName());
                if (outcome.replacedProfile() != null) {
                    json.put("replacedProfile", outcome.replacedProfile());
                }
                json.put("target", outcome.target());
                json.put("summary", s);
                json.put("decisions", outcome.decisions());
                json.put("approvedWithErrors", outcome.approvedInError());
                json.put("gates", outcome.gates().stream().map(GateJson::of).toList());
                json.put("unmappedColumns", outcome.unmapped().columns());
                json.put("sluiceColumns", outcome.unmapped().sluiceColumns());
                out.println(Json.write(json));
            } else {
                out.printf("%s: %d rows validated with profile '%s' against %s%s.%n", reviewPath.getFileName(),
                        s.rows(), outcome.profileName(), outcome.target(), outcome.replacedProfile() == null ? ""
                                : " (it was validated with profile '" + outcome.replacedProfile() + "' before)");
                printCounts(out, s);
                outcome.unmapped().sentences().forEach(out::println);
                out.printf("Decisions and edits kept: %d approved, %d rejected, %d pending.%n",
                        outcome.decisions().approved(), outcome.decisions().rejected(),
                        outcome.decisions().pending());
                if (outcome.approvedInError() > 0) {
                    out.printf("%d approved row(s) have errors now; 'sluice decide %s --clear errors' makes every "
                            + "row with errors pending again.%n", outcome.approvedInError(), reviewPath);
                }
                printGates(out, outcome.gates());
                printByRule(out, s);
                out.println();
                out.printf("Next: 'sluice review %1$s' lists the findings, 'sluice decide %1$s --approve valid' "
                        + "approves rows, 'sluice import --review %1$s' imports the approved ones.%n", reviewPath);
            }
            out.flush();
            return exitCode(s, outcome.blocked());
        }
    }

    private static int exitCode(ValidationSummary s, boolean blocked) {
        if (blocked) {
            return SluiceCommand.GATES;
        }
        return s.withErrors() > 0 ? SluiceCommand.FINDINGS : SluiceCommand.OK;
    }

    /** Each gate on a line: "  completeness 97.5% (needs at least 98%): blocked". */
    private static void printGates(PrintWriter out, List<GateResult> gates) {
        if (gates.isEmpty()) {
            return;
        }
        out.println("Quality gates:");
        gates.forEach(g -> out.println("  " + g.line()));
        if (QualityGates.blocks(gates)) {
            out.println("A blocking gate failed: 'sluice import' would refuse these rows.");
        }
    }

    private static void keepFirst(RowResult row, List<Finding> first) {
        for (Finding f : row.findings()) {
            if (first.size() < SHOWN_FINDINGS) {
                first.add(f);
            }
        }
    }

    private static void writeReport(JsonReportWriter report, ValidateFile.Outcome outcome, Path path) {
        // whole or not at all: a validation that fails while writing leaves the last report as it was
        StagedFiles.writeWhole(path, hidden -> {
            try (Writer writer = Files.newBufferedWriter(hidden, StandardCharsets.UTF_8)) {
                report.write(outcome.about(), outcome.summary(), outcome.issues(), outcome.unmapped(),
                        outcome.returned(), outcome.gates(), writer);
            }
        });
    }

    private static void printCounts(PrintWriter out, ValidationSummary s) {
        out.printf("Rows: %d   valid: %d   with errors: %d   with warnings: %d%n", s.rows(), s.valid(),
                s.withErrors(), s.withWarnings());
        out.printf("Scores: completeness %.1f   validity %.1f   uniqueness %.1f   overall %.1f%n",
                s.scores().completeness(), s.scores().validity(), s.scores().uniqueness(), s.scores().overall());
    }

    private static void printByRule(PrintWriter out, ValidationSummary s) {
        if (!s.byRule().isEmpty()) {
            out.println();
            TextTable byRule = new TextTable("RULE", "FINDINGS");
            for (Map.Entry<String, Long> e : s.byRule().entrySet()) {
                byRule.add(e.getKey(), String.valueOf(e.getValue()));
            }
            byRule.print(out);
        }
    }

    private void printSummary(PrintWriter out, ValidateFile.Outcome outcome, List<Finding> first, long total) {
        var about = outcome.about();
        ValidationSummary s = outcome.summary();
        String sheet = outcome.format() == SourceFormat.CSV ? "" : ", sheet '" + about.sheet() + "'";
        out.printf("%s (%s%s, header row %d) -> %s, profile '%s'%n", file.getFileName(), about.format(), sheet,
                about.headerRow(), about.table(), about.profileName());
        printCounts(out, s);
        outcome.unmapped().sentences().forEach(out::println);
        if (outcome.returned().sentence() != null) {
            out.println(outcome.returned().sentence());
        }
        printGates(out, outcome.gates());
        if (!outcome.issues().isEmpty()) {
            out.println();
            out.println("About the file:");
            outcome.issues().forEach(i -> out.println("  - " + i.message()));
        }
        if (!s.byRule().isEmpty()) {
            printByRule(out, s);
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
