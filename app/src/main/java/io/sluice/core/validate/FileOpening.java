package io.sluice.core.validate;

import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A source file being opened (its encoding decided, which reads a CSV file through once, and its header read), then
 * hashed, on a thread of its own while the caller opens the target database; {@link ValidationJob#prepare(FileOpening,
 * io.sluice.core.profile.Profile, io.sluice.core.database.TargetDatabase)} waits for the opening. Closed without a job,
 * it closes the table once opened.
 */
public final class FileOpening implements AutoCloseable {

    private final Path file;
    private final CompletableFuture<SourceTable> table;
    private final CompletableFuture<String> sha256;
    /** The file as its opening began (null when it could not be read then). */
    private final Stamp stamp;
    private boolean taken;

    /** What tells a file rewritten or replaced since: its identity, size and modification time. */
    private record Stamp(Object key, long size, FileTime modified) {

        static Stamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
            } catch (IOException e) {
                return null;
            }
        }
    }

    private FileOpening(Path file, CompletableFuture<SourceTable> table, CompletableFuture<String> sha256,
                        Stamp stamp) {
        this.file = file;
        this.table = table;
        this.sha256 = sha256;
        this.stamp = stamp;
    }

    /** Begins opening {@code file} as {@link Sources#open} does, then hashing it as {@link Sources#sha256} does. */
    public static FileOpening start(Path file, SourceOptions options) {
        Stamp stamp = Stamp.of(file);
        CompletableFuture<SourceTable> table = new CompletableFuture<>();
        CompletableFuture<String> sha256 = new CompletableFuture<>();
        Thread opening = new Thread(() -> {
            try {
                table.complete(Sources.open(file, options));
            } catch (RuntimeException | Error e) {
                table.completeExceptionally(e);
                sha256.completeExceptionally(e);
                return;
            }
            // the hash follows on this thread, while the target may still be opening and a core may be free
            hash(file, sha256);
        }, "sluice-file-open");
        opening.setDaemon(true);
        opening.start();
        return new FileOpening(file, table, sha256, stamp);
    }

    /**
     * Whether the file is, by its identity, size and modification time, the one whose opening began: a caller that
     * opened a file ahead and must read it as it is now opens it afresh when not.
     */
    public boolean fileUnchanged() {
        return stamp != null && stamp.equals(Stamp.of(file));
    }

    /** Completes {@code into} with the file's SHA-256, or with the failure that kept it from being computed. */
    static void hash(Path file, CompletableFuture<String> into) {
        try {
            into.complete(Sources.sha256(file));
        } catch (RuntimeException e) {
            into.completeExceptionally(e);
        } catch (Error e) {
            // the job waiting for the hash must fail with it, not wait for ever
            into.completeExceptionally(e);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    CompletableFuture<String> sha256() {
        return sha256;
    }

    /** The open table, once opened; fails with what opening the file failed with. The caller closes the table. */
    SourceTable take() {
        taken = true;
        return table();
    }

    /**
     * The open table, once opened, for a look at its header and columns before a job takes it (it stays this
     * opening's to close until then); fails with what opening the file failed with.
     */
    public SourceTable table() {
        try {
            return table.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** A table never taken (the target failed to open) is closed when its opening ends; a failure then is moot. */
    @Override
    public void close() {
        if (taken) {
            return;
        }
        taken = true;
        SourceTable opened = table.exceptionally(e -> null).join();
        if (opened != null) {
            opened.close();
        }
    }
}
