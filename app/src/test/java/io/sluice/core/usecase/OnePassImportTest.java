package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.commit.CommitResult;
import io.sluice.core.commit.NothingToImportException;
import io.sluice.core.profile.GateSpec;
import io.sluice.core.profile.Profile;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static io.sluice.core.usecase.MixTarget.mix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The direct import validates the file while it writes the valid rows (one read of the file), on H2 and PostgreSQL:
 * whatever stops it after rows were written (a blocking gate known only at the end, no valid row, a failure, a
 * cancel) leaves the target as it was, and the dry run counts what the import then does.
 */
class OnePassImportTest {

    /** More valid rows than one chunk of the import, so rows are written before the end of the file is known. */
    private static final int VALID = 2_600;

    @TempDir
    Path dir;

    private MixTarget target;

    @AfterEach
    void close() {
        if (target != null) {
            target.close();
        }
    }

    private ImportRows fromFile(Path file, Profile profile, ImportMode mode) {
        return ImportRows.fromFile(target.db, file, SourceOptions.DEFAULTS, profile,
                new ImportRows.ImportSettings(mode, false, "tester"), Progress.NONE);
    }

    /** {@link #VALID} valid mixes, then one whose supplier the target does not know (an error finding). */
    private Path manyMixesThenOneError() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= VALID; i++) {
            lines.add(mix(String.format("DS1-%07d", i), "350.0"));
        }
        lines.add(mix("DS1-9999999", "350.0").replace("CEMS", "XXXX"));
        return target.csv("many.csv", lines.toArray(String[]::new));
    }

    private static Profile gated(GateSpec... gates) {
        Profile p = MixTarget.profile();
        return new Profile(p.format(), p.version(), p.name(), p.source(), p.table(), p.columns(), p.nullMarkers(),
                p.rules(), p.naturalKey(), p.commitMode(), p.legacyId(), List.of(gates));
    }

    private long mixCount() throws SQLException {
        return Long.parseLong(TableText.rows(target.db.connection(), "SELECT COUNT(*) FROM concrete_mix").get(0));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aBlockingGateKnownAtTheEndOfTheFileRollsBackEveryRowAndRecordsNoBatch(TestDatabases.Engine engine)
            throws Exception {
        target = MixTarget.of(engine, dir);
        Profile blocking = gated(new GateSpec("errorRows", null, BigDecimal.ZERO, null, "block"));

        try (ImportRows rows = fromFile(manyMixesThenOneError(), blocking, null)) {
            assertThatThrownBy(() -> rows.commit(Progress.NONE)).isInstanceOf(GatesBlockedException.class)
                    .hasMessageStartingWith("The import is refused by a blocking quality gate (");
            assertThat(rows.blocked()).isTrue();
        }
        assertThat(mixCount()).isZero();
        assertThat(target.batches()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aFailureAfterRowsWereWrittenLeavesTheTargetUntouched(TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        Progress failing = new Progress() {
            @Override
            public void rowsDone(long rows) {
                if (rows >= 1000) {
                    throw new IllegalStateException("the disk is full");
                }
            }
        };

        try (ImportRows rows = fromFile(manyMixesThenOneError(), MixTarget.profile(), null)) {
            assertThatThrownBy(() -> rows.commit(failing)).isInstanceOf(SluiceException.class)
                    .hasMessageContaining("the disk is full");
        }
        assertThat(mixCount()).isZero();
        assertThat(target.batches()).singleElement().asString().contains("|failed|");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aCancelAfterRowsWereWrittenLeavesTheTargetUntouched(TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        Progress cancelAfterAChunk = new Progress() {
            private volatile long done;

            @Override
            public void rowsDone(long rows) {
                done = rows;
            }

            @Override
            public boolean isCancelled() {
                return done >= 1000;
            }
        };

        try (ImportRows rows = fromFile(manyMixesThenOneError(), MixTarget.profile(), null)) {
            assertThatThrownBy(() -> rows.commit(cancelAfterAChunk)).isInstanceOf(CancellationException.class);
        }
        assertThat(mixCount()).isZero();
        assertThat(target.batches()).allSatisfy(b -> assertThat(b).contains("|failed|"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void theDryRunCountsWhatTheImportThenDoesAndTheBatchKeepsTheWholeFilesMeasures(TestDatabases.Engine engine)
            throws Exception {
        target = MixTarget.of(engine, dir);
        target.insertMix("DS1-0000007", "300");
        Path file = manyMixesThenOneError();

        CommitPlan plan;
        CommitResult done;
        try (ImportRows rows = fromFile(file, MixTarget.profile(), ImportMode.UPSERT)) {
            plan = rows.dryRun(Progress.NONE);
            assertThat(rows.chosen()).isEqualTo(VALID);
            done = rows.commit(Progress.NONE).batch();
        }

        assertThat(plan).isEqualTo(new CommitPlan(VALID - 1, 1, 0));
        assertThat(new CommitPlan(done.inserted(), done.updated(), done.skipped())).isEqualTo(plan);
        assertThat(mixCount()).isEqualTo(VALID);
        assertThat(TableText.rows(target.db.connection(), "SELECT rows_read, rows_rejected, rows_approved"
                + " FROM sluice_import_batch")).containsExactly((VALID + 1) + "|1|" + VALID);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aFileWhoseRowsAllHaveErrorsIsRefusedWithItsOwnSentenceAfterTheOnePass(TestDatabases.Engine engine)
            throws Exception {
        target = MixTarget.of(engine, dir);
        Path file = target.csv("bad.csv", mix("DS1-0000001", "350.0").replace("CEMS", "XXXX"),
                mix("DS1-0000002", "350.0").replace("CEMS", "XXXX"));

        try (ImportRows rows = fromFile(file, MixTarget.profile(), null)) {
            assertThatThrownBy(() -> rows.commit(Progress.NONE)).isInstanceOf(NothingToImportException.class)
                    .hasMessage("No row of bad.csv can be imported: all 2 rows have error findings under mode"
                            + " insert; nothing was imported.");
        }
        assertThat(target.batches()).isEmpty();
    }
}
