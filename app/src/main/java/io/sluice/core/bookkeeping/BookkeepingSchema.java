package io.sluice.core.bookkeeping;

import io.sluice.core.SluiceException;
import io.sluice.core.database.Migrations;
import io.sluice.core.database.Redaction;

/**
 * Sluice's bookkeeping tables ({@code sluice_import_batch}, {@code sluice_provenance_run} and, for batches before V9,
 * {@code sluice_row_provenance}, {@code sluice_before_image}, {@code sluice_decision_audit},
 * {@code sluice_batch_gate}), installed by Flyway from
 * {@code classpath:db/bookkeeping} with their own history table; the user's tables are never touched.
 */
public final class BookkeepingSchema {

    /** Flyway history table of the bookkeeping schema. */
    public static final String HISTORY_TABLE = "sluice_schema_history";
    private static final String COMMON = "classpath:db/bookkeeping/common";

    private BookkeepingSchema() {
    }

    /** Creates or upgrades the bookkeeping tables in that database; does nothing when they are up to date. */
    public static void migrate(String jdbcUrl, String user, String password) {
        // portable migrations, then the few that differ per vendor
        Migrations.migrate(jdbcUrl, user, password, "Sluice's bookkeeping tables", HISTORY_TABLE, COMMON,
                "classpath:db/bookkeeping/" + vendor(jdbcUrl));
    }

    private static String vendor(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        throw SluiceException.input("Sluice keeps its bookkeeping only in H2 or PostgreSQL, not in "
                + Redaction.url(jdbcUrl) + ".");
    }
}
