package io.sluice.core.commit;

import java.util.ArrayList;
import java.util.List;

/**
 * Approved values that cannot be stored in their columns (text in a number column, an impossible date), counted as
 * the rows stream past: every import path, from a file or a review, dry run or not, refuses them the same way.
 */
final class UnstorableValues {

    private static final int SHOWN = 3;

    private final List<String> shown = new ArrayList<>();
    private long count;

    /** Counts the row's unstorable values; true when it has any (it then takes no further part in the import). */
    boolean check(ApprovedRow row) {
        boolean any = false;
        for (int i = 0; i < row.values().targets().size(); i++) {
            String error = row.values().error(i);
            if (error != null) {
                any = true;
                count++;
                if (shown.size() < SHOWN) {
                    // each error is a sentence of its own; inside the refusal's brackets it loses its full stop
                    shown.add("row " + row.sourceRow() + ": " + (error.endsWith(".")
                            ? error.substring(0, error.length() - 1) : error));
                }
            }
        }
        return any;
    }

    /** Where the count stands, to go back to with {@link #reset} when rows are planned again. */
    Mark mark() {
        return new Mark(count, shown.size());
    }

    /** Forgets what was counted since {@code mark}. */
    void reset(Mark mark) {
        count = mark.count();
        shown.subList(mark.shown(), shown.size()).clear();
    }

    /** A position in the count: the values counted and shown so far. */
    record Mark(long count, int shown) {
    }

    boolean none() {
        return count == 0;
    }

    /** The refusal in one sentence, naming the first few values. */
    UnstorableValuesException refusal() {
        return new UnstorableValuesException(count + " approved value(s) cannot be stored in their columns ("
                + String.join("; ", shown) + (count > shown.size() ? "; ..." : "")
                + "); edit or reject those rows first.");
    }
}
