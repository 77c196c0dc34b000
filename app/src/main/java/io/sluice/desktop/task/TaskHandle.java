package io.sluice.desktop.task;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executor;

/**
 * One running piece of work as the user interface sees it: title, progress (-1 while indeterminate), message and
 * cancel. The properties change only on the UI executor; the work itself writes to atomics and posts at most one
 * pending update at a time, so a fast loop never floods the JavaFX thread.
 */
public final class TaskHandle implements TaskContext {

    private final String title;
    private final boolean visible;
    private final Change change;
    private volatile boolean failed;
    private final Executor ui;
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    // counted down on the worker's thread: waiting for it needs no UI executor (which may have stopped)
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicBoolean updatePending = new AtomicBoolean();
    private final AtomicLong expected = new AtomicLong(-1);
    private final AtomicReference<Double> latestFraction = new AtomicReference<>(-1.0);
    private final AtomicReference<String> latestMessage = new AtomicReference<>("");

    TaskHandle(String title, boolean visible, Executor ui) {
        this(title, visible, null, ui);
    }

    TaskHandle(String title, boolean visible, Change change, Executor ui) {
        this.title = title;
        this.visible = visible;
        this.change = change;
        this.ui = ui;
    }

    public String title() {
        return title;
    }

    /** Whether the status bar shows this task; quiet tasks (a grid page, a preview) are not shown. */
    public boolean visible() {
        return visible;
    }

    /** Whether this task writes one of the steward's changes (see {@link TaskRunner#save}). */
    public boolean saves() {
        return change != null;
    }

    /** What this task saves, e.g. "982,413 approvals"; null for a task that saves no change. */
    public String change() {
        return change == null ? null : change.what();
    }

    /** What closing Sluice before this task ends leaves of its change; null for a task that saves no change. */
    public String ifClosed() {
        return change == null ? null : change.ifClosed();
    }

    /** Whether the work ended with a failure (not a cancel); known once {@link #doneProperty()} is true. */
    public boolean hasFailed() {
        return failed;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    /** Asks the work to stop; it stops at its next check and its result is dropped. */
    public void cancel() {
        cancelled.set(true);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public void rowsDone(long rows) {
        long total = expected.get();
        String text = String.format("%,d rows", rows);
        if (total > 0) {
            latestFraction.set(Math.min(1.0, rows / (double) total));
            text = String.format("%,d of %,d rows", rows, total);
        }
        latestMessage.set(text);
        post();
    }

    @Override
    public void message(String text) {
        latestMessage.set(text);
        post();
    }

    @Override
    public void expectRows(long total) {
        expected.set(total);
    }

    @Override
    public void fraction(double doneFraction) {
        latestFraction.set(Math.max(0, Math.min(1, doneFraction)));
        post();
    }

    /**
     * Runs {@code action} on the UI executor once the task has finished, however it ended (done, failed or
     * cancelled); at once when it has finished already.
     */
    public void whenDone(Runnable action) {
        if (done.get()) {
            action.run();
            return;
        }
        done.addListener((obs, was, now) -> {
            if (now) {
                action.run();
            }
        });
    }

    /** Runs {@code action} on the UI executor once the task has finished after a cancel. */
    public void whenCancelled(Runnable action) {
        whenDone(() -> {
            if (isCancelled()) {
                action.run();
            }
        });
    }

    void failed() {
        failed = true;
    }

    /** Blocks until the work has ended, however it ended; for a thread that is not the UI executor's. */
    void awaitEnd() throws InterruptedException {
        ended.await();
    }

    void finished() {
        ended.countDown();
        ui.execute(() -> done.set(true));
    }

    private void post() {
        if (updatePending.compareAndSet(false, true)) {
            ui.execute(() -> {
                updatePending.set(false);
                progress.set(latestFraction.get());
                message.set(latestMessage.get());
            });
        }
    }
}
