package io.sluice.desktop.task;

import java.util.Objects;

/**
 * A write that closing the desktop waits for (see {@link TaskRunner#save}): what it saves in the steward's words,
 * and what is true of it when Sluice is closed anyway before it ends, each kind of write saying its own.
 *
 * @param what     what is being saved, e.g. "up to 982,413 approvals", "the export of the approved rows to a.csv"
 * @param ifClosed one clause, naming the change, on what a close before it ends leaves, e.g. "the export is abandoned
 *                 and the files already there are kept as they were"
 */
public record Change(String what, String ifClosed) {

    public Change {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(ifClosed, "ifClosed");
    }

    /** A change written in one transaction of the review: cut short, none of it stays. */
    public static Change whole(String what) {
        return new Change(what, "the change (" + what + ") is lost as a whole, as if it had never been made");
    }

    /** A file replaced in one atomic step (a profile): cut short, the file keeps what it held before. */
    public static Change file(String what, String file) {
        return new Change(what, file + " is not written and keeps what it held before");
    }
}
