package io.sluice.core.target;

import io.sluice.core.SluiceException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Sluice's sample concrete-mix schema (tables supplier and concrete_mix), installed by Flyway from
 * {@code classpath:db/sample} with its own history table, so Sluice's bookkeeping migrations can keep theirs apart.
 */
public final class SampleSchema {

    /** Flyway history table of the sample schema. */
    public static final String HISTORY_TABLE = "sluice_sample_history";
    private static final String LOCATION = "classpath:db/sample";

    private SampleSchema() {
    }

    /** Creates or upgrades the sample schema in that database; does nothing when it is already up to date. */
    public static void install(String jdbcUrl, String user, String password) {
        try {
            Flyway.configure()
                    .dataSource(jdbcUrl, user, password)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    // a schema that already holds other tables (e.g. Sluice's bookkeeping) still gets V1 applied
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            String reason = Redaction.reason(e, jdbcUrl, password);
            throw Redaction.mentions(e, password)
                    ? SluiceException.target(message(jdbcUrl, reason))
                    : SluiceException.target(message(jdbcUrl, reason), e);
        }
    }

    private static String message(String jdbcUrl, String reason) {
        return "Cannot create the sample schema in " + Redaction.url(jdbcUrl) + ": " + reason + ".";
    }
}
