package io.sluice.core.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.validate.QualityTally;
import io.sluice.core.validate.ValidationSummary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A review's counts and quality scores as its findings stand now, counted the way a validation counts them
 * ({@link QualityTally}), so that after edits, undos and re-validations the review, the dashboard and the batch agree.
 */
final class ReviewQuality {

    /** Meta key of the {@link QualityBasis}, as JSON. */
    static final String BASIS = "quality.basis";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewQuality() {
    }

    /** Records a finished validation, in the caller's transaction. */
    static void record(Connection connection, ValidationSummary summary, QualityBasis basis, String profileJson,
                       String targetUrl) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE review_info SET profile_json = ?, target_url = ?")) {
            update.setString(1, profileJson);
            update.setString(2, targetUrl);
            update.executeUpdate();
        }
        try (PreparedStatement meta = connection.prepareStatement("INSERT INTO review_meta (key, value)"
                + " VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            meta.setString(1, ReviewStager.SUMMARY);
            meta.setString(2, toJson(summary));
            meta.addBatch();
            meta.setString(1, BASIS);
            meta.setString(2, toJson(basis));
            meta.addBatch();
            meta.executeBatch();
        }
    }

    /** Removes a validation's summary and basis, in the caller's transaction. */
    static void forget(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM review_meta WHERE key IN (?, ?)")) {
            delete.setString(1, ReviewStager.SUMMARY);
            delete.setString(2, BASIS);
            delete.executeUpdate();
        }
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T fromJson(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The review's " + type.getSimpleName() + " is unreadable", e);
        }
    }

    /**
     * The summary as the findings stand now; a review validated by an older Sluice (no basis recorded) keeps the
     * summary of its validation, and one never validated to the end has none.
     */
    static Optional<ValidationSummary> current(Review review, Connection connection) throws SQLException {
        Optional<String> basisJson = review.meta(BASIS);
        if (basisJson.isEmpty()) {
            return review.meta(ReviewStager.SUMMARY).map(json -> fromJson(json, ValidationSummary.class));
        }
        QualityBasis basis = fromJson(basisJson.get(), QualityBasis.class);
        long width = Math.max(basis.mappedColumns(), 1);
        long rows = review.rowCount();
        FindingCounts counts = review.counts();
        long errorCells = longOf(connection, """
                SELECT coalesce(sum(min(cells, ?)), 0) FROM (
                    SELECT count(DISTINCT coalesce(target, col, '(row)')) AS cells FROM finding
                    WHERE severity = 'error' GROUP BY row_no)""", width);
        long filled = longOf(connection, "SELECT filled_total FROM review_info");
        long duplicates = 0;
        if (!basis.uniquenessRules().isEmpty()) {
            String marks = "?,".repeat(basis.uniquenessRules().size());
            duplicates = longOf(connection, "SELECT count(DISTINCT row_no) FROM finding WHERE rule IN ("
                    + marks.substring(0, marks.length() - 1) + ")", basis.uniquenessRules().toArray());
        }
        Map<String, Long> byColumn = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT coalesce(col, target, '" + QualityTally.ROW_LEVEL + "'), count(*) FROM finding GROUP BY 1")) {
            while (rs.next()) {
                byColumn.put(rs.getString(1), rs.getLong(2));
            }
        }
        return Optional.of(new ValidationSummary(rows, rows - counts.rowsWithErrors(), counts.rowsWithErrors(),
                counts.rowsWithWarnings(), counts.errors(), counts.warnings(),
                QualityTally.scores(rows * width, filled, errorCells, rows, duplicates),
                QualityTally.sorted(counts.byRule()), QualityTally.sorted(byColumn)));
    }

    private static long longOf(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
