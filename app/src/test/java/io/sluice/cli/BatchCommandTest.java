package io.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static io.sluice.cli.CommandRun.csv;
import static io.sluice.cli.CommandRun.mix;
import static io.sluice.cli.CommandRun.with;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice batch} and {@code sluice batches}: words for people in text, stable codes in JSON. */
@ExtendWith(FreshSluiceHome.class)
class BatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aBatchIsShownInWordsAndItsJsonKeepsTheCodes() throws IOException {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        String[] target = CommandRun.targetOptions(db);
        Path file = csv(dir.resolve("mixes.csv"), mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"));
        CommandRun.of(with(List.of("import", file.toString(), "--profile", CommandRun.PROFILE.toString(),
                "--approve", "valid"), target));
        CommandRun.of(with(List.of("rollback", "1"), target));

        CommandRun batch = CommandRun.of(with(List.of("batch", "1"), target));
        CommandRun batches = CommandRun.of(with(List.of("batches"), target));
        JsonNode json = JSON.readTree(CommandRun.of(with(List.of("batch", "1", "--format", "json"), target)).out());

        assertThat(batch.exit()).as(batch.err()).isZero();
        assertThat(batch.out()).startsWith("Batch 1: rolled back on ")
                .contains("Provenance: 2 inserted, 0 updated, 0 skipped")
                .doesNotContain("{").doesNotContain("[").doesNotContain("rolled_back").doesNotContain("null");
        assertThat(batches.out()).contains(" rolled back ").doesNotContain("rolled_back");
        assertThat(json.get("status").asText()).isEqualTo("rolled_back");
        assertThat(json.get("provenance").get("inserted").asLong()).isEqualTo(2);
    }

    @Test
    void theAuditOfABatchSaysWhichRowAndCellEachFixChangedFromWhatToWhat() throws IOException {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        String[] target = CommandRun.targetOptions(db);
        Path file = csv(dir.resolve("mixes.csv"), mix("DS1-0000001", "350.0").replace("CEMS,", "NRD,n/a"),
                mix("DS1-0000002", "360.0"), mix("DS1-0000003", "370.0").replace("CEMS", "NRD"));
        Path review = dir.resolve("mixes.sluice");
        CommandRun.of(with(List.of("validate", file.toString(), "--profile", CommandRun.PROFILE.toString(),
                "--review", review.toString()), target));
        CommandRun supplier = CommandRun.of(with(List.of("fix", review.toString(), "--column", "Supplier", "--replace",
                "NRD=NORD"), target));
        assertThat(supplier.exit()).as(supplier.err()).isZero();
        assertThat(CommandRun.of(with(List.of("fix", review.toString(), "--column", "Remarks", "--replace", "n/a="),
                target)).exit()).isZero();
        CommandRun.of("decide", review.toString(), "--approve", "valid");
        assertThat(CommandRun.of(with(List.of("import", "--review", review.toString()), target)).exit()).isZero();

        CommandRun batch = CommandRun.of(with(List.of("batch", "1", "--audit", "20"), target));
        CommandRun none = CommandRun.of(with(List.of("batch", "1"), target));
        JsonNode json = JSON.readTree(CommandRun.of(with(List.of("batch", "1", "--audit", "20", "--format", "json"),
                target)).out());

        assertThat(batch.exit()).as(batch.err()).isZero();
        String steward = System.getProperty("user.name");
        assertThat(batch.out()).containsPattern("(?m)^\\S+ \\S+ +2 +edit +Supplier +NRD +NORD +" + steward
                        + " +Fix #\\d+ \\(replace\\): Replace 'NRD' by 'NORD'.*$")
                .containsPattern("(?m)^\\S+ \\S+ +4 +edit +Supplier +NRD +NORD +" + steward + " +Fix #")
                .containsPattern("(?m)^\\S+ \\S+ +2 +edit +Remarks +n/a +'' +" + steward + " +Fix #")
                .containsPattern("(?m)^\\S+ \\S+ +edit +Supplier +" + steward + " +Fix #\\d+ .*: 2 cells$")
                .doesNotContainPattern("(?m)^\\S+ \\S+ +3 +edit");
        assertThat(none.out()).doesNotContain("NORD");
        JsonNode cell = json.get("audit").get(1);
        assertThat(cell.get("row").asLong()).isEqualTo(2);
        assertThat(cell.get("column").asText()).isEqualTo("Supplier");
        assertThat(cell.get("old").asText()).isEqualTo("NRD");
        assertThat(cell.get("new").asText()).isEqualTo("NORD");
        assertThat(json.get("audit").get(0).get("row").isNull()).isTrue();
    }

    @Test
    void aNegativeCountOfRowsOrAuditEntriesIsAUsageErrorNotAnEmptyListing() throws IOException {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        String[] target = CommandRun.targetOptions(db);
        Path file = csv(dir.resolve("mixes.csv"), mix("DS1-0000001", "350.0"));
        CommandRun.of(with(List.of("import", file.toString(), "--profile", CommandRun.PROFILE.toString(),
                "--approve", "valid"), target));

        CommandRun rows = CommandRun.of(with(List.of("batch", "1", "--rows", "-1"), target));
        CommandRun audit = CommandRun.of(with(List.of("batch", "1", "--audit", "-2"), target));

        assertThat(rows.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(rows.err()).isEqualTo("sluice batch: --rows must be 0 or more, not -1." + System.lineSeparator());
        assertThat(rows.out()).isEmpty();
        assertThat(audit.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(audit.err()).isEqualTo("sluice batch: --audit must be 0 or more, not -2." + System.lineSeparator());
    }

    @Test
    void aBatchThatDoesNotExistIsOneSentenceNamingTheTarget() {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        CommandRun run = CommandRun.of(with(List.of("batch", "7"), CommandRun.targetOptions(db)));
        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("sluice batch: There is no import batch 7 in jdbc:h2:file:");
    }

    @Test
    void aMistypedTargetIsNotMistakenForAnEmptyHistory() {
        Path typo = dir.resolve("typo").resolve("db");
        CommandRun run = CommandRun.of("batches", "--target", "jdbc:h2:" + typo);
        assertThat(run.exit()).isEqualTo(SluiceCommand.TARGET);
        assertThat(run.out()).doesNotContain("No import batches");
        assertThat(run.err().lines()).singleElement().asString().contains("There is no H2 database at " + typo);
        assertThat(dir.resolve("typo")).doesNotExist();
    }
}
