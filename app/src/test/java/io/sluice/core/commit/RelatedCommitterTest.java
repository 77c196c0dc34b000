package io.sluice.core.commit;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.rules.Finding;
import io.sluice.testing.TestDatabases;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.SQLException;
import java.util.List;

import static io.sluice.core.bookkeeping.ImportMode.INSERT;
import static io.sluice.core.bookkeeping.ImportMode.SKIP_EXISTING;
import static io.sluice.core.bookkeeping.ImportMode.UPSERT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RelatedCommitterTest {

    private static RelatedBatchRequest lab(RelatedFixture f, ImportMode mode) {
        return f.lab(mode);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void writesParentsBeforeChildrenAndGivesChildrenTheGeneratedKeys(TestDatabases.Engine engine)
            throws SQLException {
        try (RelatedFixture f = new RelatedFixture(engine)) {
            RelatedCommitResult result = new RelatedCommitter(f.db, 2).commit(lab(f, INSERT), Progress.NONE);

            // parents first; tables that do not depend on each other keep the order given
            assertThat(result.tables()).extracting(t -> t.table().toLowerCase())
                    .containsExactly("public.material", "public.plant", "public.mix", "public.component");
            assertThat(result.tables()).extracting(TableCounts::inserted).containsExactly(3L, 2L, 3L, 5L);
            assertThat(f.componentsByName()).containsExactly("M-1|Cement|350.00", "M-1|Water|175.50",
                    "M-2|Cement|400.00", "M-2|Fly ash|60.00", "M-3|Water|180.00");
            assertThat(f.query("SELECT m.mix_code, p.code FROM mix m JOIN plant p ON p.id = m.plant_id"
                    + " ORDER BY m.id")).containsExactly("M-1|NORD", "M-2|SUED", "M-3|NORD");
            assertThat(f.query("SELECT target_table, source_sheet, rows_inserted FROM sluice_batch_table"
                    + " WHERE batch_id = " + result.batchId() + " ORDER BY table_order"))
                    .extracting(String::toLowerCase)
                    .containsExactly("public.material|materials|3", "public.plant|plants|2", "public.mix|mixes|3",
                            "public.component|mixes|5");
            // a run per chunk of two rows: its keys as length:key, its source rows as ranges (2+1 is rows 2 and 3)
            assertThat(f.query("SELECT p.target_keys, p.source_sheet, p.source_rows FROM sluice_provenance_run p"
                    + " WHERE p.batch_id = " + result.batchId() + " AND LOWER(p.target_table) = 'public.component'"
                    + " ORDER BY p.id")).containsExactly("5:[1,1]5:[1,2]|Mixes|2+1", "5:[2,1]5:[2,3]|Mixes|4+1",
                    "5:[3,2]|Mixes|6");
            assertThat(f.query("SELECT status, rows_inserted FROM sluice_import_batch"))
                    .containsExactly("committed|13");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void resolvesReferencesToParentsAlreadyInTheTarget(TestDatabases.Engine engine) throws SQLException {
        try (RelatedFixture f = new RelatedFixture(engine)) {
            f.execute("INSERT INTO material (name, material_class) VALUES ('Slag', 'binder')");
            f.execute("INSERT INTO plant (code, name) VALUES ('WEST', 'Plant West')");

            new RelatedCommitter(f.db).commit(f.request(f.mixes(INSERT, "M-7|WEST|30"),
                    f.components(INSERT, "M-7|Slag|120")), Progress.NONE);

            assertThat(f.componentsByName()).containsExactly("M-7|Slag|120.00");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void refusesACycleAmongTheTablesNamingThem(TestDatabases.Engine engine) throws SQLException {
        try (RelatedFixture f = new RelatedFixture(engine)) {
            f.execute("ALTER TABLE plant ADD COLUMN main_mix_id INTEGER");
            f.execute("ALTER TABLE plant ADD CONSTRAINT fk_plant_main_mix FOREIGN KEY (main_mix_id)"
                    + " REFERENCES mix (id)");

            assertThatThrownBy(() -> new RelatedCommitter(f.db).commit(f.request(f.plants(INSERT, "NORD|North"),
                    f.mixes(INSERT, "M-1|NORD|40")), Progress.NONE))
                    .isInstanceOf(SluiceException.class)
                    .hasMessageContainingAll("reference each other", "cycle")
                    .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("plant", "mix"));
            assertThat(f.contents()).isEmpty();
            assertThat(f.count("SELECT COUNT(*) FROM sluice_import_batch")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void upsertsAtEveryLevelKeepingBeforeImages(TestDatabases.Engine engine) throws SQLException {
        try (RelatedFixture f = new RelatedFixture(engine)) {
            new RelatedCommitter(f.db).commit(lab(f, INSERT), Progress.NONE);
            List<String> before = f.contents();

            RelatedCommitResult upsert = new RelatedCommitter(f.db, 2).commit(f.request(
                    f.plants(UPSERT, "NORD|Plant North (new)", "OST|Plant East"),
                    f.mixes(UPSERT, "M-1|OST|41.5", "M-4|SUED|50"),
                    f.materials(SKIP_EXISTING, "Cement|changed class is skipped", "Slag|binder"),
                    f.components(UPSERT, "M-1|Cement|355", "M-4|Slag|90")), Progress.NONE);

            assertThat(upsert.tables()).containsExactly(
                    new TableCounts(f.table("plant").qualifiedName(), 1, 1, 0),
                    new TableCounts(f.table("mix").qualifiedName(), 1, 1, 0),
                    new TableCounts(f.table("material").qualifiedName(), 1, 0, 1),
                    new TableCounts(f.table("component").qualifiedName(), 1, 1, 0));
            assertThat(f.query("SELECT m.mix_code, p.code, m.strength_mpa FROM mix m JOIN plant p"
                    + " ON p.id = m.plant_id ORDER BY m.mix_code")).containsExactly("M-1|OST|41.50",
                    "M-2|SUED|45.00", "M-3|NORD|null", "M-4|SUED|50.00");
            assertThat(f.componentsByName()).contains("M-1|Cement|355.00", "M-4|Slag|90.00");
            assertThat(f.query("SELECT material_class FROM material WHERE name = 'Cement'"))
                    .containsExactly("binder");
            assertThat(f.count("SELECT COUNT(*) FROM sluice_before_image WHERE batch_id = " + upsert.batchId()))
                    .isEqualTo(3);

            RollbackResult rollback = new Rollback(f.db).rollback(upsert.batchId(), false, "reviewer");

            assertThat(rollback.deleted()).isEqualTo(4);
            assertThat(rollback.restored()).isEqualTo(3);
            assertThat(f.contents()).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aChildWithAnUnknownParentRefusesTheWholeBatchAndPointsAtItsCell(TestDatabases.Engine engine)
            throws SQLException {
        try (RelatedFixture f = new RelatedFixture(engine)) {
            RelatedBatchRequest request = f.request(f.plants(INSERT, "NORD|North"),
                    f.mixes(INSERT, "M-1|NORD|40", "M-2|NORD|41"), f.materials(INSERT, "Cement|binder"),
                    f.components(INSERT, "M-1|Cement|350", "M-2|Unobtainium|10"));

            CommitConflictException e = catchThrowableOfType(() -> new RelatedCommitter(f.db).commit(request,
                    Progress.NONE), CommitConflictException.class);

            assertThat(e.findings()).extracting(Finding::row, Finding::column, Finding::cell, Finding::rule)
                    .containsExactly(Tuple.tuple(3L, "Material", "B3", "reference"));
            assertThat(e.findings().get(0).message()).contains("Sheet Mixes, row 3", "Unobtainium", "neither");
            assertThat(f.contents()).isEmpty();
            assertThat(f.query("SELECT status FROM sluice_import_batch")).containsExactly("failed");

            new RelatedCommitter(f.db).commit(f.request(f.plants(INSERT, "NORD|North")), Progress.NONE);
            assertThat(f.query("SELECT id, code FROM plant")).as("the refused batch left no gap in the ids")
                    .containsExactly("1|NORD");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aChildAlreadyInTheTargetIsNamedAsAConflictThoughItsUniqueKeyIsNotLookedUpFirst(TestDatabases.Engine engine)
            throws SQLException {
        try (RelatedFixture f = new RelatedFixture(engine)) {
            f.execute("INSERT INTO material (name, material_class) VALUES ('Cement', 'binder'), ('Water', 'water')");
            f.execute("INSERT INTO mix (mix_code, strength_mpa) VALUES ('M-1', 40)");
            f.execute("INSERT INTO component (mix_id, material_id, dosage_kg) VALUES (1, 1, 350)");
            List<String> before = f.contents();
            // UNIQUE (mix_id, material_id) refuses the taken pair at the statement: the chunk of two is written
            // without look-ups, refused, undone to its savepoint and planned again with them
            RelatedBatchRequest request = f.request(f.components(INSERT, "M-1|Water|175", "M-1|Cement|350"));

            CommitConflictException e = catchThrowableOfType(() -> new RelatedCommitter(f.db, 2).commit(request,
                    Progress.NONE), CommitConflictException.class);

            assertThat(e.findings()).extracting(Finding::row, Finding::rule)
                    .containsExactly(Tuple.tuple(3L, "key-exists"));
            assertThat(e.findings().get(0).message()).contains("[1,1]").containsIgnoringCase("already exists in table component");
            assertThat(f.contents()).as("the row written before the refusal was undone too").isEqualTo(before);
            assertThat(f.query("SELECT status FROM sluice_import_batch")).containsExactly("failed");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aChildTableChangedSinceMappingRefusesTheBatchBeforeAnythingIsWritten(TestDatabases.Engine engine)
            throws SQLException {
        try (RelatedFixture f = new RelatedFixture(engine)) {
            RelatedBatchRequest request = lab(f, INSERT);
            f.execute("ALTER TABLE component DROP COLUMN dosage_kg");

            assertThatThrownBy(() -> new RelatedCommitter(f.db).commit(request, Progress.NONE))
                    .isInstanceOf(SluiceException.class)
                    .hasMessageContainingAll("has changed since it was mapped", "no longer exists");
            assertThat(f.query("SELECT COUNT(*) FROM plant")).containsExactly("0");
            assertThat(f.count("SELECT COUNT(*) FROM sluice_import_batch")).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void rollbackRemovesEveryTableAndAReImportGetsTheSameIds(TestDatabases.Engine engine) throws SQLException {
        try (RelatedFixture f = new RelatedFixture(engine)) {
            f.execute("INSERT INTO material (name, material_class) VALUES ('Slag', 'binder')");
            List<String> before = f.contents();
            RelatedCommitResult first = new RelatedCommitter(f.db, 2).commit(lab(f, INSERT), Progress.NONE);
            List<String> imported = f.contents();

            RollbackResult rollback = new Rollback(f.db).rollback(first.batchId(), false, "reviewer");

            assertThat(rollback.deleted()).isEqualTo(13);
            assertThat(f.contents()).isEqualTo(before);
            assertThat(rollback.identities()).hasSize(4).allSatisfy(s -> assertThat(s).contains("set back to"));
            new RelatedCommitter(f.db, 2).commit(lab(f, INSERT), Progress.NONE);
            assertThat(f.contents()).isEqualTo(imported);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void rollbackLeavesAnIdentityAloneWhenAnotherConnectionTookLaterIds(TestDatabases.Engine engine)
            throws SQLException {
        try (RelatedFixture f = new RelatedFixture(engine)) {
            RelatedCommitResult batch = new RelatedCommitter(f.db).commit(lab(f, INSERT), Progress.NONE);
            f.execute("INSERT INTO material (name, material_class) VALUES ('Slag', 'binder')");

            RollbackResult rollback = new Rollback(f.db).rollback(batch.batchId(), false, "reviewer");

            assertThat(rollback.identities()).filteredOn(s -> s.toLowerCase().contains("material"))
                    .singleElement().asString().contains("left alone", "another connection", "next id 5");
            assertThat(rollback.identities()).filteredOn(s -> s.contains("set back to 1")).hasSize(3);
            assertThat(f.query("SELECT id, name FROM material")).containsExactly("4|Slag");
            f.execute("INSERT INTO material (name) VALUES ('Water')");
            assertThat(f.query("SELECT id FROM material WHERE name = 'Water'")).containsExactly("5");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void dryRunCountsEqualTheRealRunsAndLeaveNoGap(TestDatabases.Engine engine) throws SQLException {
        try (RelatedFixture f = new RelatedFixture(engine)) {
            new RelatedCommitter(f.db).commit(f.request(f.plants(INSERT, "NORD|North"),
                    f.materials(INSERT, "Cement|old class")), Progress.NONE);
            List<String> before = f.contents();
            RelatedBatchRequest request = lab(f, UPSERT);

            List<TableCounts> plan = new RelatedCommitter(f.db, 2).plan(request, Progress.NONE);

            assertThat(f.contents()).isEqualTo(before);
            assertThat(f.count("SELECT COUNT(*) FROM sluice_import_batch")).isEqualTo(1);
            RelatedCommitResult real = new RelatedCommitter(f.db, 2).commit(request, Progress.NONE);
            assertThat(real.tables()).isEqualTo(plan);
            // the dry run took no batch number: the real batch is the second, as the steward counts them
            assertThat(real.batchId()).isEqualTo(2);
            assertThat(plan).extracting(TableCounts::inserted, TableCounts::updated)
                    .containsExactly(Tuple.tuple(2L, 1L), Tuple.tuple(1L, 1L), Tuple.tuple(3L, 0L),
                            Tuple.tuple(5L, 0L));
            assertThat(f.query("SELECT id, code FROM plant ORDER BY id")).containsExactly("1|NORD", "2|SUED");
            assertThat(f.query("SELECT MAX(id) FROM component")).containsExactly("5");
        }
    }
}
