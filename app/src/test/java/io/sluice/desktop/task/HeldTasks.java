package io.sluice.desktop.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Background work for view-model tests that runs at once or, once held, waits until the test runs it: a test can
 * look at the screen's state while work is under way, or cancel it in the status bar before it ends.
 */
public final class HeldTasks extends AbstractExecutorService {

    private final List<Runnable> waiting = new ArrayList<>();
    private boolean held;

    /** A runner whose results come back on the calling thread and whose work runs through {@code background}. */
    public static TaskRunner runner(HeldTasks background) {
        TaskRunner runner = new TaskRunner(Runnable::run, background);
        runner.setFailureHandler((title, error) -> {
            throw new AssertionError(title + " failed: " + error.getMessage(), error);
        });
        return runner;
    }

    /** Work started from now on waits for {@link #runNext()} or {@link #runAll()}. */
    public void hold() {
        held = true;
    }

    /** Work started from now on runs at once again; what waits still waits for the test. */
    public void release() {
        held = false;
    }

    /** The work waiting, in the order it was started: a test may run it in an order of its own. */
    public List<Runnable> waiting() {
        return Collections.unmodifiableList(waiting);
    }

    public void runNext() {
        waiting.remove(0).run();
    }

    /** Runs what waits and lets later work run at once again. */
    public void runAll() {
        held = false;
        while (!waiting.isEmpty()) {
            waiting.remove(0).run();
        }
    }

    @Override
    public void execute(Runnable command) {
        if (held) {
            waiting.add(command);
        } else {
            command.run();
        }
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }
}
