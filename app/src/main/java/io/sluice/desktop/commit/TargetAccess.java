package io.sluice.desktop.commit;

import io.sluice.core.bookkeeping.Bookkeeping;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.target.TargetDatabase;
import io.sluice.desktop.TargetChoice;

/**
 * Opens what imports, history and rollbacks need on the chosen target: the database with Sluice's bookkeeping tables
 * brought up to date, and the bookkeeping itself. Call from a background task; the caller closes what it gets.
 */
public final class TargetAccess {

    private TargetAccess() {
    }

    /** The target with Sluice's bookkeeping tables created or migrated, for commits and rollbacks. */
    public static TargetDatabase openForImport(TargetChoice target) {
        TargetDatabase db = target.open();
        try {
            BookkeepingSchema.migrate(url(target), target.user(), target.password());
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Sluice's bookkeeping (batches, provenance, decision audit) in the target database. */
    public static Bookkeeping bookkeeping(TargetChoice target) {
        if (target.isEmbedded()) {
            // creates the embedded database with its sample schema if nothing has used it yet
            TargetDatabase.openDefault().close();
        }
        return Bookkeeping.open(url(target), target.user(), target.password());
    }

    private static String url(TargetChoice target) {
        return target.isEmbedded() ? TargetDatabase.defaultUrl() : target.url();
    }
}
