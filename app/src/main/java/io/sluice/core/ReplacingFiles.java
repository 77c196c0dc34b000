package io.sluice.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

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
     * {@code file}'s permissions if it exists (and the owner's reading and writing) and a new file's (the user's
     * default) otherwise.
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
                // the owner keeps writing it: a read-only file replaced would otherwise refuse its new content
                Set<PosixFilePermission> kept = EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE);
                kept.addAll(Files.getPosixFilePermissions(file));
                Files.setPosixFilePermissions(created, kept);
            }
            return created;
        }
    }
}
