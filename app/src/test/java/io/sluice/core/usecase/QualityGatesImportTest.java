package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.GateSpec;
import io.sluice.core.profile.Profile;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.GateStatus;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static io.sluice.core.usecase.MixTarget.mix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Quality gates through the use cases, on H2 and PostgreSQL: measured by the import of a file and of a review, a
 * failed blocking gate refusing the dry run and the import with nothing written and no batch, and the gates kept with
 * a committed batch and read back from its history.
 */
class QualityGatesImportTest {

    @TempDir
    Path dir;

    private MixTarget target;

    @AfterEach
    void close() {
        if (target != null) {
            target.close();
        }
    }

    private static Profile gated(GateSpec... gates) {
        Profile p = MixTarget.profile();
        return new Profile(p.format(), p.version(), p.name(), p.source(), p.table(), p.columns(), p.nullMarkers(),
                p.rules(), p.naturalKey(), p.commitMode(), p.legacyId(), List.of(gates));
    }

    private static GateSpec gate(String metric, String min, String max, String action) {
        return new GateSpec(metric, min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max),
                null, action);
    }

    /** Three mixes, the last with a supplier the target does not know (an error). */
    private Path threeMixes() throws Exception {
        return target.csv("mixes.csv", mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"),
                mix("DS1-0000003", "370.0").replace("CEMS", "XXXX"));
    }

    private ImportRows fromFile(Path file, Profile profile) {
        return ImportRows.fromFile(target.db, file, SourceOptions.DEFAULTS, profile,
                new ImportRows.ImportSettings(null, false, "tester"), Progress.NONE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aCommittedBatchKeepsItsGatesAndTheirOutcomeAsMeasured(TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        Profile profile = gated(gate("errorRows", null, "0", "warn"), gate("validity", "50", null, "block"));
        List<GateResult> measured;
        long batchId;
        try (ImportRows rows = fromFile(threeMixes(), profile)) {
            measured = rows.gates();
            assertThat(rows.blocked()).isFalse();
            batchId = rows.commit(Progress.NONE).batch().batchId();
        }

        assertThat(measured).extracting(GateResult::status).containsExactly(GateStatus.WARNED, GateStatus.PASSED);
        assertThat(measured.get(0).measured()).isEqualByComparingTo("1");
        try (BatchHistory history = BatchHistory.open(target.target())) {
            List<GateResult> stored = history.batch(batchId).gates();
            assertThat(stored).hasSize(2);
            for (int i = 0; i < 2; i++) {
                GateResult m = measured.get(i);
                GateResult s = stored.get(i);
                assertThat(List.of(s.metric(), s.unit(), s.action(), s.status()))
                        .isEqualTo(List.of(m.metric(), m.unit(), m.action(), m.status()));
                assertThat(s.measured()).isEqualByComparingTo(m.measured());
                assertThat(s.line()).isEqualTo(m.line());
            }
            assertThat(history.gatesOf(history.batches())).containsOnlyKeys(batchId);
        }
        assertThat(target.mixes()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aFailedBlockingGateRefusesTheDryRunAndTheImportOfAFileWithNoBatch(TestDatabases.Engine engine)
            throws Exception {
        target = MixTarget.of(engine, dir);
        Profile profile = gated(gate("errorRows", null, "0", "block"), gate("overall", "10", null, "block"));
        try (ImportRows rows = fromFile(threeMixes(), profile)) {
            assertThat(rows.blocked()).isTrue();

            assertThatThrownBy(() -> rows.dryRun(Progress.NONE)).isInstanceOf(GatesBlockedException.class)
                    .hasMessage("The import is refused by a blocking quality gate (errorRows 1 (needs at most 0): "
                            + "blocked); nothing was written.");
            assertThatThrownBy(() -> rows.commit(Progress.NONE)).isInstanceOfSatisfying(GatesBlockedException.class,
                    e -> assertThat(e.failed()).extracting(GateResult::metric).containsExactly("errorRows"));
        }
        assertThat(target.mixes()).isEmpty();
        assertThat(target.batches()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aReviewIsMeasuredByItsRejectedRowsAndRefusedWhenTheyFailABlockingGate(TestDatabases.Engine engine)
            throws Exception {
        target = MixTarget.of(engine, dir);
        Path review = dir.resolve("mixes.sluice");
        ValidateFile.run(new ValidateFile.Request(threeMixes(), null, gated(gate("rejectedRows", null, "0", "block"),
                gate("completeness", "99.9", null, "warn")), null, review, false), target.db, null, Progress.NONE);
        // in the review, rejected rows are the steward's: none yet
        assertThat(ReviewGates.of(review)).extracting(GateResult::status)
                .containsExactly(GateStatus.PASSED, GateStatus.WARNED);
        TestDatabases.Database database = target.database;
        try (OpenReview opened = OpenReview.open(review, () -> TargetDatabase.open(database.url(), database.user(),
                database.password()))) {
            opened.session().approve(2);
            opened.session().approve(3);
            opened.session().reject(4, "unknown supplier");
        }

        assertThat(ReviewGates.of(review).get(0).measured()).isEqualByComparingTo("1");
        try (ImportRows rows = ImportRows.fromReview(target.db, review,
                new ImportRows.ImportSettings(null, false, "tester"))) {
            assertThat(rows.gates()).isEqualTo(ReviewGates.of(review));
            assertThatThrownBy(() -> rows.dryRun(Progress.NONE)).isInstanceOf(GatesBlockedException.class);
            assertThatThrownBy(() -> rows.commit(Progress.NONE)).isInstanceOf(GatesBlockedException.class);
        }
        assertThat(target.mixes()).isEmpty();
        assertThat(target.batches()).isEmpty();
    }
}
