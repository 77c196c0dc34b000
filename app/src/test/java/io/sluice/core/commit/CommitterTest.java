package io.sluice.core.commit;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.bookkeeping.Bookkeeping;
import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.rules.Finding;
import io.sluice.testing.TestDatabases;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CommitterTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void insertsABatchWithItsProvenanceInOneCommittedBatch(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            CommitResult result = f.committer().commit(f.request(ImportMode.INSERT), f.rows(0, 5),
                    Progress.NONE);

            assertThat(result.inserted()).isEqualTo(5);
            assertThat(result.updated() + result.skipped()).isZero();
            assertThat(f.contents()).hasSize(5).first().asString().startsWith("M-0|300.0|180.5|");
            try (Bookkeeping bookkeeping = Bookkeeping.open(f.database.url(), f.database.user(),
                    f.database.password())) {
                ImportBatch batch = bookkeeping.batch(result.batchId()).orElseThrow();
                assertThat(batch.status()).isEqualTo(BatchStatus.COMMITTED);
                assertThat(batch.counts().inserted()).isEqualTo(5);
                assertThat(batch.counts().approved()).isEqualTo(5);
                assertThat(bookkeeping.provenanceCounts(result.batchId())).isEqualTo(Map.of("inserted", 5L));
                List<String> keys = new ArrayList<>();
                bookkeeping.forEachProvenance(result.batchId(), p -> keys.add(p.targetKey() + "@" + p.sourceRow()
                        + "/" + p.legacyId().orElse("")));
                assertThat(keys).containsExactly("M-0@1/M-0", "M-1@2/M-1", "M-2@3/M-2", "M-3@4/M-3", "M-4@5/M-4");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void upsertUpdatesExistingRowsKeepingTheirBeforeImages(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            f.committer().commit(f.request(ImportMode.INSERT), f.rows(0, 3), Progress.NONE);
            List<ApprovedRow> rows = List.of(f.row(1, "M-1", "555.5", "50", "CEMS"),
                    f.row(2, "M-2", "556.5", "51", "ALPC"), f.row(3, "M-7", "557.5", "52", "NORD"));

            CommitResult result = f.committer(2).commit(f.request(ImportMode.UPSERT), rows, Progress.NONE);

            assertThat(result.updated()).isEqualTo(2);
            assertThat(result.inserted()).isEqualTo(1);
            assertThat(f.contents()).hasSize(4);
            assertThat(f.count("SELECT COUNT(*) FROM concrete_mix WHERE cement_kg = 555.5 AND supplier_code = 'CEMS'"))
                    .isEqualTo(1);
            assertThat(f.count("SELECT SUM(updated) FROM sluice_provenance_run WHERE batch_id = " + result.batchId())).isEqualTo(2);
            assertThat(f.count("SELECT COUNT(*) FROM sluice_before_image WHERE batch_id = " + result.batchId()
                    + " AND target_key = 'M-1' AND row_image LIKE '%\"CEMENT_KG\":\"301.0\"%'"
                    .replace("CEMENT_KG", engine == TestDatabases.Engine.H2 ? "CEMENT_KG" : "cement_kg")))
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void skipExistingLeavesExistingRowsAlone(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            f.committer().commit(f.request(ImportMode.INSERT), f.rows(0, 2), Progress.NONE);
            List<String> before = f.contents();
            List<ApprovedRow> rows = List.of(f.row(1, "M-0", "999.0", "10", "CEMS"), f.row(2, "M-1", "999.0", "10",
                    "CEMS"), f.row(3, "M-9", "309", "40.25", "NORD"));

            CommitPlan plan = f.committer().plan(f.request(ImportMode.SKIP_EXISTING), rows);
            CommitResult result = f.committer().commit(f.request(ImportMode.SKIP_EXISTING), rows,
                    Progress.NONE);

            assertThat(plan).isEqualTo(new CommitPlan(1, 0, 2));
            assertThat(result.skipped()).isEqualTo(2);
            assertThat(result.inserted()).isEqualTo(1);
            assertThat(f.contents()).containsAll(before).hasSize(3);
            assertThat(f.count("SELECT SUM(skipped) FROM sluice_provenance_run WHERE batch_id = " + result.batchId())).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void refusesADuplicateImportUnlessAllowed(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            String sha = "a".repeat(64);
            long first = f.committer().commit(f.request(ImportMode.INSERT, sha, false), f.rows(0, 2),
                    Progress.NONE).batchId();

            assertThatThrownBy(() -> f.committer().commit(f.request(ImportMode.SKIP_EXISTING, sha, false),
                    f.rows(0, 2), Progress.NONE))
                    .isInstanceOf(SluiceException.class)
                    .hasMessageContaining("already imported").hasMessageContaining("batch " + first);
            CommitResult again = f.committer().commit(f.request(ImportMode.SKIP_EXISTING, sha, true), f.rows(0, 3),
                    Progress.NONE);

            assertThat(again.skipped()).isEqualTo(2);
            assertThat(again.inserted()).isEqualTo(1);
            assertThat(f.batches()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void insertModeConflictWritesNothingAndNamesTheRow(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            f.committer().commit(f.request(ImportMode.INSERT), f.rows(3, 1), Progress.NONE);
            List<String> before = f.contents();

            CommitConflictException e = catchThrowableOfType(() -> f.committer(2).commit(
                    f.request(ImportMode.INSERT), f.rows(0, 6), Progress.NONE), CommitConflictException.class);

            assertThat(e.findings()).extracting(Finding::row, Finding::rule, Finding::target)
                    .containsExactly(Tuple.tuple(4L, "key-exists", f.table.column("mix_code")
                            .orElseThrow().name()));
            assertThat(e.findings().get(0).message()).contains("M-3").contains("already exists");
            assertThat(f.contents()).isEqualTo(before);
            assertThat(f.batches().values()).containsExactly("committed", "failed");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void missingForeignKeyParentIsAConflict(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            List<ApprovedRow> rows = List.of(f.row(2, "A-1", "300", "40", "NORD"), f.row(3, "A-2", "300", "40",
                    "NRD"));

            CommitConflictException e = catchThrowableOfType(() -> f.committer().commit(
                    f.request(ImportMode.UPSERT), rows, Progress.NONE), CommitConflictException.class);

            assertThat(e.findings()).singleElement().satisfies(finding -> {
                assertThat(finding.row()).isEqualTo(3);
                assertThat(finding.rule()).isEqualTo("fk");
                assertThat(finding.cell()).isEqualTo("I3");
                assertThat(finding.message()).contains("'NRD' does not exist");
            });
            assertThat(f.contents()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void insertNamesAMissingParentInALaterChunkAndWritesNothing(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            List<ApprovedRow> rows = List.of(f.row(2, "A-1", "300", "40", "NORD"), f.row(3, "A-2", "300", "40",
                    "NORD"), f.row(4, "A-3", "300", "40", "NORD"), f.row(5, "A-4", "300", "40", "NRD"),
                    f.row(6, "A-5", "300", "40", "NORD"), f.row(7, "A-6", "300", "40", "XX"));

            CommitConflictException e = catchThrowableOfType(() -> f.committer(2).commit(
                    f.request(ImportMode.INSERT), rows, Progress.NONE), CommitConflictException.class);

            assertThat(e.findings()).extracting(Finding::row, Finding::rule, Finding::cell)
                    .containsExactly(Tuple.tuple(5L, "fk", "I5"), Tuple.tuple(7L, "fk", "I7"));
            assertThat(e.findings().get(0).message()).contains("'NRD' does not exist");
            assertThat(e.getMessage()).startsWith("2 approved row(s) conflict with table");
            assertThat(f.contents()).isEmpty();
            assertThat(f.batches().values()).containsExactly("failed");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void cancelMidwayLeavesTheTableUnchangedAndRecordsTheBatchFailed(TestDatabases.Engine engine)
            throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            long[] written = {0};
            Progress cancelAfterFour = new Progress() {
                @Override
                public void rowsDone(long n) {
                    written[0] = n;
                }

                @Override
                public boolean isCancelled() {
                    return written[0] >= 4;
                }
            };

            assertThatThrownBy(() -> f.committer(2).commit(f.request(ImportMode.INSERT), f.rows(0, 10),
                    cancelAfterFour)).isInstanceOf(CancellationException.class);

            assertThat(written[0]).as("stopped before the last row").isLessThan(10);
            assertThat(f.contents()).isEmpty();
            assertThat(f.count("SELECT COALESCE(SUM(row_count), 0) FROM sluice_provenance_run")).isZero();
            Map.Entry<Long, String> batch = f.batches().entrySet().iterator().next();
            assertThat(batch.getValue()).isEqualTo("failed");
            assertThat(f.message(batch.getKey())).contains("cancelled");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void refusesBeforeWritingWhenAMappedColumnWasDropped(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            f.execute("ALTER TABLE concrete_mix DROP COLUMN strength_mpa");

            assertThatThrownBy(() -> f.committer().commit(f.request(ImportMode.INSERT), f.rows(0, 3),
                    Progress.NONE))
                    .isInstanceOf(SluiceException.class)
                    .hasMessageContaining("has changed since it was mapped")
                    .hasMessageContaining(f.table.column("strength_mpa").orElseThrow().name());
            assertThat(f.contents()).isEmpty();
            assertThat(f.batches()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aConstraintViolationRollsEverythingBackAndRecordsTheReason(TestDatabases.Engine engine)
            throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            List<ApprovedRow> rows = new ArrayList<>(f.rows(0, 4));
            rows.add(f.row(9, "BIG", "1300", "40", "NORD"));

            SluiceException e = catchThrowableOfType(() -> f.committer(2).commit(f.request(ImportMode.INSERT), rows,
                    Progress.NONE), SluiceException.class);

            assertThat(e.kind()).isEqualTo(SluiceException.Kind.TARGET);
            assertThat(e.getMessage()).containsIgnoringCase("ck_binder_total").contains("nothing was written");
            assertThat(f.contents()).isEmpty();
            assertThat(f.count("SELECT COALESCE(SUM(row_count), 0) FROM sluice_provenance_run")).isZero();
            Map.Entry<Long, String> batch = f.batches().entrySet().iterator().next();
            assertThat(batch.getValue()).isEqualTo("failed");
            assertThat(f.message(batch.getKey())).containsIgnoringCase("ck_binder_total");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void planCountsWithoutWritingAndReportsConflictsAsCommitWould(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            f.committer().commit(f.request(ImportMode.INSERT), f.rows(0, 2), Progress.NONE);
            List<String> before = f.contents();

            CommitPlan upsert = f.committer(2).plan(f.request(ImportMode.UPSERT), f.rows(0, 5));
            CommitConflictException insert = catchThrowableOfType(() -> f.committer(2).plan(
                    f.request(ImportMode.INSERT), f.rows(0, 5)), CommitConflictException.class);

            // the two rows already in the table hold the same values: an upsert leaves them unchanged
            assertThat(upsert).isEqualTo(new CommitPlan(3, 0, 2));
            assertThat(insert.findings()).extracting(Finding::row).containsExactly(1L, 2L);
            assertThat(f.contents()).isEqualTo(before);
            assertThat(f.batches()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void readsTheRowsOnceAndReportsProgressRisingToTheTotal(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            boolean[] iterated = {false};
            Iterable<ApprovedRow> once = () -> {
                assertThat(iterated[0]).as("the rows are read only once").isFalse();
                iterated[0] = true;
                return IntStream.range(0, 2_500)
                        .mapToObj(i -> f.row(i + 2, "S-" + i, "300", "40", "NORD")).iterator();
            };
            List<Long> reports = new ArrayList<>();

            CommitResult result = f.committer().commit(f.request(ImportMode.INSERT), once, new Progress() {
                @Override
                public void rowsDone(long n) {
                    reports.add(n);
                }
            });

            assertThat(result.inserted()).isEqualTo(2_500);
            assertThat(reports).as("progress while writing, not only at the end").hasSizeGreaterThan(1)
                    .isSorted().doesNotHaveDuplicates().last().isEqualTo(2_500L);
            assertThat(f.count("SELECT COUNT(*) FROM concrete_mix")).isEqualTo(2_500);
            assertThat(f.count("SELECT COALESCE(SUM(row_count), 0) FROM sluice_provenance_run")).isEqualTo(2_500);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aKeyRepeatedInALaterChunkIsNamedAsTakenAndNothingIsWritten(TestDatabases.Engine engine)
            throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            List<ApprovedRow> rows = List.of(f.row(2, "M-0", "300", "40", "NORD"), f.row(3, "M-1", "300", "40",
                    "NORD"), f.row(4, "M-2", "300", "40", "NORD"), f.row(5, "M-0", "301", "41", "NORD"));

            CommitConflictException e = catchThrowableOfType(() -> f.committer(2).commit(
                    f.request(ImportMode.INSERT), rows, Progress.NONE), CommitConflictException.class);

            assertThat(e.findings()).extracting(Finding::row, Finding::rule).containsExactly(Tuple.tuple(5L,
                    "key-exists"));
            assertThat(e.getMessage()).startsWith("1 approved row(s) conflict");
            assertThat(f.contents()).isEmpty();
            assertThat(f.count("SELECT COALESCE(SUM(row_count), 0) FROM sluice_provenance_run")).isZero();
            assertThat(f.batches().values()).containsExactly("failed");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void everyTakenKeyIsNamedWhenTheTargetRefusesTheFirst(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            f.committer().commit(f.request(ImportMode.INSERT), List.of(f.row(1, "M-3", "300", "40", "NORD"),
                    f.row(2, "M-6", "300", "40", "NORD")), Progress.NONE);
            List<String> before = f.contents();

            CommitConflictException e = catchThrowableOfType(() -> f.committer(2).commit(
                    f.request(ImportMode.INSERT), f.rows(0, 9), Progress.NONE), CommitConflictException.class);

            assertThat(e.findings()).extracting(Finding::row, Finding::rule).containsExactly(
                    Tuple.tuple(4L, "key-exists"), Tuple.tuple(7L, "key-exists"));
            assertThat(e.getMessage()).startsWith("2 approved row(s) conflict");
            assertThat(f.contents()).isEqualTo(before);
            assertThat(f.count("SELECT COALESCE(SUM(row_count), 0) FROM sluice_provenance_run")).isEqualTo(2);
            assertThat(f.batches().values()).containsExactly("committed", "failed");
        }
    }
    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aChunkWithConflictsOfItsOwnAfterARefusedKeyCountsEachConflictOnceAsTheDryRunDoes(
            TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            f.committer().commit(f.request(ImportMode.INSERT), f.rows(1, 1), Progress.NONE);
            // chunks of 2: M-1 is taken in the target; the third chunk repeats M-4 within itself
            List<ApprovedRow> rows = List.of(f.row(1, "M-0", "300", "40", "NORD"), f.row(2, "M-1", "300", "40",
                    "NORD"), f.row(3, "M-2", "300", "40", "NORD"), f.row(4, "M-3", "300", "40", "NORD"),
                    f.row(5, "M-4", "300", "40", "NORD"), f.row(6, "M-4", "301", "40", "NORD"),
                    f.row(7, "M-5", "300", "40", "NORD"));

            CommitConflictException planned = catchThrowableOfType(() -> f.committer(2).plan(
                    f.request(ImportMode.INSERT), rows), CommitConflictException.class);
            CommitConflictException e = catchThrowableOfType(() -> f.committer(2).commit(
                    f.request(ImportMode.INSERT), rows, Progress.NONE), CommitConflictException.class);

            assertThat(e.findings()).extracting(Finding::row, Finding::rule).containsExactly(
                    Tuple.tuple(2L, "key-exists"), Tuple.tuple(6L, "key"));
            assertThat(e.findings()).isEqualTo(planned.findings());
            assertThat(e.getMessage()).startsWith("2 approved row(s) conflict").isEqualTo(planned.getMessage());
            assertThat(f.count("SELECT COUNT(*) FROM concrete_mix")).isEqualTo(1);
            assertThat(f.count("SELECT COALESCE(SUM(row_count), 0) FROM sluice_provenance_run")).isEqualTo(1);
            assertThat(f.batches().values()).containsExactly("committed", "failed");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anUnstorableValueAfterARefusedKeyIsCountedOnce(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            f.committer().commit(f.request(ImportMode.INSERT), f.rows(1, 1), Progress.NONE);
            List<ApprovedRow> rows = List.of(f.row(1, "M-0", "300", "40", "NORD"), f.row(2, "M-1", "300", "40",
                    "NORD"), f.row(3, "M-2", "300", "40", "NORD"), f.row(4, "M-3", "lots", "40", "NORD"));

            UnstorableValuesException e = catchThrowableOfType(() -> f.committer(2).commit(
                    f.request(ImportMode.INSERT), rows, Progress.NONE), UnstorableValuesException.class);

            assertThat(e.getMessage()).startsWith("1 approved value(s) cannot be stored").contains("row 4");
            assertThat(f.count("SELECT COUNT(*) FROM concrete_mix")).isEqualTo(1);
            assertThat(f.batches().values()).containsExactly("committed", "failed");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void rowsOverSeveralCopiesAreAllWrittenWithTheirProvenance(TestDatabases.Engine engine) throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            // chunks of 3: 40 rows are 14 chunks, more than one COPY's worth, the last chunk short
            CommitResult result = f.committer(3).commit(f.request(ImportMode.INSERT), f.rows(0, 40), Progress.NONE);

            assertThat(result.inserted()).isEqualTo(40);
            assertThat(f.count("SELECT COUNT(*) FROM concrete_mix")).isEqualTo(40);
            assertThat(f.count("SELECT COALESCE(SUM(row_count), 0) FROM sluice_provenance_run")).isEqualTo(40);
            assertThat(f.count("SELECT COALESCE(SUM(inserted), 0) FROM sluice_provenance_run")).isEqualTo(40);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aRowRefusedAsItsCopyEndsWhileTheNextIsRenderedIsNamedAndNothingIsWritten(TestDatabases.Engine engine)
            throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            f.committer().commit(f.request(ImportMode.INSERT), f.rows(14, 1), Progress.NONE);
            List<String> before = f.contents();
            // chunks of 2, so a COPY holds rows 1-10: its missing parent on row 7 is refused as it ends, while rows
            // 11-20 are rendered for the next COPY; that one would take key M-14 (row 15), which is taken
            List<ApprovedRow> rows = new ArrayList<>(f.rows(0, 30));
            rows.set(6, f.row(7, "M-6", "306", "40.25", "XX"));

            CommitConflictException planned = catchThrowableOfType(() -> f.committer(2).plan(
                    f.request(ImportMode.INSERT), rows), CommitConflictException.class);
            CommitConflictException e = catchThrowableOfType(() -> f.committer(2).commit(
                    f.request(ImportMode.INSERT), rows, Progress.NONE), CommitConflictException.class);

            assertThat(e.findings()).extracting(Finding::row, Finding::rule, Finding::cell).containsExactly(
                    Tuple.tuple(7L, "fk", "I7"), Tuple.tuple(15L, "key-exists", "A15"));
            assertThat(e.findings().get(0).message()).contains("'XX' does not exist");
            assertThat(e.findings()).isEqualTo(planned.findings());
            assertThat(e.getMessage()).startsWith("2 approved row(s) conflict").isEqualTo(planned.getMessage());
            assertThat(f.contents()).isEqualTo(before);
            assertThat(f.count("SELECT COALESCE(SUM(row_count), 0) FROM sluice_provenance_run")).isEqualTo(1);
            assertThat(f.batches().values()).containsExactly("committed", "failed");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aTakenKeyBesideAndAfterAMissingParentIsNamedAsTheDryRunNamesIt(TestDatabases.Engine engine)
            throws SQLException {
        try (CommitFixture f = new CommitFixture(engine)) {
            f.committer().commit(f.request(ImportMode.INSERT), List.of(f.row(1, "M-3", "300", "40", "NORD"),
                    f.row(2, "M-5", "300", "40", "NORD")), Progress.NONE);
            // chunks of 2: rows 3 and 4 share one, a missing parent and a taken key; row 6 takes a key later
            List<ApprovedRow> rows = List.of(f.row(1, "M-0", "300", "40", "NORD"), f.row(2, "M-1", "300", "40",
                    "NORD"), f.row(3, "M-2", "300", "40", "XX"), f.row(4, "M-3", "300", "40", "NORD"),
                    f.row(5, "M-4", "300", "40", "NORD"), f.row(6, "M-5", "300", "40", "NORD"));

            CommitConflictException planned = catchThrowableOfType(() -> f.committer(2).plan(
                    f.request(ImportMode.INSERT), rows), CommitConflictException.class);
            CommitConflictException e = catchThrowableOfType(() -> f.committer(2).commit(
                    f.request(ImportMode.INSERT), rows, Progress.NONE), CommitConflictException.class);

            assertThat(e.findings()).extracting(Finding::row, Finding::rule).containsExactly(
                    Tuple.tuple(3L, "fk"), Tuple.tuple(4L, "key-exists"), Tuple.tuple(6L, "key-exists"));
            assertThat(e.findings()).isEqualTo(planned.findings());
            assertThat(e.getMessage()).startsWith("3 approved row(s) conflict").isEqualTo(planned.getMessage());
            assertThat(f.count("SELECT COUNT(*) FROM concrete_mix")).isEqualTo(2);
            assertThat(f.batches().values()).containsExactly("committed", "failed");
        }
    }
}
