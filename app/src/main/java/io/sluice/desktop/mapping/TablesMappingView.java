package io.sluice.desktop.mapping;

import io.sluice.desktop.Views;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The screen of the mapping onto several tables: the target's tables to pick, the write order (or the cycle), one tab
 * per table ({@link TablePartPane}) marked while it has a problem, and "Validate and review" with the sentence that
 * holds it back. Binds to a {@link TablesMappingViewModel}.
 */
final class TablesMappingView {

    private final TablesMappingViewModel model;
    private final Consumer<Path> loadProfile;
    private final Runnable mapOneTable;
    private final Supplier<Path> profileDirectory;

    @FXML private BorderPane root;
    @FXML private Label subtitle;
    @FXML private ProgressIndicator busy;
    @FXML private Button loadButton;
    @FXML private Button saveButton;
    @FXML private Button suggestButton;
    @FXML private FlowPane tablePicker;
    @FXML private TitledPane pickerPane;
    @FXML private Label orderLabel;
    @FXML private Label cycleLabel;
    @FXML private Label errorLabel;
    @FXML private Label notesLabel;
    @FXML private TabPane tabs;
    @FXML private Label blockerLabel;
    @FXML private Button validateButton;
    @FXML private Button rulesButton;

    /**
     * {@code loadProfile} loads a profile of either version (the Mapping step decides which screen shows it),
     * {@code mapOneTable} goes back to the one-table grid.
     */
    TablesMappingView(TablesMappingViewModel model, Consumer<Path> loadProfile, Runnable mapOneTable,
                      Supplier<Path> profileDirectory) {
        this.model = model;
        this.loadProfile = loadProfile;
        this.mapOneTable = mapOneTable;
        this.profileDirectory = profileDirectory;
        Views.load(this, "tables-mapping-view.fxml", "mapping.css");
    }

    Node root() {
        return root;
    }

    TablesMappingViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        subtitle.textProperty().bind(Bindings.createStringBinding(() -> model.parts().isEmpty()
                ? "Pick the tables below, or load a profile onto several tables."
                : model.parts().size() + " tables, each fed by a sheet of the workbook; a table with ⚠ needs"
                + " something before the review.", model.parts()));
        busy.visibleProperty().bind(model.loadingProperty());
        loadButton.disableProperty().bind(model.loadingProperty());
        saveButton.disableProperty().bind(Bindings.isEmpty(model.parts()));
        suggestButton.disableProperty().bind(model.loadingProperty().or(Bindings.size(model.pickedTables())
                .lessThan(2)));
        orderLabel.textProperty().bind(model.orderProperty());
        cycleLabel.textProperty().bind(Bindings.createStringBinding(() -> model.cycleProperty().get() == null ? ""
                : model.cycleProperty().get(), model.cycleProperty()));
        errorLabel.textProperty().bind(Bindings.createStringBinding(() -> model.errorProperty().get() == null ? ""
                : model.errorProperty().get(), model.errorProperty()));
        blockerLabel.textProperty().bind(Bindings.createStringBinding(() -> model.blockerProperty().get() == null
                ? "" : model.blockerProperty().get(), model.blockerProperty()));
        notesLabel.textProperty().bind(model.notesProperty());
        for (Label label : List.of(orderLabel, cycleLabel, errorLabel, notesLabel, blockerLabel)) {
            label.managedProperty().bind(label.textProperty().isNotEmpty());
            label.visibleProperty().bind(label.managedProperty());
        }
        validateButton.disableProperty().bind(model.blockerProperty().isNotNull());
        rulesButton.disableProperty().bind(model.blockerProperty().isNotNull());
        model.targetTables().addListener((ListChangeListener<String>) c -> showPicker());
        model.pickedTables().addListener((ListChangeListener<String>) c -> showPicker());
        showPicker();
        pickerPane.setExpanded(model.parts().isEmpty());
        model.parts().addListener((ListChangeListener<TablePart>) c -> {
            pickerPane.setExpanded(model.parts().isEmpty());
            showTabs();
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab != null && tab.getUserData() instanceof TablePart part) {
                model.selectedProperty().set(part);
            }
        });
        model.selectedProperty().addListener((obs, old, part) -> tabs.getTabs().stream()
                .filter(t -> t.getUserData() == part).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t)));
        showTabs();
    }

    private void showPicker() {
        tablePicker.getChildren().setAll(model.targetTables().stream().map(table -> {
            CheckBox box = new CheckBox(table);
            box.setId("pick-" + table.toLowerCase(java.util.Locale.ROOT));
            box.setMnemonicParsing(false);
            box.setSelected(model.pickedTables().contains(table));
            box.selectedProperty().addListener((obs, was, now) -> {
                if (now && !model.pickedTables().contains(table)) {
                    model.pickedTables().add(table);
                } else if (!now) {
                    model.pickedTables().remove(table);
                }
            });
            return box;
        }).toList());
    }

    private void showTabs() {
        tabs.getTabs().setAll(model.parts().stream().map(part -> {
            Tab tab = new Tab();
            tab.setId("tab-" + part.table().toLowerCase(java.util.Locale.ROOT));
            tab.setUserData(part);
            tab.textProperty().bind(Bindings.createStringBinding(() -> (part.problemProperty().get() == null
                    ? "" : "⚠ ") + part.table() + " ← " + (part.sheetProperty().get() == null ? "?"
                    : part.sheetProperty().get()), part.problemProperty(), part.sheetProperty()));
            int index = model.parts().indexOf(part);
            Node content = new TablePartPane(model, part, index, this::window).root();
            Views.keepLabelsWhole(content);
            ScrollPane scroll = new ScrollPane(content);
            scroll.setId("table-scroll-" + index);
            scroll.setFitToWidth(true);
            tab.setContent(scroll);
            return tab;
        }).toList());
        TablePart selected = model.selectedProperty().get();
        tabs.getTabs().stream().filter(t -> t.getUserData() == selected).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    @FXML
    private void mapOneTable() {
        mapOneTable.run();
    }

    @FXML
    private void suggest() {
        model.suggest();
    }

    @FXML
    private void loadProfile() {
        File file = chooser("Load a mapping profile").showOpenDialog(window());
        if (file != null) {
            loadProfile.accept(file.toPath());
        }
    }

    @FXML
    private void saveProfile() {
        FileChooser chooser = chooser("Save the mapping profile");
        chooser.setInitialFileName((model.nameProperty().get() == null || model.nameProperty().get().isBlank()
                ? "tables" : model.nameProperty().get()) + ".profile.json");
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.saveProfile(file.toPath());
        }
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sluice profiles", "*.json"));
        Path folder = profileDirectory.get();
        if (folder != null) {
            chooser.setInitialDirectory(folder.toFile());
        }
        return chooser;
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
