package io.sluice.core.database;

/**
 * Sluice's sample concrete-mix schema (tables supplier, concrete_mix, material, mix_component, strength_test),
 * installed by Flyway from {@code classpath:db/sample} with its own history table, so Sluice's bookkeeping migrations
 * can keep theirs apart.
 */
public final class SampleSchema {

    /** Flyway history table of the sample schema. */
    public static final String HISTORY_TABLE = "sluice_sample_history";
    private static final String LOCATION = "classpath:db/sample";

    private SampleSchema() {
    }

    /** Creates or upgrades the sample schema in that database; does nothing when it is already up to date. */
    public static void install(String jdbcUrl, String user, String password) {
        Migrations.migrate(jdbcUrl, user, password, "the sample schema", HISTORY_TABLE, LOCATION);
    }
}
