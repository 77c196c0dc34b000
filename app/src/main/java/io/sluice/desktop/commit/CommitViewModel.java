package io.sluice.desktop.commit;

import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.CommitConflictException;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.commit.CommitResult;
import io.sluice.core.rules.Finding;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.usecase.ImportResult;
import io.sluice.core.usecase.ImportRows;
import io.sluice.core.usecase.TargetChangedException;
import io.sluice.core.usecase.ValidateReview;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.Step;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.Change;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.Latest;
import io.sluice.desktop.task.TaskContext;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The commit step: the open review's approved rows, a dry run recomputed whenever the mode changes, the commit itself
 * with progress and cancel, and its result. All database work runs through the task runner; the properties change on
 * the UI thread only.
 */
public final class CommitViewModel {

    /** What the step says when the steward cancelled the dry run. */
    static final String DRY_RUN_CANCELLED = "The dry run was cancelled; choose how to treat rows already in the"
            + " table, or show the Commit step again, to run it again.";

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final String steward;
    private final CommitGatesViewModel gates;

    private final ObjectProperty<CommitState> state = new SimpleObjectProperty<>(CommitState.NO_REVIEW);
    private final ObjectProperty<ImportMode> mode = new SimpleObjectProperty<>(ImportMode.INSERT);
    private final BooleanProperty allowDuplicate = new SimpleBooleanProperty();
    private final LongProperty approved = new SimpleLongProperty();
    private final StringProperty table = new SimpleStringProperty("");
    private final BooleanProperty related = new SimpleBooleanProperty();
    private final ObservableList<TablePlan> tables = FXCollections.observableArrayList();
    private final ObjectProperty<CommitPlan> plan = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty targetChanged = new SimpleBooleanProperty();
    private final StringProperty revalidated = new SimpleStringProperty("");
    private final ObservableList<Finding> conflicts = FXCollections.observableArrayList();
    private final ObjectProperty<CommitResult> result = new SimpleObjectProperty<>();
    private final StringProperty resultText = new SimpleStringProperty("");
    private final ObjectProperty<TaskHandle> running = new SimpleObjectProperty<>();
    private final BooleanBinding canCommit;
    private final StringBinding commitLabel;

    private Path loadedReview;
    private boolean loading;
    private final Latest requests = new Latest();

    /** {@code steward} is the name the batch and its audit record as who committed it. */
    public CommitViewModel(Workbench workbench, TaskRunner tasks, DialogService dialogs, String steward) {
        this(workbench, tasks, dialogs, steward, new CommitGatesViewModel(workbench, tasks, dialogs));
    }

    /** {@code gates} measures the review's quality gates; a failed blocking gate disables the commit. */
    public CommitViewModel(Workbench workbench, TaskRunner tasks, DialogService dialogs, String steward,
                           CommitGatesViewModel gates) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.steward = steward;
        this.gates = gates;
        // a plan that changes nothing (every row skipped) is shown with its counts, but the import would refuse it
        canCommit = Bindings.createBooleanBinding(() -> state.get() == CommitState.PLANNED && approved.get() > 0
                && plan.get() != null && !plan.get().changesNothing() && !gates.blockedProperty().get(),
                state, approved, plan, gates.blockedProperty());
        // while the dry run counts them, the approved rows of the last count may no longer be true
        commitLabel = Bindings.createStringBinding(() -> state.get() == CommitState.PLANNING
                ? "Commit approved rows" : String.format(Locale.ROOT, "Commit %,d approved %srow%s", approved.get(),
                related.get() ? "source " : "", approved.get() == 1 ? "" : "s"), state, approved, related);
        mode.addListener((obs, old, now) -> replan());
        allowDuplicate.addListener((obs, old, now) -> replan());
        workbench.targetProperty().addListener((obs, old, now) -> replan());
        // a gate the steward changed decides the dry run's answer too
        gates.onGatesChanged(this::replan);
    }

    /** Brings the step up to date with the open review; keeps a finished commit of the same review on screen. */
    public void refresh() {
        Path review = workbench.reviewProperty().get();
        CommitState now = state.get();
        if (review != null && review.equals(loadedReview)
                && (now == CommitState.COMMITTING || now == CommitState.COMMITTED)) {
            return;
        }
        gates.refresh();
        if (review == null) {
            loadedReview = null;
            clearOutcome();
            state.set(CommitState.NO_REVIEW);
            return;
        }
        boolean sameReview = review.equals(loadedReview);
        loadedReview = review;
        if (!sameReview) {
            // the previous review's count and table say nothing about this one
            approved.set(0);
            table.set("");
            related.set(false);
            revalidated.set("");
        }
        dryRun(sameReview ? mode.get() : null);
    }

    /** Recomputes the dry run with the chosen mode and duplicate setting. */
    public void dryRun() {
        if (loadedReview != null) {
            dryRun(mode.get());
        }
    }

    private void replan() {
        CommitState now = state.get();
        if (!loading && loadedReview != null && now != CommitState.COMMITTING) {
            dryRun(mode.get());
        }
    }

    /** {@code chosen} null: the profile's commit mode. */
    private void dryRun(ImportMode chosen) {
        Latest.Request request = requests.next();
        Path review = loadedReview;
        TargetChoice target = workbench.targetProperty().get();
        boolean duplicate = allowDuplicate.get();
        clearOutcome();
        state.set(CommitState.PLANNING);
        tasks.run("Dry run of the commit", ctx -> DryRun.planOf(review, target, chosen, duplicate),
                request.then(this::showPlan), request.then(this::refuse)).whenCancelled(() -> {
                    // stopped with Cancel in the status bar: not "Computing…" for ever, and nothing to commit from
                    if (request.isCurrent()) {
                        problem.set(DRY_RUN_CANCELLED);
                        state.set(CommitState.CANCELLED);
                    }
                });
    }

    private void showPlan(DryRun.PlanOutcome outcome) {
        if (outcome.mode() != null) {
            setModeQuietly(outcome.mode());
        }
        approved.set(outcome.approved());
        table.set(outcome.table());
        related.set(outcome.related());
        tables.setAll(outcome.tables());
        if (outcome.approved() == 0) {
            state.set(CommitState.NOTHING_APPROVED);
            return;
        }
        plan.set(outcome.plan());
        conflicts.setAll(outcome.conflicts());
        problem.set(outcome.problem() == null ? "" : outcome.problem());
        state.set(outcome.plan() != null ? CommitState.PLANNED : CommitState.REFUSED);
    }

    private void refuse(Throwable error) {
        if (error instanceof CommitConflictException conflict) {
            conflicts.setAll(conflict.findings());
        }
        targetChanged.set(error instanceof TargetChangedException);
        problem.set(ErrorText.sentence(error));
        state.set(CommitState.REFUSED);
    }

    /**
     * Asks the steward first (how many rows go where, one transaction, can be rolled back), then commits; null
     * when not ready or the steward said no.
     */
    public TaskHandle commitAfterAsking() {
        if (!canCommit.get() || !CommitQuestion.confirmed(dialogs, approved.get(), related.get(), named(),
                plan.get(), mode.get(), gates.warnings())) {
            return null;
        }
        return commit();
    }

    /** Writes the approved rows as one batch; the handle shows progress and cancels. Null when not ready. */
    public TaskHandle commit() {
        if (!canCommit.get()) {
            return null;
        }
        Latest.Request request = requests.next();
        Path review = loadedReview;
        TargetChoice target = workbench.targetProperty().get();
        ImportMode used = mode.get();
        boolean duplicate = allowDuplicate.get();
        long rows = approved.get();
        AtomicReference<CommitOutcome> written = new AtomicReference<>();
        problem.set("");
        conflicts.clear();
        result.set(null);
        resultText.set("");
        state.set(CommitState.COMMITTING);
        TaskHandle handle = tasks.save("Committing " + rows + " approved rows",
                String.format("the commit of %,d approved rows", rows), ctx -> {
            ctx.expectRows(rows);
            CommitOutcome outcome = commitOf(review, target, used, duplicate, steward, ctx);
            written.set(outcome);
            return outcome;
        }, this::showResult, request.then(this::fail));
        running.set(handle);
        handle.whenDone(() -> finished(handle, written));
        return handle;
    }

    private static CommitOutcome commitOf(Path reviewFile, TargetChoice target, ImportMode mode, boolean duplicate,
                                          String steward, TaskContext ctx) {
        if (WorkbookImport.isWorkbook(reviewFile)) {
            return WorkbookImport.commitOf(reviewFile, target, duplicate, steward, ctx);
        }
        try (TargetDatabase db = TargetAccess.openForImport(target);
             ImportRows rows = ImportRows.fromReview(db, reviewFile,
                     new ImportRows.ImportSettings(mode, duplicate, steward))) {
            ImportResult imported = rows.commit(ctx);
            return new CommitOutcome(imported.batch(), imported.auditEntries());
        }
    }

    /** A cancel that came after the batch was written still shows the batch: the target has it. */
    private void finished(TaskHandle handle, AtomicReference<CommitOutcome> written) {
        if (running.get() != handle) {
            return;
        }
        running.set(null);
        if (handle.isCancelled()) {
            if (written.get() != null) {
                showResult(written.get());
            } else {
                problem.set("The commit was cancelled; nothing was written to " + named() + ".");
                state.set(CommitState.CANCELLED);
            }
        }
    }

    private void showResult(CommitOutcome outcome) {
        result.set(outcome.result());
        if (outcome.related()) {
            tables.setAll(outcome.tables());
        }
        resultText.set(outcome.text(mode.get()));
        state.set(CommitState.COMMITTED);
    }

    private void fail(Throwable error) {
        if (error instanceof CommitConflictException conflict) {
            conflicts.setAll(conflict.findings());
            problem.set(ErrorText.sentence(error));
            state.set(CommitState.REFUSED);
            return;
        }
        targetChanged.set(error instanceof TargetChangedException);
        problem.set(ErrorText.sentence(error));
        state.set(CommitState.FAILED);
    }

    /**
     * Validates the open review again against the target as it is now, keeping its decisions and edits, then shows
     * the review afresh and computes the dry run again: what the step offers when the target changed since the
     * review was validated. Null when that is not the refusal on screen.
     */
    public TaskHandle validateAgain() {
        if (!targetChanged.get() || loadedReview == null || running.get() != null) {
            return null;
        }
        Path review = loadedReview;
        TargetChoice target = workbench.targetProperty().get();
        Latest.Request request = requests.next();
        targetChanged.set(false);
        problem.set("");
        state.set(CommitState.PLANNING);
        TaskHandle handle = tasks.save("Validating " + review.getFileName() + " again", new Change("the validation"
                + " of " + review.getFileName() + " again", review.getFileName() + " is left without its findings and"
                + " scores until it is validated again; its rows, decisions and edits are kept"), ctx -> {
            try (TargetDatabase db = TargetAccess.openForImport(target)) {
                return ValidateReview.again(review, db, ctx);
            }
        }, request.then(inError -> {
            revalidated.set(revalidatedText(review, inError));
            // the Review step shows the new findings; the same file through null, so that it is read afresh
            workbench.reviewProperty().set(null);
            workbench.reviewProperty().set(review);
            refresh();
        }), request.then(this::fail));
        running.set(handle);
        handle.whenDone(() -> {
            if (running.get() == handle) {
                running.set(null);
            }
            if (handle.isCancelled() && request.isCurrent()) {
                problem.set("The validation was cancelled; validate the review again before committing.");
                state.set(CommitState.CANCELLED);
            }
        });
        return handle;
    }

    private static String revalidatedText(Path review, long approvedInError) {
        return review.getFileName() + " was validated again against the target as it is now; its decisions and"
                + " edits are kept" + (approvedInError == 0 ? "." : String.format(Locale.ROOT, ", and %,d approved"
                + " row%s ha%s errors now: take %s out of the approved rows in the Review step before committing.",
                approvedInError, approvedInError == 1 ? "" : "s", approvedInError == 1 ? "s" : "ve",
                approvedInError == 1 ? "it" : "them"));
    }

    /** Cancels the running commit; the target stays as it was. */
    public void cancel() {
        TaskHandle handle = running.get();
        if (handle != null) {
            handle.cancel();
        }
    }

    /** Shows the committed batch in the History step. */
    public void showInHistory() {
        CommitResult r = result.get();
        if (r != null) {
            workbench.batchProperty().set(r.batchId());
        }
        workbench.stepProperty().set(Step.HISTORY);
    }

    /** Goes to the step that provides what is missing: the review. */
    public void goToReview() {
        workbench.stepProperty().set(Step.REVIEW);
    }

    private void setModeQuietly(ImportMode value) {
        loading = true;
        try {
            mode.set(Objects.requireNonNull(value));
        } finally {
            loading = false;
        }
    }

    private void clearOutcome() {
        targetChanged.set(false);
        plan.set(null);
        tables.clear();
        problem.set("");
        conflicts.clear();
        result.set(null);
        resultText.set("");
    }

    /** The review's quality gates, measured each time the step is brought up to date. */
    public CommitGatesViewModel gates() {
        return gates;
    }

    public ObjectProperty<CommitState> stateProperty() {
        return state;
    }

    /** Insert, upsert or skip-existing; changing it recomputes the dry run. */
    public ObjectProperty<ImportMode> modeProperty() {
        return mode;
    }

    /** Import even though this file was already imported with this profile; changing it recomputes the dry run. */
    public BooleanProperty allowDuplicateProperty() {
        return allowDuplicate;
    }

    public LongProperty approvedProperty() {
        return approved;
    }

    /** The target table, as the profile names it; for a workbook review the related tables, parents first. */
    public StringProperty tableProperty() {
        return table;
    }

    /** Whether the open review is a workbook review, whose approved source rows go into several related tables. */
    public BooleanProperty relatedProperty() {
        return related;
    }

    /**
     * For a workbook review, the dry run's counts per table in the order they would be written (parents first), and
     * after the commit what it did to each; empty for one table.
     */
    public ObservableList<TablePlan> tables() {
        return tables;
    }

    /** The dry run's counts; null until computed or when refused. */
    public ObjectProperty<CommitPlan> planProperty() {
        return plan;
    }

    /** Why the dry run or the commit was refused or failed, as one sentence; empty otherwise. */
    public StringProperty problemProperty() {
        return problem;
    }

    /**
     * Whether the dry run or the commit was refused because the target changed since the review was validated:
     * the step then offers {@link #validateAgain}.
     */
    public BooleanProperty targetChangedProperty() {
        return targetChanged;
    }

    /** What the last {@link #validateAgain} found, as one sentence; empty before one. */
    public StringProperty revalidatedProperty() {
        return revalidated;
    }

    /** Rows that conflict with the target as it is now (taken keys, missing parents). */
    public ObservableList<Finding> conflicts() {
        return conflicts;
    }

    public ObjectProperty<CommitResult> resultProperty() {
        return result;
    }

    /** The committed batch in one sentence, with its id. */
    public StringProperty resultTextProperty() {
        return resultText;
    }

    /** The commit in progress (progress and cancel); null when none runs. */
    public ObjectProperty<TaskHandle> runningProperty() {
        return running;
    }

    /** "N approved rows of <review> into table T, in one batch on <target>." above the plan. */
    public StringBinding subtitleBinding() {
        return Bindings.createStringBinding(() -> {
            Path review = workbench.reviewProperty().get();
            return table.get().isEmpty() ? "Approved rows go into the target in one batch."
                    : String.format(Locale.ROOT, "%,d approved %srows of %s into %s, in one batch on %s.",
                    approved.get(), related.get() ? "source " : "",
                    review == null ? "the review" : review.getFileName().toString(), target(),
                    workbench.targetProperty().get().name());
        }, table, related, approved, workbench.targetProperty(), workbench.reviewProperty());
    }

    /** "concrete_mix", or "tables material, supplier, concrete_mix" for a workbook review. */
    private String named() {
        return related.get() ? "tables " + table.get() : table.get();
    }

    /** "table concrete_mix", or "tables material, supplier, concrete_mix" for a workbook review. */
    private String target() {
        return (related.get() ? "tables " : "table ") + table.get();
    }

    /** One figure of the dry run, e.g. the rows to insert, as "1,250"; "–" while there is no plan. */
    public StringBinding figureBinding(Function<CommitPlan, Long> count) {
        return Bindings.createStringBinding(() -> plan.get() == null ? "–"
                : String.format(Locale.ROOT, "%,d", count.apply(plan.get())), plan);
    }

    /** The commit button's words: the approved rows once the dry run has counted them. */
    public StringBinding commitLabelBinding() {
        return commitLabel;
    }

    public BooleanBinding canCommitBinding() {
        return canCommit;
    }

}
