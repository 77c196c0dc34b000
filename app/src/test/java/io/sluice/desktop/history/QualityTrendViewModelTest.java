package io.sluice.desktop.history;

import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.profile.GateSpec;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.validate.GateResult;
import io.sluice.core.validate.GateStatus;
import io.sluice.desktop.Samples;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.commit.CommitState;
import io.sluice.desktop.commit.CommitViewModel;
import io.sluice.desktop.commit.SampleTarget;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.desktop.task.TaskRunner;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class QualityTrendViewModelTest {

    @TempDir
    Path home;

    private SampleTarget target;
    private HistoryViewModel history;
    private QualityTrendViewModel trend;
    private final Workbench workbench = new Workbench();
    private final TaskRunner tasks = SyncTasks.runner();

    @AfterEach
    void tearDown() {
        if (history != null) {
            history.close();
        }
        if (target != null) {
            target.close();
        }
    }

    private void open() {
        target = SampleTarget.of(TestDatabases.Engine.H2, home);
        workbench.targetProperty().set(target.choice());
        history = new HistoryViewModel(workbench, tasks, new ScriptedDialogs(), "tester");
        trend = new QualityTrendViewModel(workbench, tasks, history.batches(), history.selectedProperty());
    }

    private long commit(Path review, boolean upsert) {
        CommitViewModel commit = new CommitViewModel(workbench, tasks, new ScriptedDialogs(), "tester");
        workbench.reviewProperty().set(review);
        commit.refresh();
        commit.allowDuplicateProperty().set(true);
        if (upsert) {
            // rows changed behind the steward's back, so that the upsert has rows to update rather than none
            try {
                target.execute("UPDATE concrete_mix SET water_kg = water_kg + 1");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            commit.modeProperty().set(ImportMode.UPSERT);
        }
        commit.commit();
        assertThat(commit.stateProperty().get()).as(commit.problemProperty().get()).isEqualTo(CommitState.COMMITTED);
        return commit.resultProperty().get().batchId();
    }

    @Test
    void chartsEachScoreOfTheCommittedBatchesOverTimeLeavingRolledBackOnesOut() {
        open();
        Path first = target.review("first");
        commit(first, false);
        commit(target.reviewApprovingAsIn("second", first), true);
        long three = commit(target.reviewApprovingAsIn("third", first), true);
        history.refresh();
        assertThat(history.batches()).hasSize(3);

        assertThat(trend.series()).extracting(QualityTrendViewModel.Series::name)
                .containsExactly("completeness", "validity", "uniqueness", "overall");
        ImportBatch newest = history.batches().get(0);
        assertThat(trend.series().get(0).points()).hasSize(3)
                .isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()))
                .allSatisfy(p -> assertThat(p.value()).isEqualTo(93.6));
        assertThat(trend.series().get(3).points().get(2).value())
                .isEqualTo(newest.scores().overall().doubleValue());
        assertThat(trend.titleProperty().get()).isEqualTo("Quality of concrete_mix (rolled-back batches left out)");
        assertThat(trend.captionProperty().get()).startsWith("Scores of the 3 committed batches into concrete_mix")
                .contains("load a profile to draw its score gates");

        history.rollback(three, false);
        assertThat(history.batches()).hasSize(3);
        assertThat(trend.series().get(0).points()).extracting(QualityTrendViewModel.Point::at)
                .doesNotContain(history.batches().get(0).startedAt());
        assertThat(trend.series()).allSatisfy(s -> assertThat(s.points()).hasSize(2));
        assertThat(trend.captionProperty().get()).startsWith("Scores of the 2 committed batches");
    }

    @Test
    void drawsTheLoadedProfilesScoreGatesAsLinesAndATableWithOneBatchAsOnePoint() {
        open();
        commit(target.review("only"), false);
        history.refresh();
        Profile sample = ProfileIO.read(Samples.profileOf(SampleTarget.SAMPLE, home));
        workbench.profileProperty().set(new Profile(sample.format(), sample.version(), sample.name(),
                sample.source(), sample.table(), sample.columns(), sample.nullMarkers(), sample.rules(),
                sample.naturalKey(), sample.commitMode(), sample.legacyId(), List.of(
                new GateSpec("completeness", BigDecimal.valueOf(98), null, null, "block"),
                new GateSpec("validity", BigDecimal.valueOf(95), BigDecimal.valueOf(100), null, "warn"),
                new GateSpec("rejectedRows", null, BigDecimal.TEN, null, "block"))));

        assertThat(trend.series()).filteredOn(s -> !s.threshold())
                .allSatisfy(s -> assertThat(s.points()).hasSize(1));
        assertThat(trend.series()).filteredOn(QualityTrendViewModel.Series::threshold)
                .extracting(QualityTrendViewModel.Series::name).containsExactly(
                        "completeness gate ≥ 98% (blocks)", "validity gate ≥ 95% (warns)",
                        "validity gate ≤ 100% (warns)");
        QualityTrendViewModel.Series line = trend.series().get(4);
        assertThat(line.points()).hasSize(2).allSatisfy(p -> assertThat(p.value()).isEqualTo(98.0));
        assertThat(line.points().get(0).at()).isBefore(line.points().get(1).at());
        assertThat(trend.captionProperty().get()).contains("the straight lines are the loaded profile's gates");
    }

    @Test
    void theBatchDetailShowsTheGatesStoredWithIt() {
        open();
        commit(target.reviewWithGates("gated", List.of(
                new GateSpec("completeness", BigDecimal.valueOf(90), null, null, "block"),
                new GateSpec("rejectedRows", null, BigDecimal.valueOf(5), null, "warn"))), false);
        history.refresh();
        assertThat(history.gates()).extracting(GateResult::metric, GateResult::measuredText, GateResult::status)
                .containsExactly(tuple("completeness", "93.6%", GateStatus.PASSED),
                        tuple("rejectedRows", "9", GateStatus.WARNED));
    }

    @Test
    void aTargetWithoutBatchesHasNothingToChart() {
        open();
        history.refresh();
        assertThat(history.batches()).isEmpty();
        assertThat(trend.series()).isEmpty();
        assertThat(trend.captionProperty().get()).isEqualTo("Select a batch to see the quality trend of its table.");
    }
}
