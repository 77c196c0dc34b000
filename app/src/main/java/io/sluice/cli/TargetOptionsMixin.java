package io.sluice.cli;

import io.sluice.core.bookkeeping.Bookkeeping;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.target.Redaction;
import io.sluice.core.target.TargetDatabase;
import picocli.CommandLine.Option;

/**
 * Which target database to use. Without {@code --target}, Sluice's embedded H2 database in the user's data
 * directory, created with the sample schema on first use. Passwords come from an environment variable or a prompt,
 * never from the command line history.
 */
final class TargetOptionsMixin {

    @Option(names = "--target", paramLabel = "JDBC_URL",
            description = "Target database, e.g. jdbc:postgresql://host/db or jdbc:h2:file:/path/db "
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

    TargetDatabase open() {
        if (url == null) {
            return TargetDatabase.openDefault();
        }
        return TargetDatabase.open(url, user, password());
    }

    /** The target, with Sluice's bookkeeping tables created or brought up to date (for imports and rollbacks). */
    TargetDatabase openForImport() {
        TargetDatabase db = open();
        try {
            if (url == null) {
                BookkeepingSchema.migrate(TargetDatabase.defaultUrl(), TargetDatabase.DEFAULT_USER,
                        TargetDatabase.DEFAULT_PASSWORD);
            } else {
                BookkeepingSchema.migrate(url, user, password());
            }
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** Sluice's bookkeeping (import batches, provenance) in the same target database. */
    Bookkeeping bookkeeping() {
        if (url == null) {
            // creates the embedded database with its sample schema if this is the first command ever run
            TargetDatabase.openDefault().close();
            return Bookkeeping.open(TargetDatabase.defaultUrl(), TargetDatabase.DEFAULT_USER,
                    TargetDatabase.DEFAULT_PASSWORD);
        }
        return Bookkeeping.open(url, user, password());
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
