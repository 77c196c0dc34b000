package io.sluice.core.database;

import io.sluice.core.SluiceException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Runs one set of Sluice's Flyway migrations against a database that already holds other tables (the user's, or
 * another set of Sluice's): each set keeps its own history table and starts its history beside what is there.
 */
public final class Migrations {

    private Migrations() {
    }

    /**
     * Creates or upgrades the tables of one migration set; does nothing when they are up to date.
     *
     * @param what         what is being created, for the failure message ("the sample schema")
     * @param historyTable the set's own Flyway history table
     * @param locations    Flyway locations, applied in version order
     */
    public static void migrate(String jdbcUrl, String user, String password, String what, String historyTable,
                               String... locations) {
        try {
            Flyway.configure()
                    .dataSource(jdbcUrl, user, password)
                    .locations(locations)
                    .table(historyTable)
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            String message = "Cannot create " + what + " in " + Redaction.url(jdbcUrl) + ": "
                    + Redaction.deepestReason(e, jdbcUrl, password) + ".";
            throw Redaction.mentions(e, password)
                    ? SluiceException.target(message)
                    : SluiceException.target(message, e);
        }
    }
}
