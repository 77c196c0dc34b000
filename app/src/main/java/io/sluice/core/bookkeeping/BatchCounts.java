package io.sluice.core.bookkeeping;

/** How many rows an import read, approved, rejected, and then inserted, updated or skipped in the target. */
public record BatchCounts(long rowsRead, long approved, long rejected, long inserted, long updated, long skipped) {

    /** Nothing counted, e.g. for a batch that failed before reading. */
    public static final BatchCounts ZERO = new BatchCounts(0, 0, 0, 0, 0, 0);
}
