package io.sluice.desktop.commit;

import io.sluice.desktop.ScriptedDialogs;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The commit step shows a plan that would change nothing with its counts, says why, and does not commit it. */
class CommitNothingToImportTest {

    @TempDir
    Path home;

    private SampleTarget target;

    @AfterEach
    void tearDown() {
        if (target != null) {
            target.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aPlanThatSkipsEveryRowIsShownButCannotBeCommitted(TestDatabases.Engine engine) throws Exception {
        target = SampleTarget.of(engine, home);
        Workbench workbench = new Workbench();
        workbench.targetProperty().set(target.choice());
        CommitViewModel model = new CommitViewModel(workbench, SyncTasks.runner(), new ScriptedDialogs(), "tester");
        Path first = target.review("mixes");
        workbench.reviewProperty().set(first);
        model.refresh();
        model.commit();
        long approved = SampleTarget.approved(first);
        int rows = target.mixes().size();

        workbench.reviewProperty().set(target.reviewApprovingAsIn("again", first));
        model.refresh();
        model.allowDuplicateProperty().set(true);
        model.modeProperty().set(ImportMode.SKIP_EXISTING);

        assertThat(model.stateProperty().get()).isEqualTo(CommitState.PLANNED);
        assertThat(model.planProperty().get().toSkip()).isEqualTo(approved);
        assertThat(model.problemProperty().get()).contains("would change nothing").contains("nothing was imported");
        assertThat(model.canCommitBinding().get()).isFalse();
        assertThat(model.commit()).isNull();
        assertThat(target.mixes()).hasSize(rows);
    }
}
