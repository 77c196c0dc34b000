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
import io.sluice.core.commit.ValidRows;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.ReviewApprovedRows;
import io.sluice.core.review.ReviewAuditCopy;
import io.sluice.core.review.ReviewImport;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.review.DecisionCounts;
import io.sluice.core.validate.GateMeasures;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.GateStatus;
import io.sluice.core.validate.QualityGates;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewInfo;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Import approved rows into the target as one batch, or answer what that would do (dry run): the rows of a file
 * without error findings ({@link #fromFile}) or the rows approved in a review ({@link #fromReview}). Both go through
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
    private final Mapper mapper;
    private final Iterable<ApprovedRow> rows;
    private final long chosen;
    private final CommitRequest request;
    private final Review review;
    private final String nothingToImport;
    private final List<GateResult> gates;

    private ImportRows(TargetDatabase db, Profile profile, TableInfo table, Mapper mapper, Iterable<ApprovedRow> rows,
                       long chosen, CommitRequest request, Review review, String nothingToImport,
                       List<GateResult> gates) {
        this.db = db;
        this.profile = profile;
        this.table = table;
        this.mapper = mapper;
        this.rows = rows;
        this.chosen = chosen;
        this.request = request;
        this.review = review;
        this.nothingToImport = nothingToImport;
        this.gates = gates;
    }

    /**
     * Validates the file under the import's mode (a key already in the table is an error for insert, a row to update
     * for upsert, a row to skip for skip-existing) and chooses every row without error findings. Long: reports the
     * rows validated to {@code progress}, which can cancel.
     */
    public static ImportRows fromFile(TargetDatabase db, Path file, SourceOptions options, Profile profile,
                                      ImportSettings settings, Progress progress) {
        ImportMode mode = settings.modeOr(profile);
        Profile underMode = profile.withCommitMode(mode.code());
        BitSet withErrors = new BitSet();
        ValidationSummary summary;
        ValidRows valid;
        TableInfo table;
        Mapper mapper;
        String sheet;
        String sha256;
        try (ValidationJob job = ValidationJob.prepare(file, options, underMode, db)) {
            summary = job.run(r -> {
                if (r.hasErrors()) {
                    withErrors.set((int) r.source().number());
                }
            }, progress == null ? Progress.NONE : progress);
            table = job.targetTable();
            mapper = Mapper.compile(underMode, job.table().columns(), table);
            valid = new ValidRows(file, options, mapper, withErrors,
                    ImportRequests.legacyIdColumn(profile, job.table().columns()));
            sheet = job.table().sheet();
            sha256 = job.sha256();
        }
        List<GateResult> gates = QualityGates.evaluate(profile.gates(), GateMeasures.ofFile(summary));
        // the batch names the profile as the steward gave it, so a repeat with another --mode is still a repeat
        CommitRequest request = new CommitRequest(file.getFileName().toString(), sha256, sheet, profile.name(),
                ProfileIO.sha256(profile), mode, ImportRequests.naturalKey(profile, table), profile.legacyId(),
                ImportRequests.scores(summary), summary.rows(), summary.withErrors(), settings.allowDuplicate(),
                settings.steward(), gates);
        long chosen = summary.rows() - summary.withErrors();
        String nothing = summary.rows() == 0
                ? file.getFileName() + " has no data rows; nothing was imported."
                : "No row of " + file.getFileName() + " can be imported: " + (summary.rows() == 1 ? "its only row has"
                : "all " + summary.rows() + " rows have") + " error findings under mode " + mode.code()
                + "; nothing was imported.";
        return new ImportRows(db, profile, table, mapper, valid, chosen, request, null, nothing, gates);
    }

    /** Chooses the rows approved in the review, with the steward's edits; the review's profile says the table. */
    public static ImportRows fromReview(TargetDatabase db, Path reviewFile, ImportSettings settings) {
        Review review = Review.open(reviewFile);
        try {
            Profile profile = ReviewImport.profileOf(review);
            ImportMode mode = settings.modeOr(profile);
            TableInfo table = db.table(profile.table());
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
            return new ImportRows(db, profile, table, mapper, approved, approved.count(), request, review,
                    reviewFile.getFileName() + " has no approved rows to import; approve rows first.", gates);
        } catch (RuntimeException e) {
            review.close();
            throw e;
        }
    }

    /** The profile the rows are mapped with (it names the target table as the steward wrote it). */
    public Profile profile() {
        return profile;
    }

    /** The target table, as the database spells it. */
    public TableInfo table() {
        return table;
    }

    /** The mode the rows were chosen under and will be written with. */
    public ImportMode mode() {
        return request.mode();
    }

    /**
     * The profile's quality gates as measured on the file (rejected rows: the rows with errors) or the review
     * (rejected rows: the rows the steward rejected); stored with the batch.
     */
    public List<GateResult> gates() {
        return gates;
    }

    /** Whether a failed blocking gate refuses this import: the dry run and the import throw GatesBlockedException. */
    public boolean blocked() {
        return QualityGates.blocks(gates);
    }

    /** How many rows were chosen: approved in the review, or without error findings in the file. */
    public long chosen() {
        return chosen;
    }

    /**
     * What the import would do, reading the live table and writing nothing. Refuses exactly as {@link #commit}
     * does (no row at all, a duplicate import, unstorable values, conflicts with the live table), except that a plan
     * that {@linkplain CommitPlan#changesNothing() changes nothing} is returned so that its counts can be shown:
     * hand it to {@link #refuseIfNothingChanges}, which refuses it as the import would.
     */
    public CommitPlan dryRun(Progress progress) {
        refuseNothing();
        return committer().plan(request, rows, progress);
    }

    /** Throws {@link NothingToImportException}, with the import's own sentence, when the plan changes nothing. */
    public void refuseIfNothingChanges(CommitPlan plan) {
        if (plan.changesNothing()) {
            throw new NothingToImportException(committer().nothingChanges(plan, request.mode()));
        }
    }

    /**
     * Writes the chosen rows as one batch in one transaction, with the review's audit log (when importing a review)
     * in the same transaction; on any refusal, failure or cancel nothing is written.
     */
    public ImportResult commit(Progress progress) {
        refuseNothing();
        AtomicLong audit = new AtomicLong();
        BatchAddition keepAudit = review == null ? BatchAddition.NONE
                : (connection, batchId) -> audit.set(ReviewAuditCopy.copy(review, batchId, connection));
        CommitResult result = committer().commit(request, rows, progress, keepAudit);
        return new ImportResult(result, audit.get());
    }

    /**
     * A failed blocking gate refuses before anything is written or recorded; then a repeated import is named as such:
     * its rows may all look invalid only because they are already in.
     */
    private void refuseNothing() {
        if (blocked()) {
            throw new GatesBlockedException(gates.stream().filter(g -> g.status() == GateStatus.BLOCKED).toList());
        }
        committer().refuseDuplicate(request);
        if (chosen == 0) {
            throw new NothingToImportException(nothingToImport);
        }
    }

    private Committer committer() {
        return new Committer(db, table, mapper.targetColumns());
    }

    @Override
    public void close() {
        if (review != null) {
            review.close();
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
