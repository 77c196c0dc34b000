package io.sluice.core.commit;

/** Hears how far a commit got and may cancel it; both are called on the committing thread. */
public interface CommitProgress {

    /** Nothing reported, never cancelled. */
    CommitProgress NONE = new CommitProgress() {
    };

    /** Rows processed so far (inserted, updated or skipped), reported after each chunk. */
    default void rowsWritten(long n) {
    }

    /** Asked before every row; true makes the commit roll back and throw a CancellationException. */
    default boolean isCancelled() {
        return false;
    }
}
