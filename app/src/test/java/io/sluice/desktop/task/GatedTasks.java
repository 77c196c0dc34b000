package io.sluice.desktop.task;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Background work on real threads for UI tests that, while the gate is shut, waits at its start until the gate opens
 * or the runner shuts down (closing the window): a test can close the window while a write is still under way.
 */
public final class GatedTasks extends AbstractExecutorService {

    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sluice-test-task");
        t.setDaemon(true);
        return t;
    });
    private volatile CountDownLatch gate = new CountDownLatch(0);

    /** Work started from now on waits for {@link #open()} or the shutdown. */
    public void shut() {
        gate = new CountDownLatch(1);
    }

    /** Lets the waiting work run, and work started later at once. */
    public void open() {
        gate.countDown();
    }

    @Override
    public void execute(Runnable command) {
        CountDownLatch waitFor = gate;
        pool.execute(() -> {
            try {
                waitFor.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            command.run();
        });
    }

    @Override
    public void shutdown() {
        open();
        pool.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        open();
        return pool.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }
}
