package io.sluice.desktop.rules;

import io.sluice.core.rules.RuleInfo;
import io.sluice.core.usecase.RulePreview;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.StepView;
import io.sluice.desktop.Views;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;

/** The Rules step's screen: binds {@link RulesViewModel} to {@code rules.fxml}; the rule's fields are a {@link RuleFormPane}. */
public final class RulesView implements StepView {

    private final RulesViewModel model;
    private boolean reverting;

    @FXML private StackPane root;
    @FXML private VBox emptyState;
    @FXML private Label emptyText;
    @FXML private BorderPane main;
    @FXML private Label subtitle;
    @FXML private ProgressIndicator busy;
    @FXML private MenuButton addMenu;
    @FXML private Button duplicateButton;
    @FXML private Button deleteButton;
    @FXML private Button saveButton;
    @FXML private ComboBox<RulesViewModel.Shown> showing;
    @FXML private Label tableLabel;
    @FXML private ComboBox<String> tableChooser;
    @FXML private Label status;
    @FXML private SplitPane split;
    @FXML private TableView<RuleInfo> table;
    @FXML private Label readOnly;
    @FXML private Label pickHint;
    @FXML private SplitPane editor;
    @FXML private VBox formBox;
    @FXML private VBox formActions;
    @FXML private Label previewSummary;
    @FXML private ProgressBar previewRunning;
    @FXML private ListView<RulePreview.Example> examples;
    @FXML private Label examplesPlaceholder;

    public RulesView(RulesViewModel model, DesktopSettings settings) {
        this.model = model;
        Views.load(this, "rules.fxml", "rules.css");
        new RuleFormPane(model, formBox, formActions);
        Views.keepLabelsWhole(formBox);
        Views.keepLabelsWhole(formActions);
        Views.rememberDivider(split, "rules.list", settings);
    }

    public RulesViewModel model() {
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

    @Override
    public void close() {
        model.preview().clear();
    }

    @FXML
    private void initialize() {
        emptyText.textProperty().bind(model.emptyProperty());
        emptyState.visibleProperty().bind(model.emptyProperty().isNotNull());
        main.visibleProperty().bind(model.emptyProperty().isNull());
        busy.visibleProperty().bind(model.loadingProperty());
        subtitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            long target = model.rules().stream().filter(r -> !r.editable()).count();
            long profile = model.rules().size() - target;
            return String.format(Locale.ROOT, "%d written in the profile, %d from the target table", profile,
                    target);
        }, model.rules()));
        status.textProperty().bind(model.statusProperty());
        status.managedProperty().bind(model.statusProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());
        for (RuleKind kind : RuleKind.values()) {
            MenuItem item = new MenuItem(kind.label());
            item.setId("rules-add-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.add(kind));
            addMenu.getItems().add(item);
        }
        addMenu.getItems().add(new SeparatorMenuItem());
        for (RuleTemplate template : RuleTemplate.values()) {
            MenuItem item = new MenuItem(template.label());
            item.setId("rules-template-" + template.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            item.setMnemonicParsing(false);
            item.setOnAction(e -> model.addFromTemplate(template));
            addMenu.getItems().add(item);
        }
        duplicateButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.selectedProperty().get() == null || !model.selectedProperty().get().editable(),
                model.selectedProperty()));
        deleteButton.disableProperty().bind(duplicateButton.disableProperty());
        buildTable();
        readOnly.textProperty().bind(model.readOnlyProperty());
        readOnly.visibleProperty().bind(model.readOnlyProperty().isNotEmpty());
        editor.visibleProperty().bind(model.editingProperty());
        pickHint.visibleProperty().bind(model.editingProperty().not().and(model.readOnlyProperty().isEmpty()));
        previewSummary.textProperty().bind(model.preview().summaryProperty());
        previewRunning.visibleProperty().bind(model.preview().runningProperty());
        previewRunning.managedProperty().bind(previewRunning.visibleProperty());
        examples.setItems(model.preview().examples());
        examplesPlaceholder.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.preview().summaryProperty().get().startsWith("Would flag 0 ") ? "No rows flagged." : "",
                model.preview().summaryProperty()));
        examples.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(RulePreview.Example item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : exampleText(item));
                setWrapText(true);
                setPrefWidth(0);
            }
        });
    }

    /** "Row 17 (N17): 0.91 — Water/cement ratio …" */
    static String exampleText(RulePreview.Example example) {
        String where = "Row " + example.row() + (example.cell() == null ? "" : " (" + example.cell() + ")");
        String value = example.value() == null || example.value().isEmpty() ? "" : ": " + example.value();
        return where + value + " — " + example.message();
    }

    /** The table of a profile onto several tables whose rules are shown; hidden for a profile onto one table. */
    private void buildTableChooser() {
        RuleTables tables = model.ruleTables();
        tableChooser.setItems(tables.tables());
        tableChooser.setValue(tables.chosenProperty().get());
        tableChooser.visibleProperty().bind(Bindings.isNotEmpty(tables.tables()));
        tableChooser.managedProperty().bind(tableChooser.visibleProperty());
        tableLabel.visibleProperty().bind(tableChooser.visibleProperty());
        tableLabel.managedProperty().bind(tableChooser.visibleProperty());
        tables.chosenProperty().addListener((o, was, now) -> tableChooser.setValue(now));
        tableChooser.setOnAction(e -> {
            String wanted = tableChooser.getValue();
            if (wanted != null && !model.chooseTable(wanted)) {
                // the steward kept the form's changes: the chooser shows the table still edited
                tableChooser.setValue(tables.chosenProperty().get());
            }
        });
    }

    private void buildTable() {
        table.getColumns().add(column("Rule", 150, RuleInfo::id));
        table.getColumns().add(column("Kind", 90, RuleInfo::kind));
        table.getColumns().add(column("Columns", 130, r -> String.join(", ", r.columns())));
        table.getColumns().add(column("From", 70, r -> r.editable() ? "profile" : "target"));
        table.getColumns().add(column("Severity", 70, r -> r.severity().name().toLowerCase(Locale.ROOT)));
        table.getColumns().add(column("What it checks", 260, RuleInfo::description));
        table.setItems(model.shownRules());
        showing.getItems().setAll(RulesViewModel.Shown.values());
        showing.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RulesViewModel.Shown shown) {
                return shown == null ? "" : shown.label();
            }

            @Override
            public RulesViewModel.Shown fromString(String text) {
                return null;
            }
        });
        showing.valueProperty().bindBidirectional(model.showingProperty());
        buildTableChooser();
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RuleInfo item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("rule-origin-target");
                if (!empty && item != null && !item.editable()) {
                    getStyleClass().add("rule-origin-target");
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (reverting) {
                return;
            }
            if (!model.select(now)) {
                reverting = true;
                table.getSelectionModel().select(was);
                reverting = false;
            }
        });
        model.selectedProperty().addListener((o, was, now) -> {
            if (table.getSelectionModel().getSelectedItem() != now) {
                reverting = true;
                if (now == null) {
                    table.getSelectionModel().clearSelection();
                } else {
                    table.getSelectionModel().select(now);
                    table.scrollTo(now);
                }
                reverting = false;
            }
        });
    }

    private static TableColumn<RuleInfo, String> column(String title, double width,
                                                         Function<RuleInfo, String> text) {
        TableColumn<RuleInfo, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(text.apply(c.getValue())));
        return column;
    }

    @FXML
    private void duplicate() {
        model.duplicate();
    }

    @FXML
    private void delete() {
        model.delete();
    }

    @FXML
    private void goToMapping() {
        model.goToMapping();
    }

    @FXML
    private void save() {
        Path suggested = model.suggestedFile();
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save profile");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sluice profile (*.json)", "*.json"));
        chooser.setInitialFileName(suggested.getFileName().toString());
        Path folder = suggested.toAbsolutePath().getParent();
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.save(file.toPath());
        }
    }
}
