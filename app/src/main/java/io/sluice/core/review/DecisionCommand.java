package io.sluice.core.review;


/** Approves, rejects or clears the rows a filter matches, one row or thousands, as one step. */
final class DecisionCommand implements UndoableCommand {

    private final DecisionLedger ledger;
    private final Steward steward;
    private final RowFilter filter;
    private final DecisionStatus status;
    private final String reason;
    private final String description;
    private long id;
    private long rows;

    DecisionCommand(DecisionLedger ledger, Steward steward, RowFilter filter, DecisionStatus status, String reason,
                  String description) {
        this.ledger = ledger;
        this.steward = steward;
        this.filter = filter;
        this.status = status;
        this.reason = reason;
        this.description = description;
    }

    /** A command already in the review's history, to undo or redo. */
    static DecisionCommand stored(DecisionLedger ledger, Steward steward, long id, String description) {
        DecisionCommand command = new DecisionCommand(ledger, steward, null, null, null, description);
        command.id = id;
        return command;
    }

    @Override
    public void execute() {
        DecisionLedger.Recorded recorded = ledger.decide(filter, status, reason, steward.name(), steward.now(),
                description);
        id = recorded.command();
        rows = recorded.rows();
    }

    @Override
    public void undo() {
        ledger.undoDecision(id, steward.name(), steward.now());
    }

    @Override
    public void redo() {
        ledger.redoDecision(id, steward.name(), steward.now());
    }

    @Override
    public String description() {
        return description;
    }

    /** Its id in the review's history; 0 when {@link #execute} recorded nothing. */
    long id() {
        return id;
    }

    /** Rows whose decision {@link #execute} changed; 0 means nothing was recorded. */
    long rows() {
        return rows;
    }
}
