package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.bookkeeping.QualityScores;
import io.sluice.core.commit.ApprovedRow;
import io.sluice.core.commit.BatchAddition;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.commit.CommitRequest;
import io.sluice.core.commit.CommitResult;
import io.sluice.core.commit.Committer;
import io.sluice.core.commit.ImportRequests;
import io.sluice.core.commit.NothingToImportException;
import io.sluice.core.SluiceException;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.mapping.UnmappedColumns;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.ReviewApprovedRows;
import io.sluice.core.review.ReviewAuditCopy;
import io.sluice.core.review.ReviewImport;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.review.DecisionCounts;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.GateStatus;
import io.sluice.core.validate.QualityGates;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.review.Review;
import io.sluice.core.review.WorkbookMembers;
import io.sluice.core.review.ReviewInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Import approved rows into the target as one batch, or answer what that would do (dry run): the rows of a file
 * without error findings ({@link #fromFile}; the file is validated while its valid rows are written, so it is read
 * once) or the rows approved in a review ({@link #fromReview}). Both go through
 * one path for choosing rows and writing them: the mode chosen for the import is the mode the rows are validated
 * under and written with; values that cannot be stored, conflicts with the live table, and an import with no row at
 * all are refused the same way by the dry run and the import. The review's audit log is written in the import's own
 * transaction. A failed blocking quality gate of the profile refuses both the dry run and the import before anything is
 * written ({@link GatesBlockedException}); the gates as measured are stored with the batch. Close it when done (it
 * closes the review it opened).
 */
public final class ImportRows implements AutoCloseable {

    private final TargetDatabase db;
    private final Profile profile;
    private final TableInfo table;
    private final List<ColumnInfo> targetColumns;
    private final Iterable<ApprovedRow> rows;
    private final Review review;
    private final FileImport file;
    private final Progress fileProgress;
    /** For a file import, what the last pass measured (null before the first pass ends). */
    private Measures measured;
    /** A review validated before Sluice recorded its target tables: they could not be compared. */
    private boolean targetUnrecorded;

    /** What a validation of the file, or the review, measured: rows chosen, the request, the gates. */
    private record Measures(long chosen, CommitRequest request, List<GateResult> gates, String nothingToImport) {
    }

    private ImportRows(TargetDatabase db, Profile profile, TableInfo table, List<ColumnInfo> targetColumns,
                       Iterable<ApprovedRow> rows, Review review, FileImport file, Progress fileProgress,
                       Measures measured) {
        this.db = db;
        this.profile = profile;
        this.table = table;
        this.targetColumns = targetColumns;
        this.rows = rows;
        this.review = review;
        this.file = file;
        this.fileProgress = fileProgress;
        this.measured = measured;
    }

    /**
     * Prepares the import of every row of the file without error findings under the import's mode (a key already in
     * the table is an error for insert, a row to update for upsert, a row to skip for skip-existing). Fails at once
     * when the profile does not fit the file or the table. The file is validated by the import or dry run itself,
     * which writes its valid rows as they are validated; {@code progress} can cancel that validation.
     */
    public static ImportRows fromFile(TargetDatabase db, Path file, SourceOptions options, Profile profile,
                                      ImportSettings settings, Progress progress) {
        FileImport prepared = new FileImport(db, file, options, profile, settings);
        return new ImportRows(db, profile, prepared.table(), prepared.targetColumns(), null, null, prepared,
                progress == null ? Progress.NONE : progress, null);
    }

    /**
     * Chooses the rows approved in the review, with the steward's edits; the review's profile says the table. A
     * table changed since the review was validated, in a way that can make its findings untrue, is refused before
     * anything else ({@link TargetChangedException}).
     */
    public static ImportRows fromReview(TargetDatabase db, Path reviewFile, ImportSettings settings) {
        Review review = Review.open(reviewFile);
        try {
            WorkbookMembers.requireOneSheet(review, "this import");
            Profile profile = ReviewImport.profileOf(review);
            ImportMode mode = settings.modeOr(profile);
            TableInfo table = db.table(profile.table());
            boolean checked = TargetChangedException.refuseIfChanged(review,
                    String.valueOf(reviewFile.getFileName()),
                    name -> name.equalsIgnoreCase(profile.table()) ? table : db.table(name));
            Mapper mapper = Mapper.compile(profile, review.columns(), table);
            ReviewApprovedRows approved = new ReviewApprovedRows(review, mapper,
                    ImportRequests.legacyIdColumn(profile, review.columns()));
            ValidationSummary current = review.currentSummary().orElse(null);
            QualityScores scores = current == null ? QualityScores.NONE : ImportRequests.scores(current);
            DecisionCounts decisions = review.ledger().counts();
            List<GateResult> gates = QualityGates.evaluate(profile.gates(),
                    ReviewGates.measures(current, decisions));
            ReviewInfo info = review.info();
            CommitRequest request = new CommitRequest(info.source().getFileName().toString(), info.sha256(),
                    info.sheet(), profile.name(), ProfileIO.sha256(profile), mode,
                    ImportRequests.naturalKey(profile, table), profile.legacyId(), scores, review.rowCount(),
                    decisions.rejected(), settings.allowDuplicate(), settings.steward(), gates);
            String nothing = reviewFile.getFileName() + " has no approved rows to import; approve rows first.";
            ImportRows rows = new ImportRows(db, profile, table, mapper.targetColumns(), approved.readAhead(), review,
                    null, Progress.NONE, new Measures(approved.count(), request, gates, nothing));
            rows.targetUnrecorded = !checked;
            return rows;
        } catch (RuntimeException e) {
            review.close();
            throw e;
        }
    }

    /** The profile the rows are mapped with (it names the target table as the steward wrote it). */
    public Profile profile() {
        return profile;
    }

    /**
     * For a file, its columns the profile does not map and those Sluice added when it sent rows back (neither is
     * imported); for a review, none (the review's summary names them).
     */
    public UnmappedColumns unmapped() {
        return file == null ? UnmappedColumns.none(null) : file.unmapped();
    }

    /** The target table, as the database spells it. */
    public TableInfo table() {
        return table;
    }

    /**
     * Whether the review was validated before Sluice recorded its target tables, so that nobody could tell whether
     * the table changed since (false for a file, validated by the import itself).
     */
    public boolean targetUnrecorded() {
        return targetUnrecorded;
    }

    /** The mode the rows are chosen under and written with. */
    public ImportMode mode() {
        return file != null ? file.mode() : measured.request().mode();
    }

    /**
     * The profile's quality gates as measured on the file (rejected rows: the rows with errors) or the review
     * (rejected rows: the rows the steward rejected); stored with the batch. For a file they are measured by the
     * import or dry run; asked before either, the file is validated for them alone.
     */
    public List<GateResult> gates() {
        return measures().gates();
    }

    /** Whether the gates are measured already (always for a review; for a file, once an import or dry run read it). */
    public boolean gatesMeasured() {
        return measured != null;
    }

    /** Whether a failed blocking gate refuses this import: the dry run and the import throw GatesBlockedException. */
    public boolean blocked() {
        return QualityGates.blocks(gates());
    }

    /**
     * How many rows are chosen: approved in the review, or without error findings in the file (for a file, as the
     * last import or dry run found; asked before either, the file is validated for it alone).
     */
    public long chosen() {
        return measures().chosen();
    }

    private Measures measures() {
        if (measured == null) {
            measured = measure(file.validate(fileProgress));
        }
        return measured;
    }

    private Measures measure(ValidationSummary summary) {
        List<GateResult> gates = file.gates(summary);
        return new Measures(summary.rows() - summary.withErrors(), file.request(summary, gates), gates,
                file.nothingToImport(summary));
    }

    /**
     * What the import would do, reading the live table and writing nothing. Refuses exactly as {@link #commit}
     * does (no row at all, a duplicate import, unstorable values, conflicts with the live table), except that a plan
     * that {@linkplain CommitPlan#changesNothing() changes nothing} is returned so that its counts can be shown:
     * hand it to {@link #refuseIfNothingChanges}, which refuses it as the import would.
     */
    public CommitPlan dryRun(Progress progress) {
        if (file == null) {
            refuseNothing();
            return committer().plan(measured.request(), rows, progress);
        }
        try (FileValidRows valid = passOverFile(progress)) {
            valid.start();
            refuseBeforeValidating();
            return unwrapFileFailure(valid, () -> committer().plan(file.request(null, List.of()), valid, progress));
        }
    }

    /** Throws {@link NothingToImportException}, with the import's own sentence, when the plan changes nothing. */
    public void refuseIfNothingChanges(CommitPlan plan) {
        if (plan.changesNothing()) {
            throw new NothingToImportException(committer().nothingChanges(plan, mode()));
        }
    }

    /**
     * Writes the chosen rows as one batch in one transaction, with the review's audit log (when importing a review)
     * in the same transaction; on any refusal, failure or cancel nothing is written. A file is validated as its rows
     * are written: the whole file's measures (gates, no valid row) can refuse only at its end, and then the
     * transaction rolls back and no batch is recorded, as when they refuse before writing.
     */
    public ImportResult commit(Progress progress) {
        if (file == null) {
            refuseNothing();
            AtomicLong audit = new AtomicLong();
            try (ReviewAuditCopy auditCopy = ReviewAuditCopy.start(List.of(review))) {
                BatchAddition keepAudit = (connection, batchId) -> audit.set(auditCopy.write(batchId, connection));
                CommitResult result = committer().commit(measured.request(), rows, progress, keepAudit);
                return new ImportResult(result, audit.get());
            }
        }
        try (FileValidRows valid = passOverFile(progress)) {
            valid.start();
            refuseBeforeValidating();
            CommitRequest started = file.request(null, List.of());
            BatchAddition measures = (connection, batchId) -> BatchAddition.measures(measured.request())
                    .write(connection, batchId);
            CommitResult result = unwrapFileFailure(valid, () -> committer().commit(started, valid, progress,
                    measures));
            return new ImportResult(result, 0);
        }
    }

    /**
     * The refusals a file import can make before reading it: a repeated import is named as such (its rows may all look
     * invalid only because they are already in), after the gates as they would be measured, so the file is validated
     * for them first, as it always was.
     */
    private void refuseBeforeValidating() {
        try {
            committer().refuseDuplicate(file.request(null, List.of()));
        } catch (SluiceException duplicate) {
            if (duplicate.kind() == SluiceException.Kind.TARGET) {
                throw duplicate;
            }
            measured = measure(file.validate(fileProgress));
            refuseNothing();
            throw duplicate;
        }
    }

    /** One pass over the file, its end refusing as {@link #refuseNothing} would before writing. */
    private FileValidRows passOverFile(Progress progress) {
        Progress either = new Progress() {
            @Override
            public boolean isCancelled() {
                return fileProgress.isCancelled() || progress != null && progress.isCancelled();
            }
        };
        return file.rows(either, summary -> {
            measured = measure(summary);
            refuseGates();
            if (measured.chosen() == 0) {
                throw new NothingToImportException(measured.nothingToImport());
            }
        });
    }

    /** A failure of the file's validation (a file that cannot be read further) answered as itself. */
    private static <T> T unwrapFileFailure(FileValidRows valid, Supplier<T> work) {
        try {
            return work.get();
        } catch (SluiceException e) {
            RuntimeException failure = valid.failure();
            if (failure instanceof SluiceException && e != failure && e.getCause() == failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * A failed blocking gate refuses before anything is written or recorded; then a repeated import is named as such:
     * its rows may all look invalid only because they are already in.
     */
    private void refuseNothing() {
        refuseGates();
        committer().refuseDuplicate(measured.request());
        if (measured.chosen() == 0) {
            throw new NothingToImportException(measured.nothingToImport());
        }
    }

    private void refuseGates() {
        List<GateResult> gates = measured.gates();
        if (QualityGates.blocks(gates)) {
            throw new GatesBlockedException(gates.stream().filter(g -> g.status() == GateStatus.BLOCKED).toList());
        }
    }

    private Committer committer() {
        return new Committer(db, table, targetColumns);
    }

    @Override
    public void close() {
        if (review != null) {
            review.close();
        }
        if (file != null) {
            file.close();
        }
    }

    /** The settings an import is asked for: mode (null: the profile's), duplicate allowed, steward. */
    public record ImportSettings(ImportMode mode, boolean allowDuplicate, String steward) {

        public ImportSettings {
            Objects.requireNonNull(steward, "steward");
        }

        ImportMode modeOr(Profile profile) {
            return mode != null ? mode : ImportMode.parse(profile.commitMode(), "profile '" + profile.name() + "'");
        }
    }
}
