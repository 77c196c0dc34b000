package io.sluice.core.database;

import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.testing.TestDatabases.Database;
import io.sluice.testing.TestDatabases.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening a target skips Flyway only when the history table records every script of the set as applied. */
class MigrationsTest {

    private static final String SAMPLE = "classpath:db/sample";

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSetIsUpToDateOnceMigratedAndNotBefore(Engine engine) {
        Database db = engine.fresh();
        String vendor = engine == Engine.H2 ? "h2" : "postgresql";
        String[] bookkeeping = {"classpath:db/bookkeeping/common", "classpath:db/bookkeeping/" + vendor};

        assertThat(upToDate(db, SampleSchema.HISTORY_TABLE, SAMPLE)).isFalse();
        assertThat(upToDate(db, BookkeepingSchema.HISTORY_TABLE, bookkeeping)).isFalse();
        SampleSchema.install(db.url(), db.user(), db.password());
        BookkeepingSchema.migrate(db.url(), db.user(), db.password());

        assertThat(upToDate(db, SampleSchema.HISTORY_TABLE, SAMPLE)).isTrue();
        assertThat(upToDate(db, BookkeepingSchema.HISTORY_TABLE, bookkeeping)).isTrue();
        // a second opening of an up-to-date target changes nothing and fails on nothing
        SampleSchema.install(db.url(), db.user(), db.password());
        BookkeepingSchema.migrate(db.url(), db.user(), db.password());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aScriptMissingFromTheHistoryOrAFailedOneLeavesItToFlyway(Engine engine) throws SQLException {
        Database db = engine.fresh();
        SampleSchema.install(db.url(), db.user(), db.password());

        execute(db, "UPDATE \"" + SampleSchema.HISTORY_TABLE + "\" SET \"success\" = FALSE WHERE \"version\" = '1'");
        assertThat(upToDate(db, SampleSchema.HISTORY_TABLE, SAMPLE)).isFalse();

        execute(db, "UPDATE \"" + SampleSchema.HISTORY_TABLE + "\" SET \"success\" = TRUE");
        execute(db, "DELETE FROM \"" + SampleSchema.HISTORY_TABLE + "\" WHERE \"version\" = '3'");
        assertThat(upToDate(db, SampleSchema.HISTORY_TABLE, SAMPLE)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aLocationThatCannotBeListedOrAMissingHistoryLeavesItToFlyway(Engine engine) {
        Database db = engine.fresh();
        SampleSchema.install(db.url(), db.user(), db.password());

        assertThat(upToDate(db, SampleSchema.HISTORY_TABLE, "classpath:db/no-such-folder")).isFalse();
        assertThat(upToDate(db, SampleSchema.HISTORY_TABLE, "filesystem:db/sample")).isFalse();
        assertThat(upToDate(db, "no_such_history", SAMPLE)).isFalse();
    }

    private static boolean upToDate(Database db, String history, String... locations) {
        return Migrations.upToDate(db.url(), db.user(), db.password(), history, locations);
    }

    private static void execute(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
