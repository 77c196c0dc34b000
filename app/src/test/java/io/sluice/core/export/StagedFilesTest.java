package io.sluice.core.export;

import io.sluice.core.SluiceException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file written through {@link StagedFiles} replaces the old one whole or not at all, and the hidden files of the
 * same name that a killed export left before this process started are deleted by the next export. Several files
 * are moved as one set: a failed move or a killed process leaves the files of before, never a mix.
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

    @Test
    void aMoveThatFailsAmongSeveralPutsBackTheFilesAlreadyMovedAndLeavesNoHiddenFile() throws IOException {
        Path approved = Files.writeString(dir.resolve("approved.csv"), "last month's approved rows\n");
        Path findings = dir.resolve("findings.csv");
        Path rejected = Files.writeString(dir.resolve("rejected.csv"), "last month's rejected rows\n");

        int[] moves = {0};
        try (StagedFiles staged = new StagedFiles((from, onto) -> {
            if (moves[0]++ == 2) {
                throw new FileSystemException(onto.toString(), null, "it is open in another program");
            }
            Files.move(from, onto, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        })) {
            Files.writeString(staged.stage(approved), "this month's approved rows\n");
            Files.writeString(staged.stage(findings), "this month's findings\n");
            Files.writeString(staged.stage(rejected), "this month's rejected rows\n");
            assertThatThrownBy(staged::commit).isInstanceOf(SluiceException.class)
                    .hasMessage("Cannot write " + rejected + ": it is open in another program.");
        }

        assertThat(approved).hasContent("last month's approved rows");
        assertThat(findings).doesNotExist();
        assertThat(rejected).hasContent("last month's rejected rows");
        assertThat(names()).containsExactlyInAnyOrder("approved.csv", "rejected.csv");
    }

    @Test
    void anExportedFileHasTheFolderDefaultPermissionsOrThoseOfTheFileItReplaces() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> newFile = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        Path approved = dir.resolve("approved.csv");
        Path rejected = Files.writeString(dir.resolve("rejected.csv"), "last month's rejected rows\n");
        Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
        Files.setPosixFilePermissions(rejected, shared);

        try (StagedFiles staged = new StagedFiles()) {
            Files.writeString(staged.stage(approved), "this month's approved rows\n");
            Files.writeString(staged.stage(rejected), "this month's rejected rows\n");
            staged.commit();
        }

        assertThat(Files.getPosixFilePermissions(approved)).isEqualTo(newFile);
        assertThat(Files.getPosixFilePermissions(rejected)).isEqualTo(shared);

        // a file someone made read-only is replaced as before, and its owner may write the next one
        Files.setPosixFilePermissions(rejected, PosixFilePermissions.fromString("r--r--r--"));
        StagedFiles.writeWhole(rejected, hidden -> Files.writeString(hidden, "next month's rejected rows\n"));
        assertThat(rejected).hasContent("next month's rejected rows");
        assertThat(Files.getPosixFilePermissions(rejected)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void aSetMovedWholeLeavesOnlyItsFiles() throws IOException {
        Path approved = Files.writeString(dir.resolve("approved.csv"), "last month's approved rows\n");
        try (StagedFiles staged = new StagedFiles()) {
            Files.writeString(staged.stage(approved), "this month's approved rows\n");
            Files.writeString(staged.stage(dir.resolve("findings.csv")), "this month's findings\n");
            staged.commit();
        }

        assertThat(approved).hasContent("this month's approved rows");
        assertThat(dir.resolve("findings.csv")).hasContent("this month's findings");
        assertThat(names()).containsExactlyInAnyOrder("approved.csv", "findings.csv");
    }

    @Test
    void aProcessKilledAmongTheMovesLeavesTheFilesOfBeforeToTheNextExport() throws Exception {
        Path approved = Files.writeString(dir.resolve("approved.csv"), "last month's approved rows\n");
        Path rejected = Files.writeString(dir.resolve("rejected.csv"), "last month's rejected rows\n");
        Path findings = dir.resolve("findings.csv");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledSetChild.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            assertThat(awaitLine(child, KilledSetChild.MOVED)).endsWith(KilledSetChild.MOVED);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the killed child exits").isTrue();
        } finally {
            child.destroyForcibly();
        }
        // killed between two moves: one file is this month's, the other last month's
        assertThat(approved).hasContent("this month's approved.csv");
        assertThat(rejected).hasContent("last month's rejected rows");

        // the next export into the folder, of another file, puts the files of before back first
        try (StagedFiles staged = new StagedFiles()) {
            Files.writeString(staged.stage(dir.resolve("report.html")), "<p>report</p>");
            staged.commit();
        }

        assertThat(approved).hasContent("last month's approved rows");
        assertThat(rejected).hasContent("last month's rejected rows");
        assertThat(findings).doesNotExist();
        assertThat(names()).containsExactlyInAnyOrder("approved.csv", "rejected.csv", "report.html");
    }

    @Test
    void aPreviousVersionKeptByAProcessThatDiedAfterItsSetMovedIsDeletedAndOneOfARunningProcessKept()
            throws IOException {
        Path approved = Files.writeString(dir.resolve("approved.csv"), "this month's approved rows\n");
        Path dead = Files.writeString(dir.resolve(".sluice-prev-" + Integer.MAX_VALUE + "-42-approved.csv"), "old");
        Path running = Files.writeString(dir.resolve(".sluice-prev-" + ProcessHandle.current().pid()
                + "-43-approved.csv"), "old");

        try (StagedFiles staged = new StagedFiles()) {
            Files.writeString(staged.stage(approved), "next month's approved rows\n");
            staged.commit();
        }

        assertThat(dead).doesNotExist();
        assertThat(running).exists();
    }

    /** The child's output up to and including that line; fails if the child ends or is silent for a minute. */
    private static String awaitLine(Process child, String wanted) throws IOException {
        StringBuilder seen = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                seen.append(line).append('\n');
                if (line.equals(wanted)) {
                    return seen.toString().strip();
                }
            }
        }
        return seen.toString().strip();
    }

    private Stream<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList().stream();
        }
    }
}
