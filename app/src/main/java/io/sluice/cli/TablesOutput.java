package io.sluice.cli;

import io.sluice.core.commit.CommitConflictException;
import io.sluice.core.commit.RelatedCommitResult;
import io.sluice.core.commit.TableCounts;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.export.StagedFiles;
import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.profile.Profile;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.tables.TableFinding;
import io.sluice.core.tables.TablesReportWriter;
import io.sluice.core.tables.TablesSummary;
import io.sluice.core.usecase.ImportRows;
import io.sluice.core.usecase.ImportTables;
import io.sluice.core.usecase.Target;
import io.sluice.core.usecase.ValidateTables;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.QualityGates;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@code validate} and {@code import} print for a profile that maps a workbook onto several tables (version 2):
 * counts per sheet and per table, the first findings with their sheet, row, cell and table, and the batch's counts
 * per table. The commands hand over to it as soon as they have read such a profile.
 */
final class TablesOutput {

    private static final int SHOWN_FINDINGS = 20;

    private TablesOutput() {
    }

    /** {@code validate FILE --profile P} for such a profile; returns the exit code. */
    static int validate(Path file, SourceOptions chosen, Profile profile, Path profilePath, Path reportPath,
                        OutputFormat format, TargetDatabase db, PrintWriter out, PrintWriter err) {
        try (TablesReportWriter report = new TablesReportWriter()) {
            List<TableFinding> first = new ArrayList<>();
            TerminalProgress progress = new TerminalProgress(err);
            ValidateTables.Outcome outcome = ValidateTables.run(file, chosen, profile, profilePath.toString(), db,
                    report.andThen(keepFirst(first)), progress);
            progress.clear();
            TablesReportWriter.About about = new TablesReportWriter.About(outcome.file(), outcome.sha256(),
                    outcome.profileName(), outcome.profileLabel(), outcome.profileSha(), outcome.target());
            if (reportPath != null) {
                StagedFiles.writeWhole(reportPath, hidden -> {
                    try (Writer writer = Files.newBufferedWriter(hidden, StandardCharsets.UTF_8)) {
                        report.write(about, outcome.summary(), outcome.gates(), outcome.unmapped(), writer);
                    }
                });
            }
            if (format == OutputFormat.json) {
                report.write(about, outcome.summary(), outcome.gates(), outcome.unmapped(), out);
                out.println();
            } else {
                TablesSummary s = outcome.summary();
                out.printf("%s -> %d tables of %s, profile '%s'%n", file.getFileName(), s.tables().size(),
                        outcome.target(), outcome.profileName());
                out.printf("Source rows: %d   valid: %d   with errors: %d (left out of an import with every row"
                        + " they make)%n", s.rows(), s.rows() - s.rowsWithErrors(), s.rowsWithErrors());
                printUnmapped(out, outcome.unmapped());
                printGates(out, outcome.gates());
                out.println();
                printSheets(out, s);
                out.println();
                printTables(out, s);
                if (!first.isEmpty()) {
                    out.println();
                    TextTable findings = new TextTable("SHEET", "ROW", "CELL", "TABLE", "SEVERITY", "RULE",
                            "MESSAGE");
                    for (TableFinding tf : first) {
                        Finding f = tf.finding();
                        findings.add(tf.sheet(), String.valueOf(f.row()), f.cell() == null ? "" : f.cell(),
                                tf.table(), f.severity().label(), f.rule(), f.message());
                    }
                    findings.print(out);
                    if (report.findings() > first.size()) {
                        out.printf("(%d of %d findings shown; --report FILE writes them all)%n", first.size(),
                                report.findings());
                    }
                }
                if (reportPath != null) {
                    out.println();
                    out.println("Report written to " + reportPath);
                }
            }
            out.flush();
            if (outcome.blocked()) {
                return SluiceCommand.GATES;
            }
            return outcome.summary().rowsWithErrors() > 0 ? SluiceCommand.FINDINGS : SluiceCommand.OK;
        }
    }

    /** {@code import FILE --profile P --approve valid [--dry-run]} for such a profile; returns the exit code. */
    static int importFile(Path file, SourceOptions chosen, Profile profile, ImportRows.ImportSettings settings,
                          boolean dryRun, Target target, PrintWriter out, PrintWriter err) {
        TerminalProgress progress = new TerminalProgress(err);
        try (TargetDatabase db = target.openForImport()) {
            ImportTables rows = ImportTables.fromFile(db, file, chosen, profile, settings, null, progress);
            // the workbook is read once, by the import or dry run itself: its gates and counts are known after it
            if (dryRun) {
                List<TableCounts> plan = rows.dryRun(progress);
                progress.clear();
                warnGates(rows, err);
                out.printf("Dry run into %d tables (%s): %s.%n", plan.size(), modes(rows), left(rows.summary()));
                printCounts(out, plan, "TO INSERT", "TO UPDATE", "TO SKIP");
                printUnmapped(out, rows.unmapped());
                out.println("Nothing was written.");
                out.flush();
                return SluiceCommand.OK;
            }
            RelatedCommitResult result = rows.commit(progress);
            progress.clear();
            warnGates(rows, err);
            out.printf("Imported batch %d into %d tables: %d inserted, %d updated, %d skipped in %.1f s; %s.%n",
                    result.batchId(), result.tables().size(), result.inserted(), result.updated(),
                    result.skipped(), result.took().toMillis() / 1000.0, left(rows.summary()));
            printCounts(out, result.tables(), "INSERTED", "UPDATED", "SKIPPED");
            printUnmapped(out, rows.unmapped());
            out.printf("See it with 'sluice batch %d'; take it back with 'sluice rollback %d'.%n", result.batchId(),
                    result.batchId());
            out.flush();
            return SluiceCommand.OK;
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

    /** Each sheet's columns the profile does not map, and Sluice's own, one sentence each. */
    static void printUnmapped(PrintWriter out, List<UnmappedColumns> unmapped) {
        unmapped.forEach(u -> u.sentences().forEach(out::println));
    }

    private static void warnGates(ImportTables rows, PrintWriter err) {
        for (GateResult g : rows.gates()) {
            if (g.status() == io.sluice.core.validate.GateStatus.WARNED) {
                err.println("sluice import: warning: quality gate " + g.metric() + " measured "
                        + g.measuredText() + ", needs " + g.threshold() + "; importing all the same.");
            }
        }
        err.flush();
    }

    /** What was left out, in the words of the import's summary line. */
    private static String left(TablesSummary s) {
        return s.rowsWithErrors() == 0 ? "every source row is valid"
                : s.rowsWithErrors() + " of " + s.rows() + " source rows have errors and are left out with every"
                + " row they make ('sluice validate' lists them)";
    }

    /** The modes named once when every table has the same, else per table. */
    private static String modes(ImportTables rows) {
        Map<String, String> modes = rows.modes();
        if (modes.values().stream().distinct().count() == 1) {
            return modes.values().iterator().next();
        }
        List<String> each = new ArrayList<>();
        modes.forEach((table, mode) -> each.add(table + " " + mode));
        return String.join(", ", each);
    }

    private static void printCounts(PrintWriter out, List<TableCounts> tables, String... headers) {
        TextTable counts = new TextTable("TABLE", headers[0], headers[1], headers[2]);
        for (TableCounts t : tables) {
            counts.add(t.table(), String.valueOf(t.inserted()), String.valueOf(t.updated()),
                    String.valueOf(t.skipped()));
        }
        counts.print(out);
    }

    private static void printSheets(PrintWriter out, TablesSummary s) {
        TextTable sheets = new TextTable("SHEET", "ROWS", "VALID", "WITH ERRORS", "TARGET ROWS", "FINDINGS");
        for (TablesSummary.SheetTally t : s.sheets()) {
            sheets.add(t.sheet(), String.valueOf(t.rows()), String.valueOf(t.valid()),
                    String.valueOf(t.rowsWithErrors()), String.valueOf(t.targetRows()), String.valueOf(t.findings()));
        }
        sheets.print(out);
    }

    private static void printTables(PrintWriter out, TablesSummary s) {
        TextTable tables = new TextTable("TABLE", "SHEET", "TARGET ROWS", "TO IMPORT", "ERRORS", "WARNINGS");
        for (TablesSummary.TableTally t : s.tables()) {
            tables.add(t.table(), t.sheet(), String.valueOf(t.targetRows()), String.valueOf(t.importable()),
                    String.valueOf(t.errors()), String.valueOf(t.warnings()));
        }
        tables.print(out);
    }

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

    private static Consumer<TableFinding> keepFirst(List<TableFinding> first) {
        return f -> {
            if (first.size() < SHOWN_FINDINGS) {
                first.add(f);
            }
        };
    }

    /** The sentence that refuses a step not yet built for a profile onto several tables. */
    static UsageException notYet(Profile profile, String what) {
        return new UsageException("Profile '" + profile.name() + "' maps onto several tables; " + what
                + " is not yet supported for such a profile.");
    }
}
