package io.sluice.desktop.mapping;

import io.sluice.core.mapping.MappedValue;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.StepView;
import io.sluice.desktop.Views;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Callback;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Mapping step's screen: target and table pickers, the PostgreSQL form (a {@link ConnectionView}), the mapping
 * grid (target pickers, transforms, confidence, confirm) and the preview of mapped values. Binds to a
 * {@link MappingViewModel}; builds the grid's and the preview's columns.
 */
public final class MappingView implements StepView {

    private final MappingViewModel model;
    private final ConnectionView connection;
    private final DesktopSettings settings;
    /** The Edit menu's undo and redo follow the grid on screen: the one-table grid, or the grid of the table's tab. */
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final StringProperty undoText = new SimpleStringProperty();
    private final StringProperty redoText = new SimpleStringProperty();
    private MappingEdits activeEdits;
    /** What every target picker offers: "(not mapped)" and the table's columns; one list shared by all rows. */
    private final ObservableList<String> targetChoices = FXCollections.observableArrayList(MappingCells.NOT_MAPPED);

    @FXML private StackPane root;

    @FXML private SplitPane split;
    @FXML private VBox emptyPane;
    @FXML private Label emptyTitle;
    @FXML private Label emptyText;
    @FXML private BorderPane mappingPane;
    @FXML private Label subtitle;
    @FXML private Label profileNote;
    @FXML private ProgressIndicator busy;
    @FXML private Button suggestedButton;
    @FXML private Button severalButton;
    @FXML private StackPane tablesSlot;
    @FXML private Button saveButton;
    @FXML private Button loadButton;
    @FXML private RadioButton embeddedChoice;
    @FXML private RadioButton postgresChoice;
    @FXML private Label targetLabel;
    @FXML private ComboBox<String> tableChoice;
    @FXML private StackPane connectionSlot;
    @FXML private TableView<MappingRow> mappingTable;
    @FXML private Label mappingPlaceholder;
    @FXML private TableView<MappingPreview.Row> previewTable;
    @FXML private Label previewPlaceholder;
    @FXML private Label previewSummary;
    @FXML private Label keptRules;
    @FXML private Button rulesButton;
    @FXML private Label notesLabel;
    @FXML private Label requiredLabel;
    @FXML private Label blockerLabel;
    @FXML private Button confirmAllButton;
    @FXML private Button validateButton;

    /** {@code settings} keep where the steward left the split between grid and preview. */
    public MappingView(MappingViewModel model, ConnectionView connection, DesktopSettings settings) {
        this.model = model;
        this.connection = connection;
        this.settings = settings;
        Views.load(this, "mapping-view.fxml", "mapping.css");
    }

    public MappingViewModel model() {
        return model;
    }

    public ConnectionViewModel connection() {
        return connection.model();
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void shown() {
        model.refresh();
    }

    @Override
    public ObservableBooleanValue canUndo() {
        return canUndo;
    }

    @Override
    public ObservableBooleanValue canRedo() {
        return canRedo;
    }

    @Override
    public ObservableValue<String> undoDescription() {
        return undoText;
    }

    @Override
    public ObservableValue<String> redoDescription() {
        return redoText;
    }

    @Override
    public void undo() {
        activeEdits.undo();
    }

    @Override
    public void redo() {
        activeEdits.redo();
    }

    private void followEdits() {
        TablePart part = model.severalTables().selectedProperty().get();
        activeEdits = model.mapsSeveralTablesProperty().get() && part != null ? part.edits() : model.edits();
        canUndo.bind(activeEdits.canUndoProperty());
        canRedo.bind(activeEdits.canRedoProperty());
        undoText.bind(activeEdits.undoDescriptionProperty());
        redoText.bind(activeEdits.redoDescriptionProperty());
    }

    @FXML
    private void initialize() {
        Views.rememberDivider(split, "mapping", settings);
        followEdits();
        model.mapsSeveralTablesProperty().addListener((obs, old, now) -> followEdits());
        model.severalTables().selectedProperty().addListener((obs, old, now) -> followEdits());
        emptyPane.visibleProperty().bind(model.sourceMissingProperty());
        emptyTitle.textProperty().bind(model.emptyTitleBinding());
        emptyText.textProperty().bind(model.emptyTextBinding());
        mappingPane.visibleProperty().bind(model.sourceMissingProperty().not()
                .and(model.mapsSeveralTablesProperty().not()));
        TablesMappingView tables = new TablesMappingView(model.severalTables(), model::loadProfile,
                model::mapOneTable, () -> model.profileFile().directory());
        tablesSlot.getChildren().setAll(tables.root());
        tablesSlot.visibleProperty().bind(model.sourceMissingProperty().not()
                .and(model.mapsSeveralTablesProperty()));
        severalButton.disableProperty().bind(model.loadingProperty());
        subtitle.textProperty().bind(model.subtitleBinding());
        busy.visibleProperty().bind(model.loadingProperty());
        bindProfileButtons();
        bindTarget();
        buildMappingColumns();
        buildPreview();
        keptRules.textProperty().bind(model.keptRulesProperty());
        notesLabel.textProperty().bind(model.notesProperty());
        requiredLabel.textProperty().bind(model.missingRequiredProperty());
        blockerLabel.textProperty().bind(model.blockerProperty());
        for (Label label : List.of(keptRules, notesLabel, requiredLabel, blockerLabel)) {
            label.managedProperty().bind(label.textProperty().isNotEmpty());
            label.visibleProperty().bind(label.managedProperty());
        }
        validateButton.disableProperty().bind(model.blockerProperty().isNotNull());
        rulesButton.disableProperty().bind(model.blockerProperty().isNotNull());
        confirmAllButton.disableProperty().bind(model.canConfirmAllBinding().not());
        mappingPlaceholder.textProperty().bind(model.gridPlaceholderBinding());
    }

    private void bindProfileButtons() {
        suggestedButton.textProperty().bind(model.profileFile().suggestedLabelBinding());
        suggestedButton.visibleProperty().bind(model.profileFile().suggestedOfferedBinding());
        suggestedButton.managedProperty().bind(suggestedButton.visibleProperty());
        // a profile applied while the suggestions are still being read would be replaced by them
        suggestedButton.disableProperty().bind(model.loadingProperty());
        loadButton.disableProperty().bind(model.loadingProperty());
        saveButton.disableProperty().bind(model.tableInfoProperty().isNull());
        profileNote.textProperty().bind(model.profileFile().noteProperty());
        profileNote.visibleProperty().bind(Bindings.isNotNull(model.profileFile().noteProperty()));
        profileNote.managedProperty().bind(profileNote.visibleProperty());
    }

    private void bindTarget() {
        targetLabel.textProperty().bind(connection.model().targetLabelBinding());
        targetLabel.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(targetLabel.getText()),
                targetLabel.textProperty()));
        embeddedChoice.setOnAction(e -> connection.model().useEmbedded());
        connectionSlot.getChildren().setAll(connection.root());
        connectionSlot.visibleProperty().bind(postgresChoice.selectedProperty());
        connectionSlot.managedProperty().bind(connectionSlot.visibleProperty());
        tableChoice.setItems(model.tables());
        tableChoice.valueProperty().bindBidirectional(model.tableProperty());
        tableChoice.disableProperty().bind(model.loadingProperty());
    }

    private void buildMappingColumns() {
        mappingTable.setItems(model.rows());
        mappingTable.setRowFactory(t -> new MappingCells.StyledRow());
        model.targetColumns().addListener((ListChangeListener<String>) c -> {
            List<String> choices = new ArrayList<>();
            choices.add(MappingCells.NOT_MAPPED);
            choices.addAll(model.targetColumns());
            targetChoices.setAll(choices);
        });
        TableColumn<MappingRow, String> source = column("Source column", 170,
                r -> new ReadOnlyStringWrapper(r.source()));
        source.setStyle("-fx-font-weight: bold;");
        TableColumn<MappingRow, String> samples = column("Sample values", 190,
                r -> new ReadOnlyStringWrapper(r.samples()));
        TableColumn<MappingRow, String> target = column("Target column", 190, MappingRow::targetProperty);
        target.setCellFactory(c -> new MappingCells.TargetCell(model.edits(), targetChoices));
        TableColumn<MappingRow, String> transforms = column("Transforms", 190,
                MappingRow::transformsSummaryProperty);
        transforms.setCellFactory(c -> new MappingCells.TransformCell(model.edits(), this::window));
        TableColumn<MappingRow, Integer> confidence = new TableColumn<>("Confidence");
        confidence.setPrefWidth(90);
        confidence.setCellValueFactory(c -> c.getValue().shownConfidenceProperty());
        confidence.setCellFactory(c -> new MappingCells.ConfidenceCell());
        TableColumn<MappingRow, String> reason = column("Reason", 300, MappingRow::reasonProperty);
        reason.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isBlank() ? null : new Tooltip(text));
            }
        });
        TableColumn<MappingRow, MappingRow.Status> status = new TableColumn<>("Status");
        status.setPrefWidth(110);
        status.setCellValueFactory(c -> c.getValue().statusProperty());
        status.setCellFactory(c -> new MappingCells.StatusCell(model.edits()));
        List<TableColumn<MappingRow, ?>> columns = new ArrayList<>(List.of(source, samples, target, transforms,
                confidence, status, reason));
        columns.forEach(c -> c.setSortable(false));
        mappingTable.getColumns().setAll(columns);
    }

    private static TableColumn<MappingRow, String> column(String title, double width,
            Callback<MappingRow, ObservableValue<String>> value) {
        TableColumn<MappingRow, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> value.call(c.getValue()));
        return column;
    }

    private void buildPreview() {
        model.previewProperty().addListener((obs, old, preview) -> showPreview(preview));
        model.previewErrorProperty().addListener((obs, old, text) -> previewPlaceholder.setText(text != null ? text
                : "Map a column to see its values."));
    }

    private void showPreview(MappingPreview preview) {
        if (preview == null) {
            previewTable.getColumns().clear();
            previewTable.getItems().clear();
            previewSummary.setText("");
            return;
        }
        List<TableColumn<MappingPreview.Row, ?>> columns = new ArrayList<>();
        TableColumn<MappingPreview.Row, String> number = new TableColumn<>("Row");
        number.setPrefWidth(56);
        number.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().number())));
        columns.add(number);
        for (int i = 0; i < preview.columns().size(); i++) {
            int index = i;
            TableColumn<MappingPreview.Row, MappedValue> column = new TableColumn<>(preview.columns().get(i));
            column.setPrefWidth(120);
            column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().values().get(index)));
            column.setCellFactory(c -> new MappingCells.PreviewCell());
            columns.add(column);
        }
        columns.forEach(c -> c.setSortable(false));
        previewTable.getColumns().setAll(columns);
        previewTable.getItems().setAll(preview.rows());
        previewSummary.setText(preview.summary());
    }

    @FXML
    private void goToSource() {
        model.goToSource();
    }

    @FXML
    private void mapSeveralTables() {
        model.mapSeveralTables();
    }

    @FXML
    private void loadSuggested() {
        model.loadSuggested();
    }

    @FXML
    private void loadProfile() {
        File file = profileChooser("Load a mapping profile").showOpenDialog(window());
        if (file != null) {
            model.loadProfile(file.toPath());
        }
    }

    @FXML
    private void saveProfile() {
        FileChooser chooser = profileChooser("Save the mapping profile");
        chooser.setInitialFileName(model.profileFileName());
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.saveProfile(file.toPath());
        }
    }

    private FileChooser profileChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sluice profiles", "*.json"));
        Path folder = model.profileFile().directory();
        if (folder != null) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
    }

    @FXML
    private void confirmAll() {
        model.edits().confirmAllHighConfidence();
    }

    @FXML
    private void writeRules() {
        model.writeRules();
    }

    @FXML
    private void validateAndReview() {
        model.validateAndReview();
    }

    private Window window() {
        return root.getScene().getWindow();
    }
}
