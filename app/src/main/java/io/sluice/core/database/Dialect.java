package io.sluice.core.database;

import java.util.Locale;
import java.util.Optional;

/** The SQL dialect of a target database: how to quote identifiers and where unqualified tables live. */
public enum Dialect {
    H2("jdbc:h2:", "PUBLIC"),
    POSTGRESQL("jdbc:postgresql:", "public");

    private final String urlPrefix;
    private final String defaultSchema;

    Dialect(String urlPrefix, String defaultSchema) {
        this.urlPrefix = urlPrefix;
        this.defaultSchema = defaultSchema;
    }

    /** The identifier in double quotes, embedded quotes doubled: safe to splice into SQL whatever its text. */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The schema unqualified names resolve to when the connection does not say (PUBLIC on H2, public on PostgreSQL). */
    public String defaultSchema() {
        return defaultSchema;
    }

    /** The dialect a JDBC URL speaks, or empty when Sluice does not support that database. */
    public static Optional<Dialect> forUrl(String jdbcUrl) {
        String lower = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ROOT);
        for (Dialect d : values()) {
            if (lower.startsWith(d.urlPrefix)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
