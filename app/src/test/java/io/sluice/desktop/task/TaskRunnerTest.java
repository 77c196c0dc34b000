package io.sluice.desktop.task;

import io.sluice.core.SluiceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TaskRunnerTest {

    /** Stands in for the JavaFX thread: everything posted to it runs when the test drains it. */
    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final TaskRunner runner = new TaskRunner(uiQueue::add, Executors.newSingleThreadExecutor());

    @AfterEach
    void stop() {
        runner.close();
    }

    @Test
    void deliversTheResultOnTheUiExecutorAndForgetsTheTask() throws Exception {
        AtomicReference<String> result = new AtomicReference<>();
        TaskHandle handle = runner.run("Reading", ctx -> "42 rows", result::set);
        drainUntil(() -> handle.doneProperty().get());
        assertThat(result.get()).isEqualTo("42 rows");
        assertThat(runner.active()).isEmpty();
    }

    @Test
    void aChangeIsBeingSavedFromItsStartUntilItsEndAndClosingDoesNotCancelIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        TaskHandle approving = runner.save("Approving", "982,413 approvals", ctx -> {
            release.await(5, TimeUnit.SECONDS);
            return null;
        }, r -> { }, error -> { });
        TaskHandle reading = runner.run("Reading", ctx -> {
            release.await(5, TimeUnit.SECONDS);
            return null;
        }, r -> { });
        assertThat(runner.saving()).as("before the UI thread has shown it").containsExactly(approving);
        assertThat(approving.change()).isEqualTo("982,413 approvals");
        drainAvailable();

        Thread closing = new Thread(runner::close);
        closing.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!reading.isCancelled() && System.nanoTime() < until) {
            Thread.sleep(1);
        }
        release.countDown();
        closing.join(5000);
        drainUntil(() -> approving.doneProperty().get() && reading.doneProperty().get());
        assertThat(approving.isCancelled()).isFalse();
        assertThat(reading.isCancelled()).as("work that saves nothing is cancelled").isTrue();
        assertThat(runner.saving()).isEmpty();
    }

    @Test
    void showsTheTaskWhileItRunsAndReportsRowsAgainstTheExpectedTotal() throws Exception {
        CountDownLatch reported = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TaskHandle handle = runner.run("Validating", ctx -> {
            ctx.expectRows(200);
            ctx.rowsDone(50);
            reported.countDown();
            release.await(5, TimeUnit.SECONDS);
            return null;
        }, r -> { });
        assertThat(reported.await(5, TimeUnit.SECONDS)).isTrue();
        drainAvailable();
        assertThat(runner.active()).containsExactly(handle);
        assertThat(handle.progressProperty().get()).isEqualTo(0.25);
        assertThat(handle.messageProperty().get()).isEqualTo("50 of 200 rows");
        release.countDown();
        drainUntil(() -> handle.doneProperty().get());
        assertThat(runner.active()).isEmpty();
    }

    @Test
    void handsAFailureToTheFailureHandlerWithItsTitle() throws Exception {
        List<String> failures = new ArrayList<>();
        runner.setFailureHandler((title, error) -> failures.add(title + ": " + error.getMessage()));
        TaskHandle handle = runner.run("Opening the target", ctx -> {
            throw SluiceException.target("Cannot connect to jdbc:postgresql://db/x: connection refused.");
        }, r -> { });
        drainUntil(() -> handle.doneProperty().get());
        assertThat(failures).containsExactly(
                "Opening the target: Cannot connect to jdbc:postgresql://db/x: connection refused.");
    }

    @Test
    void aCancelledTaskNeitherDeliversNorReportsAFailure() throws Exception {
        List<Object> seen = new ArrayList<>();
        runner.setFailureHandler((title, error) -> seen.add(error));
        CountDownLatch started = new CountDownLatch(1);
        TaskHandle handle = runner.run("Committing", ctx -> {
            started.countDown();
            while (!ctx.isCancelled()) {
                Thread.onSpinWait();
            }
            throw new CancellationException("stopped");
        }, seen::add);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        drainUntil(() -> handle.doneProperty().get());
        assertThat(seen).isEmpty();
        assertThat(runner.active()).isEmpty();
    }

    @Test
    void finishingTheSavesWaitsForEachOnItsOwnEndWithoutTheUiExecutorAndOnlyForSaves() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> written = new ArrayList<>();
        runner.save("Rolling back batch 3", new Change("the rollback of batch 3", "batch 3 stays committed"), ctx -> {
            release.await(5, TimeUnit.SECONDS);
            written.add("rolled back");
            return null;
        }, r -> { }, error -> { });
        TaskHandle reading = runner.run("Reading the import history", ctx -> {
            while (!ctx.isCancelled()) {
                Thread.sleep(5);
            }
            return null;
        }, r -> { });
        assertThat(runner.saving()).extracting(TaskHandle::change, TaskHandle::ifClosed)
                .containsExactly(tuple("the rollback of batch 3",
                        "batch 3 stays committed"));
        assertThat(reading.saves()).isFalse();
        release.countDown();

        // nothing drains the UI queue, as after the toolkit stopped
        runner.finishSaves();

        assertThat(written).containsExactly("rolled back");
        reading.cancel();
    }

    @Test
    void quietTasksAreNotShownInTheStatusBar() throws Exception {
        TaskHandle handle = runner.quiet("Page 3", ctx -> 3, r -> { });
        assertThat(handle.visible()).isFalse();
        drainUntil(() -> handle.doneProperty().get());
    }

    private void drainAvailable() {
        Runnable r;
        while ((r = uiQueue.poll()) != null) {
            r.run();
        }
    }

    private void drainUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Runnable r = uiQueue.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
        drainAvailable();
        assertThat(condition.getAsBoolean()).as("task finished").isTrue();
    }

    @Test
    void syncRunnerFinishesBeforeRunReturnsForViewModelTests() {
        AtomicReference<Integer> result = new AtomicReference<>();
        List<Throwable> failures = new ArrayList<>();
        TaskRunner sync = SyncTasks.runner(failures);
        sync.run("Counting", ctx -> 7, result::set);
        sync.run("Failing", ctx -> {
            throw new IllegalStateException("no rows");
        }, r -> { });
        assertThat(result.get()).isEqualTo(7);
        assertThat(failures).extracting(Throwable::getMessage).containsExactly("no rows");
        assertThat(sync.active()).isEmpty();
    }

    @Test
    void dropsWorkAskedForAfterTheWindowClosed() {
        runner.close();
        AtomicReference<String> result = new AtomicReference<>();
        TaskHandle late = runner.quiet("Page 9", ctx -> "rows", result::set);
        drainAvailable();
        assertThat(late.isCancelled()).isTrue();
        assertThat(late.doneProperty().get()).isTrue();
        assertThat(result.get()).isNull();
        assertThat(runner.active()).isEmpty();
    }

    @Test
    void whenDoneRunsOnceTheTaskFinishedHoweverItEnded() throws Exception {
        List<String> after = new ArrayList<>();
        TaskHandle failing = runner.run("Failing", ctx -> {
            throw new IllegalStateException("no rows");
        }, r -> { }, error -> after.add("failure shown"));
        failing.whenDone(() -> after.add("done"));
        drainUntil(() -> failing.doneProperty().get());

        assertThat(after).containsExactly("failure shown", "done");
        failing.whenDone(() -> after.add("asked after it finished"));
        assertThat(after).endsWith("asked after it finished");
    }

    @Test
    void whenCancelledRunsOnlyForACancelledTask() throws Exception {
        List<String> after = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        TaskHandle cancelled = runner.run("Waiting", ctx -> {
            started.countDown();
            while (!ctx.isCancelled()) {
                Thread.sleep(5);
            }
            return null;
        }, r -> after.add("result"));
        cancelled.whenCancelled(() -> after.add("cancelled"));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        cancelled.cancel();
        drainUntil(() -> cancelled.doneProperty().get());
        TaskHandle finished = runner.run("Counting", ctx -> 7, r -> after.add("result"));
        finished.whenCancelled(() -> after.add("cancelled too"));
        drainUntil(() -> finished.doneProperty().get());

        assertThat(after).containsExactly("cancelled", "result");
    }

    @Test
    void aFailureCallbackCanTakeTheFailureAsOneSentence() {
        List<String> problems = new ArrayList<>();
        TaskRunner sync = SyncTasks.runner();
        sync.run("Reading", ctx -> {
            throw SluiceException.input("The file mixes.csv does not exist");
        }, r -> { }, ErrorText.into(problems::add));

        assertThat(problems).containsExactly("The file mixes.csv does not exist.");
    }
}
