package io.sluice.desktop.app;

import io.sluice.core.database.SluiceHome;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The desktop application. With {@code SLUICE_DESKTOP_SMOKE=1} in the environment it opens the main window, says
 * so on standard output, and closes itself: the installer's smoke test uses that to prove the GUI starts.
 */
public final class SluiceApp extends Application {

    /** Printed once the main window is on screen when the smoke-test variable is set. */
    public static final String STARTED = "Sluice desktop started";

    private DesktopShell shell;

    @Override
    public void start(Stage stage) throws IOException {
        Path home = SluiceHome.directory();
        Files.createDirectories(home);
        DesktopShell shell = DesktopShell.open(stage, home);
        this.shell = shell;
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> Platform.runLater(
                () -> shell.context().showError().accept("Sluice hit an unexpected problem", error)));
        if ("1".equals(System.getenv("SLUICE_DESKTOP_SMOKE"))) {
            System.out.println(STARTED);
            System.out.flush();
            PauseTransition pause = new PauseTransition(Duration.seconds(1));
            pause.setOnFinished(e -> {
                stage.hide();
                Platform.exit();
            });
            pause.play();
        }
    }

    /** However the desktop stops (Quit, the window closed, the system quitting), no save is cut short unasked. */
    @Override
    public void stop() {
        if (shell != null) {
            shell.stopping();
        }
    }
}
