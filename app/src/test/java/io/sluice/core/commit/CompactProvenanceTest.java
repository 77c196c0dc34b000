package io.sluice.core.commit;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.Bookkeeping;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.bookkeeping.RowAction;
import io.sluice.core.bookkeeping.RowProvenance;
import io.sluice.core.database.SampleSchema;
import io.sluice.testing.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provenance of a batch kept in runs of up to a thousand rows: paged, looked up by key, rolled back and checked
 * against later batches exactly as row-by-row provenance was, and batches recorded row by row before V9 still work.
 */
class CompactProvenanceTest {

    /** Mixes M-0, M-1, ... from source rows 1, 2, ... */
    private static List<ApprovedRow> rows(CommitFixture f, int count) {
        List<ApprovedRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(f.row(i + 1, "M-" + i, "300", "40.25", "NORD"));
        }
        return rows;
    }

    /** The table's name as batches record it, in the other case: a look-up ignores case. */
    private static String otherCase(CommitFixture f) {
        String name = f.table.qualifiedName();
        return name.equals(name.toLowerCase()) ? name.toUpperCase() : name.toLowerCase();
    }

    private static Bookkeeping bookkeeping(CommitFixture f) {
        return Bookkeeping.open(f.database.url(), f.database.user(), f.database.password());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aBatchOfSeveralRunsIsPagedAcrossRunBoundariesInTheOrderWritten(TestDatabases.Engine engine)
            throws SQLException {
        try (CommitFixture f = new CommitFixture(engine); Bookkeeping bookkeeping = bookkeeping(f)) {
            long batch = f.committer().commit(f.request(ImportMode.INSERT), rows(f, 2_500), Progress.NONE)
                    .batchId();

            assertThat(f.count("SELECT COUNT(*) FROM sluice_provenance_run WHERE batch_id = " + batch)).isEqualTo(3);
            assertThat(bookkeeping.provenance(batch, 990, 20)).extracting(RowProvenance::targetKey,
                    RowProvenance::sourceRow).containsExactlyElementsOf(expected(990, 20));
            assertThat(bookkeeping.provenance(batch, 1_990, 600)).extracting(RowProvenance::targetKey,
                    RowProvenance::sourceRow).containsExactlyElementsOf(expected(1_990, 510));
            assertThat(bookkeeping.provenance(batch, 0, 1)).extracting(RowProvenance::targetKey).containsExactly("M-0");
            assertThat(bookkeeping.provenance(batch, 2_500, 10)).isEmpty();
            List<String> all = new ArrayList<>();
            bookkeeping.forEachProvenance(batch, p -> all.add(p.targetKey() + "@" + p.sourceRow() + " "
                    + p.action().code() + " " + p.batchId()));
            assertThat(all).hasSize(2_500).startsWith("M-0@1 inserted " + batch)
                    .endsWith("M-2499@2500 inserted " + batch);
            assertThat(bookkeeping.provenanceCounts(batch)).containsExactlyEntriesOf(java.util.Map.of("inserted",
                    2_500L));
        }
    }

    private static List<org.assertj.core.groups.Tuple> expected(int from, int count) {
        List<org.assertj.core.groups.Tuple> rows = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            rows.add(org.assertj.core.groups.Tuple.tuple("M-" + i, (long) i + 1));
        }
        return rows;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aKeyInTheMiddleOfARunIsFoundExactly(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine); Bookkeeping bookkeeping = bookkeeping(f)) {
            long batch = f.committer().commit(f.request(ImportMode.INSERT), rows(f, 2_500), Progress.NONE)
                    .batchId();

            assertThat(bookkeeping.provenanceOf(otherCase(f), "M-1500")).singleElement().satisfies(p -> {
                assertThat(p.batchId()).isEqualTo(batch);
                assertThat(p.sourceRow()).isEqualTo(1_501);
                assertThat(p.action()).isEqualTo(RowAction.INSERTED);
                assertThat(p.sourceSheet()).contains("mixes.csv");
            });
            assertThat(bookkeeping.provenanceOf(f.table.qualifiedName(), "M-15")).extracting(RowProvenance::sourceRow)
                    .containsExactly(16L);
            // within the bounds of every run, in none of them
            assertThat(bookkeeping.provenanceOf(f.table.qualifiedName(), "M-15000")).isEmpty();
            assertThat(bookkeeping.provenanceOf("supplier", "M-15")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void keysWithCommasQuotesNewlinesAndAnyCharacterAreKeptAndFoundExactly(TestDatabases.Engine engine)
            throws SQLException {
        List<String> keys = List.of("A,1", "B\"2\"", "C\n3\r\n", "Ärger €", "日本", "3:x1", "7:", "~", "😀z", "a+1",
                "", "0");
        try (CommitFixture f = new CommitFixture(engine); Bookkeeping bookkeeping = bookkeeping(f)) {
            List<String> before = f.contents();
            List<ApprovedRow> rows = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                if (!keys.get(i).isEmpty()) {
                    rows.add(f.row(10 + 2L * i, keys.get(i), "300", "40", "NORD"));
                }
            }
            long batch = f.committer().commit(f.request(ImportMode.INSERT), rows, Progress.NONE).batchId();

            List<String> written = new ArrayList<>();
            bookkeeping.forEachProvenance(batch, p -> written.add(p.targetKey()));
            assertThat(written).containsExactlyElementsOf(keys.stream().filter(k -> !k.isEmpty()).toList());
            for (int i = 0; i < keys.size(); i++) {
                if (!keys.get(i).isEmpty()) {
                    assertThat(bookkeeping.provenanceOf(f.table.qualifiedName(), keys.get(i))).as(keys.get(i))
                            .extracting(RowProvenance::sourceRow).containsExactly(10 + 2L * i);
                }
            }
            assertThat(bookkeeping.provenanceOf(f.table.qualifiedName(), "A")).isEmpty();
            assertThat(bookkeeping.provenanceOf(f.table.qualifiedName(), "日")).isEmpty();

            new Rollback(f.db).rollback(batch, false, "steward");
            assertThat(f.contents()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aKeyInsertedThenUpdatedInOneBatchIsUndoneStepByStep(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine); Bookkeeping bookkeeping = bookkeeping(f)) {
            f.committer().commit(f.request(ImportMode.INSERT), f.rows(0, 3), Progress.NONE);
            List<String> before = f.contents();
            List<ApprovedRow> rows = List.of(f.row(2, "N-1", "301", "41", "NORD"), f.row(3, "M-1", "302", "42",
                    "CEMS"), f.row(4, "N-1", "303", "43", "RHEI"), f.row(5, "M-1", "304", "44", "NORD"));
            CommitResult result = f.committer(1).commit(f.request(ImportMode.UPSERT), rows, Progress.NONE);
            assertThat(result.inserted()).isEqualTo(1);
            assertThat(result.updated()).isEqualTo(3);
            List<String> steps = new ArrayList<>();
            bookkeeping.forEachProvenance(result.batchId(), p -> steps.add(p.targetKey() + " " + p.action().code()));
            assertThat(steps).containsExactly("N-1 inserted", "M-1 updated", "N-1 updated", "M-1 updated");

            RollbackResult undone = new Rollback(f.db).rollback(result.batchId(), false, "steward");

            assertThat(undone.deleted()).isEqualTo(1);
            assertThat(undone.restored()).isEqualTo(3);
            assertThat(f.contents()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void laterBatchesTouchingAKeyOfAnyRunAreFoundAndOnlyThose(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine); Bookkeeping bookkeeping = bookkeeping(f)) {
            long first = f.committer().commit(f.request(ImportMode.INSERT), rows(f, 2_500), Progress.NONE)
                    .batchId();
            // its key lies within the bounds of every run of the first batch, but in none of them
            long within = f.committer().commit(f.request(ImportMode.INSERT), List.of(f.row(1, "M-17000", "300",
                    "40", "NORD")), Progress.NONE).batchId();
            long apart = f.committer().commit(f.request(ImportMode.INSERT), List.of(f.row(1, "N-1", "300", "40",
                    "NORD")), Progress.NONE).batchId();
            long touching = f.committer().commit(f.request(ImportMode.UPSERT), List.of(f.row(1, "M-1700", "999",
                    "40", "NORD")), Progress.NONE).batchId();

            assertThat(bookkeeping.laterBatchesTouching(first)).extracting(ImportBatch::id).containsExactly(touching);
            assertThat(bookkeeping.laterBatchesTouching(within)).isEmpty();
            assertThat(bookkeeping.laterBatchesTouching(apart)).isEmpty();
            assertThatThrownBy(() -> new Rollback(f.db).rollback(first, false, "steward"))
                    .isInstanceOf(SluiceException.class)
                    .hasMessageContaining("later batch(es) " + touching + " changed the same rows");

            RollbackResult cascade = new Rollback(f.db).rollback(first, true, "steward");
            assertThat(cascade.alsoRolledBack()).containsExactly(touching);
            assertThat(f.count("SELECT COUNT(*) FROM concrete_mix")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aBatchRecordedRowByRowBeforeV9IsListedFoundAndRolledBackAfterTheMigration(TestDatabases.Engine engine)
            throws SQLException {
        TestDatabases.Database database = engine.fresh();
        SampleSchema.install(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/bookkeeping/common", "classpath:db/bookkeeping/"
                        + (engine == TestDatabases.Engine.H2 ? "h2" : "postgresql"))
                .table(BookkeepingSchema.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0").target("8")
                .load().migrate();
        try (CommitFixture f = new CommitFixture(database, false)) {
            f.execute("INSERT INTO concrete_mix (mix_code, cement_kg, water_kg, fly_ash_kg, coarse_agg_kg,"
                    + " fine_agg_kg, superplasticizer_kg, w_c_ratio, age_days, strength_mpa, cast_date,"
                    + " supplier_code) VALUES ('M-1', 410.0, 190.5, NULL, 1010.0, 790.0, 2.50, 0.465, 7, 33.10, NULL,"
                    + " 'ALPC')");
            List<String> before = f.contents();
            long old = olderBatch(f);
            BookkeepingSchema.migrate(database.url(), database.user(), database.password());

            try (Bookkeeping bookkeeping = bookkeeping(f)) {
                assertThat(bookkeeping.provenance(old, 0, 10)).extracting(RowProvenance::targetKey,
                        RowProvenance::action).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("M-7", RowAction.INSERTED),
                        org.assertj.core.groups.Tuple.tuple("M-1", RowAction.UPDATED));
                assertThat(bookkeeping.provenance(old, 1, 10)).extracting(RowProvenance::sourceRow)
                        .containsExactly(3L);
                assertThat(bookkeeping.provenanceOf(f.table.qualifiedName(), "M-7")).singleElement()
                        .extracting(RowProvenance::batchId).isEqualTo(old);
                assertThat(bookkeeping.provenanceCounts(old)).isEqualTo(java.util.Map.of("inserted", 1L,
                        "updated", 1L));

                // a batch recorded in runs after the migration changes a row the older batch inserted
                long later = f.committer().commit(f.request(ImportMode.UPSERT), List.of(f.row(2, "M-7", "555",
                        "40", "NORD")), Progress.NONE).batchId();
                assertThat(bookkeeping.provenanceOf(f.table.qualifiedName(), "M-7")).extracting(RowProvenance::batchId)
                        .containsExactly(old, later);
                assertThat(bookkeeping.laterBatchesTouching(old)).extracting(ImportBatch::id).containsExactly(later);
                assertThatThrownBy(() -> new Rollback(f.db).rollback(old, false, "steward"))
                        .hasMessageContaining("later batch(es) " + later + " changed the same rows");
            }

            RollbackResult result = new Rollback(f.db).rollback(old, true, "steward");

            assertThat(result.batches()).extracting(RollbackResult.Undone::batchId).hasSize(2);
            assertThat(result.deleted()).isEqualTo(1);
            assertThat(result.restored()).isEqualTo(2);
            assertThat(f.contents()).isEqualTo(before);
        }
    }

    /** A committed batch as Sluice wrote it before V9: M-7 inserted, M-1 updated, one provenance row each. */
    private static long olderBatch(CommitFixture f) throws SQLException {
        String cement = f.table.column("cement_kg").orElseThrow().name();
        String key = f.table.column("mix_code").orElseThrow().name();
        String table = f.table.qualifiedName();
        try (Connection c = f.database.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO sluice_import_batch (id, source_file, source_sha256, profile_name, profile_sha256,"
                    + " target_table, import_mode, steward, started_at, finished_at, status, key_columns) VALUES"
                    + " (1, 'old.csv', '" + "a".repeat(64) + "', 'mixes', '" + "b".repeat(64) + "', '" + table
                    + "', 'upsert', 'steward', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'committed', '[\"" + key
                    + "\"]')");
            s.execute("INSERT INTO sluice_row_provenance (id, batch_id, target_table, target_key, source_sheet,"
                    + " source_row, legacy_id, action) VALUES (1, 1, '" + table + "', 'M-7', 'old.csv', 2, NULL,"
                    + " 'inserted'), (2, 1, '" + table + "', 'M-1', 'old.csv', 3, NULL, 'updated')");
            s.execute("INSERT INTO sluice_before_image (batch_id, provenance_id, target_table, target_key,"
                    + " row_image) VALUES (1, 2, '" + table + "', 'M-1', '{\"" + cement + "\":\"410.0\"}')");
            s.execute("INSERT INTO concrete_mix (mix_code, cement_kg, water_kg, coarse_agg_kg, fine_agg_kg,"
                    + " age_days) VALUES ('M-7', 300.0, 180.0, 1000.0, 800.0, 28)");
            s.execute("UPDATE concrete_mix SET cement_kg = 333.0 WHERE mix_code = 'M-1'");
            if (f.database.engine() == TestDatabases.Engine.H2) {
                s.execute("ALTER TABLE sluice_import_batch ALTER COLUMN id RESTART WITH 2");
            } else {
                s.execute("SELECT setval(pg_get_serial_sequence('sluice_import_batch', 'id'), 1)");
            }
        }
        return 1;
    }
}
