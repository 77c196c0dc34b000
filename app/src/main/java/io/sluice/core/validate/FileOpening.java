package io.sluice.core.validate;

import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.SourceTable;
import io.sluice.core.source.Sources;

import java.nio.file.Path;
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
    private boolean taken;

    private FileOpening(Path file, CompletableFuture<SourceTable> table, CompletableFuture<String> sha256) {
        this.file = file;
        this.table = table;
        this.sha256 = sha256;
    }

    /** Begins opening {@code file} as {@link Sources#open} does, then hashing it as {@link Sources#sha256} does. */
    public static FileOpening start(Path file, SourceOptions options) {
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
        return new FileOpening(file, table, sha256);
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
