package io.sluice.core.commit;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import static io.sluice.core.bookkeeping.ImportMode.INSERT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A batch into H2 takes its generated ids from an identity widened to {@link IdentitySequence#BATCH_CACHE} for the
 * batch and put back after it; the ids stay gapless through rollback, failure and re-import, and other connections
 * keep numbering after it.
 */
class IdentityCacheTest {

    private static final String PLANT_CACHE = "SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
            + " WHERE TABLE_NAME = 'PLANT' AND COLUMN_NAME = 'ID'";

    @Test
    void aBatchOfMoreIdsThanTheCacheRolledBackAndReImportedGetsTheSameIds() throws SQLException {
        int rows = (int) IdentitySequence.BATCH_CACHE + 100;
        String[] plants = IntStream.rangeClosed(1, rows).mapToObj(i -> "P" + i + "|Plant " + i)
                .toArray(String[]::new);
        try (RelatedFixture f = new RelatedFixture(TestDatabases.Engine.H2)) {
            RelatedCommitResult first = new RelatedCommitter(f.db).commit(f.request(f.plants(INSERT, plants)),
                    Progress.NONE);
            List<String> imported = f.query("SELECT id, code FROM plant ORDER BY id");
            assertThat(imported).hasSize(rows).startsWith("1|P1").endsWith(rows + "|P" + rows);
            assertThat(f.query(PLANT_CACHE)).containsExactly("32");

            RollbackResult rollback = new Rollback(f.db).rollback(first.batchId(), false, "reviewer");

            assertThat(rollback.identities()).filteredOn(s -> s.toLowerCase(Locale.ROOT).contains("plant"))
                    .singleElement().asString().contains("set back to 1");
            assertThat(f.count("SELECT COUNT(*) FROM plant")).isZero();
            new RelatedCommitter(f.db).commit(f.request(f.plants(INSERT, plants)), Progress.NONE);
            assertThat(f.query("SELECT id, code FROM plant ORDER BY id")).isEqualTo(imported);
            f.execute("INSERT INTO plant (code) VALUES ('LATE')");
            assertThat(f.query("SELECT id FROM plant WHERE code = 'LATE'")).containsExactly(String.valueOf(rows + 1));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aFailedBatchLeavesTheIdentitysNextValueAsBefore(TestDatabases.Engine engine) throws SQLException {
        try (RelatedFixture f = new RelatedFixture(engine)) {
            f.execute("INSERT INTO plant (code) VALUES ('OLD')");
            RelatedBatchRequest unknownParent = f.request(f.mixes(INSERT, "M-1|NORD|40", "M-2|NOWHERE|41"),
                    f.plants(INSERT, "NORD|Plant North", "SUED|Plant South"));

            assertThatThrownBy(() -> new RelatedCommitter(f.db).commit(unknownParent, Progress.NONE))
                    .isInstanceOf(SluiceException.class);

            assertThat(f.query("SELECT id, code FROM plant ORDER BY id")).containsExactly("1|OLD");
            f.execute("INSERT INTO plant (code) VALUES ('NEXT')");
            f.execute("INSERT INTO mix (mix_code) VALUES ('M-9')");
            assertThat(f.query("SELECT id, code FROM plant ORDER BY id")).containsExactly("1|OLD", "2|NEXT");
            assertThat(f.query("SELECT id FROM mix")).containsExactly("1");
            if (engine == TestDatabases.Engine.H2) {
                assertThat(f.query(PLANT_CACHE)).containsExactly("32");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anotherConnectionInsertingAfterTheBatchGetsTheNextId(TestDatabases.Engine engine) throws SQLException {
        try (RelatedFixture f = new RelatedFixture(engine)) {
            new RelatedCommitter(f.db).commit(f.lab(INSERT), Progress.NONE);

            f.execute("INSERT INTO plant (code) VALUES ('WEST')");
            f.execute("INSERT INTO component (mix_id, material_id) VALUES (3, 1)");

            assertThat(f.query("SELECT id FROM plant WHERE code = 'WEST'")).containsExactly("3");
            assertThat(f.query("SELECT MAX(id) FROM component")).containsExactly("6");
        }
    }

    @Test
    void aCacheLeftWideByAProcessThatDiedIsPutBackByTheNextBatch() throws SQLException {
        try (RelatedFixture f = new RelatedFixture(TestDatabases.Engine.H2)) {
            f.execute("ALTER TABLE plant ALTER COLUMN id SET CACHE " + IdentitySequence.BATCH_CACHE);

            new RelatedCommitter(f.db).commit(f.request(f.plants(INSERT, "NORD|Plant North")), Progress.NONE);

            assertThat(f.query(PLANT_CACHE)).containsExactly("32");
            assertThat(f.query("SELECT id, code FROM plant")).containsExactly("1|NORD");
        }
    }

    @Test
    void anIdentityWithItsOwnCacheGetsItBack() throws SQLException {
        try (RelatedFixture f = new RelatedFixture(TestDatabases.Engine.H2)) {
            f.execute("ALTER TABLE plant ALTER COLUMN id SET CACHE 500");

            new RelatedCommitter(f.db).commit(f.request(f.plants(INSERT, "NORD|Plant North")), Progress.NONE);

            assertThat(f.query(PLANT_CACHE)).containsExactly("500");
        }
    }
}
