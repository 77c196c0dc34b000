package io.sluice.desktop.commit;

import io.sluice.core.database.TargetDatabase;
import io.sluice.desktop.TargetChoice;

/**
 * Opens what imports need on the chosen target: the database with Sluice's bookkeeping tables brought up to date.
 * Call from a background task; the caller closes what it gets.
 */
public final class TargetAccess {

    private TargetAccess() {
    }

    /** The target with Sluice's bookkeeping tables created or migrated, for commits. */
    public static TargetDatabase openForImport(TargetChoice target) {
        return target.target().openForImport();
    }
}
