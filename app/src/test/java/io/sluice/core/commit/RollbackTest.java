package io.sluice.core.commit;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RollbackTest {

    /** Rows already in the table before any import, some with NULLs and defaults, written by plain SQL. */
    private static void seed(CommitFixture f) throws SQLException {
        f.execute("INSERT INTO concrete_mix (mix_code, cement_kg, water_kg, fly_ash_kg, coarse_agg_kg, fine_agg_kg,"
                + " superplasticizer_kg, w_c_ratio, age_days, strength_mpa, cast_date, supplier_code) VALUES"
                + " ('M-1', 410.0, 190.5, NULL, 1010.0, 790.0, 2.50, 0.465, 7, 33.10, NULL, 'ALPC'),"
                + " ('M-2', 420.0, 200.0, 15.0, 1020.0, 780.0, NULL, NULL, 56, NULL, DATE '2019-12-31', NULL),"
                + " ('Z-9', 430.0, 210.0, 0, 1030.0, 770.0, 1.00, 0.488, 90, 60.00, DATE '2020-02-29', 'EVIA')");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void rollingBackAnInsertBatchRestoresTheTableExactly(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            seed(f);
            List<String> before = f.contents();
            CommitResult batch = f.committer(3).commit(f.request(ImportMode.INSERT), f.rows(3, 7),
                    Progress.NONE);
            assertThat(f.contents()).hasSize(10);

            RollbackResult result = new Rollback(f.db).rollback(batch.batchId(), false, "reviewer");

            assertThat(result).isEqualTo(new RollbackResult(batch.batchId(), 7, 0, List.of(),
                    List.of(new RollbackResult.Undone(batch.batchId(), 7, 0))));
            assertThat(f.contents()).isEqualTo(before);
            assertThat(f.batches().get(batch.batchId())).isEqualTo("rolled_back");
            assertThat(f.count("SELECT COUNT(*) FROM sluice_import_batch WHERE rolled_back_by = 'reviewer'"
                    + " AND rolled_back_at IS NOT NULL")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void rollingBackAnUpsertBatchRestoresUpdatedRowsExactly(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            seed(f);
            List<String> before = f.contents();
            List<ApprovedRow> rows = List.of(f.row(2, "M-1", "501.5", "44.4", "NORD"),
                    f.row(3, "M-2", "502.5", "45.5", "CEMS"), f.row(4, "M-5", "503.5", "46.6", "RHEI"),
                    f.row(5, "Z-9", "504.5", "47.7", "NORD"));
            CommitResult batch = f.committer(2).commit(f.request(ImportMode.UPSERT), rows, Progress.NONE);
            assertThat(batch.updated()).isEqualTo(3);
            assertThat(f.contents()).isNotEqualTo(before);

            RollbackResult result = new Rollback(f.db).rollback(batch.batchId(), false, "reviewer");

            assertThat(result.deleted()).isEqualTo(1);
            assertThat(result.restored()).isEqualTo(3);
            assertThat(f.contents()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void refusesWhenLaterBatchesChangedTheSameRowsAndCascadesNewestFirst(TestDatabases.Engine engine)
            throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            seed(f);
            List<String> before = f.contents();
            long first = f.committer().commit(f.request(ImportMode.UPSERT), List.of(
                    f.row(2, "M-1", "601", "41", "NORD"), f.row(3, "A-1", "602", "42", "NORD")),
                    Progress.NONE).batchId();
            long second = f.committer().commit(f.request(ImportMode.UPSERT), List.of(
                    f.row(2, "A-1", "701", "51", "CEMS")), Progress.NONE).batchId();
            long unrelated = f.committer().commit(f.request(ImportMode.INSERT), List.of(
                    f.row(2, "B-1", "301", "31", "CEMS")), Progress.NONE).batchId();
            long third = f.committer().commit(f.request(ImportMode.UPSERT), List.of(
                    f.row(2, "A-1", "801", "61", "EVIA")), Progress.NONE).batchId();
            List<String> withUnrelated = f.contents();

            assertThatThrownBy(() -> new Rollback(f.db).rollback(first, false, "reviewer"))
                    .isInstanceOf(SluiceException.class)
                    .hasMessageContaining("batch " + first + " cannot be rolled back")
                    .hasMessageContaining(third + ", " + second);
            assertThat(f.contents()).isEqualTo(withUnrelated);

            RollbackResult result = new Rollback(f.db).rollback(first, true, "reviewer");

            assertThat(result.alsoRolledBack()).containsExactly(third, second);
            assertThat(result.restored()).isEqualTo(3);
            assertThat(result.deleted()).isEqualTo(1);
            assertThat(f.contents()).hasSize(before.size() + 1).containsAll(before);
            assertThat(f.batches()).containsEntry(first, "rolled_back").containsEntry(second, "rolled_back")
                    .containsEntry(third, "rolled_back").containsEntry(unrelated, "committed");
            assertThatThrownBy(() -> new Rollback(f.db).rollback(first, false, "reviewer"))
                    .hasMessage("Import batch " + first + " is already rolled back; only a committed batch can be"
                            + " rolled back.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aKeyInsertedAndThenUpdatedByOneBatchIsRemovedByItsRollback(TestDatabases.Engine engine)
            throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            seed(f);
            List<String> before = f.contents();
            List<ApprovedRow> rows = List.of(f.row(2, "M-5", "501.5", "44.4", "NORD"),
                    f.row(3, "M-1", "502.5", "45.5", "CEMS"), f.row(4, "M-5", "503.5", "46.6", "RHEI"));
            // chunks of one row: the second M-5 finds the first one already in the table and updates it
            CommitResult batch = f.committer(1).commit(f.request(ImportMode.UPSERT), rows, Progress.NONE);
            assertThat(batch.inserted()).isEqualTo(1);
            assertThat(batch.updated()).isEqualTo(2);

            RollbackResult result = new Rollback(f.db).rollback(batch.batchId(), false, "reviewer");

            assertThat(result.deleted()).isEqualTo(1);
            assertThat(result.restored()).isEqualTo(2);
            assertThat(f.contents()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void refusesToRollBackABatchThatDoesNotExist(TestDatabases.Engine engine) {
        try (CommitFixture f = new CommitFixture(engine)) {
            assertThatThrownBy(() -> new Rollback(f.db).rollback(42, false, "reviewer"))
                    .isInstanceOf(SluiceException.class)
                    .hasMessageStartingWith("There is no import batch 42 in ");
        }
    }
}
