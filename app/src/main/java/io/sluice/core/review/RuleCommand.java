package io.sluice.core.review;

/**
 * A rule applied to or removed from the review as one undoable step: execute replaces the rule's findings and the
 * review's profile; undo puts the findings, profile and quality basis of before back exactly, redo those of after.
 */
final class RuleCommand implements UndoableCommand {

    private final RuleLedger rules;
    private final Steward steward;
    private final RuleChange change;
    private final StoredCommand stored;
    private RuleChange.Step step;

    private RuleCommand(RuleLedger rules, Steward steward, RuleChange change, StoredCommand stored) {
        this.rules = rules;
        this.steward = steward;
        this.change = change;
        this.stored = stored;
    }

    static RuleCommand of(RuleLedger rules, Steward steward, RuleChange change) {
        return new RuleCommand(rules, steward, change, null);
    }

    /** A step from the stored history, for its undo or redo. */
    static RuleCommand stored(RuleLedger rules, Steward steward, StoredCommand stored) {
        return new RuleCommand(rules, steward, null, stored);
    }

    @Override
    public void execute() {
        step = rules.execute(change, steward.name(), steward.now());
    }

    @Override
    public void undo() {
        rules.undo(stored, steward.name(), steward.now());
    }

    @Override
    public void redo() {
        rules.redo(stored, steward.name(), steward.now());
    }

    @Override
    public String description() {
        return change != null ? change.description() : stored.description();
    }

    /** What {@link #execute} did. */
    RuleChange.Step step() {
        return step;
    }
}
