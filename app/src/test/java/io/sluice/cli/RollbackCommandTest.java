package io.sluice.cli;

import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static io.sluice.cli.CommandRun.csv;
import static io.sluice.cli.CommandRun.mix;
import static io.sluice.cli.CommandRun.mixes;
import static io.sluice.cli.CommandRun.with;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice rollback}: each batch rolled back is reported with its own counts. */
@ExtendWith(FreshSluiceHome.class)
class RollbackCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aCascadeReportsEachBatchWithItsOwnCountsThenTheTotal(TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        String[] target = CommandRun.targetOptions(db);
        Path first = csv(dir.resolve("first.csv"), mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"),
                mix("DS1-0000003", "370.0"));
        Path second = csv(dir.resolve("second.csv"), mix("DS1-0000001", "400.0"), mix("DS1-0000004", "380.0"));
        List<String> profile = List.of("--profile", CommandRun.PROFILE.toString(), "--approve", "valid");
        assertThat(CommandRun.of(with(List.of("import", first.toString()), with(profile, target))).out())
                .contains("Imported batch 1 ");
        assertThat(CommandRun.of(with(List.of("import", second.toString(), "--mode", "upsert"),
                with(profile, target))).out()).contains("Imported batch 2 ");

        CommandRun refused = CommandRun.of(with(List.of("rollback", "1"), target));
        CommandRun cascade = CommandRun.of(with(List.of("rollback", "1", "--cascade"), target));

        assertThat(refused.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(refused.err().lines()).singleElement().asString().contains("later batch(es) 2");
        assertThat(cascade.exit()).as(cascade.err()).isZero();
        assertThat(cascade.out().lines()).containsExactly(
                "Rolled back batch 2: 1 inserted row deleted, 1 updated row restored.",
                "Rolled back batch 1: 3 inserted rows deleted, 0 updated rows restored.",
                "In all, 2 batches rolled back: 4 inserted rows deleted, 1 updated row restored.");
        assertThat(mixes(db)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aBatchThatDoesNotExistIsOneSentence(TestDatabases.Engine engine) {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        CommandRun run = CommandRun.of(with(List.of("rollback", "8"), CommandRun.targetOptions(db)));
        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("sluice rollback: There is no import batch 8 in ");
    }
}
