package io.sluice.cli;

import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.rules.RuleInfo;
import io.sluice.core.usecase.RulesInForce;
import io.sluice.core.usecase.ValidateWorkbookReview;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sluice rules --profile P}: every rule that will run for the profile against its target table;
 * {@code sluice rules --review R --try RULE}: what a rule would flag in a review, applied with {@code --apply}, saved
 * into a profile with {@code --save-to}.
 */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"List every rule that will run for a profile against its target table, without reading a "
                + "file: those derived from the table (required, type, length, precision, unique keys, foreign "
                + "keys, each CHECK by name; read-only) and those written in the profile (editable). A profile"
                + " onto several tables lists one table's (--table).",
                "With --review: list the rules of the review's profile, try a rule on the review's rows (--try or "
                        + "--try-file), apply it to the review as one undoable step (--apply), remove one "
                        + "(--remove), and write the review's profile with the rule into a file (--save-to).",
                "On the review of a workbook onto several tables, name the sheet (--sheet) and, when it feeds"
                        + " several, the table (--table) the rule is on; undo it with 'sluice decide REVIEW --sheet"
                        + " SHEET --undo'.",
                "Exit codes: 0 = done, 2 = usage error, unreadable profile, broken rule JSON or a broken rule "
                        + "(named), 3 = target database problem."})
final class RulesCommand implements Callable<Integer> {

    /** How many of the rows a tried rule flags are shown. */
    static final int EXAMPLES = 5;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--profile", required = true, paramLabel = "PROFILE.json", description = "Mapping profile.")
        Path profilePath;

        @Option(names = "--review", required = true, paramLabel = "REVIEW.sluice",
                description = "A validated review: its profile's rules, or the rule to try on its rows.")
        Path review;
    }

    @ArgGroup(exclusive = true)
    Trial trial;

    static final class Trial {
        @Option(names = "--try", paramLabel = "RULE_JSON", description = "A rule as written in a profile, e.g. "
                + "'{\"id\": \"cement-cap\", \"type\": \"range\", \"column\": \"cement_kg\", \"max\": 400}'.")
        String json;

        @Option(names = "--try-file", paramLabel = "RULE.json", description = "A file holding such a rule.")
        Path file;

        @Option(names = "--remove", paramLabel = "RULE_ID", description = "Remove this rule of the review's profile "
                + "from the review (one undoable step).")
        String remove;
    }

    @Option(names = "--apply", description = "Apply the tried rule to the review as one undoable step (a rule with "
            + "the same id is replaced); 'sluice decide REVIEW --undo' takes it back.")
    boolean apply;

    @Option(names = "--save-to", paramLabel = "PROFILE.json", description = "Write the review's profile with the "
            + "tried rule added (or without the removed one) to this file.")
    Path saveTo;

    @Option(names = "--sheet", paramLabel = "SHEET", description = "With --review of a workbook onto several tables:"
            + " the sheet whose rows the rule runs on.")
    String sheet;

    @Option(names = "--table", paramLabel = "TABLE", description = "With --profile onto several tables: the table"
            + " whose rules are listed. With --sheet: the table (as the profile names it) the rule is on; needed when"
            + " the sheet feeds several.")
    String table;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json", description = "Output format.")
    OutputFormat format;

    @Mixin
    TargetOptionsMixin target;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (trial != null && source.review == null) {
            throw new UsageException("--try, --try-file and --remove need --review REVIEW.sluice: the rule runs on a"
                    + " review's rows.");
        }
        if (trial == null && (apply || saveTo != null)) {
            throw new UsageException("--apply and --save-to need a rule: give --try, --try-file or --remove.");
        }
        boolean workbook = source.review != null && ValidateWorkbookReview.isWorkbookReview(source.review);
        if (source.review == null) {
            if (sheet != null) {
                throw new UsageException("--sheet goes with --review of a workbook onto several tables; with"
                        + " --profile, name the table with --table.");
            }
        } else if (!workbook) {
            if (sheet != null || table != null) {
                throw new UsageException("--sheet and --table go with --review of a workbook onto several tables"
                        + (source.review == null ? "." : "; " + source.review.getFileName() + " is the review of one"
                        + " sheet."));
            }
        } else if (trial == null) {
            throw new UsageException("Rules on the review of a workbook: try one on a sheet's table with --sheet SHEET"
                    + " [--table TABLE] --try RULE_JSON (or --try-file, --remove); each table's rules are in the"
                    + " profile's \"tables\".");
        }
        if (trial != null) {
            if (saveTo != null) {
                ProfileIO.requireReplaceable(saveTo); // before the rule changes the review
            }
            RuleTrialOutput output = new RuleTrialOutput(spec, target, format);
            return workbook ? output.runOnSheet(source.review, sheet, table, trial.json, trial.file, trial.remove,
                    apply, saveTo)
                    : output.run(source.review, trial.json, trial.file, trial.remove, apply, saveTo);
        }
        Profile profile = source.review == null ? ProfileIO.read(source.profilePath)
                : RuleTrialOutput.recordedProfile(source.review);
        if (profile.mapsSeveralTables() && table == null) {
            throw new UsageException("Profile '" + profile.name() + "' maps onto several tables ("
                    + RulesInForce.tableNames(profile) + "): name the one whose rules to list with --table TABLE.");
        }
        if (table != null) {
            // refused in one sentence for a profile onto one table, as --table is on the review of one sheet
            RulesInForce.part(profile, table);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TargetDatabase db = target.open()) {
            RulesInForce.Listing listing = table == null ? RulesInForce.list(profile, db)
                    : RulesInForce.listTable(profile, table, db);
            if (format == OutputFormat.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("profile", listing.profileName());
                json.put("table", listing.table());
                json.put("rules", listing.rules().stream().map(RulesCommand::json).toList());
                json.put("notes", listing.notes());
                out.println(Json.write(json));
            } else {
                out.printf("%d rules run for profile '%s' against %s:%n%n", listing.rules().size(),
                        listing.profileName(), listing.table());
                TextTable table = new TextTable("RULE", "KIND", "COLUMNS", "SEVERITY", "ORIGIN", "CHECKS");
                for (RuleInfo r : listing.rules()) {
                    table.add(r.id(), r.kind(), String.join(", ", r.columns()), r.severity().label(),
                            r.origin() == RuleInfo.Origin.TARGET ? "target" : "profile", r.description());
                }
                table.print(out);
                out.println();
                for (String note : listing.notes()) {
                    out.println(note);
                }
                if (!listing.notes().isEmpty()) {
                    out.println();
                }
                out.println(table == null
                        ? "Rules from the target follow its constraints; change the profile's own in its \"rules\"."
                        : "Rules from the target follow its constraints; change the profile's own in the \"rules\""
                        + " of table " + listing.table() + " in its \"tables\".");
            }
        }
        out.flush();
        return SluiceCommand.OK;
    }

    private static Map<String, Object> json(RuleInfo r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", r.id());
        json.put("kind", r.kind());
        json.put("columns", List.copyOf(r.columns()));
        json.put("severity", r.severity().label());
        json.put("description", r.description());
        json.put("origin", r.origin().code());
        json.put("editable", r.editable());
        if (r.profileIndex() >= 0) {
            json.put("profileIndex", r.profileIndex());
        }
        return json;
    }
}
