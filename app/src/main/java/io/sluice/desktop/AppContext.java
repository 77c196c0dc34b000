package io.sluice.desktop;

import io.sluice.desktop.review.ReviewValidation;
import io.sluice.desktop.task.TaskRunner;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What every screen gets from the application: the shared state, the task runner, the remembered settings, the
 * data directory, the main window (as owner for dialogs), the questions asked of the steward, and the validation
 * of a mapped source into a new review (started from the Mapping step, shown by the Review step).
 */
public record AppContext(Workbench workbench, TaskRunner tasks, DesktopSettings settings, Path home,
                         Supplier<Window> window, DialogService dialogs, ReviewValidation validation) {

    /** With the real dialogs, owned by the window, and new reviews saved in the data directory. */
    public AppContext(Workbench workbench, TaskRunner tasks, DesktopSettings settings, Path home,
                      Supplier<Window> window) {
        this(workbench, tasks, settings, home, window, new FxDialogService(window),
                new ReviewValidation(workbench, tasks, settings, home.resolve("reviews"),
                        (title, error) -> Dialogs.error(window.get(), title, error)));
    }

    /** Where the remembered settings live. */
    public Path settingsFile() {
        return home.resolve("desktop.json");
    }

    /**
     * Writes the remembered settings now, in the background: a file or review just opened is in the recent lists
     * even if Sluice does not get to a clean quit.
     */
    public void saveSettings() {
        DesktopSettings.Snapshot snapshot = settings.snapshot();
        tasks.quiet("Remembering the recent files", ctx -> {
            settings.write(snapshot, settingsFile());
            return snapshot;
        }, written -> { });
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
