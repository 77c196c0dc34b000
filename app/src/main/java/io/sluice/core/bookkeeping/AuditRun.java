package io.sluice.core.bookkeeping;

/**
 * Consecutive audit entries that say the same on increasing source rows, as one stored row (decision 0040): the
 * first entry, how many there are and their rows as ranges ({@code 7+999} is rows 7 to 1006, as provenance runs
 * write them). Built by {@link AuditRuns}, written by {@link DecisionAuditWriter}.
 */
public final class AuditRun {

    /** Entries in one run at most: a bulk decision over a million rows is about a hundred runs. */
    static final int MAX_ENTRIES = 10_000;

    private final DecisionAudit first;
    private final StringBuilder ranges = new StringBuilder();
    private long rangeStart;
    private long rangeEnd;
    private int count = 1;
    private Long batchId;
    private Long firstEntry;

    AuditRun(DecisionAudit first) {
        this.first = first;
        this.batchId = first.batchId().orElse(null);
        this.rangeStart = first.sourceRow();
        this.rangeEnd = rangeStart;
    }

    /** Adds the entry when it belongs to this run (same texts, a later row, room left); says whether it did. */
    boolean add(DecisionAudit entry) {
        if (count == MAX_ENTRIES || entry.sourceRow() <= rangeEnd || !first.sameExceptRow(entry)) {
            return false;
        }
        if (entry.sourceRow() != rangeEnd + 1) {
            appendRange();
            rangeStart = entry.sourceRow();
        }
        rangeEnd = entry.sourceRow();
        count++;
        return true;
    }

    DecisionAudit first() {
        return first;
    }

    int count() {
        return count;
    }

    /** The batch the run belongs to: its entries', or the one it was given when they were read before it existed. */
    Long batchId() {
        return batchId;
    }

    void inBatch(long batch) {
        this.batchId = batch;
    }

    /** The position of the first entry in the batch's audit; null for entries of no batch. */
    Long firstEntry() {
        return firstEntry;
    }

    void at(Long position) {
        this.firstEntry = position;
    }

    /** About how many characters the run holds: its ranges and its entry's texts, for a budget of runs held. */
    public int characters() {
        return rangesLength() + first.reason().map(String::length).orElse(0)
                + first.oldValue().map(String::length).orElse(0) + first.newValue().map(String::length).orElse(0);
    }

    /** About how long the ranges text is, before it is complete. */
    int rangesLength() {
        return ranges.length() + 40;
    }

    /** The rows as ranges, or null for a single entry; call once, when the run is complete. */
    String rangesText() {
        if (count == 1) {
            return null;
        }
        appendRange();
        return ranges.toString();
    }

    private void appendRange() {
        if (!ranges.isEmpty()) {
            ranges.append(',');
        }
        ranges.append(rangeStart);
        if (rangeEnd != rangeStart) {
            ranges.append('+').append(rangeEnd - rangeStart);
        }
    }
}
