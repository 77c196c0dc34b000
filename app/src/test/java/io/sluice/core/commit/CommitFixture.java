package io.sluice.core.commit;

import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.bookkeeping.QualityScores;
import io.sluice.core.mapping.Mapper;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A fresh sample database (concrete_mix, supplier, Sluice's bookkeeping) with a committer over concrete_mix, and
 * approved rows built through the real Mapper from text cells, as a CSV file would give them.
 */
final class CommitFixture implements AutoCloseable {

    static final List<String> HEADERS = List.of("Mix", "Cement", "Water", "Coarse", "Fine", "Age", "Strength",
            "Cast", "Supplier");

    final TestDatabases.Database database;
    final TargetDatabase db;
    final TableInfo table;
    final Mapper mapper;
    private int files;

    CommitFixture(TestDatabases.Engine engine) {
        this(engine.fresh(), true);
    }

    /** Over that database; {@code install} creates the sample schema and Sluice's bookkeeping first. */
    CommitFixture(TestDatabases.Database database, boolean install) {
        this.database = database;
        if (install) {
            SampleSchema.install(database.url(), database.user(), database.password());
            BookkeepingSchema.migrate(database.url(), database.user(), database.password());
        }
        db = TargetDatabase.open(database.url(), database.user(), database.password());
        table = db.table("concrete_mix");
        Profile profile = new Profile(null, 0, "mixes", null, "concrete_mix", List.of(
                ColumnMapping.of("Mix", "mix_code"), ColumnMapping.of("Cement", "cement_kg"),
                ColumnMapping.of("Water", "water_kg"), ColumnMapping.of("Coarse", "coarse_agg_kg"),
                ColumnMapping.of("Fine", "fine_agg_kg"), ColumnMapping.of("Age", "age_days"),
                ColumnMapping.of("Strength", "strength_mpa"), ColumnMapping.of("Cast", "cast_date"),
                ColumnMapping.of("Supplier", "supplier_code")), null, null, null, null, null);
        mapper = Mapper.compile(profile, HEADERS, table);
    }

    Committer committer() {
        return new Committer(db, table, mapper.targetColumns());
    }

    Committer committer(int chunkSize) {
        return new Committer(db, table, mapper.targetColumns(), chunkSize);
    }

    /** A request for a new file (its own sha256) in that mode. */
    CommitRequest request(ImportMode mode) {
        files++;
        return request(mode, ("%064d").formatted(files), false);
    }

    CommitRequest request(ImportMode mode, String sourceSha256, boolean allowDuplicate) {
        return new CommitRequest("mixes.csv", sourceSha256, "mixes.csv", "mixes", "f".repeat(64), mode,
                List.of("mix_code"), "Mix", QualityScores.NONE, 10, 1, allowDuplicate, "steward");
    }

    /** An approved row: mix code, cement, strength and supplier vary; the rest is a plausible mix. */
    ApprovedRow row(long number, String mix, String cement, String strength, String supplier) {
        List<Cell> cells = List.of(Cell.text(mix), Cell.text(cement), Cell.text("180.5"), Cell.text("1000.0"),
                Cell.text("800.0"), Cell.text("28"), Cell.text(strength), Cell.text("2021-03-04"),
                Cell.text(supplier));
        return new ApprovedRow(number, mix, mapper.map(new SourceRow(number, cells)));
    }

    /** Rows M-first.. as mixes with cement 300+i. */
    List<ApprovedRow> rows(int first, int count) {
        List<ApprovedRow> rows = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            rows.add(row(i + 1, "M-" + i, String.valueOf(300 + i), "40.25", "NORD"));
        }
        return rows;
    }

    /** The whole table as text, ordered by key: what a rollback must restore exactly. */
    List<String> contents() throws SQLException {
        try (Connection c = database.connect()) {
            return TableText.rows(c, "SELECT * FROM concrete_mix ORDER BY mix_code");
        }
    }

    long count(String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Batch id -> status, from a fresh connection. */
    Map<Long, String> batches() throws SQLException {
        Map<Long, String> batches = new TreeMap<>();
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, status FROM sluice_import_batch")) {
            while (rs.next()) {
                batches.put(rs.getLong(1), rs.getString(2));
            }
        }
        return batches;
    }

    String message(long batchId) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT message FROM sluice_import_batch WHERE id = " + batchId)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
