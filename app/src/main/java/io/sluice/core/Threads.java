package io.sluice.core;

/** Waiting for Sluice's own worker threads. */
public final class Threads {

    private Threads() {
    }

    /**
     * Waits until {@code thread} has ended, however often the waiting thread is interrupted meanwhile: a worker
     * holding a file or a connection must be done with it before its owner closes it. An interrupt that came is
     * kept on the waiting thread for whatever it does next.
     */
    public static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
