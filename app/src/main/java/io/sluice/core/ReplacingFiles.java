package io.sluice.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * New files written beside the file they will replace, with the permissions the steward's files get: a temporary
 * file's owner-only permissions would otherwise travel onto an export or a profile meant for others to read.
 */
public final class ReplacingFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ReplacingFiles() {
    }

    /**
     * A new, empty file in {@code file}'s folder, named {@code prefix}, digits, then {@code suffix}, with
     * {@code file}'s permissions if it exists and a new file's (the user's default) otherwise.
     */
    public static Path createBeside(Path file, String prefix, String suffix) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        while (true) {
            Path created = folder.resolve(prefix + Long.toUnsignedString(RANDOM.nextLong()) + suffix);
            try {
                Files.createFile(created);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            if (Files.exists(file) && folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(created, Files.getPosixFilePermissions(file));
            }
            return created;
        }
    }
}
