package io.sluice.desktop;

import io.sluice.desktop.task.TaskRunner;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What every screen gets from the application: the shared state, the task runner, the remembered settings, the
 * data directory and the main window (as owner for dialogs).
 */
public record AppContext(Workbench workbench, TaskRunner tasks, DesktopSettings settings, Path home,
                         Supplier<Window> window) {

    /** Where the remembered settings live. */
    public Path settingsFile() {
        return home.resolve("desktop.json");
    }

    /** Where new reviews are saved unless the steward picks another place. */
    public Path reviewsDirectory() {
        return home.resolve("reviews");
    }

    /** Shows a failure as one sentence with details on demand. */
    public void showError(String title, Throwable error) {
        Dialogs.error(window.get(), title, error);
    }
}
