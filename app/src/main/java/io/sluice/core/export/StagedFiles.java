package io.sluice.core.export;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Output files written under a hidden name beside their own and moved into place only when the whole export has
 * succeeded: an export that fails, is cancelled or is killed leaves each file as it was before, never half written.
 */
public final class StagedFiles implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StagedFiles.class);
    private static final String PREFIX = ".sluice-part-";
    /** When this process started: a hidden file of the same name last written before it is a killed export's. */
    private static final FileTime STARTED = FileTime.from(
            ProcessHandle.current().info().startInstant().orElseGet(Instant::now));

    /** Writes one file's content to the hidden file it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path hidden) throws IOException;
    }

    /** Final file by hidden file, in the order they were staged. */
    private final Map<Path, Path> staged = new LinkedHashMap<>();

    /** The hidden file to write in place of {@code file}, in its folder; null for null. */
    public Path stage(Path file) {
        if (file == null) {
            return null;
        }
        if (Files.isDirectory(file)) {
            throw CsvSink.failure(file.toString(), new IOException("it is a folder"));
        }
        Path folder = file.toAbsolutePath().getParent();
        try {
            deleteStaleParts(folder, file.getFileName().toString());
            // ending in the file's own name, so that its extension still says what to write (.json, .csv)
            Path hidden = Files.createTempFile(folder, PREFIX, "-" + file.getFileName());
            staged.put(hidden, file);
            return hidden;
        } catch (IOException e) {
            throw CsvSink.failure(file.toString(), e);
        }
    }

    /**
     * The hidden file for each of {@code files} (a name each, in their order), as {@link #stage(Path)} gives it.
     */
    public <K> Map<K, Path> stageEach(Map<K, Path> files) {
        Map<K, Path> hidden = new LinkedHashMap<>();
        files.forEach((name, file) -> hidden.put(name, stage(file)));
        return hidden;
    }

    /** Writes {@code file} whole or not at all: {@code content} writes the hidden file, which then replaces it. */
    public static void writeWhole(Path file, Content content) {
        try (StagedFiles staged = new StagedFiles()) {
            Path hidden = staged.stage(file);
            try {
                content.writeTo(hidden);
            } catch (IOException e) {
                throw CsvSink.failure(file.toString(), e);
            }
            staged.commit();
        }
    }

    /**
     * Deletes the hidden files of the same name that an export killed before this process started left in
     * {@code folder}; one written since belongs to an export still running and is left alone.
     */
    private static void deleteStaleParts(Path folder, String name) {
        String ending = "-" + name;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, p -> isPartOf(p, ending))) {
            for (Path part : parts) {
                try {
                    if (Files.getLastModifiedTime(part).compareTo(STARTED) < 0) {
                        Files.deleteIfExists(part);
                        LOG.info("Deleted {}, left behind by an export of {} that was stopped", part, name);
                    }
                } catch (IOException e) {
                    LOG.debug("{} could not be deleted", part, e);
                }
            }
        } catch (IOException e) {
            LOG.debug("The hidden files of {} in {} could not be listed", name, folder, e);
        }
    }

    /** Whether {@code p} is named as {@link #stage} names a hidden file: the prefix, digits, then the ending. */
    private static boolean isPartOf(Path p, String ending) {
        String n = p.getFileName().toString();
        if (!n.startsWith(PREFIX) || !n.endsWith(ending) || n.length() <= PREFIX.length() + ending.length()) {
            return false;
        }
        String middle = n.substring(PREFIX.length(), n.length() - ending.length());
        return middle.chars().allMatch(Character::isDigit);
    }

    /** Moves every staged file onto its own name, each in one atomic step where the file system allows it. */
    public void commit() {
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            try {
                try {
                    Files.move(e.getKey(), e.getValue(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException failure) {
                throw CsvSink.failure(e.getValue().toString(), failure);
            }
        }
    }

    /** Deletes the hidden files of an export that did not commit. */
    @Override
    public void close() {
        for (Path hidden : staged.keySet()) {
            try {
                Files.deleteIfExists(hidden);
            } catch (IOException ignored) {
                // a hidden leftover beside the file changes nothing the steward reads
            }
        }
        staged.clear();
    }
}
