package io.sluice.desktop.app;

import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.DialogService;
import io.sluice.desktop.Dialogs;
import io.sluice.desktop.FxDialogService;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.SettingsStore;
import io.sluice.desktop.Views;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.export.ExportViewModel;
import io.sluice.desktop.task.TaskRunner;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * The desktop's composition root: makes the shared pieces once (settings, task runner, shared state, dialogs, the
 * validation into a review), hands them by constructor to the main window and, through {@link StepViews}, to each
 * step, and puts the window on a stage with its bounds as they were left. The application and the UI tests both
 * start the desktop through here.
 */
public final class DesktopShell {

    private static final double DEFAULT_WIDTH = 1280;
    private static final double DEFAULT_HEIGHT = 800;
    /** The smallest window: every step scrolls to each of its controls at this size (and below, where allowed). */
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 480;

    private final Stage stage;
    private final AppContext context;
    private final MainWindowController window;
    private final ClosingViewModel closing;
    private boolean closed;

    private DesktopShell(Stage stage, AppContext context, MainWindowController window, ClosingViewModel closing) {
        this.stage = stage;
        this.context = context;
        this.window = window;
        this.closing = closing;
    }

    /** Builds the main window on the stage and shows it; {@code home} is Sluice's data directory. */
    public static DesktopShell open(Stage stage, Path home) {
        return open(stage, home, new FxDialogService(() -> stage));
    }

    /**
     * As {@link #open(Stage, Path)}, with the steward's answers to questions coming from {@code dialogs}: the
     * benchmarks drive the real screens with answers given in advance.
     */
    public static DesktopShell open(Stage stage, Path home, DialogService dialogs) {
        return open(stage, home, dialogs, new TaskRunner(Platform::runLater));
    }

    /** As {@link #open(Stage, Path, DialogService)} with the background work run by {@code tasks}: for the tests. */
    static DesktopShell open(Stage stage, Path home, DialogService dialogs, TaskRunner tasks) {
        SettingsStore store = SettingsStore.load(AppContext.settingsFile(home), tasks);
        DesktopSettings settings = store.settings();
        Workbench workbench = new Workbench();
        BiConsumer<String, Throwable> showError = (title, error) -> Dialogs.error(stage, title, error);
        ReviewValidation validation = new ReviewValidation(workbench, tasks, settings,
                AppContext.reviewsDirectory(home), showError);
        AppContext context = new AppContext(workbench, tasks, store, home, dialogs, showError, validation);
        tasks.setFailureHandler((title, error) -> Dialogs.error(stage, title + " did not finish", error));
        MainWindowViewModel main = new MainWindowViewModel(workbench, store, dialogs, home);
        ExportViewModel exports = new ExportViewModel(workbench, tasks, dialogs);
        StepViews steps = new StepViews(context);
        ClosingViewModel closing = new ClosingViewModel(tasks, dialogs, main::mayClose);
        FXMLLoader loader = new FXMLLoader(DesktopShell.class.getResource("main-window.fxml"));
        loader.setControllerFactory(type -> new MainWindowController(main, tasks, exports, steps, closing));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The main window's layout is missing from this build", e);
        }
        Views.keepLabelsWhole(root);
        DesktopSettings.Bounds bounds = settings.window();
        boolean saved = bounds.width() > 0 && onSomeScreen(bounds);
        Scene scene = new Scene(root, saved ? bounds.width() : DEFAULT_WIDTH, saved ? bounds.height() : DEFAULT_HEIGHT);
        scene.getStylesheets().add(DesktopShell.class.getResource("sluice.css").toExternalForm());
        stage.setScene(scene);
        // a stage that was shown before keeps its old size unless told to take the scene's (saved or default) size
        stage.sizeToScene();
        stage.titleProperty().bind(Bindings.createStringBinding(() -> closing.waitingProperty().get().isEmpty()
                ? "Sluice" : closing.waitingProperty().get(), closing.waitingProperty()));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        if (saved) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
            stage.setMaximized(bounds.maximized());
        }
        try (InputStream icon = DesktopShell.class.getResourceAsStream("sluice-icon.png")) {
            if (icon != null) {
                stage.getIcons().add(new Image(icon));
            }
        } catch (IOException ignored) {
            // no icon is cosmetic
        }
        DesktopShell shell = new DesktopShell(stage, context, loader.getController(), closing);
        stage.setOnHidden(e -> shell.close());
        // the window closes once the steward has answered and what is being saved is saved (see ClosingViewModel)
        stage.setOnCloseRequest(e -> {
            e.consume();
            closing.requestClose(stage::hide);
        });
        stage.show();
        return shell;
    }

    public AppContext context() {
        return context;
    }

    public Stage stage() {
        return stage;
    }

    /** Remembers the window, stops background work and lets each step release its files; on window close. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        DesktopSettings settings = context.settings().settings();
        if (!stage.isMaximized() && stage.getWidth() > 0) {
            settings.window(new DesktopSettings.Bounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), false));
        } else {
            DesktopSettings.Bounds old = settings.window();
            settings.window(new DesktopSettings.Bounds(old.x(), old.y(), old.width(), old.height(), true));
        }
        try {
            context.settings().save();
        } catch (IOException ignored) {
            // losing the window size is not worth an error dialog on the way out
        }
        // the steps may hand their last work (closing a review) to the runner, which then finishes it before it stops
        window.closeSteps();
        context.tasks().close();
    }

    /**
     * The desktop is stopping (see {@link javafx.application.Application#stop()}). Stopped without a close request
     * that went through {@link ClosingViewModel} (the system quitting the application), nobody was asked whether a
     * change being saved may go, so each is saved before Sluice stops; then as {@link #close()}.
     */
    public void stopping() {
        if (!closed && !closing.hasClosed()) {
            context.tasks().finishSaves();
        }
        close();
    }

    private static boolean onSomeScreen(DesktopSettings.Bounds b) {
        return !Screen.getScreensForRectangle(b.x(), b.y(), Math.max(1, b.width()), Math.max(1, b.height()))
                .isEmpty();
    }
}
