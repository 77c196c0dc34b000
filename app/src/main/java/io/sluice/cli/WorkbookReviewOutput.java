package io.sluice.cli;

import io.sluice.core.commit.CommitConflictException;
import io.sluice.core.commit.TableCounts;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.profile.Profile;
import io.sluice.core.review.DecisionCounts;
import io.sluice.core.review.FindingCounts;
import io.sluice.core.review.Review;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.tables.TableFinding;
import io.sluice.core.tables.TablesSummary;
import io.sluice.core.usecase.GatesBlockedException;
import io.sluice.core.usecase.ImportReadiness;
import io.sluice.core.usecase.ImportRows;
import io.sluice.core.usecase.ImportWorkbookReview;
import io.sluice.core.usecase.OpenReview;
import io.sluice.core.usecase.OpenWorkbookReview;
import io.sluice.core.usecase.Target;
import io.sluice.core.usecase.TargetChangedException;
import io.sluice.core.usecase.ValidateWorkbookReview;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.GateStatus;
import io.sluice.core.validate.QualityGates;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@code validate --review}, {@code review}, {@code decide} and {@code import --review} print for a workbook
 * review (the review of a workbook onto several tables, one member review per sheet): counts per sheet and per
 * table, findings with their sheet, and the batch's counts per table.
 */
final class WorkbookReviewOutput {

    private static final int SHOWN_FINDINGS = 20;

    private WorkbookReviewOutput() {
    }

    /** {@code validate FILE --profile P --review R} for a profile onto several tables; returns the exit code. */
    static int stage(Path file, SourceOptions chosen, Profile profile, Path profilePath, Path review,
                     OutputFormat format, TargetDatabase db, PrintWriter out, PrintWriter err) {
        TerminalProgress progress = new TerminalProgress(err);
        List<TableFinding> first = new ArrayList<>();
        ValidateWorkbookReview.Outcome outcome = ValidateWorkbookReview.stage(file, chosen, profile,
                profilePath.toString(), review, db, keepFirst(first), progress);
        progress.clear();
        print(outcome, first, format, out, file.getFileName() + " -> " + outcome.summary().tables().size()
                + " tables of " + outcome.target() + ", profile '" + outcome.profileName() + "'; review saved to "
                + review + " (its sheets in " + review.getFileName() + ".sheets)");
        return exitCode(outcome);
    }

    /** {@code validate --review R [--profile P]} on a workbook review; returns the exit code. */
    static int validate(Path review, Profile profile, OutputFormat format, TargetDatabase db, PrintWriter out,
                        PrintWriter err) {
        TerminalProgress progress = new TerminalProgress(err);
        List<TableFinding> first = new ArrayList<>();
        ValidateWorkbookReview.Outcome outcome = ValidateWorkbookReview.run(review, profile, db, keepFirst(first),
                progress);
        progress.clear();
        print(outcome, first, format, out, review.getFileName() + ": every sheet validated again with profile '"
                + outcome.profileName() + "' against " + outcome.target() + "; decisions and edits kept");
        return exitCode(outcome);
    }

    private static int exitCode(ValidateWorkbookReview.Outcome outcome) {
        if (outcome.blocked()) {
            return SluiceCommand.GATES;
        }
        return outcome.summary().rowsWithErrors() > 0 ? SluiceCommand.FINDINGS : SluiceCommand.OK;
    }

    private static void print(ValidateWorkbookReview.Outcome outcome, List<TableFinding> first, OutputFormat format,
                              PrintWriter out, String headline) {
        TablesSummary s = outcome.summary();
        if (format == OutputFormat.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("review", outcome.review().toString());
            json.put("profile", outcome.profileName());
            json.put("target", outcome.target());
            json.put("summary", s);
            json.put("decisions", outcome.decisions());
            json.put("approvedWithErrors", outcome.approvedInError());
            json.put("gates", outcome.gates().stream().map(GateJson::of).toList());
            json.put("unmapped", outcome.unmapped().stream().map(WorkbookReviewOutput::unmappedJson).toList());
            out.println(Json.write(json));
            out.flush();
            return;
        }
        out.println(headline + ".");
        out.printf("Source rows: %d   valid: %d   with errors: %d%n", s.rows(), s.rows() - s.rowsWithErrors(),
                s.rowsWithErrors());
        TablesOutput.printUnmapped(out, outcome.unmapped());
        if (!outcome.gates().isEmpty()) {
            out.println("Quality gates:");
            outcome.gates().forEach(g -> out.println("  " + g.line()));
            if (QualityGates.blocks(outcome.gates())) {
                out.println("A blocking gate failed: 'sluice import' would refuse these rows.");
            }
        }
        out.println();
        TextTable sheets = new TextTable("SHEET", "ROWS", "VALID", "WITH ERRORS", "APPROVED", "REJECTED",
                "PENDING");
        for (TablesSummary.SheetTally t : s.sheets()) {
            DecisionCounts d = outcome.decisions().get(t.sheet());
            sheets.add(t.sheet(), String.valueOf(t.rows()), String.valueOf(t.valid()),
                    String.valueOf(t.rowsWithErrors()), String.valueOf(d == null ? 0 : d.approved()),
                    String.valueOf(d == null ? 0 : d.rejected()), String.valueOf(d == null ? 0 : d.pending()));
        }
        sheets.print(out);
        if (outcome.approvedInError() > 0) {
            out.printf("%d approved row(s) have errors now; 'sluice decide %s --clear errors' makes every row with"
                    + " errors pending again.%n", outcome.approvedInError(), outcome.review());
        }
        printFindings(out, first);
        out.println();
        out.printf("Next: 'sluice review %1$s --sheet SHEET' lists a sheet's findings, 'sluice decide %1$s --approve"
                + " valid' approves the valid rows of every sheet, 'sluice import --review %1$s' imports the"
                + " approved ones.%n", outcome.review());
        out.flush();
    }

    private static void printFindings(PrintWriter out, List<TableFinding> first) {
        if (first.isEmpty()) {
            return;
        }
        out.println();
        TextTable findings = new TextTable("SHEET", "ROW", "CELL", "TABLE", "SEVERITY", "RULE", "MESSAGE");
        for (TableFinding tf : first) {
            Finding f = tf.finding();
            findings.add(tf.sheet(), String.valueOf(f.row()), f.cell() == null ? "" : f.cell(), tf.table(),
                    f.severity().label(), f.rule(), f.message());
        }
        findings.print(out);
        if (first.size() == SHOWN_FINDINGS) {
            out.printf("(the first %d findings; 'sluice review REVIEW --sheet SHEET --findings N' lists more)%n",
                    SHOWN_FINDINGS);
        }
    }

    /** A sheet's {@code sheet}, {@code unmappedColumns} and {@code sluiceColumns}, as the tables report has them. */
    private static Map<String, Object> unmappedJson(UnmappedColumns unmapped) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sheet", unmapped.sheet());
        json.put("unmappedColumns", unmapped.columns());
        json.put("sluiceColumns", unmapped.sluiceColumns());
        return json;
    }

    private static Consumer<TableFinding> keepFirst(List<TableFinding> first) {
        return f -> {
            if (first.size() < SHOWN_FINDINGS) {
                first.add(f);
            }
        };
    }

    /** {@code review R [--sheet S]} on a workbook review. */
    static int show(Path file, String sheet, int shown, OutputFormat format, Target target, PrintWriter out) {
        ImportReadiness readiness = ImportReadiness.ofWorkbook(file, target);
        try (OpenWorkbookReview review = OpenWorkbookReview.open(file, null)) {
            List<String> sheets = sheet == null ? review.sheets() : List.of(review.sheet(sheet).review().info()
                    .sheet());
            if (format == OutputFormat.json) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("review", file.toString());
                json.put("profile", review.profile().name());
                List<Map<String, Object>> list = new ArrayList<>();
                for (String name : sheets) {
                    OpenReview member = review.sheet(name);
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("sheet", name);
                    one.put("tables", review.tablesOf(name));
                    one.put("file", member.file().toString());
                    one.put("rows", member.review().rowCount());
                    one.put("counts", member.review().counts());
                    one.put("decisions", member.session().counts());
                    UnmappedColumns unmapped = review.unmapped(name);
                    one.put("unmappedColumns", unmapped.columns());
                    one.put("sluiceColumns", unmapped.sluiceColumns());
                    one.put("findings", member.review().firstFindings(shown));
                    list.add(one);
                }
                json.put("sheets", list);
                json.put("validatedAgainst", readiness.validatedAgainst());
                Map<String, Object> importable = new LinkedHashMap<>();
                importable.put("ready", readiness.ready());
                importable.put("answer", readiness.answer());
                json.put("import", importable);
                out.println(Json.write(json));
                out.flush();
                return SluiceCommand.OK;
            }
            Review any = review.sheet(review.sheets().get(0)).review();
            out.printf("Workbook review %s: %s, profile '%s', %s%n", file, any.info().source(),
                    review.profile().name(), any.info().targetUrl() == null ? "no target"
                            : "target " + any.info().targetUrl());
            TextTable table = new TextTable("SHEET", "TABLES", "ROWS", "WITH ERRORS", "FINDINGS", "APPROVED",
                    "REJECTED", "PENDING");
            for (String name : sheets) {
                OpenReview member = review.sheet(name);
                FindingCounts counts = member.review().counts();
                DecisionCounts d = member.session().counts();
                table.add(name, String.join(", ", review.tablesOf(name)), String.valueOf(member.review().rowCount()),
                        String.valueOf(counts.rowsWithErrors()), String.valueOf(counts.errors() + counts.warnings()),
                        String.valueOf(d.approved()), String.valueOf(d.rejected()), String.valueOf(d.pending()));
            }
            table.print(out);
            sheets.forEach(name -> review.unmapped(name).sentences().forEach(out::println));
            if (!readiness.validatedAgainst().isEmpty()) {
                out.printf("Validated against: %s%n", String.join("; ", readiness.validatedAgainst()));
            }
            out.println(readiness.answer());
            for (String name : sheets) {
                List<Finding> first = review.sheet(name).review().firstFindings(shown);
                if (first.isEmpty()) {
                    continue;
                }
                out.println();
                out.println("Sheet " + name + ":");
                TextTable findings = new TextTable("ROW", "CELL", "SEVERITY", "RULE", "MESSAGE");
                for (Finding f : first) {
                    findings.add(String.valueOf(f.row()), f.cell() == null ? "" : f.cell(), f.severity().label(),
                            f.rule(), f.message());
                }
                findings.print(out);
            }
        }
        out.flush();
        return SluiceCommand.OK;
    }

    /** {@code import --review R [--dry-run]} on a workbook review; returns the exit code. */
    static int importReview(Path file, ImportRows.ImportSettings settings, boolean dryRun, Target target,
                            PrintWriter out, PrintWriter err) {
        TerminalProgress progress = new TerminalProgress(err);
        try (TargetDatabase db = target.openForImport();
             ImportWorkbookReview rows = ImportWorkbookReview.fromReview(db, file, settings, progress)) {
            progress.clear();
            for (GateResult g : rows.gates()) {
                if (g.status() == GateStatus.WARNED) {
                    err.println("sluice import: warning: quality gate " + g.metric() + " measured "
                            + g.measuredText() + ", needs " + g.threshold() + "; importing all the same.");
                }
            }
            if (rows.targetUnrecorded()) {
                err.println("sluice import: note: " + TargetChangedException.unrecordedNote(
                        String.valueOf(file.getFileName())));
            }
            err.flush();
            if (dryRun) {
                List<TableCounts> plan = rows.dryRun(progress);
                progress.clear();
                out.printf("Dry run of %d approved source rows into %d tables:%n", rows.approved(), plan.size());
                printCounts(out, plan, "TO INSERT", "TO UPDATE", "TO SKIP");
                out.println("Nothing was written.");
                out.flush();
                return SluiceCommand.OK;
            }
            ImportWorkbookReview.Result result = rows.commit(progress);
            progress.clear();
            var batch = result.batch();
            out.printf("Imported batch %d into %d tables: %d inserted, %d updated, %d skipped in %.1f s, from %d"
                    + " approved source rows; %d audit entries kept with it.%n", batch.batchId(),
                    batch.tables().size(), batch.inserted(), batch.updated(), batch.skipped(),
                    batch.took().toMillis() / 1000.0, rows.approved(), result.auditEntries());
            printCounts(out, batch.tables(), "INSERTED", "UPDATED", "SKIPPED");
            out.printf("See it with 'sluice batch %d'; take it back with 'sluice rollback %d'.%n", batch.batchId(),
                    batch.batchId());
            out.flush();
            return SluiceCommand.OK;
        } catch (GatesBlockedException e) {
            progress.clear();
            err.println("sluice import: " + e.getMessage());
            err.flush();
            return SluiceCommand.GATES;
        } catch (CommitConflictException e) {
            progress.clear();
            err.println("sluice import: " + e.getMessage());
            TextTable findings = new TextTable("ROW", "CELL", "RULE", "MESSAGE");
            for (Finding f : e.findings()) {
                findings.add(String.valueOf(f.row()), f.cell() == null ? "" : f.cell(), f.rule(), f.message());
            }
            findings.print(err);
            err.flush();
            return SluiceCommand.FINDINGS;
        }
    }

    private static void printCounts(PrintWriter out, List<TableCounts> tables, String... headers) {
        TextTable counts = new TextTable("TABLE", headers[0], headers[1], headers[2]);
        for (TableCounts t : tables) {
            counts.add(t.table(), String.valueOf(t.inserted()), String.valueOf(t.updated()),
                    String.valueOf(t.skipped()));
        }
        counts.print(out);
    }
}
