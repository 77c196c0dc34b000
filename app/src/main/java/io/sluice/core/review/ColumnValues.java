package io.sluice.core.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Counts read out of a review for cleaning a column: the distinct values a column holds as the steward sees them now
 * (edits laid over the raw cells), and the distinct offending values of the current findings. Grouped in SQLite, so
 * only distinct values reach the heap, never rows.
 */
public final class ColumnValues {

    /** Receives one distinct value and the number of rows holding it. */
    @FunctionalInterface
    public interface ValueCount {
        void accept(String value, long rows);
    }

    /** Receives one distinct offending value of one rule on one column, and its rows. */
    @FunctionalInterface
    public interface FindingValue {
        void accept(String column, String target, String rule, String value, long rows);
    }

    private ColumnValues() {
    }

    /**
     * Every distinct value of source column {@code column} (0-based), edits laid over the raw cells, with its row
     * count; a blank cell counts as "". Order: most rows first, then by text.
     */
    public static void forEachValue(Review review, int column, ValueCount sink) {
        forEachValue(review, column, false, sink);
    }

    /**
     * As {@link #forEachValue(Review, int, ValueCount)}, leaving out the rejected rows when {@code withoutRejected}:
     * the values a row of this review can still stand for.
     */
    public static void forEachValue(Review review, int column, boolean withoutRejected, ValueCount sink) {
        if (column < 0 || column >= review.columns().size()) {
            throw new IllegalArgumentException("The review has no column " + column + ".");
        }
        String raw = column < review.wideColumns() ? "r.c" + column : "x.text";
        String extra = column < review.wideColumns() ? ""
                : " LEFT JOIN source_cell_extra x ON x.row_no = r.row_no AND x.idx = " + column;
        String sql = "SELECT coalesce(e.text, " + raw + ", '') AS value, count(*) AS n FROM source_row r" + extra
                + " LEFT JOIN cell_edit e ON e.row_no = r.row_no AND e.col = ?"
                + (withoutRejected ? " WHERE NOT EXISTS (SELECT 1 FROM decision d WHERE d.row_no = r.row_no"
                + " AND d.status = 'rejected')" : "")
                + " GROUP BY value ORDER BY n DESC, value";
        review.guarded(() -> {
            Connection connection = review.connection();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setInt(1, column);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Every distinct offending value of the current findings on a cell, by source column, target column and rule,
     * with the number of rows it is found on; only the findings on source column {@code column} when it is not null.
     */
    public static void forEachFindingValue(Review review, String column, FindingValue sink) {
        String sql = "SELECT col, target, rule, value, count(DISTINCT row_no) FROM finding"
                + " WHERE value IS NOT NULL AND col IS NOT NULL AND target IS NOT NULL"
                + (column == null ? "" : " AND col = ?")
                + " GROUP BY col, target, rule, value ORDER BY col, rule, value";
        review.guarded(() -> {
            try (PreparedStatement statement = review.connection().prepareStatement(sql)) {
                if (column != null) {
                    statement.setString(1, column);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5));
                    }
                }
            }
            return null;
        });
    }
}
