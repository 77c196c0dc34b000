package io.sluice.desktop.task;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one way the desktop runs core work: off the JavaFX thread, with progress and cancel, and the result or the
 * failure handed back on the UI executor. A failure reaches {@link #onFailure} as one sentence (see
 * {@link ErrorText}) unless the task was cancelled. View models take a runner, so tests give it plain executors.
 */
public final class TaskRunner implements AutoCloseable {

    /** Where failures go when the caller gives no handler of its own: the desktop shows a dialog. */
    public interface FailureHandler {
        void failed(String title, Throwable error);
    }

    /** How long closing waits for the work still running before Sluice stops it. */
    public static final int CLOSE_WAIT_SECONDS = 10;

    private final Executor ui;
    private final ExecutorService background;
    private final ObservableList<TaskHandle> active = FXCollections.observableArrayList();
    // held from the moment a save starts, not from when the UI executor gets to adding it to the active tasks
    private final List<TaskHandle> saving = new CopyOnWriteArrayList<>();
    private volatile FailureHandler onFailure = (title, error) -> { };

    public TaskRunner(Executor ui) {
        this(ui, newPool());
    }

    public TaskRunner(Executor ui, ExecutorService background) {
        this.ui = ui;
        this.background = background;
    }

    public void setFailureHandler(FailureHandler handler) {
        this.onFailure = handler;
    }

    /** The tasks now running, oldest first; changed only on the UI executor. */
    public ObservableList<TaskHandle> active() {
        return active;
    }

    /** Runs work shown in the status bar; {@code done} gets its result on the UI executor. */
    public <T> TaskHandle run(String title, Work<T> work, Consumer<? super T> done) {
        return start(title, true, work, done, null);
    }

    /** Like {@link #run} with a failure handler of the caller's own instead of the default dialog. */
    public <T> TaskHandle run(String title, Work<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        return start(title, true, work, done, failed);
    }

    /**
     * Runs work that writes something of the steward's (decisions, an edit, a value fix, a commit, a rule applied, a
     * profile, an export, a rollback, a new review), shown in the status bar like {@link #run}; while it runs
     * {@link #saving()} holds it, so that closing the window asks and waits for it. Work that only reads runs
     * through {@link #run} or {@link #quiet} and never holds a close up.
     *
     * @param change what is being saved and what closing anyway leaves of it, for the question on closing
     */
    public <T> TaskHandle save(String title, Change change, Work<T> work, Consumer<? super T> done,
                               Consumer<Throwable> failed) {
        return start(new TaskHandle(title, true, change, ui), work, done, failed);
    }

    /** Like {@link #save(String, Change, Work, Consumer, Consumer)} for a change lost as a whole when cut short. */
    public <T> TaskHandle save(String title, String change, Work<T> work, Consumer<? super T> done,
                               Consumer<Throwable> failed) {
        return save(title, Change.whole(change), work, done, failed);
    }

    /** The changes being written now (see {@link #save}), oldest first. */
    public List<TaskHandle> saving() {
        return List.copyOf(saving);
    }

    /** Runs short work (a page of rows, a preview) without showing it in the status bar. */
    public <T> TaskHandle quiet(String title, Work<T> work, Consumer<? super T> done) {
        return start(title, false, work, done, null);
    }

    /** Like {@link #quiet} with a failure handler of the caller's own instead of the default dialog. */
    public <T> TaskHandle quiet(String title, Work<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        return start(title, false, work, done, failed);
    }

    private <T> TaskHandle start(String title, boolean visible, Work<T> work, Consumer<? super T> done,
                                 Consumer<Throwable> failed) {
        return start(new TaskHandle(title, visible, null, ui), work, done, failed);
    }

    private <T> TaskHandle start(TaskHandle handle, Work<T> work, Consumer<? super T> done,
                                 Consumer<Throwable> failed) {
        String title = handle.title();
        if (background.isShutdown()) {
            // the window is closing: late work (a page asked for by a closing view) is dropped, not failed
            handle.cancel();
            handle.finished();
            return handle;
        }
        if (handle.saves()) {
            saving.add(handle);
        }
        ui.execute(() -> active.add(handle));
        background.execute(() -> {
            try {
                T result = work.run(handle);
                ui.execute(() -> {
                    active.remove(handle);
                    saving.remove(handle);
                    if (!handle.isCancelled()) {
                        done.accept(result);
                    }
                });
            } catch (Throwable error) {
                if (!handle.isCancelled() && !(error instanceof CancellationException)) {
                    handle.failed();
                }
                ui.execute(() -> {
                    active.remove(handle);
                    saving.remove(handle);
                    if (handle.isCancelled() || error instanceof CancellationException) {
                        return;
                    }
                    if (failed != null) {
                        failed.accept(error);
                    } else {
                        onFailure.failed(title, error);
                    }
                });
            } finally {
                handle.finished();
            }
        });
        return handle;
    }

    /**
     * Cancels what is running except the changes being saved, and waits briefly for it all, so that closing the
     * window does not cut a write short; the window asks before it closes while a change is being saved.
     */
    @Override
    public void close() {
        List.copyOf(active).stream().filter(task -> !task.saves()).forEach(TaskHandle::cancel);
        background.shutdown();
        try {
            background.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Blocks until every change being saved has ended, without a time limit: for Sluice stopped without a close
     * request (the desktop's toolkit told to exit by the system), where nobody was asked whether a change may go.
     */
    public void finishSaves() {
        try {
            for (TaskHandle task : List.copyOf(saving)) {
                task.awaitEnd();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutorService newPool() {
        AtomicInteger n = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sluice-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
