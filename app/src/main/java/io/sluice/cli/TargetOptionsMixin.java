package io.sluice.cli;

import io.sluice.core.database.Redaction;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.usecase.Target;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Which target database to use. Without {@code --target}, Sluice's embedded H2 database in the user's data
 * directory, created with the sample schema on first use; a database named by {@code --target} must already exist.
 * Passwords come from an environment variable or a prompt,
 * never from the command line history.
 */
final class TargetOptionsMixin {

    @Option(names = "--target", paramLabel = "JDBC_URL",
            description = "Target database, which must exist, e.g. jdbc:postgresql://host/db or jdbc:h2:file:/path/db "
                    + "(default: the embedded database in the Sluice data directory).")
    String url;

    @Option(names = "--user", paramLabel = "NAME", description = "Database user.")
    String user;

    @Option(names = "--password-env", paramLabel = "NAME",
            description = "Read the database password from this environment variable.")
    String passwordEnv;

    @Option(names = "--password", interactive = true, arity = "0",
            description = "Prompt for the database password.")
    char[] password;

    /** The target these options name: the embedded database without {@code --target}. */
    Target target() {
        return url == null ? Target.embedded() : new Target(url, user, password());
    }

    /**
     * For a command on a review: the target named by {@code --target}, else the one the review records (where it was
     * validated), so that its rows go where they were checked.
     */
    Target targetOf(Path review) {
        return url == null && review != null ? Target.recordedIn(review) : target();
    }

    /** Connects; a database named by {@code --target} must exist (the embedded one is created on first use). */
    TargetDatabase open() {
        return target().open();
    }

    /** The target, with Sluice's bookkeeping tables created or brought up to date (for imports and rollbacks). */
    TargetDatabase openForImport() {
        return target().openForImport();
    }

    /** The target for messages, without any password. */
    String displayUrl() {
        return Redaction.url(url != null ? url : TargetDatabase.defaultUrl());
    }

    private String password() {
        if (passwordEnv != null) {
            String secret = System.getenv(passwordEnv);
            if (secret == null) {
                throw new UsageException("The environment variable " + passwordEnv + " named by --password-env "
                        + "is not set.");
            }
            return secret;
        }
        return password == null ? null : new String(password);
    }
}
