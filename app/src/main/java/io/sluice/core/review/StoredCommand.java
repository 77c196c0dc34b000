package io.sluice.core.review;

/**
 * One step of a review's undo history as the file keeps it, so that undo and redo work after the review is reopened.
 *
 * @param id          position in the history
 * @param kind        a decision (on one or many rows) or a cell edit
 * @param description what the step did, in words ("Approve row 12")
 * @param status      for a decision: the status set, null for a clear
 * @param reason      for a rejection: its reason
 * @param row         for an edit: the row
 * @param column      for an edit or a fix: the 0-based column index
 * @param oldText     for an edit: the cell's edited text before, or null when it showed the raw cell
 * @param newText     for an edit: the text set
 * @param fix         for a value fix: its kind word ("replace", "trim", ...), else null
 */
public record StoredCommand(long id, Kind kind, String description, DecisionStatus status, String reason, long row,
                            int column, String oldText, String newText, String fix) {

    /**
     * The kinds of undoable step: a decision, one cell's edit, a fix of many cells of one column, a rule applied to
     * or removed from the review.
     */
    public enum Kind {
        DECIDE, EDIT, FIX, RULE
    }
}
