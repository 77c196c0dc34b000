package io.sluice.cli;

import io.sluice.core.SluiceException;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.ProfileProblem;
import io.sluice.core.profile.ProfileValidator;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.rules.RuleSet;
import io.sluice.core.usecase.ApplyRule;
import io.sluice.core.usecase.OpenReview;
import io.sluice.core.usecase.OpenWorkbookReview;
import io.sluice.core.usecase.RulePreview;
import io.sluice.core.usecase.ValidateReview;
import io.sluice.core.usecase.WorkbookRules;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review side of {@code sluice rules}: tries a rule on a review's rows ("would flag N of M rows" with the first
 * examples), applies it to the review or removes one, and writes the review's profile with the change to a file.
 */
final class RuleTrialOutput {

    private final CommandSpec spec;
    private final TargetOptionsMixin target;
    private final OutputFormat format;
    private final PrintWriter out;

    RuleTrialOutput(CommandSpec spec, TargetOptionsMixin target, OutputFormat format) {
        this.spec = spec;
        this.target = target;
        this.format = format;
        this.out = spec.commandLine().getOut();
    }

    /** The profile a review records; refused in one sentence for a review only loaded. */
    static Profile recordedProfile(Path review) {
        Profile profile = ValidateReview.recordedProfile(review);
        if (profile == null) {
            throw SluiceException.input(review.getFileName() + " records no mapping profile yet; validate it with"
                    + " 'sluice validate --review " + review + " --profile P.json' first.");
        }
        return profile;
    }

    int run(Path review, String json, Path file, String remove, boolean apply, Path saveTo) {
        if (remove != null) {
            try (OpenReview open = open(review)) {
                TerminalProgress progress = progress();
                ApplyRule.Outcome outcome = ApplyRule.remove(open, remove, progress);
                progress.clear();
                if (format == OutputFormat.json) {
                    print(review, "", outcome, open.review().rowCount());
                } else {
                    out.printf("Removed rule '%s' from %s: %,d %s no longer in error, %,d now in error.%n",
                            outcome.ruleId(), review.getFileName(), outcome.rowsNoLongerInError(),
                            outcome.rowsNoLongerInError() == 1 ? "row" : "rows", outcome.rowsNowInError());
                    out.println("'sluice decide " + review + " --undo' takes it back.");
                }
                save(open.profile().orElseThrow(), saveTo);
            }
            out.flush();
            return SluiceCommand.OK;
        }
        RuleSpec rule = json != null ? ProfileIO.ruleFromJson(json, "--try") : ProfileIO.ruleFromJson(read(file),
                file.toString());
        if (apply) {
            try (OpenReview open = open(review)) {
                TerminalProgress progress = progress();
                ApplyRule.Outcome outcome = ApplyRule.apply(open, rule, progress);
                progress.clear();
                print(review, "Applied rule '" + outcome.ruleId() + "' to " + review.getFileName() + ": ", outcome,
                        open.review().rowCount());
                save(open.profile().orElseThrow(), saveTo);
            }
        } else {
            RulePreview.Outcome preview;
            try (TargetDatabase db = target.open()) {
                TerminalProgress progress = progress();
                preview = RulePreview.full(new RulePreview.Request(review, rule, RulesCommand.EXAMPLES), db,
                        progress);
                progress.clear();
            }
            print(preview);
            if (saveTo != null) {
                save(withRule(recordedProfile(review), rule), saveTo);
            }
        }
        out.flush();
        return SluiceCommand.OK;
    }

    /**
     * As {@link #run}, on one table of one sheet of a workbook review: the rule runs on the sheet's rows as they are
     * now; applying or removing it is one step of the sheet, and the references of every sheet are checked again.
     */
    int runOnSheet(Path review, String sheet, String table, String json, Path file, String remove, boolean apply,
                   Path saveTo) {
        if (saveTo != null && remove == null && !apply) {
            throw new UsageException("--save-to on the review of a workbook goes with --apply or --remove: it writes"
                    + " the review's profile as the step leaves it.");
        }
        try (OpenWorkbookReview workbook = OpenWorkbookReview.open(review, target.url == null ? null
                : target::open)) {
            OpenReview member = WorkbookSheetOption.sheet(workbook, sheet, "A rule");
            String name = member.review().info().sheet();
            String undo = "'sluice decide " + review + " --sheet " + name + " --undo' takes it back.";
            TerminalProgress progress = progress();
            if (remove != null) {
                ApplyRule.Outcome outcome = WorkbookRules.remove(workbook, name, table, remove, progress);
                progress.clear();
                if (format == OutputFormat.json) {
                    print(review, "", outcome, member.review().rowCount());
                } else {
                    out.printf("Removed rule '%s' from sheet %s of %s: %,d %s no longer in error, %,d now in"
                            + " error.%n", outcome.ruleId(), name, review.getFileName(),
                            outcome.rowsNoLongerInError(), outcome.rowsNoLongerInError() == 1 ? "row" : "rows",
                            outcome.rowsNowInError());
                    out.println(undo);
                }
                save(workbook.profile(), saveTo);
            } else {
                RuleSpec rule = json != null ? ProfileIO.ruleFromJson(json, "--try")
                        : ProfileIO.ruleFromJson(read(file), file.toString());
                if (apply) {
                    ApplyRule.Outcome outcome = WorkbookRules.apply(workbook, name, table, rule, progress);
                    progress.clear();
                    print(review, "Applied rule '" + outcome.ruleId() + "' to sheet " + name + " of "
                            + review.getFileName() + ": ", outcome, member.review().rowCount(), undo);
                    save(workbook.profile(), saveTo);
                } else {
                    RulePreview.Outcome preview = WorkbookRules.preview(workbook, name, table, rule,
                            RulesCommand.EXAMPLES, progress);
                    progress.clear();
                    print(preview);
                }
            }
        }
        out.flush();
        return SluiceCommand.OK;
    }

    private OpenReview open(Path review) {
        recordedProfile(review);
        // the review's own target unless another is given
        return OpenReview.open(review, target.url == null ? null : target::open);
    }

    private TerminalProgress progress() {
        return new TerminalProgress(spec.commandLine().getErr());
    }

    private void print(RulePreview.Outcome preview) {
        if (format == OutputFormat.json) {
            out.println(Json.write(preview));
            return;
        }
        out.printf("Rule '%s' would flag %,d of %,d rows (%,d %s).%n", preview.ruleId(), preview.flaggedRows(),
                preview.rowsInReview(), preview.findings(), preview.findings() == 1 ? "finding" : "findings");
        if (!preview.examples().isEmpty()) {
            out.println();
            TextTable table = new TextTable("ROW", "CELL", "VALUE", "MESSAGE");
            for (RulePreview.Example e : preview.examples()) {
                table.add(String.valueOf(e.row()), e.cell() == null ? "" : e.cell(),
                        e.value() == null ? "" : e.value(), e.message());
            }
            table.print(out);
            out.println();
            out.println("Apply it to the review with --apply; save it into a profile with --save-to P.json.");
        }
    }

    private void print(Path review, String what, ApplyRule.Outcome outcome, long rows) {
        print(review, what, outcome, rows, "'sluice decide " + review + " --undo' takes it back.");
    }

    private void print(Path review, String what, ApplyRule.Outcome outcome, long rows, String undo) {
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("rule", outcome.ruleId());
            json.put("findings", outcome.findings());
            json.put("flaggedRows", outcome.flaggedRows());
            json.put("rows", rows);
            json.put("rowsNowInError", outcome.rowsNowInError());
            json.put("rowsNoLongerInError", outcome.rowsNoLongerInError());
            out.println(Json.write(json));
            return;
        }
        out.printf("%sit flags %,d of %,d rows (%,d %s); %,d %s now in error, %,d no longer in error.%n", what,
                outcome.flaggedRows(), rows, outcome.findings(), outcome.findings() == 1 ? "finding" : "findings",
                outcome.rowsNowInError(), outcome.rowsNowInError() == 1 ? "row" : "rows",
                outcome.rowsNoLongerInError());
        out.println(undo);
    }

    private void save(Profile profile, Path file) {
        if (file == null) {
            return;
        }
        ProfileIO.write(profile, file);
        if (format != OutputFormat.json) {
            int rules = profile.rules().size() + profile.tables().stream().mapToInt(t -> t.rules().size()).sum();
            out.println("Saved profile '" + profile.name() + "' with " + rules + " rules of its own to " + file
                    + ".");
        }
    }

    /** The profile with the rule added, or replacing its rule of the same id; refused when it cannot run. */
    private static Profile withRule(Profile profile, RuleSpec rule) {
        String id = RuleSet.idOf(rule);
        List<RuleSpec> rules = new ArrayList<>();
        boolean replaced = false;
        for (RuleSpec r : profile.rules()) {
            boolean same = RuleSet.idOf(r).equalsIgnoreCase(id);
            rules.add(same ? rule : r);
            replaced |= same;
        }
        if (!replaced) {
            rules.add(rule);
        }
        Profile changed = profile.withRules(rules);
        ProfileProblem problem = ProfileValidator.firstProblem(changed);
        if (problem != null) {
            throw SluiceException.input("The rule cannot run: " + problem.message() + ".");
        }
        return changed;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw SluiceException.input("Rule file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw SluiceException.input("Rule file " + file + " cannot be read: " + e.getMessage() + ".", e);
        }
    }
}
