package io.sluice.cli;

import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.CommitConflictException;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.commit.CommitResult;
import io.sluice.core.commit.NothingToImportException;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.Steward;
import io.sluice.core.rules.Finding;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.usecase.GatesBlockedException;
import io.sluice.core.usecase.ImportResult;
import io.sluice.core.usecase.ImportRows;
import io.sluice.core.usecase.TargetChangedException;
import io.sluice.core.usecase.ValidateWorkbookReview;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.GateStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sluice import}: commits approved rows into the target as one import batch. Two paths: a trusted feed
 * ({@code FILE --profile P --approve valid}: every row without error findings) or a steward's review
 * ({@code --review R}: the rows approved in it, with their edits). A dry run answers exactly what the import would
 * do: the same refusals, listing and exit code.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Commit approved rows into the target table as one all-or-nothing import batch, with "
                + "provenance (file, sheet, row) for every row; 'sluice rollback' takes a batch back.",
                "  sluice import FILE --profile P.json --approve valid   rows without error findings",
                "  sluice import --review R.sluice                       rows approved in a review",
                "--mode decides both which rows of FILE are valid (a key already in the table is an error for "
                        + "insert, an update for upsert, a skip for skip-existing) and how they are written.",
                "--dry-run answers exactly what the import would do, with the same exit code.",
                "The profile's quality gates are measured on the whole file or review: a failed 'block' gate "
                        + "refuses the import (nothing written, no batch recorded), a failed 'warn' gate is printed and "
                        + "the import goes on; the gates are kept with the batch.",
                "Exit codes: 0 = imported (or the dry run found rows to import), 1 = refused for conflicts with the "
                        + "live target (listed), 2 = usage error, unreadable input (a broken rule too), or nothing "
                        + "to import (no valid or approved row; no batch is recorded), 3 = target database problem, "
                        + "4 = refused by a blocking quality gate (each failed gate listed; no batch is recorded)."})
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Source file (direct path).")
    Path file;

    @Option(names = "--profile", paramLabel = "PROFILE.json", description = "Mapping profile (direct path).")
    Path profilePath;

    @Option(names = "--approve", paramLabel = "valid",
            description = "Which rows of FILE to import: 'valid' = every row without error findings.")
    String approve;

    @Option(names = "--review", paramLabel = "REVIEW.sluice", description = "Import the rows approved in a review.")
    Path reviewPath;

    @Option(names = "--mode", paramLabel = "insert|upsert|skip-existing",
            description = "What to do with rows whose natural key is already in the table (default: the profile's).")
    String mode;

    @Option(names = "--dry-run", description = "Show what would be inserted, updated and skipped; write nothing.")
    boolean dryRun;

    @Option(names = "--allow-duplicate",
            description = "Import even if this file was already imported with this profile into this table.")
    boolean allowDuplicate;

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
        if ((file == null) == (reviewPath == null)) {
            throw new UsageException("Give either FILE with --profile and --approve valid, or --review REVIEW.");
        }
        UsageErrors.refuseReviewAsSource(file, "import it (it brings its own profile and approved rows)");
        if (file != null && approve != null && !"valid".equalsIgnoreCase(approve)) {
            // a misspelt value is named as such, not answered with the general rule it already follows
            throw new UsageException("--approve takes only 'valid' (every row without error findings), not '" + approve
                    + "'; to import rows chosen by hand, validate with --review and import the review.");
        }
        if (file != null && (profilePath == null || !"valid".equalsIgnoreCase(approve))) {
            throw new UsageException("Importing a file directly needs --profile P.json and --approve valid; to import"
                    + " rows chosen by hand, validate with --review and import the review.");
        }
        if (reviewPath != null && (profilePath != null || approve != null)) {
            throw new UsageException("A review brings its own profile and approved rows; leave out --profile and "
                    + "--approve with --review.");
        }
        ImportRows.ImportSettings settings = new ImportRows.ImportSettings(
                mode == null ? null : ImportMode.parse(mode, "--mode"), allowDuplicate, Steward.current().name());
        Profile profile = file == null ? null : ProfileIO.read(profilePath);
        if (profile != null && profile.mapsSeveralTables()) {
            return TablesOutput.importFile(file, source.chosen(), profile, settings, dryRun, target.target(),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        if (reviewPath != null && ValidateWorkbookReview.isWorkbookReview(reviewPath)) {
            return WorkbookReviewOutput.importReview(reviewPath, settings, dryRun, target.targetOf(reviewPath),
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        try (TargetDatabase db = target.targetOf(reviewPath).openForImport();
             ImportRows rows = file != null
                     ? ImportRows.fromFile(db, file, source.toOptions(profile.source()), profile, settings, progress)
                     : ImportRows.fromReview(db, reviewPath, settings)) {
            progress.clear();
            // a review's gates are measured already; a file's by the import itself, which reads the file once
            boolean warned = rows.gatesMeasured();
            if (warned) {
                printWarnings(rows.gates());
            }
            if (rows.targetUnrecorded()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("sluice import: note: " + TargetChangedException.unrecordedNote(
                        String.valueOf(reviewPath.getFileName())));
                err.flush();
            }
            try {
                int code = dryRun ? dryRun(rows, progress) : commit(rows, progress);
                printUnmapped(rows.unmapped().sentences());
                return code;
            } finally {
                if (!warned && rows.gatesMeasured()) {
                    progress.clear();
                    printWarnings(rows.gates());
                }
            }
        } catch (GatesBlockedException e) {
            progress.clear();
            printBlocked(e);
            return SluiceCommand.GATES;
        } catch (CommitConflictException e) {
            progress.clear();
            printConflicts(e);
            return SluiceCommand.FINDINGS;
        }
    }

    private int dryRun(ImportRows rows, TerminalProgress progress) {
        PrintWriter out = spec.commandLine().getOut();
        String into = "Dry run into " + rows.table().qualifiedName() + " (" + rows.mode().code() + "): ";
        CommitPlan plan;
        try {
            plan = rows.dryRun(progress);
        } catch (NothingToImportException e) {
            // the counts first, then the same refusal and exit code as the import
            out.println(into + "0 to insert, 0 to update, 0 to skip.");
            out.flush();
            throw e;
        }
        progress.clear();
        out.printf("%s%d to insert, %d to update, %d %s. Nothing was written.%n", into, plan.toInsert(),
                plan.toUpdate(), plan.toSkip(), rows.mode() == ImportMode.UPSERT ? "unchanged" : "to skip");
        out.flush();
        rows.refuseIfNothingChanges(plan);
        return SluiceCommand.OK;
    }

    private int commit(ImportRows rows, TerminalProgress progress) {
        PrintWriter out = spec.commandLine().getOut();
        ImportResult imported = rows.commit(progress);
        progress.clear();
        CommitResult result = imported.batch();
        // an upsert skips exactly the rows that already hold its values
        out.printf("Imported batch %d into %s (%s): %d inserted, %d updated, %d %s in %.1f s.%n",
                result.batchId(), rows.table().qualifiedName(), rows.mode().code(), result.inserted(),
                result.updated(), result.skipped(), rows.mode() == ImportMode.UPSERT ? "unchanged" : "skipped",
                result.took().toMillis() / 1000.0);
        if (reviewPath != null) {
            out.printf("The review's audit log (%d entries) is kept with batch %d.%n", imported.auditEntries(),
                    result.batchId());
        }
        out.printf("See it with 'sluice batch %d'; take it back with 'sluice rollback %d'.%n", result.batchId(),
                result.batchId());
        out.flush();
        return SluiceCommand.OK;
    }

    private void printUnmapped(List<String> sentences) {
        PrintWriter out = spec.commandLine().getOut();
        sentences.forEach(out::println);
        out.flush();
    }

    private void printWarnings(List<GateResult> gates) {
        PrintWriter err = spec.commandLine().getErr();
        for (GateResult g : gates) {
            if (g.status() == GateStatus.WARNED) {
                err.println("sluice import: warning: quality gate " + g.metric() + " measured " + g.measuredText()
                        + ", needs " + g.threshold() + "; importing all the same.");
            }
        }
        err.flush();
    }

    /** One line for the refusal, then one per failed blocking gate: metric, measured, threshold. */
    private void printBlocked(GatesBlockedException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("sluice import: refused by " + (e.failed().size() == 1 ? "a blocking quality gate"
                : e.failed().size() + " blocking quality gates") + "; nothing was written.");
        for (GateResult g : e.failed()) {
            err.println("  gate " + g.metric() + ": measured " + g.measuredText() + ", needs " + g.threshold());
        }
        err.flush();
    }

    private void printConflicts(CommitConflictException e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("sluice import: " + e.getMessage());
        TextTable findings = new TextTable("ROW", "CELL", "RULE", "MESSAGE");
        for (Finding f : e.findings()) {
            findings.add(String.valueOf(f.row()), f.cell() == null ? "" : f.cell(), f.rule(), f.message());
        }
        findings.print(err);
        err.flush();
    }
}
