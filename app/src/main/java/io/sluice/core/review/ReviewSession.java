package io.sluice.core.review;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.Columns;
import io.sluice.core.source.SourceRow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The steward's decisions and edits on an open review: approve, reject, clear, fix cells, undo and redo. Every action
 * is in the review file, with who and when, before the method returns, and the undo history lives in the file too,
 * so undo still works after the review is closed and reopened. Use from one thread, like the review.
 * <p>
 * Closing the session does not close the review; the caller who opened the review closes it.
 */
public final class ReviewSession implements AutoCloseable {

    private final Review review;
    private final DecisionLedger ledger;
    private final Revalidation revalidation;
    private final FixLedger fixes;
    private final RuleLedger rules;
    private final Steward steward;
    /** Null when edits are not validated again. */
    private final RowValidator validator;
    /** What the latest change could not do, in one sentence; null when it did all. */
    private String notice;
    /** Whether this session's latest pass could not run (the target out of reach): the next decision runs it. */
    private boolean unchecked;
    private boolean closed;

    private ReviewSession(Review review, RowValidator validator, Steward steward) {
        this.review = review;
        this.ledger = review.ledger();
        this.revalidation = new Revalidation(review, ledger, validator);
        this.fixes = new FixLedger(review, review.connection(), ledger, validator);
        this.rules = new RuleLedger(review, review.connection(), ledger);
        this.steward = steward;
        this.validator = validator;
    }

    /**
     * A session acting as the current operating-system user. With a null {@code validator} an edit leaves the row's
     * findings as they were (no re-validation).
     */
    public static ReviewSession open(Review review, RowValidator validator) {
        return new ReviewSession(Objects.requireNonNull(review, "review"), validator, Steward.current());
    }

    /** Approves one row. */
    public void approve(long row) {
        decideOne(row, DecisionStatus.APPROVED, null, "Approve row " + row);
    }

    /** Rejects one row; the reason is required so that whoever reads the audit later knows why. */
    public void reject(long row, String reason) {
        decideOne(row, DecisionStatus.REJECTED, requireReason(reason, "row " + row), "Reject row " + row);
    }

    /** Takes the decision off a row: it is pending again. */
    public void clear(long row) {
        decideOne(row, null, null, "Clear the decision on row " + row);
    }

    /** Approves every row the filter matches, as one undoable step; returns how many rows changed. */
    public int approveAll(RowFilter filter) {
        return decideAll(filter, DecisionStatus.APPROVED, null, "Approve " + filter.description());
    }

    /** Rejects every row the filter matches with one reason, as one undoable step; returns how many rows changed. */
    public int rejectAll(RowFilter filter, String reason) {
        return decideAll(filter, DecisionStatus.REJECTED, requireReason(reason, filter.description()),
                "Reject " + filter.description());
    }

    /** Takes the decision off every row the filter matches, as one undoable step; returns how many rows changed. */
    public int clearAll(RowFilter filter) {
        return decideAll(filter, null, null, "Clear the decisions on " + filter.description());
    }

    /**
     * Sets the text of one cell (0-based column index); the raw cell stays as read. The row is validated again at
     * once and its findings replaced, which are returned.
     */
    public List<Finding> edit(long row, int column, String newText) {
        Objects.requireNonNull(newText, "newText");
        requireRow(row);
        notice = null;
        requireColumn(column);
        String before = ledger.editedText(row, column).orElse(null);
        String description = "Edit " + Columns.letter(column) + row + " ('" + review.columns().get(column) + "')";
        new CellEditCommand(ledger, steward, revalidation, row, column, before, newText, description).execute();
        recheckDecided();
        return review.findings(row);
    }

    /**
     * Fixes the values of one column (0-based index) in every row {@code filter} matches, as one undoable step: the
     * raw cells stay as read, each changed cell gets an edit, and the rows are validated again in bulk. A fix that
     * would change no cell records nothing (no undo step). Cancelling through {@code progress} leaves the review as
     * it was.
     */
    public FixOutcome fix(int column, RowFilter filter, ValueFix fix, Progress progress) {
        requireOpen();
        requireColumn(column);
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(filter, "filter");
        String description = fixDescription(column, filter, fix);
        notice = null;
        ValueFixCommand command = new ValueFixCommand(fixes, steward, column, filter, fix, description, progress);
        command.execute();
        recheckDecided();
        return new FixOutcome(command.cells(), description);
    }

    /**
     * Applies or removes a rule as one undoable step (see {@link RuleChange}): only the changed rules' findings are
     * replaced, every decision, edit and other finding stays, and the review records the new profile. A cancel
     * while the rule runs leaves the review exactly as it was.
     */
    public RuleChange.Step applyRule(RuleChange change) {
        requireOpen();
        Objects.requireNonNull(change, "change");
        notice = null;
        RuleCommand command = RuleCommand.of(rules, steward, change);
        command.execute();
        recheckDecided();
        return command.step();
    }

    /** What {@link #fix} would change, without changing anything: the count and the first {@code examples} cells. */
    public FixPreview previewFix(int column, RowFilter filter, ValueFix fix, int examples, Progress progress) {
        requireOpen();
        requireColumn(column);
        Objects.requireNonNull(fix, "fix");
        Objects.requireNonNull(filter, "filter");
        return fixes.preview(column, filter, fix, examples, progress);
    }

    /**
     * The whole values the review's replace fixes changed (those not undone), in the order they were made, for a
     * profile to apply on load.
     */
    public List<ValueReplacement> replacements() {
        requireOpen();
        return fixes.replacements();
    }

    /** Reverts the latest step not yet undone; false when there is none. */
    public boolean undo() {
        return undo(Progress.NONE);
    }

    /** As {@link #undo()}, reporting the rows a fix validates again and letting them be cancelled. */
    public boolean undo(Progress progress) {
        requireOpen();
        notice = null;
        Optional<StoredCommand> last = ledger.lastDone();
        last.ifPresent(c -> {
            restore(c, progress).undo();
            recheckAfter(c);
        });
        return last.isPresent();
    }

    /** Does the latest undone step again; false when there is none (a new step after an undo drops the redo side). */
    public boolean redo() {
        return redo(Progress.NONE);
    }

    /** As {@link #redo()}, reporting the rows a fix validates again and letting them be cancelled. */
    public boolean redo(Progress progress) {
        requireOpen();
        notice = null;
        Optional<StoredCommand> next = ledger.firstUndone();
        next.ifPresent(c -> {
            restore(c, progress).redo();
            recheckAfter(c);
        });
        return next.isPresent();
    }

    /** What {@link #undo} would revert, for an "Undo ..." menu item. */
    public Optional<String> undoDescription() {
        return ledger.lastDone().map(StoredCommand::description);
    }

    /** What {@link #redo} would do again. */
    public Optional<String> redoDescription() {
        return ledger.firstUndone().map(StoredCommand::description);
    }

    /**
     * What the latest change (decision, edit, fix, rule step, undo or redo) could not do although it was made, in one
     * sentence for the front end to show beside its own answer: the rows naming a parent row of the same table not
     * checked again because the target could not be reached. Empty when the change did all.
     */
    public Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /** Rows pending, approved and rejected. */
    public DecisionCounts counts() {
        return ledger.counts();
    }

    /** The decision on a row, empty while it is pending. */
    public Optional<Decision> decision(long row) {
        return ledger.decision(row);
    }

    /** The raw row with the steward's edits applied: the values a commit would use. */
    public SourceRow effectiveRow(long row) {
        return ledger.effectiveRow(row).orElseThrow(() -> noSuchRow(row));
    }

    /** A row's current findings (after any re-validation). */
    public List<Finding> findings(long row) {
        return review.findings(row);
    }

    /** Audit entries after {@code fromId} (0 for the start), oldest first, at most {@code limit}. */
    public List<AuditEntry> audit(long fromId, int limit) {
        return ledger.audit(fromId, limit);
    }

    /** The operating-system user recorded with this session's actions. */
    public String steward() {
        return steward.name();
    }

    @Override
    public void close() {
        closed = true;
    }

    private void decideOne(long row, DecisionStatus status, String reason, String description) {
        requireRow(row);
        notice = null;
        DecisionCommand command = new DecisionCommand(ledger, steward, RowFilter.rows(List.of(row)), status, reason,
                description);
        command.execute();
        if (command.rows() > 0) {
            recheckDecided(command.id());
        }
    }

    private int decideAll(RowFilter filter, DecisionStatus status, String reason, String description) {
        requireOpen();
        Objects.requireNonNull(filter, "filter");
        notice = null;
        DecisionCommand command = new DecisionCommand(ledger, steward, filter, status, reason, description);
        command.execute();
        if (command.rows() > 0) {
            recheckDecided(command.id());
        }
        return Math.toIntExact(command.rows());
    }

    /**
     * A row whose parent row of the same table is rejected, or has errors, is not imported either: after every
     * change its findings of that kind are judged again from the rows and decisions as they stand (decision 0079).
     * The change is made before that, so a target that cannot be reached does not undo it: its findings stay as they
     * were (the pass writes all or nothing) and {@link #notice()} says so (decision 0083).
     */
    private void recheckDecided() {
        if (validator == null) {
            return;
        }
        try {
            validator.recheckDecided(review);
            unchecked = false;
        } catch (SluiceException e) {
            if (e.kind() != SluiceException.Kind.TARGET) {
                throw e;
            }
            unchecked = true;
            notice = uncheckedNotice("the rows naming a parent row of the same table were", e);
        }
    }

    /**
     * As {@link #recheckDecided()} after decision command {@code command}. A step that neither rejects a row nor
     * takes a rejection back leaves every input of the pass as it was (the rows as edited, the rows in error, the
     * rejected rows), so the findings the last pass wrote are still its answer and the pass is not run (decision
     * 0088): approving rows, or clearing approved ones, costs what it costs on any other table.
     */
    private void recheckDecided(long command) {
        if (validator != null && validator.judgesByDecisions(review)
                && (unchecked || ledger.changesRejected(command))) {
            recheckDecided();
        }
    }

    /** The pass after an undone or redone step: a decision that changed no rejection needs none. */
    private void recheckAfter(StoredCommand step) {
        if (step.kind() == StoredCommand.Kind.DECIDE) {
            recheckDecided(step.id());
        } else {
            recheckDecided();
        }
    }

    /**
     * The sentence for a change that was saved although {@code what} ("the rows naming ... were") could not be
     * checked again, the target being out of reach for the reason {@code unreachable} gives.
     */
    public static String uncheckedNotice(String what, SluiceException unreachable) {
        String reason = unreachable.getMessage();
        String why = reason == null ? "" : " (" + reason.strip().replaceAll("[.\\s]+$", "") + ")";
        return "The change is saved, but " + what + " not checked again, because the target could not be reached"
                + why + "; validating the review again, or its import, checks them.";
    }

    private UndoableCommand restore(StoredCommand stored, Progress progress) {
        return switch (stored.kind()) {
            case FIX -> ValueFixCommand.stored(fixes, steward, stored, progress);
            case RULE -> RuleCommand.stored(rules, steward, stored);
            case DECIDE -> DecisionCommand.stored(ledger, steward, stored.id(), stored.description());
            case EDIT -> CellEditCommand.stored(ledger, steward, revalidation, stored.id(), stored.row(),
                    stored.column(), stored.oldText(), stored.newText(), stored.description());
        };
    }

    private String requireReason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw SluiceException.input("Rejecting " + what + " in the review " + review.file()
                    + " needs a reason; say why.");
        }
        return reason.strip();
    }

    private String fixDescription(int column, RowFilter filter, ValueFix fix) {
        String rows = filter.description().equals(RowFilter.all().description()) ? ""
                : " (" + filter.description() + ")";
        return fix.describe() + " in '" + review.columns().get(column) + "'" + rows;
    }

    private void requireColumn(int column) {
        if (column < 0 || column >= review.columns().size()) {
            throw SluiceException.input("The review " + review.file() + " has no column " + (column + 1)
                    + "; it has " + review.columns().size() + ".");
        }
    }

    private void requireRow(long row) {
        requireOpen();
        if (!ledger.hasRow(row)) {
            throw noSuchRow(row);
        }
    }

    private SluiceException noSuchRow(long row) {
        return SluiceException.input("The review " + review.file() + " has no row " + row + ".");
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("This review session is closed.");
        }
    }
}
