package io.sluice.core;

/** Receives progress of a long operation (validation, import) and can ask it to stop; front ends show it. */
public interface Progress {

    Progress NONE = new Progress() {
    };

    /** Called every few thousand rows with the number of rows done so far. */
    default void rowsDone(long rows) {
    }

    /** Polled between chunks; returning true stops the operation with a CancellationException. */
    default boolean isCancelled() {
        return false;
    }
}
