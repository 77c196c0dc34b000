package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.RollbackResult;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import static io.sluice.core.usecase.MixTarget.mix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rolling batches back through the use case, and reading what a rollback would do, on H2 and PostgreSQL. */
class RollbackBatchTest {

    @TempDir
    Path dir;

    private MixTarget target;

    @AfterEach
    void close() {
        if (target != null) {
            target.close();
        }
    }

    private long importFile(Path file, ImportMode mode) {
        try (ImportRows rows = ImportRows.fromFile(target.db, file, SourceOptions.DEFAULTS, MixTarget.profile(),
                new ImportRows.ImportSettings(mode, true, "tester"), Progress.NONE)) {
            return rows.commit(Progress.NONE).batch().batchId();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aCascadeReportsEachBatchWithItsOwnCountsAndTheTotal(TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        long first = importFile(target.csv("a.csv", mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"),
                mix("DS1-0000003", "370.0")), ImportMode.INSERT);
        long second = importFile(target.csv("b.csv", mix("DS1-0000001", "400.0"), mix("DS1-0000004",
                "380.0")), ImportMode.UPSERT);

        try (BatchHistory history = BatchHistory.open(target.target())) {
            RollbackPlan plan = history.rollbackPlan(first);
            assertThat(plan.toDelete()).isEqualTo(3);
            assertThat(plan.laterBatches()).containsExactly(second);
            assertThat(plan.needsCascade()).isTrue();
        }
        assertThatThrownBy(() -> RollbackBatch.run(target.target(), first, false, "tester", Progress.NONE))
                .isInstanceOf(SluiceException.class).hasMessageContaining("later batch(es) " + second);

        RollbackResult result = RollbackBatch.run(target.target(), first, true, "tester", Progress.NONE);

        assertThat(result.batches()).containsExactly(new RollbackResult.Undone(second, 1, 1),
                new RollbackResult.Undone(first, 3, 0));
        assertThat(result.deleted()).isEqualTo(4);
        assertThat(result.restored()).isEqualTo(1);
        assertThat(target.mixes()).isEmpty();
        assertThat(target.batches()).allMatch(b -> b.contains("|rolled_back|"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aCancelledRollbackChangesNothing(TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        long batch = importFile(target.csv("a.csv", mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0")),
                ImportMode.INSERT);
        Progress cancelled = new Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };

        assertThatThrownBy(() -> RollbackBatch.run(target.target(), batch, false, "tester", cancelled))
                .isInstanceOf(CancellationException.class).hasMessageContaining("nothing was changed");

        assertThat(target.mixes()).containsExactly("DS1-0000001|350.0", "DS1-0000002|360.0");
        assertThat(target.batches()).singleElement().asString().contains("|committed|");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aBatchThatDoesNotExistIsNamedInOneSentence(TestDatabases.Engine engine) {
        target = MixTarget.of(engine, dir);
        assertThatThrownBy(() -> RollbackBatch.run(target.target(), 42, false, "tester", Progress.NONE))
                .isInstanceOf(SluiceException.class).hasMessageStartingWith("There is no import batch 42 in ");
        try (BatchHistory history = BatchHistory.open(target.target())) {
            assertThatThrownBy(() -> history.batch(42)).isInstanceOf(SluiceException.class)
                    .hasMessageStartingWith("There is no import batch 42 in ");
        }
    }
}
