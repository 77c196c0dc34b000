package io.sluice.desktop.commit;

/** Where the commit step stands; the view shows one panel per state. */
public enum CommitState {
    /** No review is open: nothing to commit. */
    NO_REVIEW,
    /** The review has no approved rows. */
    NOTHING_APPROVED,
    /** The dry run is being computed. */
    PLANNING,
    /** The dry run is done and the rows can be committed. */
    PLANNED,
    /** The dry run or the commit was refused (duplicate import, conflicts, unstorable values). */
    REFUSED,
    /** The rows are being written. */
    COMMITTING,
    /** The batch is in the target. */
    COMMITTED,
    /** The steward cancelled the commit; nothing was written. */
    CANCELLED,
    /** The commit failed; nothing was written. */
    FAILED
}
