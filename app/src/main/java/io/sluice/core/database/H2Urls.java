package io.sluice.core.database;

import java.sql.SQLException;
import java.util.Locale;

/** What an H2 JDBC URL names: an embedded file database (with its path) or something else (memory, a server). */
final class H2Urls {

    /** H2's "database not found" errors, with and without IFEXISTS. */
    private static final int DATABASE_NOT_FOUND = 90013;
    private static final int DATABASE_NOT_FOUND_WITH_IF_EXISTS = 90146;
    private static final int REMOTE_DATABASE_NOT_FOUND = 90149;

    private H2Urls() {
    }

    /**
     * Where an embedded H2 URL says the database is, for a sentence: "at /p" for a file database
     * ({@code jdbc:h2:file:/p}, {@code jdbc:h2:/p}, {@code jdbc:h2:~/p}), "named 'x' in memory" for
     * {@code jdbc:h2:mem:x}; null for any other URL (TCP or SSL server, not H2).
     */
    static String where(String jdbcUrl) {
        String path = filePath(jdbcUrl);
        if (path != null) {
            return "at " + path;
        }
        String name = embeddedName(jdbcUrl);
        return name != null && name.toLowerCase(Locale.ROOT).startsWith("mem:")
                ? "named '" + name.substring("mem:".length()) + "' in memory" : null;
    }

    /** The database path of an embedded H2 file URL, or null for any other URL. */
    static String filePath(String jdbcUrl) {
        String name = embeddedName(jdbcUrl);
        if (name == null || name.toLowerCase(Locale.ROOT).startsWith("mem:")) {
            return null;
        }
        return name.toLowerCase(Locale.ROOT).startsWith("file:") ? name.substring("file:".length()) : name;
    }

    /** What follows {@code jdbc:h2:} up to the settings, for an embedded database; null for a server or not H2. */
    private static String embeddedName(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return null;
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        String name = settings < 0 ? rest : rest.substring(0, settings);
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("tcp:") || lower.startsWith("ssl:") ? null : name;
    }

    /** The URL with {@code IFEXISTS=TRUE}, unless it already says IFEXISTS. */
    static String ifExists(String jdbcUrl) {
        return jdbcUrl.toUpperCase(Locale.ROOT).contains(";IFEXISTS=") ? jdbcUrl : jdbcUrl + ";IFEXISTS=TRUE";
    }

    /** Whether a connection failed because the database does not exist. */
    static boolean isMissingDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == DATABASE_NOT_FOUND
                    || sql.getErrorCode() == DATABASE_NOT_FOUND_WITH_IF_EXISTS
                    || sql.getErrorCode() == REMOTE_DATABASE_NOT_FOUND)) {
                return true;
            }
        }
        return false;
    }
}
