package io.sluice.core.review;

import java.util.List;

/**
 * A cell of a row whose value a fix or an edit changed: what the sender's file holds, what the review shows now, and
 * the steps in effect that led there, oldest first (a fix and then an edit of the same cell are both listed).
 *
 * @param column   0-based source column index
 * @param original the cell's text as read from the source file ("" for an empty cell)
 * @param current  the text the review shows and a commit would use
 * @param changes  the fixes and edits in effect on the cell, oldest first; never empty
 */
public record ChangedCell(int column, String original, String current, List<CellChange> changes) {

    public ChangedCell {
        changes = List.copyOf(changes);
    }

    /** The latest step, the one that set {@link #current}. */
    public CellChange last() {
        return changes.get(changes.size() - 1);
    }
}
