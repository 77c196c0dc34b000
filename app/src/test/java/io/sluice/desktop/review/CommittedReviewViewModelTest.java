package io.sluice.desktop.review;

import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Step;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.commit.CommitState;
import io.sluice.desktop.commit.CommitViewModel;
import io.sluice.desktop.commit.SampleTarget;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.desktop.task.TaskRunner;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A review committed into the target says so in the Review step, whenever it is opened again; and the step says
 * whether the review can be imported, in the line {@code sluice review} prints, after each decision and the import.
 */
class CommittedReviewViewModelTest {

    @TempDir
    Path home;

    private final List<Throwable> failures = new ArrayList<>();
    private SampleTarget target;

    @AfterEach
    void tearDown() {
        if (target != null) {
            target.close();
        }
    }

    private ReviewViewModel review(Workbench workbench, TaskRunner tasks) {
        return new ReviewViewModel(workbench, tasks, new ReviewValidation(workbench, tasks, new DesktopSettings(),
                home.resolve("reviews"), (title, error) -> failures.add(error)), new ScriptedDialogs(),
                (title, error) -> failures.add(error));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aCommittedReviewSaysInWhichBatchWhenAndHowManyRowsWhenOpenedAgain(TestDatabases.Engine engine) {
        target = SampleTarget.of(engine, home);
        Workbench workbench = new Workbench();
        workbench.targetProperty().set(target.choice());
        TaskRunner tasks = SyncTasks.runner(failures);
        Path file = target.review("mixes");
        workbench.reviewProperty().set(file);
        ReviewViewModel vm = review(workbench, tasks);
        assertThat(vm.noticeProperty().getValue()).as("nothing committed yet").isEmpty();

        CommitViewModel commit = new CommitViewModel(workbench, tasks, new ScriptedDialogs(), "tester");
        workbench.stepProperty().set(Step.COMMIT);
        commit.refresh();
        commit.commit();
        assertThat(commit.stateProperty().get()).isEqualTo(CommitState.COMMITTED);
        long batch = commit.resultProperty().get().batchId();
        long rows = SampleTarget.approved(file);
        workbench.stepProperty().set(Step.REVIEW);

        assertThat(vm.noticeProperty().getValue()).startsWith("This review was committed as batch " + batch + " on ")
                .contains(" by tester: " + String.format("%,d", rows) + " rows into ")
                .contains("Changes made here stay in this review file until it is committed again");

        ReviewViewModel reopened = review(workbench, tasks);
        assertThat(reopened.noticeProperty().getValue()).startsWith("This review was committed as batch " + batch);
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void theReviewStepSaysWhetherTheReviewCanBeImportedAfterEachDecisionAndAfterTheImport(
            TestDatabases.Engine engine) {
        target = SampleTarget.of(engine, home);
        Workbench workbench = new Workbench();
        workbench.targetProperty().set(target.choice());
        TaskRunner tasks = SyncTasks.runner(failures);
        Path file = target.validatedReview("mixes");
        workbench.reviewProperty().set(file);
        ReviewViewModel vm = review(workbench, tasks);
        long approved = SampleTarget.approved(file);
        assertThat(vm.importProperty().getValue()).startsWith("Import: yes: ")
                .contains(String.format("%,d approved rows would be imported", approved));

        vm.filters().statusFilterProperty().set(StatusFilter.APPROVED);
        vm.actions().rejectShown("not this time");
        assertThat(vm.importProperty().getValue()).startsWith("Import: nothing yet: ");

        vm.actions().undo();
        assertThat(vm.importProperty().getValue()).startsWith("Import: yes: ");

        CommitViewModel commit = new CommitViewModel(workbench, tasks, new ScriptedDialogs(), "tester");
        workbench.stepProperty().set(Step.COMMIT);
        commit.refresh();
        commit.commit();
        assertThat(commit.stateProperty().get()).isEqualTo(CommitState.COMMITTED);
        workbench.stepProperty().set(Step.REVIEW);
        assertThat(vm.importProperty().getValue()).startsWith("Import: done: ");
        assertThat(failures).isEmpty();
    }
}
