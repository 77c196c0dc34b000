package io.sluice.desktop.app;

import io.sluice.desktop.Step;
import io.sluice.desktop.StepView;
import io.sluice.desktop.Views;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.export.ExportMenu;
import io.sluice.desktop.export.ExportViewModel;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The main window: menus, the step navigation, the step on screen and the status bar with the running task. It
 * binds the screen to its {@link MainWindowViewModel} and the task runner; each step's screen does its own work.
 */
public final class MainWindowController {

    private final MainWindowViewModel model;
    private final TaskRunner tasks;
    private final ExportViewModel exports;
    private final StepViews steps;
    private final ClosingViewModel closing;
    private final Map<Step, StepView> views = new EnumMap<>(Step.class);
    private final Map<Step, ToggleButton> stepButtons = new EnumMap<>(Step.class);
    private StepView current;

    @FXML private BorderPane root;
    @FXML private VBox stepNav;
    @FXML private StackPane content;
    @FXML private ScrollPane contentScroll;
    @FXML private Menu recentFilesMenu;
    @FXML private Menu recentReviewsMenu;
    @FXML private Menu exportMenu;
    @FXML private Menu goMenu;
    @FXML private MenuItem undoItem;
    @FXML private MenuItem redoItem;
    @FXML private Label targetLabel;
    @FXML private Label taskTitle;
    @FXML private ProgressBar taskProgress;
    @FXML private Label taskMessage;
    @FXML private Button cancelButton;

    MainWindowController(MainWindowViewModel model, TaskRunner tasks, ExportViewModel exports, StepViews steps,
                         ClosingViewModel closing) {
        this.model = model;
        this.closing = closing;
        this.tasks = tasks;
        this.exports = exports;
        this.steps = steps;
    }

    @FXML
    private void initialize() {
        Workbench workbench = model.workbench();
        ToggleGroup group = new ToggleGroup();
        int n = 1;
        for (Step step : Step.values()) {
            ToggleButton button = new ToggleButton();
            button.setId("step-" + step.name().toLowerCase(Locale.ROOT));
            Label title = new Label(n + "   " + step.title());
            title.getStyleClass().add("step-name");
            Label hint = new Label(step.hint());
            hint.getStyleClass().add("step-hint");
            VBox label = new VBox(2, title, hint);
            button.setGraphic(label);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setAlignment(Pos.CENTER_LEFT);
            button.setToggleGroup(group);
            button.setOnAction(e -> model.show(step));
            stepButtons.put(step, button);
            stepNav.getChildren().add(button);
            MenuItem go = new MenuItem(step.title());
            go.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(n)),
                    KeyCombination.SHORTCUT_DOWN));
            go.setOnAction(e -> model.show(step));
            goMenu.getItems().add(go);
            n++;
        }
        workbench.stepProperty().addListener((obs, old, step) -> show(step));
        model.recentFilesProperty().addListener((obs, old, recent) -> fillRecent(recentFilesMenu, recent,
                model::openSource));
        model.recentReviewsProperty().addListener((obs, old, recent) -> fillRecent(recentReviewsMenu, recent,
                model::openReview));
        fillRecent(recentFilesMenu, model.recentFilesProperty().get(), model::openSource);
        fillRecent(recentReviewsMenu, model.recentReviewsProperty().get(), model::openReview);
        targetLabel.textProperty().bind(model.targetTextProperty());
        bindStatusBar();
        followFocus();
        ExportMenu.install(exportMenu, exports, () -> root.getScene().getWindow(), model::lastDirectory);
        enableDrop();
        show(workbench.stepProperty().get());
    }

    /** In a window smaller than the step, the control the keyboard moves to is scrolled into view. */
    private void followFocus() {
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.focusOwnerProperty().addListener((o, before, focused) -> {
                    if (focused != null && isInStep(focused)) {
                        Views.ensureVisible(contentScroll, focused);
                    }
                });
            }
        });
    }

    private boolean isInStep(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == content) {
                return true;
            }
        }
        return false;
    }

    private void show(Step step) {
        stepButtons.get(step).setSelected(true);
        current = views.computeIfAbsent(step, steps::create);
        content.getChildren().setAll(current.root());
        undoItem.disableProperty().unbind();
        redoItem.disableProperty().unbind();
        undoItem.disableProperty().bind(Bindings.createBooleanBinding(() -> !current.canUndo().get(),
                current.canUndo()));
        redoItem.disableProperty().bind(Bindings.createBooleanBinding(() -> !current.canRedo().get(),
                current.canRedo()));
        undoItem.textProperty().bind(menuText("_Undo", current.undoDescription()));
        redoItem.textProperty().bind(menuText("_Redo", current.redoDescription()));
        current.shown();
    }

    private static StringBinding menuText(String verb, ObservableValue<String> what) {
        return Bindings.createStringBinding(() -> what.getValue() == null || what.getValue().isBlank() ? verb
                : verb + ": " + what.getValue(), what);
    }

    /** The status bar follows the oldest visible task; with none running, it shows nothing but the target. */
    private void bindStatusBar() {
        ListChangeListener<TaskHandle> follow = change -> {
            TaskHandle shown = tasks.active().stream().filter(TaskHandle::visible).findFirst().orElse(null);
            boolean busy = shown != null;
            taskTitle.textProperty().unbind();
            taskMessage.textProperty().unbind();
            taskProgress.progressProperty().unbind();
            taskTitle.setText(busy ? shown.title() : "");
            if (busy) {
                taskMessage.textProperty().bind(shown.messageProperty());
                taskProgress.progressProperty().bind(shown.progressProperty());
                cancelButton.setOnAction(e -> shown.cancel());
            } else {
                taskMessage.setText("");
            }
            taskProgress.setVisible(busy);
            cancelButton.setVisible(busy);
        };
        tasks.active().addListener(follow);
        follow.onChanged(null);
    }

    private void enableDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1
                    && model.isSource(e.getDragboard().getFiles().get(0).toPath())) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                model.openSource(e.getDragboard().getFiles().get(0).toPath());
                done = true;
            }
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /** Closes every step built so far; the window is going away. */
    void closeSteps() {
        views.values().forEach(StepView::close);
    }

    private static void fillRecent(Menu menu, List<MainWindowViewModel.Recent> recent, Consumer<Path> open) {
        menu.getItems().clear();
        for (MainWindowViewModel.Recent r : recent) {
            MenuItem item = new MenuItem(r.file().toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open.accept(r.file()));
            item.setDisable(!r.available());
            menu.getItems().add(item);
        }
        menu.setDisable(menu.getItems().isEmpty());
    }

    @FXML
    private void openFile() {
        FileChooser chooser = chooser("Open a spreadsheet or CSV", model.lastDirectory());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Spreadsheets and CSV",
                MainWindowViewModel.SOURCE_EXTENSIONS));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            model.openSource(file.toPath());
        }
    }

    @FXML
    private void openReview() {
        FileChooser chooser = chooser("Open a saved review", model.reviewsDirectory() != null
                ? model.reviewsDirectory() : model.lastDirectory());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sluice reviews", "*.sluice"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            model.openReview(file.toPath());
        }
    }

    private static FileChooser chooser(String title, Path directory) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (directory != null) {
            chooser.setInitialDirectory(directory.toFile());
        }
        return chooser;
    }

    @FXML
    private void quit() {
        closing.requestClose(() -> {
            root.getScene().getWindow().hide();
            Platform.exit();
        });
    }

    @FXML
    private void undo() {
        current.undo();
    }

    @FXML
    private void redo() {
        current.redo();
    }

    @FXML
    private void cancelTask() {
        tasks.active().stream().filter(TaskHandle::visible).findFirst().ifPresent(TaskHandle::cancel);
    }

    @FXML
    private void about() {
        model.about();
    }
}
