package io.sluice.core.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Output files written under a hidden name beside their own and moved into place only when the whole export has
 * succeeded: an export that fails, is cancelled or is killed leaves each file as it was before, never half written.
 */
public final class StagedFiles implements AutoCloseable {

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
            // ending in the file's own name, so that its extension still says what to write (.json, .csv)
            Path hidden = Files.createTempFile(folder, ".sluice-part-", "-" + file.getFileName());
            staged.put(hidden, file);
            return hidden;
        } catch (IOException e) {
            throw CsvSink.failure(file.toString(), e);
        }
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
