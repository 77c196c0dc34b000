package io.sluice.desktop.commit;

import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.rules.Finding;
import io.sluice.desktop.AppContext;
import io.sluice.desktop.StepView;
import io.sluice.desktop.Views;
import io.sluice.desktop.task.TaskHandle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The commit step's screen: binds {@link CommitViewModel} to {@code commit.fxml} and asks before committing. */
public final class CommitView implements StepView {

    private final AppContext context;
    private final CommitViewModel model;

    @FXML private StackPane root;
    @FXML private VBox emptyState;
    @FXML private Label emptyTitle;
    @FXML private Label emptyText;
    @FXML private ScrollPane main;
    @FXML private Label subtitle;
    @FXML private RadioButton modeInsert;
    @FXML private RadioButton modeUpsert;
    @FXML private RadioButton modeSkip;
    @FXML private CheckBox allowDuplicate;
    @FXML private Label planStatus;
    @FXML private Label toInsert;
    @FXML private Label toUpdate;
    @FXML private Label toSkip;
    @FXML private Label problem;
    @FXML private TableView<Finding> conflicts;
    @FXML private Button commitButton;
    @FXML private ProgressBar progress;
    @FXML private Label progressMessage;
    @FXML private Button cancelButton;
    @FXML private VBox resultCard;
    @FXML private Label resultText;

    public CommitView(AppContext context) {
        this(context, new CommitViewModel(context.workbench(), context.tasks()));
    }

    CommitView(AppContext context, CommitViewModel model) {
        this.context = context;
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
        bindProgress();
        commitButton.textProperty().bind(model.commitLabelBinding());
        commitButton.disableProperty().bind(model.canCommitBinding().not());
        resultText.textProperty().bind(model.resultTextProperty());
        show(resultCard, model.stateProperty().isEqualTo(CommitState.COMMITTED));
        subtitle.textProperty().bind(Bindings.createStringBinding(() -> {
            String table = model.tableProperty().get();
            return table.isEmpty() ? "Approved rows go into the target in one batch."
                    : String.format(Locale.ROOT, "%,d approved rows of %s into table %s, in one batch on %s.",
                    model.approvedProperty().get(), fileName(), table,
                    context.workbench().targetProperty().get().name());
        }, model.tableProperty(), model.approvedProperty(), context.workbench().targetProperty()));
    }

    private String fileName() {
        var review = context.workbench().reviewProperty().get();
        return review == null ? "the review" : review.getFileName().toString();
    }

    private void bindEmptyState() {
        var empty = model.stateProperty().isEqualTo(CommitState.NO_REVIEW)
                .or(model.stateProperty().isEqualTo(CommitState.NOTHING_APPROVED));
        emptyState.visibleProperty().bind(empty);
        main.visibleProperty().bind(empty.not());
        emptyText.textProperty().bind(Bindings.createStringBinding(() ->
                model.stateProperty().get() == CommitState.NOTHING_APPROVED
                        ? "No row of this review is approved. Approve the rows to import in the Review step."
                        : "Load a source, map it and review its rows first; the approved rows are committed here.",
                model.stateProperty()));
        emptyTitle.textProperty().bind(Bindings.createStringBinding(() ->
                model.stateProperty().get() == CommitState.NOTHING_APPROVED ? "No approved rows"
                        : "Nothing to commit yet", model.stateProperty()));
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
        var busy = model.stateProperty().isEqualTo(CommitState.COMMITTING);
        buttons.values().forEach(b -> b.disableProperty().bind(busy));
        allowDuplicate.disableProperty().bind(busy);
    }

    private void bindPlan() {
        toInsert.textProperty().bind(figure(CommitPlan::toInsert));
        toUpdate.textProperty().bind(figure(CommitPlan::toUpdate));
        toSkip.textProperty().bind(figure(CommitPlan::toSkip));
        planStatus.textProperty().bind(Bindings.createStringBinding(() -> switch (model.stateProperty().get()) {
            case PLANNING -> "Computing what the commit would do…";
            case PLANNED -> "Nothing has been written yet.";
            case REFUSED -> "The commit would be refused.";
            case COMMITTING -> "Writing…";
            case COMMITTED -> "Committed as planned.";
            case CANCELLED -> "Cancelled.";
            case FAILED -> "The commit failed.";
            default -> "";
        }, model.stateProperty()));
        problem.textProperty().bind(model.problemProperty());
        show(problem, model.problemProperty().isNotEmpty());
        show(conflicts, Bindings.isNotEmpty(model.conflicts()));
        conflicts.setItems(model.conflicts());
        conflicts.getColumns().setAll(
                column("Row", 70, f -> String.valueOf(f.row())),
                column("Cell", 80, f -> f.cell() == null ? "" : f.cell()),
                column("Rule", 150, Finding::rule),
                column("Conflict", 420, Finding::message));
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

    private javafx.beans.binding.StringBinding figure(Function<CommitPlan, Long> count) {
        return Bindings.createStringBinding(() -> {
            CommitPlan plan = model.planProperty().get();
            return plan == null ? "–" : String.format(Locale.ROOT, "%,d", count.apply(plan));
        }, model.planProperty());
    }

    private static TableColumn<Finding, String> column(String title, double width, Function<Finding, String> value) {
        TableColumn<Finding, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    private static void show(Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    @FXML
    private void commit() {
        if (!model.canCommitBinding().get()) {
            return;
        }
        boolean confirmed = CommitQuestion.confirmed(context.dialogs(), model.approvedProperty().get(),
                model.tableProperty().get(), model.planProperty().get());
        if (confirmed) {
            model.commit();
        }
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
    private void goToReview() {
        model.goToReview();
    }
}
