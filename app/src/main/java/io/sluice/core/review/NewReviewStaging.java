package io.sluice.core.review;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How the rows of a review created a moment ago are written: without a journal and without a sync per commit, under
 * a mark that only a finished staging removes (decision 0042). Nobody has seen such a review yet, so a crash midway
 * loses nothing a steward made; the mark makes Sluice refuse what is left instead of opening a half review.
 */
final class NewReviewStaging {

    /** Meta key present while the rows of a new review are being staged; a file holding it is refused. */
    static final String UNFINISHED = "staging.unfinished";

    private NewReviewStaging() {
    }

    /**
     * Marks the review unfinished in a durable commit, then writes without a journal and without syncing. If SQLite
     * keeps the write-ahead log (it cannot leave it while another connection has the file open), staging simply runs
     * in WAL mode, as before; the mark is set and removed the same way.
     *
     * @return whether the rows are now written without a journal, straight into the review's file
     */
    static boolean begin(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("INSERT INTO review_meta (key, value) VALUES ('" + UNFINISHED + "', 'rows')");
            boolean withoutJournal = "off".equalsIgnoreCase(journalMode(s, "OFF"));
            s.execute("PRAGMA synchronous = OFF");
            return withoutJournal;
        }
    }

    /**
     * Puts every staged row on disk, goes back to the write-ahead log with a sync per commit (how every later write of
     * the review is made) and removes the mark in a durable commit. Call with auto-commit on, after the last rows
     * were committed.
     */
    static void end(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            // SQLite changes the sync level only between transactions; this commit, with a sync, makes the file's
            // earlier unsynced writes durable before the mark goes
            s.execute("PRAGMA synchronous = FULL");
            s.executeUpdate("UPDATE review_info SET row_count = row_count");
            journalMode(s, "WAL");
            s.executeUpdate("DELETE FROM review_meta WHERE key = '" + UNFINISHED + "'");
        }
    }

    /** Whether the review's rows were still being staged when its writer stopped (a crash or a killed process). */
    static boolean unfinished(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM review_meta WHERE key = '" + UNFINISHED + "'")) {
            return rs.next();
        }
    }

    /** Asks for a journal mode and answers the one now in force: a refused change leaves the old one, still safe. */
    private static String journalMode(Statement s, String mode) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = " + mode)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }
}
