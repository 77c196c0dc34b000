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
            assertThat(json.get("tables")).hasSize(4);
            assertThat(json.get("tables").get(3).get("inserted").asLong()).isEqualTo(5);
            assertThat(rollback.exit()).as(rollback.err()).isZero();
            assertThat(rollback.out().lines()).first().isEqualTo("Rolled back batch " + id
                    + ": 13 inserted rows deleted, 0 updated rows restored.");
            assertThat(rollback.out().lines().skip(1)).hasSize(4)
                    .allSatisfy(line -> assertThat(line).contains("numbering was set back to 1"));
        }
    }
}
