package io.sluice.desktop.review;

import io.sluice.core.review.ReviewQuery.GridRow;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.Views;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Files;
import java.util.List;

/**
 * Binds the review screen to its {@link ReviewViewModel} and forwards the steward's clicks and keys; the view model
 * asks what it needs to know (a reject reason, a confirmation) and does the work.
 */
public final class ReviewController {

    private final ReviewViewModel vm;
    private final DesktopSettings settings;
    private final ColumnStatsViewModel stats;
    private final SuggestionsViewModel suggestions;
    private final ReviewCleaning cleaning;
    private ReviewGrid gridColumns;
    private FindingsPanel findingsPanel;
    private QualityDashboard dashboard;
    private CleaningMenus menus;

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
    @FXML private Label importLabel;
    @FXML private Button approveButton;
    @FXML private Button rejectButton;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private VBox sheetBar;
    @FXML private ComboBox<String> sheetChoice;
    @FXML private Label workbookCountsLabel;
    @FXML private Label sheetCountsLabel;
    @FXML private ChoiceBox<StatusFilter> statusChoice;
    @FXML private ComboBox<FindingFilter> findingChoice;
    @FXML private TextField searchField;
    @FXML private HBox valueFilterBox;
    @FXML private Label valueFilterLabel;
    @FXML private Button clearValueFilterButton;
    @FXML private Tab dashboardTab;
    @FXML private Tab statsTab;
    @FXML private VBox statsBox;
    @FXML private Tab suggestionsTab;
    @FXML private VBox suggestionsBox;
    @FXML private MenuButton fixButton;
    @FXML private TableView<GridRow> grid;
    @FXML private ListView<FindingFilter> ruleList;
    @FXML private ListView<FindingFilter> columnList;
    @FXML private Label rowFindings;

    ReviewController(ReviewViewModel vm, ReviewCleaning cleaning, DesktopSettings settings) {
        this.vm = vm;
        this.stats = cleaning.stats();
        this.suggestions = cleaning.suggestions();
        this.cleaning = cleaning;
        this.settings = settings;
    }

    private void bindSheets() {
        WorkbookSheets sheets = vm.workbookSheets();
        sheetBar.visibleProperty().bind(sheets.workbookBinding());
        sheetBar.managedProperty().bind(sheets.workbookBinding());
        sheetChoice.setItems(sheets.sheets());
        sheets.shownProperty().addListener((obs, o, shown) -> {
            if (shown != null && !shown.equals(sheetChoice.getValue())) {
                sheetChoice.setValue(shown);
            }
        });
        sheetChoice.valueProperty().addListener((obs, o, chosen) -> vm.showSheet(chosen));
        workbookCountsLabel.textProperty().bind(sheets.workbookCountsProperty());
        sheetCountsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", sheets.sheetCounts()), sheets.sheetCounts()));
    }

    @FXML
    private void initialize() {
        Views.rememberDivider(split, "review", settings);
        gridColumns = new ReviewGrid(grid, vm);
        menus = new CleaningMenus(vm, cleaning, grid, fixButton, () -> root.getScene().getWindow());
        vm.columns().addListener((ListChangeListener<String>) c -> gridColumns.build(vm.columns()));
        gridColumns.setItems(vm.rowsProperty().getValue());
        vm.rowsProperty().addListener((obs, o, rows) -> gridColumns.setItems(rows));
        vm.pageVersionProperty().addListener((obs, o, n) -> showSelectedRow());
        vm.stateProperty().addListener((obs, o, n) -> showState());
        showState();
        bindCounts();
        bindSheets();
        bindFilters();
        bindActions();
        grid.addEventFilter(KeyEvent.KEY_PRESSED, this::gridKey);
        grid.getSelectionModel().getSelectedCells().addListener(
                (ListChangeListener<TablePosition>) c -> showSelectedRow());
        // The charts are drawn only while their tab is on screen: a hidden tab's charts are still laid out when
        // their data changes, which was a sixth of the JavaFX thread's work for the first screen of a review.
        vm.counts().findingsProperty().addListener((obs, o, counts) -> {
            findingsPanel.show(counts);
            if (dashboardTab.isSelected()) {
                dashboard().showFindings(counts);
            }
        });
        vm.dashboard().qualityProperty().addListener((obs, o, q) -> {
            if (dashboardTab.isSelected()) {
                dashboard().showQuality(q);
            }
        });
        dashboardTab.selectedProperty().addListener((obs, o, selected) -> {
            vm.dashboard().setShown(selected);
            if (selected) {
                refreshDashboard();
            }
        });
        vm.dashboard().setShown(dashboardTab.isSelected());
        bindColumnTools();
        for (Tab hidden : List.of(statsTab, suggestionsTab)) {
            attachWhenFirstSelected(hidden);
        }
    }

    /** The quality dashboard, made and put in its tab the first time it is asked for (its tab is on screen). */
    private QualityDashboard dashboard() {
        if (dashboard == null) {
            dashboard = QualityDashboard.load();
            dashboardTab.setContent(dashboard.root());
        }
        return dashboard;
    }

    /** Runs {@code build} now if the tab is selected, else once when it is first selected. */
    private static void whenFirstSelected(Tab tab, Runnable build) {
        if (tab.isSelected()) {
            build.run();
            return;
        }
        tab.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean selected) {
                if (selected) {
                    tab.selectedProperty().removeListener(this);
                    build.run();
                }
            }
        });
    }

    /**
     * Keeps a tab's content out of the scene until the tab is first selected. A hidden tab's content is styled and
     * laid out with the rest of the screen all the same (skins made, charts laid out), which the first screen of a
     * review would wait for.
     */
    private static void attachWhenFirstSelected(Tab tab) {
        if (tab.isSelected() || tab.getContent() == null) {
            return;
        }
        Node content = tab.getContent();
        tab.setContent(null);
        tab.selectedProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean selected) {
                if (selected) {
                    tab.selectedProperty().removeListener(this);
                    Views.keepLabelsWhole(content);
                    tab.setContent(content);
                }
            }
        });
    }

    /** The side panels of the column tools; the menus follow the focused cell's column. */
    private void bindColumnTools() {
        // made when their tab is first chosen: the statistics' chart and the lists are not on the first screen
        whenFirstSelected(statsTab, () -> new ColumnStatsPanel(stats, statsBox));
        statsTab.selectedProperty().addListener((obs, o, selected) -> stats.setShown(selected));
        stats.setShown(statsTab.isSelected());
        whenFirstSelected(suggestionsTab, () -> new SuggestionsPanel(suggestions, suggestionsBox));
        suggestionsTab.selectedProperty().addListener((obs, o, selected) -> suggestions.setShown(selected));
        suggestions.setShown(suggestionsTab.isSelected());
        grid.getFocusModel().focusedCellProperty().addListener((obs, o, cell) -> {
            String header = menus.focusedHeader();
            if (header != null) {
                stats.columnProperty().set(header);
            }
        });
    }

    private void showState() {
        ReviewViewModel.State state = vm.stateProperty().getValue();
        content.setVisible(state == ReviewViewModel.State.READY);
        busy.setVisible(state == ReviewViewModel.State.VALIDATING || state == ReviewViewModel.State.OPENING);
        empty.setVisible(state == ReviewViewModel.State.EMPTY);
        busyLabel.setText(state.busyText());
        emptyTitle.setText(vm.emptyTitle());
        goMappingButton.setText(vm.emptyAction());
        emptyText.setText(vm.emptyText());
    }

    private void bindCounts() {
        fileLabel.textProperty().bind(vm.fileTextBinding());
        pendingLabel.textProperty().bind(count("Pending", vm.counts().pendingProperty()));
        approvedLabel.textProperty().bind(count("Approved", vm.counts().approvedProperty()));
        rejectedLabel.textProperty().bind(count("Rejected", vm.counts().rejectedProperty()));
        shownLabel.textProperty().bind(vm.shownTextBinding());
        lastActionLabel.textProperty().bind(vm.actions().lastActionProperty());
        // the label is capped so that the toolbar wraps in a narrow window; the whole sentence stays one hover away
        Tooltip lastAction = new Tooltip();
        lastAction.textProperty().bind(vm.actions().lastActionProperty());
        lastAction.setWrapText(true);
        lastAction.setMaxWidth(480);
        lastActionLabel.setTooltip(lastAction);
        noticeLabel.textProperty().bind(vm.noticeProperty());
        noticeLabel.visibleProperty().bind(Bindings.createBooleanBinding(() -> !vm.noticeProperty().getValue()
                .isEmpty() && vm.stateProperty().getValue() == ReviewViewModel.State.READY,
                vm.noticeProperty(), vm.stateProperty()));
        noticeLabel.managedProperty().bind(noticeLabel.visibleProperty());
        importLabel.textProperty().bind(vm.importProperty());
        importLabel.visibleProperty().bind(Bindings.createBooleanBinding(() -> !vm.importProperty().getValue()
                .isEmpty() && vm.stateProperty().getValue() == ReviewViewModel.State.READY,
                vm.importProperty(), vm.stateProperty()));
        importLabel.managedProperty().bind(importLabel.visibleProperty());
        // one line whatever its length, so that it never takes the grid's height: the whole sentence on hover
        Tooltip importWhole = new Tooltip();
        importWhole.textProperty().bind(vm.importProperty());
        importWhole.setWrapText(true);
        importWhole.setMaxWidth(640);
        importLabel.setTooltip(importWhole);
        Runnable decisions = () -> {
            if (dashboardTab.isSelected()) {
                dashboard().showDecisions(vm.counts().pendingProperty().getValue().longValue(),
                        vm.counts().approvedProperty().getValue().longValue(),
                        vm.counts().rejectedProperty().getValue().longValue());
            }
        };
        vm.counts().pendingProperty().addListener((obs, o, n) -> decisions.run());
        vm.counts().approvedProperty().addListener((obs, o, n) -> decisions.run());
        vm.counts().rejectedProperty().addListener((obs, o, n) -> decisions.run());
    }

    private static StringBinding count(String what, ObservableValue<Number> value) {
        return Bindings.createStringBinding(() -> String.format("%s %,d", what, value.getValue().longValue()),
                value);
    }

    private void bindFilters() {
        statusChoice.getItems().setAll(StatusFilter.values());
        statusChoice.valueProperty().bindBidirectional(vm.filters().statusFilterProperty());
        findingsPanel = new FindingsPanel(vm, findingChoice, ruleList, columnList);
        searchField.textProperty().addListener((obs, o, n) -> vm.filters().searchTyped(n));
        searchField.setOnAction(e -> vm.filters().searchEntered(searchField.getText()));
        vm.filters().searchTextProperty().addListener((obs, o, n) -> {
            if (!n.equals(searchField.getText())) {
                searchField.setText(n);
            }
        });
        valueFilterLabel.textProperty().bind(vm.filters().valueFilterText());
        valueFilterBox.visibleProperty().bind(valueFilterLabel.textProperty().isNotEmpty());
        valueFilterBox.managedProperty().bind(valueFilterBox.visibleProperty());
        clearValueFilterButton.setTooltip(new Tooltip("Show the rows of every value again"));
        Tooltip whole = new Tooltip();
        whole.textProperty().bind(valueFilterLabel.textProperty());
        valueFilterLabel.setTooltip(whole);
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
            case H -> {
                menus.fixFocused(ValueFixesViewModel.Kind.FIND_REPLACE);
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
        rowFindings.setText(vm.selectionText(gridColumns.selectedPositions()));
    }

    // ---- actions

    @FXML
    private void clearValueFilter() {
        vm.filters().clearValueFilter();
    }

    @FXML
    void approveSelected() {
        vm.actions().approve(gridColumns.selectedPositions());
    }

    @FXML
    void rejectSelected() {
        vm.actions().rejectSelected(gridColumns.selectedPositions());
    }

    @FXML
    private void approveAllValid() {
        vm.actions().approveAllValid();
    }

    @FXML
    private void rejectAllWithErrors() {
        vm.actions().rejectAllWithErrors();
    }

    @FXML
    private void approveShown() {
        vm.actions().approveShown();
    }

    @FXML
    private void rejectShown() {
        vm.actions().rejectShown();
    }

    @FXML
    private void undo() {
        vm.actions().undo();
    }

    @FXML
    private void redo() {
        vm.actions().redo();
    }

    @FXML
    private void goToMapping() {
        vm.validateOrGoToMapping();
    }

    @FXML
    private void openSavedReview() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a saved review");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sluice reviews", "*.sluice"));
        if (Files.isDirectory(vm.reviewsDirectory())) {
            chooser.setInitialDirectory(vm.reviewsDirectory().toFile());
        }
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            vm.openSaved(file.toPath());
        }
    }

    /** The dashboard draws its figures as they are now, when its tab is on screen. */
    void refreshDashboard() {
        if (!dashboardTab.isSelected()) {
            return;
        }
        dashboard().showQuality(vm.dashboard().qualityProperty().getValue());
        dashboard().showFindings(vm.counts().findingsProperty().getValue());
        dashboard().showDecisions(vm.counts().pendingProperty().getValue().longValue(),
                vm.counts().approvedProperty().getValue().longValue(), vm.counts().rejectedProperty().getValue().longValue());
    }
}
