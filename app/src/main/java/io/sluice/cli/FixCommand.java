package io.sluice.cli;

import io.sluice.core.Progress;
import io.sluice.core.cleaning.Replacement;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.WorkbookValueMaps;
import io.sluice.core.review.FixOutcome;
import io.sluice.core.review.FixPreview;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.ValueFix;
import io.sluice.core.usecase.AcceptSuggestions;
import io.sluice.core.usecase.FixValues;
import io.sluice.core.usecase.OpenReview;
import io.sluice.core.usecase.OpenWorkbookReview;
import io.sluice.core.usecase.ValidateWorkbookReview;
import io.sluice.core.usecase.RememberFixes;
import io.sluice.core.usecase.SuggestCorrections;
import picocli.CommandLine.ArgGroup;
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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code sluice fix REVIEW --column HEADER ...}: fixes the values of one column of a review as one undoable step (the
 * raw cells stay), or saves the review's value replacements into a profile with {@code --remember-in}.
 */
@Command(name = "fix", mixinStandardHelpOptions = true,
        description = {"Fix the values of one column of a review as one step: replace values, find and replace,"
                + " set, blank, trim, collapse spaces, change case. The changed rows are validated again; the raw"
                + " cells stay, and 'sluice decide REVIEW --undo' undoes the fix.",
                "With --accept-suggestions MIN, accept the best suggestion of every bad value scoring MIN or more"
                        + " (see 'sluice fixes').",
                "With --remember-in, save the review's value replacements into a profile as map transforms instead"
                        + " (of a workbook review: into its profile onto several tables, every sheet's or, with"
                        + " --sheet, one sheet's).",
                "FILTER (--where): " + RowFilterSyntax.SYNTAX + ".",
                RowFilterSyntax.VALUE_SYNTAX, RowFilterSyntax.COMBINING})
final class FixCommand implements Callable<Integer> {

    private static final int EXAMPLES = 5;

    @Parameters(index = "0", paramLabel = "REVIEW.sluice", description = "A review saved by 'validate --review'.")
    Path file;

    @Option(names = "--column", paramLabel = "HEADER", description = "The column to fix, by its header.")
    String column;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--replace", paramLabel = "OLD=NEW",
                description = "Replace the value OLD (the whole cell, exactly) by NEW; repeat for more pairs, all one"
                        + " step. An empty NEW blanks the value out. Write \\= for an = inside OLD.")
        List<String> replace;

        @Option(names = "--find", paramLabel = "TEXT=NEW",
                description = "Replace the text TEXT wherever it occurs in a cell (the whole cell with --whole-cell).")
        String find;

        @Option(names = "--regex", paramLabel = "PATTERN=REPLACEMENT",
                description = "Replace matches of a regular expression (Java syntax); $1 in the replacement is the"
                        + " first group. Within the cell, or only cells it matches entirely with --whole-cell.")
        String regex;

        @Option(names = "--set", paramLabel = "VALUE", description = "Set every cell (of the --where rows) to VALUE.")
        String set;

        @Option(names = "--blank", description = "Empty every cell (of the --where rows).")
        boolean blank;

        @Option(names = "--trim", description = "Remove spaces from both ends of each value.")
        boolean trim;

        @Option(names = "--collapse-spaces", description = "Turn each run of spaces within a value into one space.")
        boolean collapseSpaces;

        @Option(names = "--case", paramLabel = "upper|lower|title", description = "Change the case of each value.")
        ValueFix.TextCase textCase;

        @Option(names = "--accept-suggestions", paramLabel = "MIN",
                description = "Accept the best suggestion ('sluice fixes') of every bad value scoring MIN (0-100) or"
                        + " more: one step per column, over every row holding the value; only on --column if given.")
        Integer acceptSuggestions;

        @Option(names = "--remember-in", paramLabel = "PROFILE.json",
                description = "Save the review's value replacements (not undone) into this profile as map"
                        + " transforms of their columns, merged with any there; the rest of the profile stays.")
        Path rememberIn;
    }

    @Option(names = "--where", paramLabel = "FILTER", description = "Fix only the rows the filter matches.")
    String where;

    @Option(names = "--whole-cell", description = "With --find or --regex: change only cells matched entirely.")
    boolean wholeCell;

    @Option(names = "--dry-run", description = "Show how many cells would change, with examples; write nothing.")
    boolean dryRun;

    @Option(names = "--sheet", paramLabel = "SHEET",
            description = "For the review of a workbook onto several tables: the sheet whose column to fix (with"
                    + " --remember-in: whose replacements to save).")
    String sheet;

    @Mixin
    TargetOptionsMixin target;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        checkCombination();
        ValueFix fix = action.rememberIn == null && action.acceptSuggestions == null ? fix() : null;
        if (ValidateWorkbookReview.isWorkbookReview(file)) {
            return fixWorkbook(fix, out);
        }
        WorkbookSheetOption.refuseOnOneSheet(file, sheet);
        // the review's own target unless another is given; connected only when changed rows are validated again
        try (OpenReview review = OpenReview.open(file, target.url == null ? null : target::open)) {
            if (action.acceptSuggestions != null) {
                acceptSuggestions(review, out);
            } else if (fix == null) {
                remember(review, out);
            } else {
                RowFilter filter = where == null ? RowFilter.all() : RowFilterSyntax.parse(review, where);
                FixValues.Request request = new FixValues.Request(column, filter, fix);
                TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
                if (dryRun) {
                    FixPreview preview = FixValues.preview(review, request, EXAMPLES, progress);
                    progress.clear();
                    printPreview(review, preview, filter, out);
                } else {
                    FixOutcome outcome = FixValues.apply(review, request, progress);
                    progress.clear();
                    printOutcome(review, outcome, filter, out);
                }
            }
        }
        out.flush();
        return SluiceCommand.OK;
    }

    private void checkCombination() {
        if (action.acceptSuggestions != null) {
            if (action.acceptSuggestions < 0 || action.acceptSuggestions > 100) {
                throw new UsageException("--accept-suggestions is a score from 0 to 100, not "
                        + action.acceptSuggestions + ".");
            }
            if (where != null || wholeCell) {
                throw new UsageException("--accept-suggestions fixes every row holding a bad value; it takes no"
                        + " --where or --whole-cell.");
            }
            return;
        }
        if (action.rememberIn != null) {
            if (column != null || where != null || wholeCell || dryRun) {
                throw new UsageException("--remember-in saves the replacements the review already holds; it takes"
                        + " no --column, --where, --whole-cell or --dry-run.");
            }
            return;
        }
        if (column == null) {
            throw new UsageException("A fix needs the column to fix: add --column HEADER.");
        }
        if (wholeCell && action.find == null && action.regex == null) {
            throw new UsageException("--whole-cell goes with --find or --regex; --replace always matches the whole"
                    + " cell.");
        }
    }

    private ValueFix fix() {
        if (action.replace != null) {
            Map<String, String> pairs = new LinkedHashMap<>();
            for (String pair : action.replace) {
                String[] parts = split(pair, "--replace", "OLD=NEW");
                String earlier = pairs.put(parts[0], parts[1]);
                if (earlier != null && !earlier.equals(parts[1])) {
                    throw new UsageException("--replace gives two new values for '" + parts[0] + "': '" + earlier
                            + "' and '" + parts[1] + "'.");
                }
            }
            return new ValueFix.Replace(pairs);
        }
        if (action.find != null) {
            String[] parts = split(action.find, "--find", "TEXT=NEW");
            return new ValueFix.FindReplace(parts[0], parts[1], false, wholeCell);
        }
        if (action.regex != null) {
            String[] parts = split(action.regex, "--regex", "PATTERN=REPLACEMENT");
            return new ValueFix.FindReplace(parts[0], parts[1], true, wholeCell);
        }
        if (action.set != null) {
            return new ValueFix.SetValue(action.set);
        }
        if (action.blank) {
            return new ValueFix.Blank();
        }
        if (action.trim) {
            return new ValueFix.Trim();
        }
        if (action.collapseSpaces) {
            return new ValueFix.CollapseSpaces();
        }
        return new ValueFix.ChangeCase(action.textCase);
    }

    /** Splits at the first = not written as \=; the left side's \= become =. */
    private static String[] split(String text, String option, String form) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '=') {
                i++;
            } else if (c == '=') {
                String left = text.substring(0, i).replace("\\=", "=");
                if (left.isEmpty() && !option.equals("--replace")) {
                    throw new UsageException(option + " needs something to find before the =, as in " + form + ".");
                }
                return new String[] {left, text.substring(i + 1)};
            }
        }
        throw new UsageException(option + " takes " + form + " (an = between them), not '" + text + "'.");
    }

    private void printPreview(OpenReview review, FixPreview preview, RowFilter filter, PrintWriter out) {
        if (preview.cells() == 0) {
            out.printf("Nothing to change: no value of '%s' in %s would change.%s%n", column, filter.description(),
                    RowFilterSyntax.noRow(review, filter, 0));
            return;
        }
        out.printf("Would change %,d cell(s) of '%s' (dry run: nothing written):%n", preview.cells(), column);
        for (FixPreview.Example example : preview.examples()) {
            out.printf("  row %d: '%s' -> '%s'%n", example.row(), example.before(), example.after());
        }
    }

    private void printOutcome(OpenReview review, FixOutcome outcome, RowFilter filter, PrintWriter out) {
        if (!outcome.recorded()) {
            out.printf("Nothing to change: no value of '%s' in %s changes, so no step was recorded.%s%n", column,
                    filter.description(), RowFilterSyntax.noRow(review, filter, 0));
            return;
        }
        out.printf("Changed %,d cell(s): %s. Undo with: sluice decide %s --undo%n", outcome.cells(),
                outcome.description(), file);
        review.revalidationProblem().ifPresent(problem -> out.println(problem + " Next: sluice validate --review "
                + file + " --profile PROFILE.json"));
    }

    private void acceptSuggestions(OpenReview review, PrintWriter out) {
        Supplier<TargetDatabase> other = target.url == null ? null : target::open;
        acceptSuggestions(() -> SuggestCorrections.run(file, other, column).plan(action.acceptSuggestions),
                progress -> AcceptSuggestions.run(review, other, column, action.acceptSuggestions, progress),
                "sluice decide " + file + " --undo", review, out);
    }

    /** Accepts the suggestions (or lists them, with --dry-run) on one sheet or one workbook review's sheet. */
    private void acceptSuggestions(Supplier<List<Replacement>> planned,
                                   Function<Progress, AcceptSuggestions.Result> accept, String undo,
                                   OpenReview review, PrintWriter out) {
        int min = action.acceptSuggestions;
        String scope = column == null ? "" : " of '" + column + "'";
        if (dryRun) {
            List<Replacement> plan = planned.get();
            if (plan.isEmpty()) {
                out.printf("Nothing to accept: no suggestion%s scores %d or more.%n", scope, min);
                return;
            }
            out.printf("Would accept %d suggestion(s)%s scoring %d or more (dry run: nothing written):%n",
                    plan.size(), scope, min);
            plan.forEach(r -> out.printf("  %s: '%s' -> '%s' (%,d row(s))%n", r.column(), r.oldValue(),
                    r.newValue(), r.rows()));
            return;
        }
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        AcceptSuggestions.Result result = accept.apply(progress);
        progress.clear();
        if (result.accepted().isEmpty()) {
            out.printf("Nothing to accept: no suggestion%s scores %d or more.%n", scope, min);
            return;
        }
        result.accepted().forEach(r -> out.printf("  %s: '%s' -> '%s' (%,d row(s))%n", r.column(), r.oldValue(),
                r.newValue(), r.rows()));
        out.printf("Accepted %d suggestion(s): %,d cell(s) changed in %d step(s). Undo each with: %s%n",
                result.accepted().size(), result.cells(), result.fixes().size(), undo);
        review.revalidationProblem().ifPresent(problem -> out.println(problem + " Next: sluice validate --review "
                + file + " --profile PROFILE.json"));
    }

    private void remember(OpenReview review, PrintWriter out) {
        RememberFixes.Result result = RememberFixes.run(review, action.rememberIn);
        if (result.replacements() == 0) {
            out.printf("Nothing to remember: %s holds no value replacements; %s is unchanged.%n",
                    file.getFileName(), action.rememberIn);
            return;
        }
        if (!result.columns().isEmpty()) {
            out.printf("Saved the replacements of %s into %s: map transforms now hold %d value(s).%n",
                    quoted(result.columns()), action.rememberIn, result.entries());
        }
        if (!result.unmapped().isEmpty()) {
            out.printf("Not saved for %s: no column mapping of %s reads %s alone.%n", quoted(result.unmapped()),
                    action.rememberIn, result.unmapped().size() == 1 ? "it" : "them");
        }
    }

    private static String quoted(List<String> columns) {
        return String.join(", ", columns.stream().map(c -> "'" + c + "'").toList());
    }

    /**
     * A fix of one column of one sheet of a workbook review; the fixed rows are validated again in every table their
     * sheet feeds and the references between the sheets are checked again.
     */
    private int fixWorkbook(ValueFix fix, PrintWriter out) {
        try (OpenWorkbookReview review = OpenWorkbookReview.open(file, target.url == null ? null : target::open)) {
            if (action.rememberIn != null) {
                rememberWorkbook(review, out);
                out.flush();
                return SluiceCommand.OK;
            }
            if (action.acceptSuggestions != null) {
                OpenReview member = WorkbookSheetOption.sheet(review, sheet, "Accepting suggestions");
                String name = member.review().info().sheet();
                acceptSuggestions(() -> SuggestCorrections.run(review, name, column).plan(action.acceptSuggestions),
                        progress -> AcceptSuggestions.run(review, name, column, action.acceptSuggestions, progress),
                        "sluice decide " + file + " --sheet " + name + " --undo", member, out);
                out.flush();
                return SluiceCommand.OK;
            }
            if (sheet == null) {
                throw new UsageException("A fix on the review of a workbook needs --sheet SHEET, the sheet whose"
                        + " column to fix (sheets: " + String.join(", ", review.sheets()) + ").");
            }
            OpenReview member = review.sheet(sheet);
            String name = member.review().info().sheet();
            RowFilter filter = where == null ? RowFilter.all() : RowFilterSyntax.parse(member, where);
            FixValues.Request request = new FixValues.Request(column, filter, fix);
            TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
            if (dryRun) {
                FixPreview preview = review.previewFix(name, request, EXAMPLES, progress);
                progress.clear();
                printPreview(member, preview, filter, out);
            } else {
                FixOutcome outcome = review.fix(name, request, progress);
                progress.clear();
                if (!outcome.recorded()) {
                    out.printf("Nothing to change: no value of '%s' in %s of sheet %s changes, so no step was"
                            + " recorded.%s%n", column, filter.description(), name,
                            RowFilterSyntax.noRow(member, filter, 0));
                } else {
                    out.printf("Changed %,d cell(s) of sheet %s: %s. Undo with: sluice decide %s --sheet %s"
                            + " --undo%n", outcome.cells(), name, outcome.description(), file, name);
                }
            }
        }
        out.flush();
        return SluiceCommand.OK;
    }

    /** Saves the replacements of the sheet, or of every sheet without --sheet, into the profile onto several tables. */
    private void rememberWorkbook(OpenWorkbookReview review, PrintWriter out) {
        RememberFixes.WorkbookResult result = RememberFixes.run(review, sheet, action.rememberIn);
        if (result.replacements() == 0) {
            String where = sheet == null ? file.getFileName() + " holds no value replacements on any sheet"
                    : "sheet " + review.sheet(sheet).review().info().sheet() + " of " + file.getFileName()
                            + " holds no value replacements";
            out.printf("Nothing to remember: %s; %s is unchanged.%n", where, action.rememberIn);
            return;
        }
        for (WorkbookValueMaps.Saved saved : result.outcome().saved()) {
            out.printf("Saved the replacements of sheet %s, column '%s' into %s: the map transforms of %s now hold"
                    + " %d value(s).%n", saved.sheet(), saved.column(), action.rememberIn,
                    String.join(", ", saved.tables()), saved.entries());
        }
        for (WorkbookValueMaps.NotSaved skipped : result.outcome().notSaved()) {
            out.printf("Not saved for sheet %s, column '%s': %s.%n", skipped.sheet(), skipped.column(),
                    skipped.reason());
        }
    }
}
