package io.sluice.core.review;


import java.util.List;

/** Sets the text of one cell; the row is re-validated each time the cell changes (execute, undo, redo). */
final class CellEditCommand implements UndoableCommand {

    private final DecisionLedger ledger;
    private final Steward steward;
    private final Revalidation revalidation;
    private final long row;
    private final int column;
    private final String oldText;
    private final String newText;
    private final String description;
    private long id;

    /** {@code oldText} is the cell's edit before this one, null when it showed its raw value. */
    CellEditCommand(DecisionLedger ledger, Steward steward, Revalidation revalidation, long row, int column,
                String oldText, String newText, String description) {
        this.ledger = ledger;
        this.steward = steward;
        this.revalidation = revalidation;
        this.row = row;
        this.column = column;
        this.oldText = oldText;
        this.newText = newText;
        this.description = description;
    }

    static CellEditCommand stored(DecisionLedger ledger, Steward steward, Revalidation revalidation, long id, long row,
                              int column, String oldText, String newText, String description) {
        CellEditCommand command = new CellEditCommand(ledger, steward, revalidation, row, column, oldText, newText,
                description);
        command.id = id;
        return command;
    }

    @Override
    public void execute() {
        id = ledger.editAndRecheck(row, column, newText, revalidation.check(row, column, newText, List.of()),
                steward.name(), steward.now(), description);
    }

    @Override
    public void undo() {
        ledger.undoEditAndRecheck(id, revalidation.check(row, column, oldText, ledger.setAsideBy(id)),
                steward.name(), steward.now());
    }

    @Override
    public void redo() {
        ledger.redoEditAndRecheck(id, revalidation.check(row, column, newText, List.of()), steward.name(),
                steward.now());
    }

    @Override
    public String description() {
        return description;
    }
}
