package io.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.RelatedCommitter;
import io.sluice.core.commit.RelatedFixture;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static io.sluice.cli.CommandRun.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code sluice batch} and {@code sluice rollback} on a batch into several related tables. */
@ExtendWith(FreshSluiceHome.class)
class RelatedBatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aBatchListsItsTablesAndItsRollbackSaysWhatBecameOfTheIds(TestDatabases.Engine engine) throws Exception {
        try (RelatedFixture f = new RelatedFixture(engine)) {
            long id = new RelatedCommitter(f.db).commit(f.lab(ImportMode.INSERT), Progress.NONE).batchId();
            String[] target = CommandRun.targetOptions(f.database);

            CommandRun batch = CommandRun.of(with(List.of("batch", String.valueOf(id)), target));
            JsonNode json = JSON.readTree(CommandRun.of(with(List.of("batch", String.valueOf(id), "--format",
                    "json"), target)).out());
            CommandRun rollback = CommandRun.of(with(List.of("rollback", String.valueOf(id)), target));

            assertThat(batch.exit()).as(batch.err()).isZero();
            assertThat(batch.out()).contains("Tables (in the order written, parents first):")
                    .containsPattern("(?mi)^public\\.material +Materials +insert +3 +3 +0 +0$")
                    .containsPattern("(?mi)^public\\.component +Mixes +insert +5 +5 +0 +0$");
            assertThat(batch.out()).contains("Source:   lab.xlsx, sheets '");
            assertThat(batch.out()).contains("Rows:     10 source rows read, 10 approved (13 target rows), 0 rejected"
                    + " -> 13 target rows inserted, 0 updated, 0 skipped");
            assertThat(json.get("mode").asText()).isEqualTo("insert");
            assertThat(json.get("counts").get("rowsRead").asLong()).isEqualTo(10);
            assertThat(json.get("counts").get("approved").asLong()).isEqualTo(10);
            assertThat(json.get("counts").get("targetRowsApproved").asLong()).isEqualTo(13);
            assertThat(json.get("tables")).hasSize(4);
            assertThat(json.get("tables").get(3).get("inserted").asLong()).isEqualTo(5);
            assertThat(rollback.exit()).as(rollback.err()).isZero();
            assertThat(rollback.out().lines()).first().isEqualTo("Rolled back batch " + id
                    + ": 13 inserted rows deleted, 0 updated rows restored.");
            assertThat(rollback.out().lines().skip(1)).hasSize(4)
                    .allSatisfy(line -> assertThat(line).contains("numbering was set back to 1"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aBatchWhoseTablesHaveTheirOwnModesSaysSoAndCountsSourceAndTargetRowsApart(TestDatabases.Engine engine)
            throws Exception {
        try (RelatedFixture f = new RelatedFixture(engine)) {
            RelatedCommitter committer = new RelatedCommitter(f.db);
            long first = committer.commit(f.lab(ImportMode.INSERT), Progress.NONE).batchId();
            long mixed = committer.commit(f.request(f.plants(ImportMode.SKIP_EXISTING, "NORD|Plant North",
                    "OST|Plant East"), f.materials(ImportMode.UPSERT, "Cement|hydraulic", "Sand|aggregate")),
                    Progress.NONE).batchId();
            // a material inserted again where the first batch put it: the attempt fails and writes nothing
            assertThatThrownBy(() -> committer.commit(f.request(f.plants(ImportMode.SKIP_EXISTING,
                    "WEST|Plant West"), f.materials(ImportMode.INSERT, "Water|liquid")), Progress.NONE))
                    .isInstanceOf(RuntimeException.class);
            String[] target = CommandRun.targetOptions(f.database);

            JsonNode list = JSON.readTree(CommandRun.of(with(List.of("batches", "--format", "json"), target)).out());
            long failedId = list.get(0).get("id").asLong();
            CommandRun committed = CommandRun.of(with(List.of("batch", String.valueOf(mixed)), target));
            JsonNode committedJson = JSON.readTree(CommandRun.of(with(List.of("batch", String.valueOf(mixed),
                    "--format", "json"), target)).out());
            CommandRun failed = CommandRun.of(with(List.of("batch", String.valueOf(failedId)), target));
            JsonNode failedJson = JSON.readTree(CommandRun.of(with(List.of("batch", String.valueOf(failedId),
                    "--format", "json"), target)).out());
            CommandRun failedKey = CommandRun.of(with(List.of("batch", String.valueOf(failedId), "--key", "Water"),
                    target));

            assertThat(committed.exit()).as(committed.err()).isZero();
            assertThat(committed.out()).contains(", each table's mode below")
                    .contains("Rows:     10 source rows read, 10 approved (4 target rows), 0 rejected"
                            + " -> 2 target rows inserted, 1 updated, 1 skipped")
                    .doesNotContain("mode upsert")
                    .containsPattern("(?mi)^public\\.plant +Plants +skip-existing +2 +1 +0 +1$")
                    .containsPattern("(?mi)^public\\.material +Materials +upsert +2 +1 +1 +0$");
            assertThat(committedJson.get("mode").asText()).isEqualTo("per-table");
            assertThat(committedJson.get("counts").get("targetRowsApproved").asLong()).isEqualTo(4);
            assertThat(list).extracting(b -> b.get("id").asLong()).containsExactly(failedId, mixed, first);
            assertThat(list.get(0).get("status").asText()).isEqualTo("failed");
            assertThat(list.get(1).get("counts").get("approved").asLong()).isEqualTo(10);
            assertThat(failed.exit()).as(failed.err()).isZero();
            assertThat(failed.out()).contains("Batch " + failedId + ": failed")
                    .contains(", a mode per table")
                    .contains("Rows:     10 source rows read, 10 approved, 0 rejected -> nothing written")
                    .doesNotContain("target rows");
            assertThat(failedJson.get("mode").asText()).isEqualTo("per-table");
            // the failed batch wrote no row, but the key is looked up in each of its tables, in every batch
            assertThat(failedKey.out()).containsPattern("(?mi)^" + first + " +public\\.material +Water +inserted");
            assertThat(failedJson.get("counts").get("targetRowsApproved").isNull()).isTrue();
        }
    }
}
