package io.sluice.core.review;

import io.sluice.core.workspace.DecisionLedger;
import io.sluice.core.workspace.DecisionStatus;
import io.sluice.core.workspace.RowFilter;

/** Approves, rejects or clears the rows a filter matches, one row or thousands, as one step. */
final class DecideCommand implements ReviewCommand {

    private final DecisionLedger ledger;
    private final Steward steward;
    private final RowFilter filter;
    private final DecisionStatus status;
    private final String reason;
    private final String description;
    private long id;
    private long rows;

    DecideCommand(DecisionLedger ledger, Steward steward, RowFilter filter, DecisionStatus status, String reason,
                  String description) {
        this.ledger = ledger;
        this.steward = steward;
        this.filter = filter;
        this.status = status;
        this.reason = reason;
        this.description = description;
    }

    /** A command already in the review's history, to undo or redo. */
    static DecideCommand stored(DecisionLedger ledger, Steward steward, long id, String description) {
        DecideCommand command = new DecideCommand(ledger, steward, null, null, null, description);
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

    /** Rows whose decision {@link #execute} changed; 0 means nothing was recorded. */
    long rows() {
        return rows;
    }
}
