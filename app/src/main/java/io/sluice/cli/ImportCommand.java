package io.sluice.cli;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.Bookkeeping;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.bookkeeping.QualityScores;
import io.sluice.core.commit.CommitConflictException;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.commit.CommitRequest;
import io.sluice.core.commit.CommitResult;
import io.sluice.core.commit.Committer;
import io.sluice.core.commit.ImportRequests;
import io.sluice.core.commit.ValidRows;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.ReviewImport;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.target.TableInfo;
import io.sluice.core.target.TargetDatabase;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.workspace.Review;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code sluice import}: commits approved rows into the target as one import batch. Two paths: a trusted feed
 * ({@code FILE --profile P --approve valid}: every row without error findings) or a steward's review
 * ({@code --review R}: the rows approved in it, with their edits).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Commit approved rows into the target table as one all-or-nothing import batch, with "
                + "provenance (file, sheet, row) for every row; 'sluice rollback' takes a batch back.",
                "  sluice import FILE --profile P.json --approve valid   rows without error findings",
                "  sluice import --review R.sluice                       rows approved in a review",
                "Exit codes: 0 = imported (or dry run done), 1 = refused for conflicts with the live target, "
                        + "2 = usage error or unreadable input, 3 = target database problem."})
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
        if (file != null && (profilePath == null || !"valid".equalsIgnoreCase(approve))) {
            throw new UsageException("Importing a file directly needs --profile P.json and --approve valid; to import"
                    + " rows chosen by hand, validate with --review and import the review.");
        }
        try (TargetDatabase db = target.openForImport()) {
            return file != null ? importFile(db) : importReview(db);
        }
    }

    private int importFile(TargetDatabase db) {
        Profile profile = ProfileIO.read(profilePath);
        SourceOptions options = source.toOptions(profile.source());
        BitSet withErrors = new BitSet();
        ValidationSummary summary;
        String sheet;
        String sha256;
        List<String> columns;
        try (ValidationJob job = ValidationJob.prepare(file, options, profile, db)) {
            TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
            summary = job.run(r -> {
                if (r.hasErrors()) {
                    withErrors.set((int) r.source().number());
                }
            }, progress);
            progress.clear();
            sheet = job.table().sheet();
            sha256 = job.sha256();
            columns = job.table().columns();
        }
        TableInfo table = db.table(profile.table());
        Mapper mapper = Mapper.compile(profile, columns, table);
        CommitRequest request = request(profile, file.getFileName().toString(), sha256, sheet, summary.rows(),
                summary.withErrors(), ImportRequests.scores(summary), table);
        ValidRows rows = new ValidRows(file, options, mapper, withErrors,
                ImportRequests.legacyIdColumn(profile, columns));
        Committer committer = new Committer(db, table, mapper.targetColumns());
        Long batch = run(table, request.mode(), () -> committer.plan(request, rows),
                progress -> committer.commit(request, rows, progress));
        return batch != null || dryRun ? SluiceCommand.OK : SluiceCommand.FINDINGS;
    }

    private int importReview(TargetDatabase db) {
        try (Review review = Review.open(reviewPath)) {
            ImportMode chosen = mode == null ? null : ImportMode.ofCode(mode.toLowerCase(Locale.ROOT));
            ReviewImport prepared = ReviewImport.prepare(review, db, chosen, allowDuplicate,
                    System.getProperty("user.name"));
            Long batch = run(prepared.table(), prepared.mode(), prepared::plan, prepared::commit);
            if (batch == null) {
                return dryRun ? SluiceCommand.OK : SluiceCommand.FINDINGS;
            }
            try (Bookkeeping bookkeeping = target.bookkeeping()) {
                long copied = prepared.keepAudit(batch, bookkeeping);
                spec.commandLine().getOut().printf("The review's audit log (%d entries) is kept with batch %d.%n",
                        copied, batch);
            }
            return SluiceCommand.OK;
        }
    }

    /** Commits (or plans, for a dry run); returns the batch id, or null for a dry run or a refused import. */
    private Long run(TableInfo table, ImportMode importMode, Supplier<CommitPlan> plan,
                     Function<Progress, CommitResult> commit) {
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            CommitPlan planned = plan.get();
            out.printf("Dry run into %s (%s): %d to insert, %d to update, %d to skip. Nothing was written.%n",
                    table.qualifiedName(), importMode.code(), planned.toInsert(), planned.toUpdate(),
                    planned.toSkip());
            out.flush();
            return null;
        }
        try {
            TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
            CommitResult result = commit.apply(progress);
            progress.clear();
            out.printf("Imported batch %d into %s (%s): %d inserted, %d updated, %d skipped in %.1f s.%n",
                    result.batchId(), table.qualifiedName(), importMode.code(), result.inserted(),
                    result.updated(), result.skipped(), result.took().toMillis() / 1000.0);
            out.printf("See it with 'sluice batch %d'; take it back with 'sluice rollback %d'.%n", result.batchId(),
                    result.batchId());
            out.flush();
            return result.batchId();
        } catch (CommitConflictException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("sluice import: " + e.getMessage());
            TextTable findings = new TextTable("ROW", "CELL", "RULE", "MESSAGE");
            for (Finding f : e.findings()) {
                findings.add(String.valueOf(f.row()), f.cell() == null ? "" : f.cell(), f.rule(), f.message());
            }
            findings.print(err);
            err.flush();
            return null;
        }
    }

    private CommitRequest request(Profile profile, String sourceFile, String sha256, String sheet, long rowsRead,
                                  long rejected, QualityScores scores, TableInfo table) {
        ImportMode importMode = ImportMode.ofCode((mode != null ? mode : profile.commitMode())
                .toLowerCase(Locale.ROOT));
        List<String> key = ImportRequests.naturalKey(profile, table);
        return new CommitRequest(sourceFile, sha256, sheet, profile.name(), ProfileIO.sha256(profile), importMode,
                key, profile.legacyId(), scores, rowsRead, rejected, allowDuplicate, System.getProperty("user.name"));
    }
}
