package io.sluice.core.usecase;

import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TargetDatabase;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fresh target with the sample schema and Sluice's bookkeeping (H2 or PostgreSQL), and small concrete-mix CSV
 * files in the layout of the ds1 sample, read with its profile.
 */
final class MixTarget implements AutoCloseable {

    static final String HEADER = "Mix Code,Cement (kg/m3),Water (kg/m3),Fly Ash (kg/m3),Slag (kg/m3),"
            + "Coarse Aggregate (kg/m3),Fine Aggregate (kg/m3),Superplasticizer (kg/m3),w/c,w/b,Age (days),"
            + "Strength (MPa),Cast Date,Supplier,Remarks";
    private static final Path PROFILE = Path.of("..", "sample-data", "profiles", "ds1.profile.json");

    final TestDatabases.Database database;
    final TargetDatabase db;
    private final Path dir;

    private MixTarget(TestDatabases.Database database, Path dir) {
        this.database = database;
        this.dir = dir;
        SampleSchema.install(database.url(), database.user(), database.password());
        BookkeepingSchema.migrate(database.url(), database.user(), database.password());
        this.db = TargetDatabase.open(database.url(), database.user(), database.password());
    }

    static MixTarget of(TestDatabases.Engine engine, Path dir) {
        return new MixTarget(engine.fresh(), dir);
    }

    Target target() {
        return new Target(database.url(), database.user(), database.password());
    }

    /** The ds1 sample's profile (natural key mix_code, commit mode insert). */
    static Profile profile() {
        return ProfileIO.read(PROFILE);
    }

    /** One valid CSV line for that mix code (like DS1-0000001) with that cement content (kg/m3, e.g. "350.0"). */
    static String mix(String code, String cement) {
        return code + "," + cement + ",175.0,0.0,0.0,1000.0,800.0,,0.500,0.500,28,30.00,01/02/2023,CEMS,";
    }

    /** Writes (or overwrites) a CSV with the ds1 header and these lines. */
    Path csv(String name, String... lines) throws IOException {
        List<String> all = new ArrayList<>(List.of(HEADER));
        all.addAll(List.of(lines));
        return Files.write(dir.resolve(name), all);
    }

    /** Each mix as "code|cement", by code. */
    List<String> mixes() throws SQLException {
        return TableText.rows(db.connection(), "SELECT mix_code, cement_kg FROM concrete_mix ORDER BY mix_code");
    }

    /** Each batch as "id|status|inserted|updated|skipped", oldest first. */
    List<String> batches() throws SQLException {
        return TableText.rows(db.connection(), "SELECT id, status, rows_inserted, rows_updated, rows_skipped"
                + " FROM sluice_import_batch ORDER BY id");
    }

    /** Adds a mix behind Sluice's back, as another user would. */
    void insertMix(String code, String cement) throws SQLException {
        try (Statement s = db.connection().createStatement()) {
            s.execute("INSERT INTO concrete_mix (mix_code, cement_kg, water_kg, coarse_agg_kg, fine_agg_kg, age_days)"
                    + " VALUES ('" + code + "', " + cement + ", 175, 1000, 800, 28)");
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
