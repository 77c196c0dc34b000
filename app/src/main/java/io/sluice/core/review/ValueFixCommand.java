package io.sluice.core.review;

import io.sluice.core.Progress;

/**
 * Fixes the values of one column in every row a filter matches (replace, find and replace, set, blank, trim, collapse
 * spaces, change case) as one undoable step; each execute, undo and redo re-validates the rows it changed, in bulk.
 */
final class ValueFixCommand implements UndoableCommand {

    private final FixLedger fixes;
    private final Steward steward;
    private final int column;
    private final RowFilter filter;
    private final ValueFix fix;
    private final String description;
    private final Progress progress;
    private StoredCommand stored;
    private long cells;

    ValueFixCommand(FixLedger fixes, Steward steward, int column, RowFilter filter, ValueFix fix, String description,
                    Progress progress) {
        this.fixes = fixes;
        this.steward = steward;
        this.column = column;
        this.filter = filter;
        this.fix = fix;
        this.description = description;
        this.progress = progress;
    }

    /** A fix from the stored history, for its undo or redo. */
    static ValueFixCommand stored(FixLedger fixes, Steward steward, StoredCommand stored, Progress progress) {
        ValueFixCommand command = new ValueFixCommand(fixes, steward, stored.column(), null, null,
                stored.description(), progress);
        command.stored = stored;
        return command;
    }

    @Override
    public void execute() {
        cells = fixes.execute(column, filter, fix, description, steward.name(), steward.now(), progress);
    }

    @Override
    public void undo() {
        fixes.undo(stored, steward.name(), steward.now(), progress);
    }

    @Override
    public void redo() {
        fixes.redo(stored, steward.name(), steward.now(), progress);
    }

    @Override
    public String description() {
        return description;
    }

    /** How many cells {@link #execute} changed. */
    long cells() {
        return cells;
    }
}
