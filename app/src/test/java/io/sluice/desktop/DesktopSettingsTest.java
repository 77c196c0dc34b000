package io.sluice.desktop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DesktopSettingsTest {

    @TempDir
    Path dir;

    @Test
    void remembersWindowRecentFilesAndConnectionsWithoutPasswords() throws Exception {
        Path file = dir.resolve("desktop.json");
        DesktopSettings settings = new DesktopSettings();
        settings.window(new DesktopSettings.Bounds(10, 20, 1400, 900, false));
        settings.fileOpened(dir.resolve("a.csv"));
        settings.fileOpened(dir.resolve("b.xlsx"));
        settings.fileOpened(dir.resolve("a.csv"));
        settings.saveConnection(new DesktopSettings.Connection("lab", "jdbc:postgresql://db/lab", "steward"));
        settings.rememberDivider("review", 0.7);
        settings.save(file);

        DesktopSettings read = DesktopSettings.load(file);
        assertThat(read.window()).isEqualTo(new DesktopSettings.Bounds(10, 20, 1400, 900, false));
        assertThat(read.recentFiles()).containsExactly(dir.resolve("a.csv"), dir.resolve("b.xlsx"));
        assertThat(read.lastDirectory()).isEqualTo(dir);
        assertThat(read.connections()).extracting(DesktopSettings.Connection::user).containsExactly("steward");
        assertThat(read.divider("review", 0.5)).isEqualTo(0.7);
        assertThat(Files.readString(file)).doesNotContainIgnoringCase("password");
    }

    @Test
    void keepsOnlyTheTenMostRecentFiles() {
        DesktopSettings settings = new DesktopSettings();
        for (int i = 0; i < 14; i++) {
            settings.fileOpened(dir.resolve("f" + i + ".csv"));
        }
        assertThat(settings.recentFiles()).hasSize(DesktopSettings.RECENT_LIMIT)
                .startsWith(dir.resolve("f13.csv")).doesNotContain(dir.resolve("f3.csv"));
    }

    @Test
    void startsWithDefaultsAndSetsADamagedFileAside() throws Exception {
        Path file = dir.resolve("desktop.json");
        Files.writeString(file, "{ not json");
        DesktopSettings settings = DesktopSettings.load(file);
        assertThat(settings.recentFiles()).isEmpty();
        assertThat(dir.resolve("desktop.json.damaged")).exists();
    }

    @Test
    void anOlderSnapshotWrittenLateDoesNotUndoANewerOne() throws Exception {
        Path file = dir.resolve("desktop.json");
        DesktopSettings settings = new DesktopSettings();
        settings.fileOpened(dir.resolve("a.csv"));
        DesktopSettings.Snapshot older = settings.snapshot();
        settings.fileOpened(dir.resolve("b.csv"));
        DesktopSettings.Snapshot newer = settings.snapshot();

        settings.write(newer, file);
        settings.write(older, file);

        assertThat(DesktopSettings.load(file).recentFiles()).containsExactly(dir.resolve("b.csv"),
                dir.resolve("a.csv"));
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary file left behind").containsExactly(file);
        }
    }
}
