package io.sluice.desktop.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task runner for plain JUnit view-model tests: the work and its result both run on the calling thread, so a
 * test calls a view-model action and asserts straight after. Failures are collected instead of shown.
 */
public final class SyncTasks {

    private SyncTasks() {
    }

    /** A runner whose tasks finish before {@code run} returns; failures land in {@code failures}. */
    public static TaskRunner runner(List<Throwable> failures) {
        TaskRunner runner = new TaskRunner(Runnable::run, new Direct());
        runner.setFailureHandler((title, error) -> failures.add(error));
        return runner;
    }

    /** A runner that rethrows the first failure as an AssertionError, for tests that expect none. */
    public static TaskRunner runner() {
        TaskRunner runner = new TaskRunner(Runnable::run, new Direct());
        runner.setFailureHandler((title, error) -> {
            throw new AssertionError(title + " failed: " + error.getMessage(), error);
        });
        return runner;
    }

    private static final class Direct extends AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return new ArrayList<>();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
