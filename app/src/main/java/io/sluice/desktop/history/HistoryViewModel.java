package io.sluice.desktop.history;

import io.sluice.core.bookkeeping.BatchTableCounts;
import io.sluice.core.bookkeeping.DecisionAudit;
import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.bookkeeping.RowProvenance;
import io.sluice.core.usecase.BatchHistory;
import io.sluice.core.usecase.RollbackBatch;
import io.sluice.core.usecase.RollbackPlan;
import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.usecase.BatchDetails;
import io.sluice.core.validate.GateResult;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.Step;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.Change;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.Latest;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The history step: the target's import batches, the provenance and decision audit of the selected one (paged), and
 * rollback with or without the later batches that touched the same rows. Reads and writes run through the task runner.
 */
public final class HistoryViewModel implements AutoCloseable {

    /** Provenance rows per page. */
    public static final int PAGE_SIZE = 100;
    /** Decisions shown for a batch; the rest stay in the bookkeeping tables. */
    public static final int DECISIONS_SHOWN = 500;

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final String steward;
    private final BookkeepingSource source = new BookkeepingSource();

    private final ObservableList<ImportBatch> batches = FXCollections.observableArrayList();
    private final ObjectProperty<ImportBatch> selected = new SimpleObjectProperty<>();
    private final ObservableList<RowProvenance> provenance = FXCollections.observableArrayList();
    private final IntegerProperty page = new SimpleIntegerProperty();
    private final LongProperty provenanceTotal = new SimpleLongProperty();
    private final ObservableList<DecisionAudit> decisions = FXCollections.observableArrayList();
    private final ObservableList<GateResult> gates = FXCollections.observableArrayList();
    private final ObservableList<BatchTableCounts> tables = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty emptyTitle = new SimpleStringProperty(READING);
    private final StringProperty emptyText = new SimpleStringProperty("");
    private final BooleanProperty knownEmpty = new SimpleBooleanProperty();
    private final Latest detailReads = new Latest();
    private final Latest batchReads = new Latest();
    /** The target the batches on screen were read from; null before the first read. */
    private TargetChoice readFrom;

    private static final String READING = "Reading the import history…";
    static final String READING_CANCELLED = "Reading the import history was cancelled";
    static final String READ_AGAIN = "It is read again the next time the History step is shown.";
    static final String NO_BATCHES = "No import batches yet";
    private static final String NO_BATCHES_TEXT =
            "Each commit becomes a batch here, with where every row came from and a way to roll it back.";

    /** {@code steward} is the name a rollback records as who rolled the batch back. */
    public HistoryViewModel(Workbench workbench, TaskRunner tasks, DialogService dialogs, String steward) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.steward = steward;
        selected.addListener((obs, old, batch) -> {
            if (batch == null || old == null || old.id() != batch.id()) {
                page.set(0);
            }
            loadDetails();
        });
        workbench.targetProperty().addListener((obs, old, now) -> refresh());
    }

    /** Reloads the batches, keeping the selection (or selecting the batch the workbench asks for). */
    public void refresh() {
        TargetChoice target = workbench.targetProperty().get();
        Latest.Request request = batchReads.next();
        if (!target.equals(readFrom)) {
            // the batches on screen belong to another target: they are not this one's history
            batches.clear();
            selected.set(null);
            showEmpty(READING, "", false);
        }
        tasks.run("Reading the import history", ctx -> source.of(target).batches(), request.then(loaded -> {
            readFrom = target;
            showBatches(loaded);
        }), request.then(error -> {
            problem.set(ErrorText.sentence(error));
            if (!target.equals(readFrom)) {
                showEmpty("Could not read the import history", ErrorText.sentence(error), false);
            }
        })).whenCancelled(() -> {
            // stopped with Cancel in the status bar: not "Reading…" for ever over an empty list
            if (request.isCurrent() && !target.equals(readFrom)) {
                showEmpty(READING_CANCELLED, READ_AGAIN, false);
            }
        });
    }

    private void showEmpty(String title, String text, boolean known) {
        emptyTitle.set(title);
        emptyText.set(text);
        knownEmpty.set(known);
    }

    private void showBatches(List<ImportBatch> loaded) {
        problem.set("");
        showEmpty(NO_BATCHES, NO_BATCHES_TEXT, true);
        Long wanted = workbench.batchProperty().get();
        if (wanted != null) {
            workbench.batchProperty().set(null);
        } else if (selected.get() != null) {
            wanted = selected.get().id();
        }
        batches.setAll(loaded);
        Long id = wanted;
        selected.set(loaded.stream().filter(b -> id != null && b.id() == id).findFirst()
                .orElse(loaded.isEmpty() ? null : loaded.get(0)));
    }

    private void loadDetails() {
        ImportBatch batch = selected.get();
        Latest.Request request = detailReads.next();
        if (batch == null) {
            provenance.clear();
            decisions.clear();
            gates.clear();
            tables.clear();
            provenanceTotal.set(0);
            return;
        }
        TargetChoice target = workbench.targetProperty().get();
        int offset = page.get() * PAGE_SIZE;
        tasks.quiet("Reading batch " + batch.id(), ctx -> {
            BatchHistory history = source.of(target);
            BatchDetails stored = history.batch(batch.id());
            return new Details(stored.provenanceRows(), history.provenance(batch.id(), offset, PAGE_SIZE),
                    history.decisions(batch.id(), 0, DECISIONS_SHOWN), stored.gates(), stored.tables());
        }, request.then(details -> {
            gates.setAll(details.gates());
            tables.setAll(details.tables());
            provenanceTotal.set(details.total());
            provenance.setAll(details.rows());
            decisions.setAll(details.decisions());
        }));
    }

    /** Shows the next page of the selected batch's provenance, if there is one. */
    public void nextPage() {
        if ((long) (page.get() + 1) * PAGE_SIZE < provenanceTotal.get()) {
            page.set(page.get() + 1);
            loadDetails();
        }
    }

    public void previousPage() {
        if (page.get() > 0) {
            page.set(page.get() - 1);
            loadDetails();
        }
    }

    /**
     * Works out what rolling the selected batch back would do, asks the steward with that (naming the later
     * batches a cascade takes back too), and rolls back on a yes.
     */
    public void rollbackSelected() {
        prepareRollback(preview -> {
            if (RollbackQuestion.confirmed(dialogs, preview)) {
                rollback(preview.batch().id(), preview.needsCascade());
            }
        });
    }

    /** Works out what rolling the selected batch back would do; {@code then} gets it on the UI thread. */
    public void prepareRollback(Consumer<RollbackPreview> then) {
        ImportBatch batch = selected.get();
        if (batch == null) {
            return;
        }
        TargetChoice target = workbench.targetProperty().get();
        tasks.run("Checking batch " + batch.id(), ctx -> {
            BatchHistory history = source.of(target);
            RollbackPlan plan = history.rollbackPlan(batch.id());
            return new RollbackPreview(plan.batch(), plan.toDelete(), plan.toRestore(), plan.laterBatches(),
                    history.batch(batch.id()).tables());
        }, then, ErrorText.into(problem::set));
    }

    /** Rolls the batch back (with the later batches first when {@code cascade}), then reloads the history. */
    public void rollback(long batchId, boolean cascade) {
        TargetChoice target = workbench.targetProperty().get();
        problem.set("");
        tasks.save("Rolling back batch " + batchId, new Change("the rollback of batch " + batchId, "the database"
                + " undoes the rollback as a whole and batch " + batchId + " stays committed"),
                ctx -> RollbackBatch.run(target.target(), batchId, cascade,
                steward, ctx), result -> {
            message.set(RollbackOutcome.describe(result));
            workbench.batchProperty().set(batchId);
            refresh();
        }, ErrorText.into(problem::set));
    }

    /** "N import batches in <target>, newest first." */
    public StringBinding subtitleBinding() {
        return Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%,d import batch%s in %s, newest first.",
                batches.size(), batches.size() == 1 ? "" : "es", workbench.targetProperty().get().name()),
                batches, workbench.targetProperty());
    }

    /** "Batch 3 — committed", or "Select a batch". */
    public StringBinding selectedTitleBinding() {
        return Bindings.createStringBinding(() -> BatchText.title(selected.get()), selected);
    }

    /** The selected batch in one paragraph: file, table, profile, who and when, counts, scores, rollback. */
    public StringBinding selectedSummaryBinding() {
        return Bindings.createStringBinding(() -> BatchText.summary(selected.get()), selected);
    }

    /** Only a committed batch can be rolled back. */
    public BooleanBinding canRollBackBinding() {
        return Bindings.createBooleanBinding(() -> selected.get() != null
                && selected.get().status() == BatchStatus.COMMITTED, selected);
    }

    /** "Rows 101–200 of 1,250" under the provenance; "" without rows. */
    public StringBinding pageTextBinding() {
        return Bindings.createStringBinding(() -> {
            long total = provenanceTotal.get();
            long first = (long) page.get() * PAGE_SIZE;
            return total == 0 ? "" : String.format(Locale.ROOT, "Rows %,d–%,d of %,d", first + 1,
                    Math.min(total, first + PAGE_SIZE), total);
        }, page, provenanceTotal);
    }

    /** Whether there is a page after the one shown. */
    public BooleanBinding hasNextPageBinding() {
        return Bindings.createBooleanBinding(() -> (long) (page.get() + 1) * PAGE_SIZE < provenanceTotal.get(),
                page, provenanceTotal);
    }

    /** Goes to the Commit step, e.g. from an empty history. */
    public void goToCommit() {
        workbench.stepProperty().set(Step.COMMIT);
    }

    /** The target's import batches, newest first. */
    public ObservableList<ImportBatch> batches() {
        return batches;
    }

    /** The batch whose details are shown; selecting another loads its provenance and decisions. */
    public ObjectProperty<ImportBatch> selectedProperty() {
        return selected;
    }

    /** One page of the selected batch's provenance: target row key ← sheet and row. */
    public ObservableList<RowProvenance> provenance() {
        return provenance;
    }

    /** The provenance page shown, from 0. */
    public IntegerProperty pageProperty() {
        return page;
    }

    /** How many provenance rows the selected batch has. */
    public LongProperty provenanceTotalProperty() {
        return provenanceTotal;
    }

    /** The review decisions and edits kept with the selected batch, oldest first. */
    public ObservableList<DecisionAudit> decisions() {
        return decisions;
    }

    /**
     * The tables of the selected batch when it went into several related tables, parents first, each with its sheet,
     * mode and rows inserted, updated and skipped; empty for a single-table batch.
     */
    public ObservableList<BatchTableCounts> tables() {
        return tables;
    }

    /** Whether the selected batch went into several related tables: its provenance then names each row's table. */
    public BooleanBinding relatedBinding() {
        return Bindings.isNotEmpty(tables);
    }

    /** The quality gates stored with the selected batch, as measured when it was committed; none without gates. */
    public ObservableList<GateResult> gates() {
        return gates;
    }

    /** The last rollback's outcome in one sentence. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Why reading the history or a rollback failed, in one sentence; empty otherwise. */
    public StringProperty problemProperty() {
        return problem;
    }

    /**
     * What the screen says while no batch is listed: that the history is being read, that it could not be read (and
     * why), or that the target has no import batch yet.
     */
    public StringProperty emptyTitleProperty() {
        return emptyTitle;
    }

    public StringProperty emptyTextProperty() {
        return emptyText;
    }

    /** Whether the target was read and has no import batch: only then is the way to the Commit step offered. */
    public BooleanProperty knownEmptyProperty() {
        return knownEmpty;
    }

    @Override
    public void close() {
        source.close();
    }

    private record Details(long total, List<RowProvenance> rows, List<DecisionAudit> decisions,
                           List<GateResult> gates, List<BatchTableCounts> tables) {
    }
}
