package io.sluice.desktop;

import io.sluice.core.SluiceVersion;
import io.sluice.desktop.task.TaskHandle;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The main window: menus, the step navigation, the step on screen and the status bar with the running task. It
 * only wires the screen to the {@link Workbench} and the task runner; each step's screen does its own work.
 */
public final class MainWindowController {

    private static final List<String> SOURCE_EXTENSIONS = List.of("*.xlsx", "*.xls", "*.csv", "*.tsv", "*.txt");

    private final AppContext context;
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

    public MainWindowController(AppContext context) {
        this.context = context;
    }

    @FXML
    private void initialize() {
        Workbench workbench = context.workbench();
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
            button.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            button.setToggleGroup(group);
            button.setOnAction(e -> workbench.stepProperty().set(step));
            stepButtons.put(step, button);
            stepNav.getChildren().add(button);
            MenuItem go = new MenuItem(step.title());
            go.setAccelerator(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(n)),
                    KeyCombination.SHORTCUT_DOWN));
            go.setOnAction(e -> workbench.stepProperty().set(step));
            goMenu.getItems().add(go);
            n++;
        }
        workbench.stepProperty().addListener((obs, old, step) -> show(step));
        // whichever screen opened it, a file or review opened is remembered on disk at once (a crash keeps it)
        // and offered in the File menu
        workbench.sourceFileProperty().addListener((obs, old, file) -> {
            if (file != null) {
                context.settings().fileOpened(file);
                context.saveSettings();
                refreshRecent();
            }
        });
        workbench.reviewProperty().addListener((obs, old, review) -> {
            if (review != null) {
                context.settings().reviewOpened(review);
                context.saveSettings();
                refreshRecent();
            }
        });
        targetLabel.textProperty().bind(Bindings.createStringBinding(
                () -> "Target: " + workbench.targetProperty().get().label(), workbench.targetProperty()));
        bindStatusBar();
        followFocus();
        io.sluice.desktop.export.ExportMenu.install(exportMenu, context);
        enableDrop();
        refreshRecent();
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
        current = views.computeIfAbsent(step, s -> StepViews.create(s, context));
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
            TaskHandle shown = context.tasks().active().stream().filter(TaskHandle::visible).findFirst()
                    .orElse(null);
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
        context.tasks().active().addListener(follow);
        follow.onChanged(null);
    }

    private void enableDrop() {
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().size() == 1
                    && isSource(e.getDragboard().getFiles().get(0).toPath())) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean done = false;
            if (e.getDragboard().hasFiles() && !e.getDragboard().getFiles().isEmpty()) {
                openSource(e.getDragboard().getFiles().get(0).toPath());
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

    /** Opens a source file in the source step and remembers it. */
    void openSource(Path file) {
        context.workbench().openSource(file);
    }

    private void openReviewFile(Path file) {
        context.workbench().openReview(file);
    }

    private void refreshRecent() {
        recentFilesMenu.getItems().clear();
        for (Path file : context.settings().recentFiles()) {
            MenuItem item = new MenuItem(file.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openSource(file));
            item.setDisable(!Files.isRegularFile(file));
            recentFilesMenu.getItems().add(item);
        }
        recentFilesMenu.setDisable(recentFilesMenu.getItems().isEmpty());
        recentReviewsMenu.getItems().clear();
        for (Path file : context.settings().recentReviews()) {
            MenuItem item = new MenuItem(file.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> openReviewFile(file));
            item.setDisable(!Files.isRegularFile(file));
            recentReviewsMenu.getItems().add(item);
        }
        recentReviewsMenu.setDisable(recentReviewsMenu.getItems().isEmpty());
    }

    @FXML
    private void openFile() {
        FileChooser chooser = chooser("Open a spreadsheet or CSV");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Spreadsheets and CSV", SOURCE_EXTENSIONS));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            openSource(file.toPath());
        }
    }

    @FXML
    private void openReview() {
        FileChooser chooser = chooser("Open a saved review");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sluice reviews", "*.sluice"));
        if (Files.isDirectory(context.reviewsDirectory())) {
            chooser.setInitialDirectory(context.reviewsDirectory().toFile());
        }
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            openReviewFile(file.toPath());
        }
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        Path last = context.settings().lastDirectory();
        if (last != null && Files.isDirectory(last)) {
            chooser.setInitialDirectory(last.toFile());
        }
        return chooser;
    }

    @FXML
    private void quit() {
        root.getScene().getWindow().hide();
        Platform.exit();
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
        context.tasks().active().stream().filter(TaskHandle::visible).findFirst().ifPresent(TaskHandle::cancel);
    }

    @FXML
    private void about() {
        String version = SluiceVersion.current();
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.INFORMATION,
                "Sluice " + ("dev".equals(version) ? "(development build)" : version)
                        + "\nData directory: " + context.home()
                        + "\nLoad, map, review and commit spreadsheets into a real database.");
        alert.initOwner(root.getScene().getWindow());
        alert.setTitle("About Sluice");
        alert.setHeaderText("Sluice");
        alert.show();
    }

    private static boolean isSource(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return SOURCE_EXTENSIONS.stream().anyMatch(ext -> name.endsWith(ext.substring(1)));
    }
}
