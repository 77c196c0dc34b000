package io.sluice.desktop.app;

import io.sluice.desktop.DialogService;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.SettingsStore;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.TaskRunner;

import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * The desktop's shared pieces, made once by {@link DesktopShell}: the shared state, the task runner, the remembered
 * settings, the data directory, the questions asked of the steward, how a failure is shown, and the validation of a
 * mapped source into a new review. Only the composition root holds it; {@link StepViews} hands each view model the
 * pieces it needs by constructor.
 */
public record AppContext(Workbench workbench, TaskRunner tasks, SettingsStore settings, Path home,
                         DialogService dialogs, BiConsumer<String, Throwable> showError,
                         ReviewValidation validation) {

    /** Where new reviews are saved unless the steward picks another place. */
    public static Path reviewsDirectory(Path home) {
        return home.resolve("reviews");
    }

    /** Where the remembered settings live. */
    public static Path settingsFile(Path home) {
        return home.resolve("desktop.json");
    }
}
