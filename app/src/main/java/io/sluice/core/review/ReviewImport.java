package io.sluice.core.review;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.Bookkeeping;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.bookkeeping.QualityScores;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.commit.CommitRequest;
import io.sluice.core.commit.CommitResult;
import io.sluice.core.commit.Committer;
import io.sluice.core.commit.ImportRequests;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.target.TableInfo;
import io.sluice.core.target.TargetDatabase;
import io.sluice.core.workspace.Review;
import io.sluice.core.workspace.ReviewInfo;
import io.sluice.core.workspace.ReviewStager;

import java.util.Locale;
import java.util.Objects;

/**
 * The approved rows of a review, ready to commit into the target as one import batch: profile, natural key, scores
 * and counts taken from the review, exactly as {@code sluice import --review} does. Prepare it, {@link #plan()} for a
 * dry run, {@link #commit} to write. The caller opens and closes the review and the database.
 */
public final class ReviewImport {

    private final Review review;
    private final TargetDatabase db;
    private final Profile profile;
    private final TableInfo table;
    private final Mapper mapper;
    private final ReviewApprovedRows rows;
    private final CommitRequest request;

    private ReviewImport(Review review, TargetDatabase db, Profile profile, TableInfo table, Mapper mapper,
                         ReviewApprovedRows rows, CommitRequest request) {
        this.review = review;
        this.db = db;
        this.profile = profile;
        this.table = table;
        this.mapper = mapper;
        this.rows = rows;
        this.request = request;
    }

    /** The profile the review was validated with; a review staged without one cannot be imported. */
    public static Profile profileOf(Review review) {
        String json = review.info().profileJson();
        if (json == null) {
            throw SluiceException.input(review.file() + " holds no mapping profile; validate the file again with a"
                    + " profile to create a review that can be imported.");
        }
        return ProfileIO.fromJson(json, review.file().toString());
    }

    /**
     * Prepares the import; {@code mode} null means the profile's commit mode. Refuses, before anything is written,
     * a review without approved rows and approved values that cannot be stored in their columns.
     */
    public static ReviewImport prepare(Review review, TargetDatabase db, ImportMode mode, boolean allowDuplicate,
                                       String steward) {
        Objects.requireNonNull(steward, "steward");
        Profile profile = profileOf(review);
        TableInfo table = db.table(profile.table());
        Mapper mapper = Mapper.compile(profile, review.columns(), table);
        ReviewApprovedRows rows = new ReviewApprovedRows(review, mapper,
                ImportRequests.legacyIdColumn(profile, review.columns()));
        if (rows.count() == 0) {
            throw SluiceException.input(review.file() + " has no approved rows to import.");
        }
        ImportRequests.refuseUnstorable(rows);
        ImportMode chosen = mode != null ? mode
                : ImportMode.ofCode(profile.commitMode().toLowerCase(Locale.ROOT));
        QualityScores scores = review.currentSummary().map(ImportRequests::scores).orElse(QualityScores.NONE);
        ReviewInfo info = review.info();
        CommitRequest request = new CommitRequest(info.source().getFileName().toString(), info.sha256(),
                info.sheet(), profile.name(), ProfileIO.sha256(profile), chosen, ImportRequests.naturalKey(profile, table),
                profile.legacyId(), scores, review.rowCount(), review.ledger().counts().rejected(), allowDuplicate,
                steward);
        return new ReviewImport(review, db, profile, table, mapper, rows, request);
    }

    /** How many approved rows the import writes (or skips). */
    public long approved() {
        return rows.count();
    }

    public ImportMode mode() {
        return request.mode();
    }

    public TableInfo table() {
        return table;
    }

    public Profile profile() {
        return profile;
    }

    /** Dry run: what the commit would do; throws as the commit would for a duplicate import or conflicts. */
    public CommitPlan plan() {
        return committer().plan(request, rows);
    }

    /** The import in one transaction; on failure, conflicts or cancel nothing is written. */
    public CommitResult commit(Progress progress) {
        return committer().commit(request, rows, progress);
    }

    /** Keeps the review's audit log (decisions and edits) with the batch; returns the entries copied. */
    public long keepAudit(long batchId, Bookkeeping bookkeeping) {
        return ReviewAuditCopy.copy(review, batchId, bookkeeping);
    }

    private Committer committer() {
        return new Committer(db, table, mapper.targetColumns());
    }
}
