package io.sluice.core.export;

import io.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file written through {@link StagedFiles} replaces the old one whole or not at all, and the hidden files of the
 * same name that a killed export left before this process started are deleted by the next export.
 */
class StagedFilesTest {

    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfWayLeavesTheFileAsItWasAndNoHiddenFile() throws IOException {
        Path report = Files.writeString(dir.resolve("report.json"), "last month's report");

        assertThatThrownBy(() -> StagedFiles.writeWhole(report, hidden -> {
            Files.writeString(hidden, "{\"rows\": 12");
            throw new IOException("No space left on device");
        })).isInstanceOf(SluiceException.class)
                .hasMessage("Cannot write " + report + ": No space left on device.");

        assertThat(report).hasContent("last month's report");
        assertThat(names()).containsExactly("report.json");

        StagedFiles.writeWhole(report, hidden -> Files.writeString(hidden, "{\"rows\": 12}"));
        assertThat(report).hasContent("{\"rows\": 12}");
        assertThat(names()).containsExactly("report.json");
    }

    @Test
    void theHiddenFilesAKilledExportLeftOfTheSameNameAreDeletedByTheNext() throws IOException {
        Path approved = Files.writeString(dir.resolve("approved.csv"), "last month's approved rows\n");
        Path killed = Files.writeString(dir.resolve(".sluice-part-8123456789-approved.csv"), "MIX_CODE,CEM");
        Files.setLastModifiedTime(killed, FileTime.from(Instant.parse("2026-11-02T09:00:00Z")));
        Path otherFile = Files.writeString(dir.resolve(".sluice-part-42-rejected.csv"), "rows");
        Files.setLastModifiedTime(otherFile, FileTime.from(Instant.parse("2026-11-02T09:00:00Z")));
        Path notOurs = Files.writeString(dir.resolve(".sluice-part-notes-approved.csv"), "notes");
        Files.setLastModifiedTime(notOurs, FileTime.from(Instant.parse("2026-11-02T09:00:00Z")));
        // written since this process started: an export still running, left alone
        Path running = Files.writeString(dir.resolve(".sluice-part-77-approved.csv"), "MIX_CODE,CEM");

        try (StagedFiles staged = new StagedFiles()) {
            Path hidden = staged.stage(approved);
            Files.writeString(hidden, "this month's approved rows\n");
            staged.commit();
        }

        assertThat(approved).hasContent("this month's approved rows");
        assertThat(killed).doesNotExist();
        assertThat(otherFile).exists();
        assertThat(notOurs).exists();
        assertThat(running).exists();
    }

    private Stream<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList().stream();
        }
    }
}
