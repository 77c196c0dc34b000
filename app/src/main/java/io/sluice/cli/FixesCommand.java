package io.sluice.cli;

import io.sluice.core.cleaning.Candidate;
import io.sluice.core.cleaning.Correction;
import io.sluice.core.cleaning.Replacement;
import io.sluice.core.usecase.OpenWorkbookReview;
import io.sluice.core.usecase.SuggestCorrections;
import io.sluice.core.usecase.ValidateWorkbookReview;
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
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code sluice fixes REVIEW}: for each bad value whose right value lies in a known set (a foreign key's parent keys,
 * a CHECK IN list, allowed values, a lookup table), the closest valid values, scored and explained. Changes nothing.
 */
@Command(name = "fixes", mixinStandardHelpOptions = true,
        description = {"Suggest valid values for the bad values of a review whose right value lies in a known set: a"
                + " foreign key's parent keys, a CHECK IN list, a profile's allowed values or lookup table.",
                "Each distinct bad value of a column is listed once, with its rows and up to three valid values,"
                        + " each with a score 0-100 and why. Nothing is changed."})
final class FixesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REVIEW.sluice", description = "A review saved by 'validate --review'.")
    Path file;

    @Option(names = "--column", paramLabel = "HEADER", description = "Only the bad values of this source column.")
    String column;

    @Option(names = "--min", paramLabel = "SCORE",
            description = "Only suggestions scoring SCORE (0-100) or more, and list what accepting the best of each"
                    + " would change.")
    Integer min;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format.")
    OutputFormat format;

    @Option(names = "--sheet", paramLabel = "SHEET",
            description = "For the review of a workbook onto several tables: the sheet whose bad values to list.")
    String sheet;

    @Mixin
    TargetOptionsMixin target;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (min != null && (min < 0 || min > 100)) {
            throw new UsageException("--min is a score from 0 to 100, not " + min + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        SuggestCorrections.Outcome outcome;
        String sheetName = null;
        if (ValidateWorkbookReview.isWorkbookReview(file)) {
            try (OpenWorkbookReview review = OpenWorkbookReview.open(file, target.url == null ? null : target::open)) {
                sheetName = WorkbookSheetOption.sheet(review, sheet, "Suggesting corrections").review().info()
                        .sheet();
                outcome = SuggestCorrections.run(review, sheetName, column);
            }
        } else {
            WorkbookSheetOption.refuseOnOneSheet(file, sheet);
            outcome = SuggestCorrections.run(file, target.url == null ? null : target::open, column);
        }
        int floor = min == null ? 0 : min;
        List<Correction> shown = outcome.corrections().stream().map(c -> atLeast(c, floor)).toList();
        List<Replacement> plan = min == null ? List.of() : outcome.plan(min);
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("review", file.toString());
            if (sheetName != null) {
                json.put("sheet", sheetName);
            }
            json.put("profile", outcome.profileName());
            json.put("target", outcome.target());
            json.put("suggestions", shown);
            if (!outcome.fromHeaders().isEmpty()) {
                json.put("referencesFromHeaders", outcome.fromHeaders());
            }
            if (min != null) {
                json.put("minScore", min);
                json.put("plan", plan);
            }
            out.println(Json.write(json));
        } else {
            printText(out, sheetName, outcome, shown, plan);
        }
        out.flush();
        return SluiceCommand.OK;
    }

    private void printText(PrintWriter out, String sheetName, SuggestCorrections.Outcome outcome,
                           List<Correction> shown, List<Replacement> plan) {
        if (!outcome.fromHeaders().isEmpty()) {
            out.println("The reference findings of " + String.join(", ", outcome.fromHeaders().stream()
                    .map(c -> "'" + c + "'").toList()) + " name their parent by the column's header, which no fix of"
                    + " a cell in this sheet mends: fix the parent's row in its sheet, or the profile's value map.");
        }
        if (shown.isEmpty()) {
            out.println("No " + (outcome.fromHeaders().isEmpty() ? "" : "other ") + "finding of "
                    + (sheetName == null ? "" : "sheet " + sheetName + " of ") + file.getFileName()
                    + (column == null ? "" : " in column '" + column + "'")
                    + " is a value missing from a known set, so there is nothing to suggest.");
            return;
        }
        TextTable table = new TextTable("COLUMN", "VALUE", "ROWS", "RULE", "SUGGESTIONS");
        for (Correction c : shown) {
            String suggestions = c.candidates().isEmpty() ? "(nothing close in " + c.known() + ")"
                    : c.candidates().stream().map(FixesCommand::describe).collect(Collectors.joining("; "));
            table.add(c.column(), TextTable.value(c.value()), String.valueOf(c.rows()), c.rule(), suggestions);
        }
        table.print(out);
        if (min != null) {
            out.println();
            if (plan.isEmpty()) {
                out.println("No suggestion scores " + min + " or more without a tie, so accepting them would change"
                        + " nothing.");
                return;
            }
            long rows = plan.stream().mapToLong(Replacement::rows).sum();
            out.printf("Accepting every suggestion scoring %d or more would change %d value(s) in %d row(s):%n", min,
                    plan.size(), rows);
            TextTable changes = new TextTable("COLUMN", "OLD", "NEW", "ROWS");
            for (Replacement r : plan) {
                changes.add(r.column(), r.oldValue(), r.newValue(), String.valueOf(r.rows()));
            }
            changes.print(out);
        }
    }

    /** "NORD (92, one letter missing)". */
    private static String describe(Candidate c) {
        return c.value() + " (" + c.score() + ", " + c.reason() + ")";
    }

    private static Correction atLeast(Correction c, int floor) {
        return floor == 0 ? c : new Correction(c.column(), c.rule(), c.known(), c.value(), c.rows(),
                c.candidates().stream().filter(x -> x.score() >= floor).toList());
    }
}
