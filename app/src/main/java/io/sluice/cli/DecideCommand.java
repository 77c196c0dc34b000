package io.sluice.cli;

import io.sluice.core.review.ReviewSession;
import io.sluice.core.review.RowFilter;
import io.sluice.core.rules.Finding;
import io.sluice.core.usecase.OpenReview;
import io.sluice.core.usecase.OpenWorkbookReview;
import io.sluice.core.usecase.ValidateWorkbookReview;
import io.sluice.core.review.DecisionCounts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code sluice decide REVIEW}: the steward's decisions from the command line — approve or reject rows (one, a
 * selection, or all that a filter matches), fix a cell, undo and redo. Every action is saved in the review at once.
 */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = {"Approve or reject rows of a review, fix cells, undo and redo; each action is saved at once,"
                + " with who and when, in the review's audit log.",
                "FILTER: " + RowFilterSyntax.SYNTAX + ".",
                RowFilterSyntax.VALUE_SYNTAX, RowFilterSyntax.COMBINING})
final class DecideCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "REVIEW.sluice", description = "A review saved by 'validate --review'.")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--approve", paramLabel = "FILTER", description = "Approve the rows the filter matches.")
        String approve;

        @Option(names = "--reject", paramLabel = "FILTER", description = "Reject the rows (needs --reason).")
        String reject;

        @Option(names = "--clear", paramLabel = "FILTER", description = "Take the decision back: pending again.")
        String clear;

        @Option(names = "--edit", paramLabel = "ROW:HEADER=TEXT",
                description = "Set a cell, e.g. '17:Cement (kg/m3)=350'; the row is validated again at once.")
        String edit;

        @Option(names = "--undo", description = "Undo the last action.")
        boolean undo;

        @Option(names = "--redo", description = "Redo the last undone action.")
        boolean redo;
    }

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the rows are rejected.")
    String reason;

    @Option(names = "--sheet", paramLabel = "SHEET",
            description = "For the review of a workbook onto several tables: act on this sheet (without it, a"
                    + " decision applies its filter to every sheet; --edit, --undo and --redo need it).")
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
        if (reason != null && action.reject == null) {
            // only a rejection records a reason; accepting one anywhere else would drop the steward's words unsaid
            throw new UsageException("--reason goes with --reject only: no reason is recorded for the other actions.");
        }
        if (ValidateWorkbookReview.isWorkbookReview(file)) {
            return decideWorkbook(out);
        }
        WorkbookSheetOption.refuseOnOneSheet(file, sheet);
        // the review's own target unless another is given; connected only when an edited row is validated again
        try (OpenReview review = OpenReview.open(file, target.url == null ? null : target::open)) {
            ReviewSession session = review.session();
            if (action.edit != null) {
                edit(review, out);
            } else {
                decide(review, out);
            }
            // the change stands even where the target could not be reached to check what it means for other rows
            session.notice().ifPresent(out::println);
            DecisionCounts counts = session.counts();
            out.printf("%s: %d approved, %d rejected, %d pending.%n", file.getFileName(), counts.approved(),
                    counts.rejected(), counts.pending());
        }
        out.flush();
        return SluiceCommand.OK;
    }

    private void decide(OpenReview review, PrintWriter out) {
        ReviewSession session = review.session();
        if (action.undo || action.redo) {
            String what = (action.undo ? session.undoDescription() : session.redoDescription()).orElse(null);
            if (what == null || !(action.undo ? session.undo() : session.redo())) {
                out.println("Nothing to " + (action.undo ? "undo." : "redo."));
            } else {
                out.println((action.undo ? "Undone: " : "Redone: ") + what + ".");
            }
        } else if (action.approve != null) {
            RowFilter filter = RowFilterSyntax.parse(review, action.approve);
            int rows = session.approveAll(filter);
            out.println("Approved " + rows + " row(s)." + RowFilterSyntax.noRow(review, filter, rows));
        } else if (action.reject != null) {
            if (reason == null || reason.isBlank()) {
                throw new UsageException("Rejecting rows needs --reason: the data owner will want to know why.");
            }
            RowFilter filter = RowFilterSyntax.parse(review, action.reject);
            int rows = session.rejectAll(filter, reason);
            out.println("Rejected " + rows + " row(s)." + RowFilterSyntax.noRow(review, filter, rows));
        } else {
            RowFilter filter = RowFilterSyntax.parse(review, action.clear);
            int rows = session.clearAll(filter);
            out.println("Cleared " + rows + " decision(s)." + RowFilterSyntax.noRow(review, filter, rows));
        }
    }

    private void edit(OpenReview review, PrintWriter out) {
        int colon = action.edit.indexOf(':');
        int equals = action.edit.indexOf('=', colon + 1);
        if (colon < 1 || equals < 0) {
            throw new UsageException("--edit takes ROW:HEADER=TEXT, e.g. '17:Cement (kg/m3)=350'.");
        }
        long row = RowFilterSyntax.parseRow(action.edit.substring(0, colon));
        String header = action.edit.substring(colon + 1, equals);
        int column = review.columns().indexOf(header);
        if (column < 0) {
            throw new UsageException(file.getFileName() + " has no column '" + header + "' (columns: "
                    + String.join(", ", review.columns()) + ").");
        }
        review.rows(List.of(row));
        List<Finding> findings = review.session().edit(row, column, action.edit.substring(equals + 1));
        String problem = review.revalidationProblem().orElse(null);
        if (problem != null) {
            out.printf("Row %d, %s set. %s Next: sluice validate --review %s --profile PROFILE.json%n", row,
                    header, problem, file);
        } else {
            out.printf("Row %d, %s set. %s%n", row, header, findings.isEmpty() ? "The row has no findings now."
                    : "Findings now: " + findings.stream().map(Finding::message).collect(Collectors.joining(" ")));
        }
    }

    /**
     * The same actions on a workbook review: a decision on one sheet or, without --sheet, its filter on every sheet
     * (built for each first, so a filter a sheet cannot take changes nothing); edits, undo and redo on one sheet.
     * Every change re-checks the references between the sheets.
     */
    private int decideWorkbook(PrintWriter out) {
        try (OpenWorkbookReview review = OpenWorkbookReview.open(file, target.url == null ? null : target::open)) {
            Map<String, Long> errorsBefore = rowsWithErrors(review);
            if (action.edit != null || action.undo || action.redo) {
                if (sheet == null) {
                    throw new UsageException((action.edit != null ? "--edit" : action.undo ? "--undo" : "--redo")
                            + " on the review of a workbook needs --sheet SHEET, as each sheet keeps its own rows and"
                            + " history (sheets: " + String.join(", ", review.sheets()) + ").");
                }
                if (action.edit != null) {
                    editWorkbook(review, out);
                } else {
                    String name = review.sheet(sheet).review().info().sheet();
                    var session = review.sheet(name).session();
                    String what = (action.undo ? session.undoDescription() : session.redoDescription()).orElse(null);
                    if (what == null || !(action.undo ? review.undo(name) : review.redo(name))) {
                        out.println("Nothing to " + (action.undo ? "undo" : "redo") + " in sheet " + name + ".");
                    } else {
                        out.println((action.undo ? "Undone" : "Redone") + " in sheet " + name + ": " + what + ".");
                    }
                }
            } else {
                Map<String, Integer> changed;
                String verb;
                if (action.approve != null) {
                    changed = review.approveAll(sheet, m -> RowFilterSyntax.parse(m, action.approve));
                    verb = "Approved %d row(s)";
                } else if (action.reject != null) {
                    if (reason == null || reason.isBlank()) {
                        throw new UsageException("Rejecting rows needs --reason: the data owner will want to know"
                                + " why.");
                    }
                    changed = review.rejectAll(sheet, m -> RowFilterSyntax.parse(m, action.reject), reason);
                    verb = "Rejected %d row(s)";
                } else {
                    changed = review.clearAll(sheet, m -> RowFilterSyntax.parse(m, action.clear));
                    verb = "Cleared %d decision(s)";
                }
                String text = action.approve != null ? action.approve : action.reject != null ? action.reject
                        : action.clear;
                changed.forEach((name, rows) -> out.println(String.format(verb, rows) + " in sheet " + name + "."
                        + RowFilterSyntax.noRow(review.sheet(name), RowFilterSyntax.parse(review.sheet(name), text),
                        rows)));
            }
            // the change stands even where the target could not be reached to check the references again
            review.notice().ifPresent(out::println);
            // a change in one sheet can settle or break the references of rows in another: say where it did
            rowsWithErrors(review).forEach((name, now) -> {
                long before = errorsBefore.getOrDefault(name, now);
                if (before != now) {
                    out.printf("Sheet %s: rows with errors %d -> %d.%n", name, before, now);
                }
            });
            review.counts().forEach((name, counts) -> out.printf("%s, sheet %s: %d approved, %d rejected, %d"
                    + " pending.%n", file.getFileName(), name, counts.approved(), counts.rejected(),
                    counts.pending()));
        }
        out.flush();
        return SluiceCommand.OK;
    }

    /** Rows with an error finding, by sheet, parents' sheets first. */
    private static Map<String, Long> rowsWithErrors(OpenWorkbookReview review) {
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        for (String name : review.sheets()) {
            rows.put(name, review.sheet(name).review().counts().rowsWithErrors());
        }
        return rows;
    }

    private void editWorkbook(OpenWorkbookReview review, PrintWriter out) {
        int colon = action.edit.indexOf(':');
        int equals = action.edit.indexOf('=', colon + 1);
        if (colon < 1 || equals < 0) {
            throw new UsageException("--edit takes ROW:HEADER=TEXT, e.g. '17:Cement (kg/m3)=350'.");
        }
        long row = RowFilterSyntax.parseRow(action.edit.substring(0, colon));
        String header = action.edit.substring(colon + 1, equals);
        OpenReview member = review.sheet(sheet);
        int column = member.columnIndex(header);
        member.rows(List.of(row));
        String name = member.review().info().sheet();
        List<Finding> findings = review.edit(name, row, column, action.edit.substring(equals + 1));
        out.printf("Sheet %s, row %d, %s set. %s%n", name, row, header, findings.isEmpty()
                ? "The row has no findings now."
                : "Findings now: " + findings.stream().map(Finding::message).collect(Collectors.joining(" ")));
    }
}
