package io.sluice.core.bookkeeping;

import io.sluice.core.SluiceException;
import io.sluice.core.database.SampleSchema;
import io.sluice.testing.TestDatabases;
import io.sluice.testing.TestDatabases.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookkeepingTest {

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void migratesAndValidatesTwiceBesideUntouchedUserTables(TestDatabases.Engine engine) throws SQLException {
        Database db = engine.fresh();
        SampleSchema.install(db.url(), db.user(), db.password());
        String before = describe(db, "concrete_mix") + describe(db, "supplier");
        long suppliers = count(db, "SELECT COUNT(*) FROM supplier");

        try (Bookkeeping first = Bookkeeping.open(db.url(), db.user(), db.password())) {
            first.startBatch(start("first.csv", "concrete_mix"));
        }
        try (Bookkeeping second = Bookkeeping.open(db.url(), db.user(), db.password())) {
            assertThat(second.batches()).hasSize(1);
        }

        assertThat(describe(db, "concrete_mix") + describe(db, "supplier")).isEqualTo(before);
        assertThat(count(db, "SELECT COUNT(*) FROM supplier")).isEqualTo(suppliers);
        // Flyway quotes its history table's lower-case names, so they are quoted here for H2 too
        assertThat(count(db, "SELECT COUNT(*) FROM \"sluice_schema_history\" WHERE \"success\" = TRUE"
                + " AND \"version\" IN ('1', '2')")).isEqualTo(2);
    }

    @Test
    void opensOnAnH2FileDatabaseAndKeepsBatchesAcrossReopening(@TempDir Path dir) {
        Database db = TestDatabases.h2File(dir);
        long id;
        try (Bookkeeping bookkeeping = Bookkeeping.open(db.url(), db.user(), db.password())) {
            id = bookkeeping.startBatch(start("lab.xlsx", "concrete_mix")).id();
            bookkeeping.finishBatch(id, new BatchCounts(3, 2, 1, 2, 0, 0), BatchStatus.COMMITTED, null);
        }
        try (Bookkeeping reopened = Bookkeeping.open(db.url(), db.user(), db.password())) {
            assertThat(reopened.batch(id)).get().extracting(ImportBatch::status).isEqualTo(BatchStatus.COMMITTED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void roundTripsABatchThroughStartFinishAndRollback(TestDatabases.Engine engine) {
        Database db = engine.fresh();
        try (Bookkeeping bookkeeping = Bookkeeping.open(db.url(), db.user(), db.password())) {
            Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
            BatchStart start = new BatchStart("ds3-lab-refresh.xlsx", SHA_A, "Mixes", "ds3", SHA_B,
                    "concrete_mix", ImportMode.SKIP_EXISTING, new QualityScores(new BigDecimal("93.6"),
                    new BigDecimal("99.6"), new BigDecimal("100.0"), new BigDecimal("97.7")), "steward");
            long id = bookkeeping.startBatch(start).id();

            ImportBatch running = bookkeeping.batch(id).orElseThrow();
            assertThat(running.status()).isEqualTo(BatchStatus.RUNNING);
            assertThat(running.startedAt()).isBetween(before, Instant.now());
            assertThat(running.finishedAt()).isEmpty();

            BatchCounts counts = new BatchCounts(123, 120, 3, 100, 15, 5);
            bookkeeping.finishBatch(id, counts, BatchStatus.COMMITTED, null);
            bookkeeping.markRolledBack(id, "other-steward");

            ImportBatch read = bookkeeping.batch(id).orElseThrow();
            assertThat(read.sourceFile()).isEqualTo("ds3-lab-refresh.xlsx");
            assertThat(read.sourceSha256()).isEqualTo(SHA_A);
            assertThat(read.sheet()).contains("Mixes");
            assertThat(read.profileName()).isEqualTo("ds3");
            assertThat(read.profileSha256()).isEqualTo(SHA_B);
            assertThat(read.targetTable()).isEqualTo("concrete_mix");
            assertThat(read.mode()).isEqualTo(ImportMode.SKIP_EXISTING);
            assertThat(read.scores()).isEqualTo(start.scores());
            assertThat(read.steward()).isEqualTo("steward");
            assertThat(read.counts()).isEqualTo(counts);
            assertThat(read.status()).isEqualTo(BatchStatus.ROLLED_BACK);
            assertThat(read.finishedAt()).get().matches(at -> !at.isBefore(read.startedAt()));
            assertThat(read.rolledBackBy()).contains("other-steward");
            assertThat(read.rolledBackAt()).isPresent();
            assertThat(read.message()).isEmpty();
            assertThat(storedCode(db, "SELECT import_mode FROM sluice_import_batch")).isEqualTo("skip-existing");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void keepsTheFailureMessageAndListsBatchesNewestFirst(TestDatabases.Engine engine) {
        Database db = engine.fresh();
        try (Bookkeeping bookkeeping = Bookkeeping.open(db.url(), db.user(), db.password())) {
            long first = bookkeeping.startBatch(start("one.csv", "concrete_mix")).id();
            long second = bookkeeping.startBatch(start("two.csv", "concrete_mix")).id();
            bookkeeping.finishBatch(second, BatchCounts.ZERO, BatchStatus.FAILED, "Table concrete_mix is locked.");

            assertThat(bookkeeping.batches()).extracting(ImportBatch::id).containsExactly(second, first);
            assertThat(bookkeeping.batch(second).orElseThrow().message()).contains("Table concrete_mix is locked.");
            assertThat(bookkeeping.batch(second + 100)).isEmpty();
            assertThatThrownBy(() -> bookkeeping.markRolledBack(second, "steward"))
                    .isInstanceOf(SluiceException.class)
                    .hasMessage("Import batch " + second + " failed and wrote nothing; only a committed batch can be rolled"
                            + " back.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void recordsTenThousandProvenanceRowsAndCountsThemByAction(TestDatabases.Engine engine) {
        Database db = engine.fresh();
        try (Bookkeeping bookkeeping = Bookkeeping.open(db.url(), db.user(), db.password())) {
            long id = bookkeeping.startBatch(start("big.csv", "concrete_mix")).id();
            RowAction[] actions = {RowAction.INSERTED, RowAction.INSERTED, RowAction.UPDATED, RowAction.SKIPPED};
            List<RowProvenance> rows = IntStream.range(0, 10_000)
                    .mapToObj(i -> new RowProvenance("concrete_mix", "MIX-" + i, "Sheet1", i + 2L,
                            i % 10 == 0 ? "L" + i : null, actions[i % 4]))
                    .toList();

            bookkeeping.recordProvenance(id, rows);

            assertThat(bookkeeping.provenanceCounts(id))
                    .isEqualTo(Map.of("inserted", 5_000L, "updated", 2_500L, "skipped", 2_500L));
            List<RowProvenance> read = new ArrayList<>();
            bookkeeping.forEachProvenance(id, read::add);
            assertThat(read).hasSize(10_000);
            RowProvenance tenth = read.get(10);
            assertThat(tenth.batchId()).isEqualTo(id);
            // kept in a run since bookkeeping V9, a row has no id of its own
            assertThat(tenth.id()).isEmpty();
            assertThat(tenth.targetTable()).isEqualTo("concrete_mix");
            assertThat(tenth.targetKey()).isEqualTo("MIX-10");
            assertThat(tenth.sourceSheet()).contains("Sheet1");
            assertThat(tenth.sourceRow()).isEqualTo(12);
            assertThat(tenth.legacyId()).contains("L10");
            assertThat(tenth.action()).isEqualTo(RowAction.UPDATED);
            assertThat(read.get(11).legacyId()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void writesBeforeImagesInTheCallersTransactionAndRollsBackWithIt(TestDatabases.Engine engine)
            throws SQLException {
        Database db = engine.fresh();
        try (Bookkeeping bookkeeping = Bookkeeping.open(db.url(), db.user(), db.password())) {
            long id = bookkeeping.startBatch(start("upsert.csv", "concrete_mix")).id();
            String image = "{\"mix_code\":\"M-1\",\"cement_kg\":\"350.0\",\"note\":\"" + "x".repeat(20_000) + "\"}";
            try (Connection connection = db.connect()) {
                connection.setAutoCommit(false);
                try (ProvenanceWriter writer = new ProvenanceWriter(connection, id)) {
                    writer.add(new RowProvenance("concrete_mix", "M-0", "S", 2, null, RowAction.INSERTED));
                    writer.addUpdated(new RowProvenance("concrete_mix", "M-1", "S", 3, null, RowAction.UPDATED), image);
                }
                connection.rollback();
                try (ProvenanceWriter writer = new ProvenanceWriter(connection, id)) {
                    writer.addUpdated(new RowProvenance("concrete_mix", "M-1", "S", 3, null, RowAction.UPDATED), image);
                }
                connection.commit();
            }

            assertThat(bookkeeping.provenanceCounts(id)).isEqualTo(Map.of("updated", 1L));
            List<RowProvenance> provenance = new ArrayList<>();
            bookkeeping.forEachProvenance(id, provenance::add);
            List<BeforeImage> images = new ArrayList<>();
            bookkeeping.forEachBeforeImage(id, images::add);
            assertThat(images).singleElement().satisfies(read -> {
                assertThat(read.batchId()).isEqualTo(id);
                // the image points at its update by run and index within it (the rolled-back writes left no run)
                assertThat(read.provenanceId()).isEmpty();
                assertThat(read.runId()).isPresent();
                assertThat(read.runIndex()).contains(0);
                assertThat(provenance).singleElement().extracting(RowProvenance::targetKey).isEqualTo("M-1");
                assertThat(read.targetTable()).isEqualTo("concrete_mix");
                assertThat(read.targetKey()).isEqualTo("M-1");
                assertThat(read.rowImage()).isEqualTo(image);
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void roundTripsDecisionsOfAReview(TestDatabases.Engine engine) {
        Database db = engine.fresh();
        try (Bookkeeping bookkeeping = Bookkeeping.open(db.url(), db.user(), db.password())) {
            long id = bookkeeping.startBatch(start("ds1.csv", "concrete_mix")).id();
            Instant at = Instant.parse("2026-11-21T10:15:30.123456Z");
            bookkeeping.recordDecisions(List.of(
                    new DecisionAudit(null, "ds1.sluice", 20, DecisionAction.REJECT, "negative water", null, null,
                            null, "steward", at),
                    new DecisionAudit(id, "ds1.sluice", 141, DecisionAction.EDIT, null, "cement_kg", "?", "351.1",
                            "steward", at.plusSeconds(1))));

            List<DecisionAudit> read = bookkeeping.decisions("ds1.sluice");

            assertThat(read).hasSize(2);
            assertThat(read.get(0).batchId()).isEmpty();
            assertThat(read.get(0).action()).isEqualTo(DecisionAction.REJECT);
            assertThat(read.get(0).reason()).contains("negative water");
            assertThat(read.get(0).decidedAt()).isEqualTo(at);
            DecisionAudit edit = read.get(1);
            assertThat(edit.batchId()).contains(id);
            assertThat(edit.reviewFile()).isEqualTo("ds1.sluice");
            assertThat(edit.sourceRow()).isEqualTo(141);
            assertThat(edit.columnName()).contains("cement_kg");
            assertThat(edit.oldValue()).contains("?");
            assertThat(edit.newValue()).contains("351.1");
            assertThat(edit.steward()).isEqualTo("steward");
            assertThat(bookkeeping.decisions("other.sluice")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void findsOnlyLaterBatchesThatChangedTheSameRows(TestDatabases.Engine engine) {
        Database db = engine.fresh();
        try (Bookkeeping bookkeeping = Bookkeeping.open(db.url(), db.user(), db.password())) {
            long first = committed(bookkeeping, "concrete_mix", RowAction.INSERTED, "M-1", "M-2");
            long overlapping = committed(bookkeeping, "concrete_mix", RowAction.UPDATED, "M-2", "M-3");
            long otherKeys = committed(bookkeeping, "concrete_mix", RowAction.INSERTED, "M-9");
            long otherTable = committed(bookkeeping, "supplier", RowAction.INSERTED, "M-1");
            long onlySkipped = committed(bookkeeping, "concrete_mix", RowAction.SKIPPED, "M-1");

            assertThat(bookkeeping.laterBatchesTouching(first)).extracting(ImportBatch::id)
                    .containsExactly(overlapping);
            assertThat(bookkeeping.laterBatchesTouching(overlapping)).isEmpty();
            assertThat(List.of(otherKeys, otherTable, onlySkipped)).doesNotContain(first, overlapping);

            bookkeeping.markRolledBack(overlapping, "steward");
            assertThat(bookkeeping.laterBatchesTouching(first)).isEmpty();
        }
    }

    @Test
    void refusesToFinishABatchTwice() {
        Database db = TestDatabases.h2Mem();
        try (Bookkeeping bookkeeping = Bookkeeping.open(db.url(), db.user(), db.password())) {
            long id = bookkeeping.startBatch(start("a.csv", "concrete_mix")).id();
            bookkeeping.finishBatch(id, BatchCounts.ZERO, BatchStatus.COMMITTED, null);

            assertThatThrownBy(() -> bookkeeping.finishBatch(id, BatchCounts.ZERO, BatchStatus.FAILED, "late"))
                    .isInstanceOf(SluiceException.class)
                    .hasMessage("Import batch " + id + " has already finished (committed).");
        }
    }

    private static long committed(Bookkeeping bookkeeping, String table, RowAction action, String... keys) {
        long id = bookkeeping.startBatch(start("f.csv", table)).id();
        List<RowProvenance> rows = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            rows.add(new RowProvenance(table, keys[i], "S", i + 2L, null, action));
        }
        bookkeeping.recordProvenance(id, rows);
        bookkeeping.finishBatch(id, BatchCounts.ZERO, BatchStatus.COMMITTED, null);
        return id;
    }

    private static BatchStart start(String file, String table) {
        return new BatchStart(file, SHA_A, null, "profile", SHA_B, table, ImportMode.INSERT, QualityScores.NONE,
                "steward");
    }

    private static String describe(Database db, String table) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = db.connect();
             ResultSet columns = c.getMetaData().getColumns(null, null, null, null)) {
            while (columns.next()) {
                if (columns.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    out.append(columns.getString("COLUMN_NAME")).append(' ').append(columns.getString("TYPE_NAME"))
                            .append(' ').append(columns.getInt("COLUMN_SIZE")).append(';');
                }
            }
        }
        assertThat(out).isNotEmpty();
        return out.toString();
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String storedCode(Database db, String sql) {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
