package io.sluice.desktop;

import io.sluice.core.database.Redaction;
import io.sluice.core.database.SluiceHome;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.usecase.Target;

/**
 * The database the steward imports into: the embedded default, or a connection with its password held in memory
 * for this run only. Each background task opens its own {@link TargetDatabase} from it, because one JDBC
 * connection must not be shared between threads.
 */
public record TargetChoice(String name, String url, String user, String password) {

    /** The embedded H2 database in Sluice's data directory, created with the sample schema on first use. */
    public static TargetChoice embedded() {
        return new TargetChoice("Embedded database", null, TargetDatabase.DEFAULT_USER,
                TargetDatabase.DEFAULT_PASSWORD);
    }

    public boolean isEmbedded() {
        return url == null;
    }

    /** Opens a new connection; the caller closes it. A named database must exist; the embedded one is created. */
    public TargetDatabase open() {
        return target().open();
    }

    /** The core's view of this choice, for the use cases. */
    public Target target() {
        return isEmbedded() ? Target.embedded() : new Target(url, user, password);
    }

    /** A label for the user interface (never the password). */
    public String label() {
        // the embedded database by the folder it lives in: its URL carries settings Sluice adds, not the steward's
        return isEmbedded() ? name + " in " + SluiceHome.directory() : name + " (" + Redaction.url(url) + ")";
    }

    @Override
    public String toString() {
        return label();
    }
}
