package io.sluice.desktop.task;

import java.util.function.Consumer;

/**
 * Keeps only the newest of a series of requests (a filter typed again, a preview of a mapping changed again, a page
 * of the history asked for again): a request started later supersedes the earlier ones, and an earlier one's late
 * result is dropped instead of overwriting the newer one on screen. UI thread only.
 */
public final class Latest {

    private long generation;
    private TaskHandle tracked;

    /** Starts a request that supersedes every one started before; a tracked task of an older one is cancelled. */
    public Request next() {
        supersede();
        return new Request(generation);
    }

    /** Drops every request started so far, e.g. when what they were about is closed. */
    public void supersede() {
        generation++;
        if (tracked != null) {
            tracked.cancel();
            tracked = null;
        }
    }

    /** One request of the series. */
    public final class Request {

        private final long number;

        private Request(long number) {
            this.number = number;
        }

        /** True until a newer request starts. */
        public boolean isCurrent() {
            return number == generation;
        }

        /** Wraps a callback so that it runs only while this request is still the newest one. */
        public <T> Consumer<T> then(Consumer<? super T> action) {
            return then(action, stale -> { });
        }

        /**
         * Wraps a callback so that it runs only while this request is still the newest one; a result that arrives
         * late goes to {@code stale} instead, e.g. to close what it opened.
         */
        public <T> Consumer<T> then(Consumer<? super T> action, Consumer<? super T> stale) {
            return value -> {
                if (isCurrent()) {
                    action.accept(value);
                } else {
                    stale.accept(value);
                }
            };
        }

        /** Cancels the task when a newer request starts: its work is worth stopping, not only its result. */
        public TaskHandle track(TaskHandle handle) {
            if (isCurrent()) {
                tracked = handle;
            } else {
                handle.cancel();
            }
            return handle;
        }
    }
}
