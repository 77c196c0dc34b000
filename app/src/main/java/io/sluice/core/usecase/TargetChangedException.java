package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TableShape;
import io.sluice.core.review.Review;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An import of a review (or its dry run) refused because a target table changed since the review was validated:
 * the findings its rows were approved against may no longer be true, and the database could refuse rows the review
 * calls valid. Validating the review again (its decisions and edits are kept) records the table as it is now.
 */
public final class TargetChangedException extends SluiceException {

    private final String table;

    private TargetChangedException(String review, String table, List<String> changes) {
        super(Kind.INPUT, "The table " + table + " has changed since " + review + " was validated ("
                + String.join("; ", changes) + "); validate the review again before importing (sluice validate"
                + " --review " + review + "; its decisions and edits are kept).");
        this.table = table;
    }

    /**
     * What an import of a review validated before Sluice recorded its target tables says once: that nobody could
     * tell whether they changed since.
     */
    public static String unrecordedNote(String review) {
        return review + " was validated before Sluice recorded the target's tables, so whether they changed since"
                + " could not be checked; validating the review again records them.";
    }

    /** The table that changed, as the profile names it. */
    public String table() {
        return table;
    }

    /**
     * Refuses when a table {@code review} recorded at validation has changed in a way that can make its findings
     * untrue ({@link TableShape#changesSince}); {@code tables} gives each table as it is now. False, and nothing
     * checked, when the review recorded no table (validated before Sluice recorded them).
     */
    static boolean refuseIfChanged(Review review, String reviewName, Function<String, TableInfo> tables) {
        Optional<Map<String, TableShape>> recorded = review.targetShapes();
        if (recorded.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, TableShape> table : recorded.get().entrySet()) {
            List<String> changes = TableShape.of(tables.apply(table.getKey())).changesSince(table.getValue());
            if (!changes.isEmpty()) {
                throw new TargetChangedException(reviewName, table.getKey(), changes);
            }
        }
        return true;
    }
}
