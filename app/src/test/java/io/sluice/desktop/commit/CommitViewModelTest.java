package io.sluice.desktop.commit;

import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.CommitPlan;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Step;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.HeldTasks;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class CommitViewModelTest {

    @TempDir
    Path home;

    private SampleTarget target;
    private ExecutorService background;

    @AfterEach
    void tearDown() {
        if (background != null) {
            background.shutdownNow();
        }
        if (target != null) {
            target.close();
        }
    }

    private CommitViewModel model(TestDatabases.Engine engine, TaskRunner tasks, Workbench workbench) {
        target = SampleTarget.of(engine, home);
        workbench.targetProperty().set(target.choice());
        return new CommitViewModel(workbench, tasks, new ScriptedDialogs(), "tester");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void showsTheEmptyStateWithoutAReview(TestDatabases.Engine engine) {
        Workbench workbench = new Workbench();
        CommitViewModel model = model(engine, SyncTasks.runner(), workbench);
        model.refresh();
        assertThat(model.stateProperty().get()).isEqualTo(CommitState.NO_REVIEW);
        model.goToReview();
        assertThat(workbench.stepProperty().get()).isEqualTo(Step.REVIEW);
    }

    @Test
    void aDryRunCancelledInTheStatusBarSaysSoAndOffersNoCommitUntilItRunsAgain() {
        Workbench workbench = new Workbench();
        HeldTasks held = new HeldTasks();
        TaskRunner tasks = HeldTasks.runner(held);
        CommitViewModel model = model(TestDatabases.Engine.H2, tasks, workbench);
        workbench.reviewProperty().set(target.review("cancelled"));
        held.hold();
        model.refresh();
        held.runNext();
        assertThat(model.stateProperty().get()).isEqualTo(CommitState.PLANNING);

        tasks.active().stream().filter(TaskHandle::visible).forEach(TaskHandle::cancel);
        held.runAll();

        assertThat(model.stateProperty().get()).isEqualTo(CommitState.CANCELLED);
        assertThat(model.problemProperty().get()).isEqualTo(CommitViewModel.DRY_RUN_CANCELLED);
        assertThat(model.canCommitBinding().get()).isFalse();

        model.refresh();

        assertThat(model.stateProperty().get()).isEqualTo(CommitState.PLANNED);
        assertThat(model.canCommitBinding().get()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void dryRunCountsEveryApprovedRowAsAnInsertIntoAnEmptyTable(TestDatabases.Engine engine) throws Exception {
        Workbench workbench = new Workbench();
        CommitViewModel model = model(engine, SyncTasks.runner(), workbench);
        Path review = target.review("mixes");
        workbench.reviewProperty().set(review);
        model.refresh();
        long approved = SampleTarget.approved(review);
        assertThat(approved).isPositive();
        assertThat(model.stateProperty().get()).isEqualTo(CommitState.PLANNED);
        assertThat(model.approvedProperty().get()).isEqualTo(approved);
        assertThat(model.modeProperty().get()).isEqualTo(ImportMode.INSERT);
        assertThat(model.planProperty().get().toInsert()).isEqualTo(approved);
        assertThat(model.planProperty().get().toUpdate()).isZero();
        assertThat(model.planProperty().get().toSkip()).isZero();
        assertThat(model.canCommitBinding().get()).isTrue();
        assertThat(target.mixes()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void commitWritesTheApprovedRowsAsOneBatchAndShowsItsId(TestDatabases.Engine engine) throws Exception {
        Workbench workbench = new Workbench();
        CommitViewModel model = model(engine, SyncTasks.runner(), workbench);
        Path review = target.review("mixes");
        workbench.reviewProperty().set(review);
        model.refresh();
        model.commit();
        long approved = SampleTarget.approved(review);
        assertThat(model.stateProperty().get()).isEqualTo(CommitState.COMMITTED);
        long batch = model.resultProperty().get().batchId();
        assertThat(batch).isPositive();
        assertThat(model.resultProperty().get().inserted()).isEqualTo(approved);
        assertThat(model.resultTextProperty().get()).startsWith("Batch " + batch + ": ")
                .contains(approved + " inserted").contains("decisions are kept with it");
        assertThat(target.mixes()).hasSize((int) approved);
        assertThat(model.runningProperty().get()).isNull();

        model.showInHistory();
        assertThat(workbench.batchProperty().get()).isEqualTo(batch);
        assertThat(workbench.stepProperty().get()).isEqualTo(Step.HISTORY);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aRefusedDryRunStillCountsTheApprovedRowsAndNamesTheValuesThatCannotBeStored(TestDatabases.Engine engine)
            throws Exception {
        Workbench workbench = new Workbench();
        CommitViewModel model = model(engine, SyncTasks.runner(), workbench);
        Path review = target.reviewApprovingEverything("all-approved");
        workbench.reviewProperty().set(review);
        model.refresh();

        assertThat(model.stateProperty().get()).isEqualTo(CommitState.REFUSED);
        assertThat(model.approvedProperty().get()).isEqualTo(SampleTarget.approved(review)).isPositive();
        assertThat(model.tableProperty().get()).isEqualToIgnoringCase("concrete_mix");
        assertThat(model.problemProperty().get()).contains("cannot be stored in their columns");
        assertThat(model.canCommitBinding().get()).isFalse();
        assertThat(target.mixes()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void refusesARepeatedImportThenListsKeyConflictsThenPlansSkips(TestDatabases.Engine engine) throws Exception {
        Workbench workbench = new Workbench();
        CommitViewModel model = model(engine, SyncTasks.runner(), workbench);
        Path review = target.review("mixes");
        workbench.reviewProperty().set(review);
        model.refresh();
        model.commit();
        long approved = SampleTarget.approved(review);

        workbench.reviewProperty().set(target.reviewApprovingAsIn("again", review));
        model.refresh();
        assertThat(model.stateProperty().get()).isEqualTo(CommitState.REFUSED);
        assertThat(model.problemProperty().get()).contains("was already imported");
        assertThat(model.canCommitBinding().get()).isFalse();

        model.allowDuplicateProperty().set(true);
        assertThat(model.stateProperty().get()).isEqualTo(CommitState.REFUSED);
        assertThat(model.conflicts()).hasSize((int) approved);
        assertThat(model.conflicts().get(0).message()).isNotBlank();

        model.modeProperty().set(ImportMode.SKIP_EXISTING);
        assertThat(model.stateProperty().get()).isEqualTo(CommitState.PLANNED);
        assertThat(model.conflicts()).isEmpty();
        assertThat(model.planProperty().get().toSkip()).isEqualTo(approved);

        // the rows already hold the review's values: an upsert leaves them unchanged
        model.modeProperty().set(ImportMode.UPSERT);
        assertThat(model.planProperty().get().toUpdate()).isZero();
        assertThat(model.planProperty().get().toSkip()).isEqualTo(approved);

        // one row changed in the table since: the upsert updates it and says the others are unchanged
        target.execute("UPDATE concrete_mix SET water_kg = water_kg + 1 WHERE mix_code = (SELECT MIN(mix_code)"
                + " FROM concrete_mix)");
        model.refresh();
        model.modeProperty().set(ImportMode.UPSERT);
        assertThat(model.planProperty().get().toUpdate()).isEqualTo(1);
        model.commit();
        assertThat(model.resultTextProperty().get()).contains("1 updated, " + (approved - 1) + " unchanged");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void cancellingTheCommitLeavesTheTableUnchanged(TestDatabases.Engine engine) throws Exception {
        background = Executors.newSingleThreadExecutor();
        List<Throwable> failures = new ArrayList<>();
        TaskRunner tasks = new TaskRunner(Runnable::run, background);
        tasks.setFailureHandler((title, error) -> failures.add(error));
        Workbench workbench = new Workbench();
        CommitViewModel model = model(engine, tasks, workbench);
        workbench.reviewProperty().set(target.review("mixes"));
        model.refresh();
        waitUntil(() -> model.stateProperty().get() == CommitState.PLANNED);

        CountDownLatch gate = new CountDownLatch(1);
        background.execute(() -> {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        TaskHandle handle = model.commit();
        assertThat(model.stateProperty().get()).isEqualTo(CommitState.COMMITTING);
        model.cancel();
        gate.countDown();
        waitUntil(() -> handle.doneProperty().get() && model.stateProperty().get() != CommitState.COMMITTING);

        assertThat(model.stateProperty().get()).isEqualTo(CommitState.CANCELLED);
        assertThat(model.problemProperty().get()).contains("cancelled").contains("nothing was written");
        assertThat(target.mixes()).isEmpty();
        assertThat(failures).isEmpty();
    }

    @Test
    void whileTheDryRunCountsNoCountOfAnotherReviewIsShown() throws Exception {
        background = Executors.newSingleThreadExecutor();
        TaskRunner tasks = new TaskRunner(Runnable::run, background);
        Workbench workbench = new Workbench();
        CommitViewModel model = model(TestDatabases.Engine.H2, tasks, workbench);
        Path first = target.review("mixes");
        Path second = target.reviewApprovingEverything("everything");
        workbench.reviewProperty().set(first);
        model.refresh();
        waitUntil(() -> model.stateProperty().get() == CommitState.PLANNED);
        assertThat(model.commitLabelBinding().get())
                .isEqualTo(String.format(Locale.ROOT, "Commit %,d approved rows", SampleTarget.approved(first)));

        CountDownLatch gate = new CountDownLatch(1);
        background.execute(() -> {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        workbench.reviewProperty().set(second);
        model.refresh();
        assertThat(model.stateProperty().get()).isEqualTo(CommitState.PLANNING);
        assertThat(model.commitLabelBinding().get()).isEqualTo("Commit approved rows");
        assertThat(model.approvedProperty().get()).isZero();
        assertThat(model.tableProperty().get()).isEmpty();

        gate.countDown();
        waitUntil(() -> model.stateProperty().get() != CommitState.PLANNING);
        assertThat(model.commitLabelBinding().get()).isEqualTo(
                String.format(Locale.ROOT, "Commit %,d approved rows", SampleTarget.approved(second)));
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void asksBeforeCommittingAndANoWritesNothing() throws Exception {
        Workbench workbench = new Workbench();
        target = SampleTarget.of(TestDatabases.Engine.H2, home);
        workbench.targetProperty().set(target.choice());
        ScriptedDialogs dialogs = new ScriptedDialogs().declineNext();
        CommitViewModel model = new CommitViewModel(workbench, SyncTasks.runner(), dialogs, "tester");
        Path review = target.review("mixes");
        workbench.reviewProperty().set(review);
        model.refresh();
        long approved = SampleTarget.approved(review);
        assertThat(model.subtitleBinding().get()).isEqualTo(String.format(Locale.ROOT,
                "%,d approved rows of %s into table %s, in one batch on %s.", approved, review.getFileName(),
                model.tableProperty().get(), target.choice().name()));
        assertThat(model.figureBinding(CommitPlan::toInsert).get()).isEqualTo(String.format(Locale.ROOT, "%,d",
                approved));

        assertThat(model.commitAfterAsking()).isNull();
        assertThat(dialogs.asked()).singleElement().satisfies(q -> assertThat(q.header())
                .isEqualTo(String.format(Locale.ROOT, "Commit %,d approved rows into %s?", approved,
                        model.tableProperty().get())));
        assertThat(target.mixes()).isEmpty();
        assertThat(model.stateProperty().get()).isEqualTo(CommitState.PLANNED);

        model.commitAfterAsking();
        assertThat(model.stateProperty().get()).isEqualTo(CommitState.COMMITTED);
        assertThat(target.mixes()).hasSize((int) approved);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NO_REVIEW        | true  | Nothing to commit yet | ''",
            "NOTHING_APPROVED | true  | No approved rows      | ''",
            "PLANNING         | false | Nothing to commit yet | Computing what the commit would do…",
            "COMMITTED        | false | Nothing to commit yet | Committed as planned.",
            "FAILED           | false | Nothing to commit yet | The commit failed."})
    void eachStateSaysWhereTheCommitStands(CommitState state, boolean empty, String emptyTitle, String status) {
        assertThat(state.isEmpty()).isEqualTo(empty);
        assertThat(state.emptyTitle()).isEqualTo(emptyTitle);
        assertThat(state.planStatus()).isEqualTo(status);
    }
}
