package io.sluice.desktop.review;

import io.sluice.core.review.ReviewQuery.GridRow;
import io.sluice.desktop.AppContext;
import io.sluice.desktop.Views;
import io.sluice.desktop.Step;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.PieChart;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

import java.io.File;
import java.nio.file.Files;
import java.util.List;

/**
 * Binds the review screen to its {@link ReviewViewModel} and forwards the steward's clicks and keys; the view model
 * asks what it needs to know (a reject reason, a confirmation) and does the work.
 */
public final class ReviewController {

    private final AppContext context;
    private final ReviewViewModel vm;
    private ReviewGrid gridColumns;
    private FindingsPanel findingsPanel;
    private QualityDashboard dashboard;

    @FXML private StackPane root;

    @FXML private SplitPane split;
    @FXML private VBox content;
    @FXML private VBox busy;
    @FXML private VBox empty;
    @FXML private Label busyLabel;
    @FXML private Label emptyTitle;
    @FXML private Label emptyText;
    @FXML private Button goMappingButton;
    @FXML private Label fileLabel;
    @FXML private Label pendingLabel;
    @FXML private Label approvedLabel;
    @FXML private Label rejectedLabel;
    @FXML private Label shownLabel;
    @FXML private Label lastActionLabel;
    @FXML private Label noticeLabel;
    @FXML private Button approveButton;
    @FXML private Button rejectButton;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private ChoiceBox<StatusFilter> statusChoice;
    @FXML private ComboBox<FindingFilter> findingChoice;
    @FXML private TextField searchField;
    @FXML private Tab dashboardTab;
    @FXML private TableView<GridRow> grid;
    @FXML private ListView<FindingFilter> ruleList;
    @FXML private ListView<FindingFilter> columnList;
    @FXML private Label rowFindings;
    @FXML private HBox scoreTiles;
    @FXML private BarChart<Number, String> ruleChart;
    @FXML private BarChart<Number, String> columnChart;
    @FXML private BarChart<String, Number> rowChart;
    @FXML private PieChart decisionChart;

    public ReviewController(AppContext context, ReviewViewModel vm) {
        this.context = context;
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        Views.rememberDivider(split, "review", context.settings());
        gridColumns = new ReviewGrid(grid, vm);
        dashboard = new QualityDashboard(scoreTiles, ruleChart, columnChart, rowChart, decisionChart);
        vm.columns().addListener((javafx.collections.ListChangeListener<String>) c -> gridColumns.build(vm.columns()));
        gridColumns.setItems(vm.rowsProperty().getValue());
        vm.rowsProperty().addListener((obs, o, rows) -> gridColumns.setItems(rows));
        vm.pageVersionProperty().addListener((obs, o, n) -> showSelectedRow());
        vm.stateProperty().addListener((obs, o, n) -> showState());
        showState();
        bindCounts();
        bindFilters();
        bindActions();
        grid.addEventFilter(KeyEvent.KEY_PRESSED, this::gridKey);
        grid.getSelectionModel().getSelectedCells().addListener(
                (javafx.collections.ListChangeListener<javafx.scene.control.TablePosition>) c -> showSelectedRow());
        vm.counts().findingsProperty().addListener((obs, o, counts) -> {
            findingsPanel.show(counts);
            dashboard.showFindings(counts);
        });
        vm.qualityProperty().addListener((obs, o, q) -> dashboard.showQuality(q));
        dashboardTab.selectedProperty().addListener((obs, o, selected) -> vm.setDashboardShown(selected));
        vm.setDashboardShown(dashboardTab.isSelected());
    }

    private void showState() {
        ReviewViewModel.State state = vm.stateProperty().getValue();
        content.setVisible(state == ReviewViewModel.State.READY);
        busy.setVisible(state == ReviewViewModel.State.VALIDATING || state == ReviewViewModel.State.OPENING);
        empty.setVisible(state == ReviewViewModel.State.EMPTY);
        busyLabel.setText(state == ReviewViewModel.State.VALIDATING ? "Validating the source into a new review…"
                : "Opening the review…");
        boolean mapped = vm.canValidate();
        emptyTitle.setText(mapped ? "Validate the mapped source" : "Map a source first");
        goMappingButton.setText(mapped ? "_Validate now" : "Go to _Mapping");
        String notice = vm.noticeProperty().getValue();
        emptyText.setText((notice.isEmpty() ? "" : notice + "\n\n") + (mapped
                ? "Validating checks every row against the mapping and the target table, and saves the rows with"
                + " their findings in a review file you can come back to."
                : "The review shows each row of your file with its findings. Load a source and confirm its"
                + " mapping, or open a review you saved earlier."));
    }

    private void bindCounts() {
        fileLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            var file = vm.fileProperty().getValue();
            return file == null ? "" : file.getFileName() + "  ·  " + String.format("%,d rows",
                    vm.counts().totalProperty().getValue().longValue());
        }, vm.fileProperty(), vm.counts().totalProperty()));
        pendingLabel.textProperty().bind(count("Pending", vm.counts().pendingProperty()));
        approvedLabel.textProperty().bind(count("Approved", vm.counts().approvedProperty()));
        rejectedLabel.textProperty().bind(count("Rejected", vm.counts().rejectedProperty()));
        shownLabel.textProperty().bind(Bindings.createStringBinding(() -> String.format("Showing %,d of %,d rows",
                vm.shownProperty().getValue().longValue(), vm.counts().totalProperty().getValue().longValue()),
                vm.shownProperty(), vm.counts().totalProperty()));
        lastActionLabel.textProperty().bind(vm.lastActionProperty());
        noticeLabel.textProperty().bind(vm.noticeProperty());
        noticeLabel.visibleProperty().bind(Bindings.createBooleanBinding(() -> !vm.noticeProperty().getValue()
                .isEmpty() && vm.stateProperty().getValue() == ReviewViewModel.State.READY,
                vm.noticeProperty(), vm.stateProperty()));
        noticeLabel.managedProperty().bind(noticeLabel.visibleProperty());
        Runnable decisions = () -> dashboard.showDecisions(vm.counts().pendingProperty().getValue().longValue(),
                vm.counts().approvedProperty().getValue().longValue(), vm.counts().rejectedProperty().getValue().longValue());
        vm.counts().pendingProperty().addListener((obs, o, n) -> decisions.run());
        vm.counts().approvedProperty().addListener((obs, o, n) -> decisions.run());
        vm.counts().rejectedProperty().addListener((obs, o, n) -> decisions.run());
    }

    private static javafx.beans.binding.StringBinding count(String what,
                                                             javafx.beans.value.ObservableValue<Number> value) {
        return Bindings.createStringBinding(() -> String.format("%s %,d", what, value.getValue().longValue()),
                value);
    }

    private void bindFilters() {
        statusChoice.getItems().setAll(StatusFilter.values());
        statusChoice.valueProperty().bindBidirectional(vm.statusFilterProperty());
        findingsPanel = new FindingsPanel(vm, findingChoice, ruleList, columnList);
        PauseTransition typing = new PauseTransition(Duration.millis(350));
        typing.setOnFinished(e -> vm.searchTextProperty().set(searchField.getText()));
        searchField.textProperty().addListener((obs, o, n) -> typing.playFromStart());
        searchField.setOnAction(e -> {
            typing.stop();
            vm.searchTextProperty().set(searchField.getText());
        });
        vm.searchTextProperty().addListener((obs, o, n) -> {
            if (!n.equals(searchField.getText())) {
                searchField.setText(n);
            }
        });
    }

    private void bindActions() {
        var nothingSelected = Bindings.isEmpty(grid.getSelectionModel().getSelectedCells());
        approveButton.disableProperty().bind(nothingSelected);
        rejectButton.disableProperty().bind(nothingSelected);
        undoButton.disableProperty().bind(vm.counts().canUndo().not());
        redoButton.disableProperty().bind(vm.counts().canRedo().not());
        undoButton.textProperty().bind(Bindings.createStringBinding(() -> vm.counts().canUndo().get()
                ? "Undo: " + vm.counts().undoDescriptionProperty().getValue() : "Undo", vm.counts().undoDescriptionProperty()));
        redoButton.textProperty().bind(Bindings.createStringBinding(() -> vm.counts().canRedo().get()
                ? "Redo: " + vm.counts().redoDescriptionProperty().getValue() : "Redo", vm.counts().redoDescriptionProperty()));
        undoButton.setMaxWidth(260);
        redoButton.setMaxWidth(260);
    }

    private void gridKey(KeyEvent e) {
        if (grid.getEditingCell() != null || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case A -> {
                approveSelected();
                e.consume();
            }
            case R -> {
                rejectSelected();
                e.consume();
            }
            case F2, ENTER -> {
                gridColumns.editFocused();
                e.consume();
            }
            default -> {
            }
        }
    }

    private void showSelectedRow() {
        List<Integer> positions = gridColumns.selectedPositions();
        GridRow row = positions.isEmpty() ? null : vm.loadedRow(positions.get(0));
        if (row == null) {
            rowFindings.setText(positions.size() > 1 ? positions.size() + " rows selected." : "Select a row to see"
                    + " its findings.");
            return;
        }
        StringBuilder text = new StringBuilder("Row " + row.row());
        if (positions.size() > 1) {
            text.append(" (and ").append(positions.size() - 1).append(" more selected)");
        }
        text.append(row.decision() == null ? " · pending" : " · " + row.decision().status().label()
                + (row.decision().reason() == null ? "" : ": " + row.decision().reason()));
        if (row.findings().isEmpty()) {
            text.append("\nNo findings.");
        }
        if (!row.findings().isEmpty()) {
            text.append('\n').append(ReviewGrid.findingsText(row).replace("\n", "\n• ").replaceFirst("^", "• "));
        }
        rowFindings.setText(text.toString());
    }

    // ---- actions

    @FXML
    void approveSelected() {
        vm.approve(gridColumns.selectedPositions());
    }

    @FXML
    void rejectSelected() {
        vm.rejectSelected(gridColumns.selectedPositions());
    }

    @FXML
    private void approveAllValid() {
        vm.approveAllValid();
    }

    @FXML
    private void rejectAllWithErrors() {
        vm.rejectAllWithErrors();
    }

    @FXML
    private void approveShown() {
        vm.approveShown();
    }

    @FXML
    private void rejectShown() {
        vm.rejectShown();
    }

    @FXML
    private void undo() {
        vm.undo();
    }

    @FXML
    private void redo() {
        vm.redo();
    }

    @FXML
    private void goToMapping() {
        if (vm.canValidate()) {
            vm.validateNow();
        } else {
            context.workbench().stepProperty().set(Step.MAPPING);
        }
    }

    @FXML
    private void openSavedReview() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a saved review");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sluice reviews", "*.sluice"));
        if (Files.isDirectory(context.reviewsDirectory())) {
            chooser.setInitialDirectory(context.reviewsDirectory().toFile());
        }
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            context.settings().reviewOpened(file.toPath());
            context.workbench().openReview(file.toPath());
        }
    }

    /** The dashboard draws the decision pie only once counts are in. */
    void refreshDashboard() {
        dashboard.showQuality(vm.qualityProperty().getValue());
        dashboard.showFindings(vm.counts().findingsProperty().getValue());
        dashboard.showDecisions(vm.counts().pendingProperty().getValue().longValue(),
                vm.counts().approvedProperty().getValue().longValue(), vm.counts().rejectedProperty().getValue().longValue());
    }
}
