package io.sluice.core.validate;

/** Receives progress of a long operation and can ask it to stop; the desktop binds it to a progress bar. */
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
