package io.sluice.desktop.commit;

import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.rules.Finding;
import io.sluice.core.validate.GateResult;
import io.sluice.desktop.StepView;
import io.sluice.desktop.Views;
import io.sluice.desktop.task.TaskHandle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.Map;
import java.io.File;
import java.util.function.Function;

/** The commit step's screen: binds {@link CommitViewModel} to {@code commit.fxml} and asks before committing. */
public final class CommitView implements StepView {

    private final CommitViewModel model;

    @FXML private StackPane root;
    @FXML private VBox emptyState;
    @FXML private Label emptyTitle;
    @FXML private Label emptyText;
    @FXML private ScrollPane main;
    @FXML private Label subtitle;
    @FXML private FlowPane modeChoice;
    @FXML private Label modesPerTable;
    @FXML private RadioButton modeInsert;
    @FXML private RadioButton modeUpsert;
    @FXML private RadioButton modeSkip;
    @FXML private CheckBox allowDuplicate;
    @FXML private Label planStatus;
    @FXML private Label toInsert;
    @FXML private Label toUpdate;
    @FXML private Label toSkip;
    @FXML private TableView<TablePlan> tablesTable;
    @FXML private Label problem;
    @FXML private Button validateAgain;
    @FXML private Label revalidated;
    @FXML private TableView<Finding> conflicts;
    @FXML private VBox gatesCard;
    @FXML private Label gatesVerdict;
    @FXML private ProgressIndicator gatesMeasuring;
    @FXML private TableView<GateResult> gatesTable;
    @FXML private Button gateEdit;
    @FXML private Button gateRemove;
    @FXML private Label gatesEditProblem;
    @FXML private Label gatesSaved;
    @FXML private Button commitButton;
    @FXML private ProgressBar progress;
    @FXML private Label progressMessage;
    @FXML private Button cancelButton;
    @FXML private VBox resultCard;
    @FXML private Label resultText;

    public CommitView(CommitViewModel model) {
        this.model = model;
        Views.load(this, "commit.fxml", "commit.css");
    }

    public CommitViewModel model() {
        return model;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void shown() {
        model.refresh();
    }

    @FXML
    private void initialize() {
        bindEmptyState();
        bindMode();
        bindPlan();
        bindGates();
        bindProgress();
        commitButton.textProperty().bind(model.commitLabelBinding());
        commitButton.disableProperty().bind(model.canCommitBinding().not());
        resultText.textProperty().bind(model.resultTextProperty());
        show(resultCard, model.stateProperty().isEqualTo(CommitState.COMMITTED));
        subtitle.textProperty().bind(model.subtitleBinding());
    }

    private void bindEmptyState() {
        BooleanBinding empty = Bindings.createBooleanBinding(() -> model.stateProperty().get().isEmpty(),
                model.stateProperty());
        emptyState.visibleProperty().bind(empty);
        main.visibleProperty().bind(empty.not());
        emptyText.textProperty().bind(Bindings.createStringBinding(() -> model.stateProperty().get().emptyText(),
                model.stateProperty()));
        emptyTitle.textProperty().bind(Bindings.createStringBinding(() -> model.stateProperty().get().emptyTitle(),
                model.stateProperty()));
    }

    private void bindMode() {
        ToggleGroup group = new ToggleGroup();
        Map<ImportMode, RadioButton> buttons = Map.of(ImportMode.INSERT, modeInsert, ImportMode.UPSERT, modeUpsert,
                ImportMode.SKIP_EXISTING, modeSkip);
        buttons.forEach((mode, button) -> {
            button.setToggleGroup(group);
            button.setUserData(mode);
        });
        buttons.get(model.modeProperty().get()).setSelected(true);
        model.modeProperty().addListener((obs, old, mode) -> buttons.get(mode).setSelected(true));
        group.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle != null && toggle.getUserData() != model.modeProperty().get()) {
                model.modeProperty().set((ImportMode) toggle.getUserData());
            }
        });
        allowDuplicate.selectedProperty().bindBidirectional(model.allowDuplicateProperty());
        show(modeChoice, model.relatedProperty().not());
        show(modesPerTable, model.relatedProperty());
        var busy = model.stateProperty().isEqualTo(CommitState.COMMITTING);
        buttons.values().forEach(b -> b.disableProperty().bind(busy));
        allowDuplicate.disableProperty().bind(busy);
    }

    private void bindPlan() {
        toInsert.textProperty().bind(model.figureBinding(CommitPlan::toInsert));
        toUpdate.textProperty().bind(model.figureBinding(CommitPlan::toUpdate));
        toSkip.textProperty().bind(model.figureBinding(CommitPlan::toSkip));
        planStatus.textProperty().bind(Bindings.createStringBinding(() -> model.stateProperty().get().planStatus(),
                model.stateProperty()));
        bindTables();
        problem.textProperty().bind(model.problemProperty());
        show(problem, model.problemProperty().isNotEmpty());
        show(validateAgain, model.targetChangedProperty());
        revalidated.textProperty().bind(model.revalidatedProperty());
        show(revalidated, model.revalidatedProperty().isNotEmpty());
        show(conflicts, Bindings.isNotEmpty(model.conflicts()));
        conflicts.setItems(model.conflicts());
        conflicts.getColumns().setAll(
                column("Row", 70, f -> String.valueOf(f.row())),
                column("Cell", 80, f -> f.cell() == null ? "" : f.cell()),
                column("Rule", 150, Finding::rule),
                column("Conflict", 420, Finding::message));
    }

    private void bindTables() {
        tablesTable.setItems(model.tables());
        show(tablesTable, Bindings.isNotEmpty(model.tables()));
        // as tall as its rows, like the gates: the step scrolls as a whole
        tablesTable.prefHeightProperty().bind(Bindings.size(model.tables()).multiply(26).add(32));
        tablesTable.minHeightProperty().bind(tablesTable.prefHeightProperty());
        tablesTable.getColumns().setAll(
                column("Table (in the order written)", 200, TablePlan::table),
                column("Mode", 110, TablePlan::mode),
                column("Insert", 90, t -> String.format(Locale.ROOT, "%,d", t.inserted())),
                column("Update", 90, t -> String.format(Locale.ROOT, "%,d", t.updated())),
                column("Skip", 90, t -> String.format(Locale.ROOT, "%,d", t.skipped())));
    }

    private void bindGates() {
        CommitGatesViewModel gates = model.gates();
        // a workbook review's gates are measured by its import, whose dry run names a blocking one as the refusal
        show(gatesCard, model.relatedProperty().not());
        gatesVerdict.textProperty().bind(gates.verdictProperty());
        gates.worstProperty().addListener((obs, old, now) -> {
            gatesVerdict.getStyleClass().removeIf(c -> c.startsWith("gates-verdict-"));
            if (now != null) {
                gatesVerdict.getStyleClass().add("gates-verdict-" + now.code());
            }
        });
        show(gatesMeasuring, gates.measuringProperty());
        gatesEditProblem.textProperty().bind(gates.editProblemProperty());
        show(gatesEditProblem, gates.editProblemProperty().isNotEmpty());
        gatesSaved.textProperty().bind(gates.savedProperty());
        show(gatesSaved, gates.savedProperty().isNotEmpty());
        gateEdit.disableProperty().bind(gatesTable.getSelectionModel().selectedItemProperty().isNull());
        gateRemove.disableProperty().bind(gatesTable.getSelectionModel().selectedItemProperty().isNull());
        gatesTable.setItems(gates.gates());
        show(gatesTable, Bindings.isNotEmpty(gates.gates()));
        // as tall as its rows: the step scrolls as a whole, a second scroll bar inside it would hide a gate
        gatesTable.prefHeightProperty().bind(Bindings.size(gates.gates()).multiply(26).add(32));
        gatesTable.minHeightProperty().bind(gatesTable.prefHeightProperty());
        TableColumn<GateResult, String> outcome = column("Outcome", 90, g -> g.status().code());
        outcome.getStyleClass().add("gate-outcome");
        gatesTable.getColumns().setAll(
                column("Gate", 130, GateResult::metric),
                column("Measured", 100, GateResult::measuredText),
                column("Needs", 150, GateResult::threshold),
                column("When it fails", 110, g -> "block".equals(g.action()) ? "blocks the commit" : "warns"),
                outcome);
        gatesTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(GateResult gate, boolean empty) {
                super.updateItem(gate, empty);
                getStyleClass().removeIf(c -> c.startsWith("gate-"));
                if (!empty && gate != null) {
                    getStyleClass().add("gate-" + gate.status().code());
                }
            }
        });
    }

    private void bindProgress() {
        show(progress, model.runningProperty().isNotNull());
        show(progressMessage, model.runningProperty().isNotNull());
        show(cancelButton, model.runningProperty().isNotNull());
        model.runningProperty().addListener((obs, old, handle) -> follow(handle));
    }

    private void follow(TaskHandle handle) {
        progress.progressProperty().unbind();
        progressMessage.textProperty().unbind();
        if (handle != null) {
            progress.progressProperty().bind(handle.progressProperty());
            progressMessage.textProperty().bind(handle.messageProperty());
        }
    }

    private static <S> TableColumn<S, String> column(String title, double width, Function<S, String> value) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private static void show(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    @FXML
    private void addGate() {
        model.gates().addGate();
    }

    @FXML
    private void editGate() {
        model.gates().editGate(gatesTable.getSelectionModel().getSelectedIndex());
    }

    @FXML
    private void removeGate() {
        model.gates().removeGate(gatesTable.getSelectionModel().getSelectedIndex());
    }

    @FXML
    private void saveProfile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the profile with its quality gates");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sluice profiles", "*.json"));
        chooser.setInitialFileName(model.gates().profileFileName());
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.gates().saveProfile(file.toPath());
        }
    }

    @FXML
    private void commit() {
        model.commitAfterAsking();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void showInHistory() {
        model.showInHistory();
    }

    @FXML
    private void validateAgain() {
        model.validateAgain();
    }

    @FXML
    private void goToReview() {
        model.goToReview();
    }
}
