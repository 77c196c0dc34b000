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
    FAILED;

    /** Whether the step shows its empty state instead of the plan. */
    public boolean isEmpty() {
        return this == NO_REVIEW || this == NOTHING_APPROVED;
    }

    /** The empty state's title. */
    public String emptyTitle() {
        return this == NOTHING_APPROVED ? "No approved rows" : "Nothing to commit yet";
    }

    /** The empty state's explanation: what to do first. */
    public String emptyText() {
        return this == NOTHING_APPROVED
                ? "No row of this review is approved. Approve the rows to import in the Review step."
                : "Load a source, map it and review its rows first; the approved rows are committed here.";
    }

    /** The line under the plan's figures. */
    public String planStatus() {
        return switch (this) {
            case PLANNING -> "Computing what the commit would do…";
            case PLANNED -> "Nothing has been written yet.";
            case REFUSED -> "The commit would be refused.";
            case COMMITTING -> "Writing…";
            case COMMITTED -> "Committed as planned.";
            case CANCELLED -> "Cancelled.";
            case FAILED -> "The commit failed.";
            default -> "";
        };
    }
}
