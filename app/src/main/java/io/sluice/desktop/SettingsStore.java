package io.sluice.desktop;

import io.sluice.desktop.task.TaskRunner;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The remembered settings and the file they are saved to ({@code desktop.json} in the data directory). A file or
 * review just opened is written at once, in the background, so it is in the recent lists even without a clean quit.
 */
public final class SettingsStore {

    private final DesktopSettings settings;
    private final Path file;
    private final TaskRunner tasks;

    public SettingsStore(DesktopSettings settings, Path file, TaskRunner tasks) {
        this.settings = settings;
        this.file = file;
        this.tasks = tasks;
    }

    /** Reads the settings in {@code file}, or starts with defaults. */
    public static SettingsStore load(Path file, TaskRunner tasks) {
        return new SettingsStore(DesktopSettings.load(file), file, tasks);
    }

    public DesktopSettings settings() {
        return settings;
    }

    /** Where the settings are saved. */
    public Path file() {
        return file;
    }

    /** Writes the settings now, on this thread. */
    public void save() throws IOException {
        settings.save(file);
    }

    /** Writes the settings as they are now, in the background. */
    public void saveLater() {
        DesktopSettings.Snapshot snapshot = settings.snapshot();
        tasks.quiet("Remembering the recent files", ctx -> {
            settings.write(snapshot, file);
            return snapshot;
        }, written -> { });
    }
}
