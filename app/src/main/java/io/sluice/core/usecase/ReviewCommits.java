package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.database.SluiceHome;
import io.sluice.core.database.TargetDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The import batches a review was committed in, newest first, as the target's bookkeeping keeps them: a commit keeps
 * the review's decisions with its batch, named by the review's file (a workbook review's by its sheets' files). Reads
 * only: a target that holds no bookkeeping yet has no batches, and is left as it is.
 */
public final class ReviewCommits {

    /**
     * One batch that wrote the review's approved rows.
     *
     * @param rolledBackAt when the batch was rolled back, or null while its rows are in the target
     */
    public record Commit(long batch, Instant at, String steward, String table, long inserted, long updated,
                         long skipped, Instant rolledBackAt) {

        /** The rows the batch wrote or found already there. */
        public long rows() {
            return inserted + updated + skipped;
        }
    }

    private ReviewCommits() {
    }

    /** The review's batches in that target; one sentence naming the target when it cannot be read. */
    public static List<Commit> of(Target target, Path review) {
        String file = review.toAbsolutePath().toString();
        if (target.isEmbedded() && !Files.exists(SluiceHome.directory().resolve("target.mv.db"))) {
            return List.of(); // no embedded database yet: nothing was committed, and asking must not create one
        }
        try (TargetDatabase db = target.open()) {
            Connection c = db.connection();
            if (!hasBookkeeping(c)) {
                return List.of();
            }
            String sql = "SELECT b.id, b.started_at, b.steward, b.target_table, b.rows_inserted, b.rows_updated,"
                    + " b.rows_skipped, b.rolled_back_at FROM sluice_import_batch b WHERE b.status IN ('committed',"
                    + " 'rolled_back') AND b.id IN (SELECT a.batch_id FROM sluice_decision_audit a"
                    + " WHERE a.review_file = ? OR a.review_file LIKE ? ESCAPE '!') ORDER BY b.id DESC";
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, file);
                s.setString(2, likeLiteral(file + ".sheets" + review.getFileSystem().getSeparator()) + "%");
                List<Commit> commits = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Timestamp rolledBack = rs.getTimestamp(8);
                        commits.add(new Commit(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                                rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                                rolledBack == null ? null : rolledBack.toInstant()));
                    }
                }
                return List.copyOf(commits);
            }
        } catch (SQLException e) {
            throw SluiceException.target("The import batches of " + review.getFileName() + " could not be read from "
                    + target.displayUrl() + " (" + e.getMessage() + ").");
        }
    }

    private static boolean hasBookkeeping(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        for (String name : List.of("sluice_decision_audit", "SLUICE_DECISION_AUDIT")) {
            try (ResultSet tables = meta.getTables(null, null, name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String likeLiteral(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
