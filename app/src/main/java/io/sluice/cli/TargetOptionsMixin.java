package io.sluice.cli;

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
        String secret = null;
        if (passwordEnv != null) {
            secret = System.getenv(passwordEnv);
            if (secret == null) {
                throw new UsageException("The environment variable " + passwordEnv + " named by --password-env "
                        + "is not set.");
            }
        } else if (password != null) {
            secret = new String(password);
        }
        return TargetDatabase.open(url, user, secret);
    }
}
