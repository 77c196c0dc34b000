package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.Bookkeeping;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.database.Redaction;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewInfo;

import java.nio.file.Path;

/**
 * Where the rows go: Sluice's embedded H2 database (created with the sample schema on first use) or a database a
 * person named by JDBC URL, which must already exist. The one place the front ends' target settings become a
 * connection or bookkeeping; {@link #toString()} never shows the password. A target taken from a review's record
 * ({@link #recordedIn(Path)}) keeps the review's name in {@code recordedBy}, so that a failure to reach it says where
 * it came from.
 */
public record Target(String url, String user, String password, String recordedBy) {

    /**
     * A target named by URL (null for the embedded database).
     */
    public Target(String url, String user, String password) {
        this(url, user, password, null);
    }

    /** The embedded default database in Sluice's data directory. */
    public static Target embedded() {
        return new Target(null, null, null);
    }

    /**
     * The target a review records, where it was validated: the embedded database when it records none or that one,
     * else the recorded URL (which holds no password: a server that needs one is named again with --target).
     */
    public static Target recordedIn(Path reviewFile) {
        Target recorded;
        try (Review review = Review.open(reviewFile)) {
            recorded = recordedIn(review.info());
        }
        // nobody named it: a failure to reach it must say where it came from and how to choose another
        return recorded.isEmbedded() ? recorded : new Target(recorded.url(), null, null,
                String.valueOf(reviewFile.getFileName()));
    }

    static Target recordedIn(ReviewInfo info) {
        String url = info.targetUrl();
        return url == null || url.equals(Redaction.url(TargetDatabase.defaultUrl())) ? embedded()
                : new Target(url, null, null);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    /** Connects; a named database that does not exist is refused in one sentence (the embedded one is created). */
    public TargetDatabase open() {
        if (isEmbedded()) {
            return TargetDatabase.openDefault();
        }
        try {
            return TargetDatabase.openExisting(url, user, password);
        } catch (SluiceException e) {
            if (recordedBy == null) {
                throw e;
            }
            throw new SluiceException(e.kind(), e.getMessage() + " The review " + recordedBy + " records this"
                    + " database as the one it was validated against; name the database to use with --target.", e);
        }
    }

    /** Connects, with Sluice's bookkeeping tables created or brought up to date (for imports and rollbacks). */
    public TargetDatabase openForImport() {
        TargetDatabase db = open();
        try {
            BookkeepingSchema.migrate(jdbcUrl(), userName(), secret());
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Sluice's bookkeeping (batches, provenance, decision audit) in this database, which must exist. */
    Bookkeeping bookkeeping() {
        // connecting first creates the embedded database on first use, and refuses a named one that does not exist
        open().close();
        return Bookkeeping.open(jdbcUrl(), userName(), secret());
    }

    /** The URL for messages, without any password. */
    public String displayUrl() {
        return Redaction.url(jdbcUrl());
    }

    private String jdbcUrl() {
        return isEmbedded() ? TargetDatabase.defaultUrl() : url;
    }

    private String userName() {
        return isEmbedded() ? TargetDatabase.DEFAULT_USER : user;
    }

    private String secret() {
        return isEmbedded() ? TargetDatabase.DEFAULT_PASSWORD : password;
    }

    @Override
    public String toString() {
        return "Target[" + displayUrl() + (user == null ? "" : ", user " + user) + "]";
    }
}
