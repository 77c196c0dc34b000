package io.sluice.desktop.task;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.concurrent.CancellationException;
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

    private final Executor ui;
    private final ExecutorService background;
    private final ObservableList<TaskHandle> active = FXCollections.observableArrayList();
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
        TaskHandle handle = new TaskHandle(title, visible, ui);
        if (background.isShutdown()) {
            // the window is closing: late work (a page asked for by a closing view) is dropped, not failed
            handle.cancel();
            handle.finished();
            return handle;
        }
        ui.execute(() -> active.add(handle));
        background.execute(() -> {
            try {
                T result = work.run(handle);
                ui.execute(() -> {
                    active.remove(handle);
                    if (!handle.isCancelled()) {
                        done.accept(result);
                    }
                });
            } catch (Throwable error) {
                ui.execute(() -> {
                    active.remove(handle);
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

    /** Cancels what is running and waits briefly for it, so that closing the window does not cut a write short. */
    @Override
    public void close() {
        List.copyOf(active).forEach(TaskHandle::cancel);
        background.shutdown();
        try {
            background.awaitTermination(10, TimeUnit.SECONDS);
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
