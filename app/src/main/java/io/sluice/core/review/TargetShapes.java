package io.sluice.core.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.database.TableShape;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shapes of the target tables a review's findings were judged against, kept in {@code review_meta} as JSON by
 * table as the profile names it (looked up case-insensitively).
 */
final class TargetShapes {

    /** Meta key of the shapes; absent in a review validated before Sluice recorded them. */
    static final String KEY = "target.shapes";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TargetShapes() {
    }

    /** Records the shapes, in the caller's transaction. */
    static void record(Connection connection, Map<String, TableShape> shapes) throws SQLException {
        try (PreparedStatement meta = connection.prepareStatement("INSERT INTO review_meta (key, value)"
                + " VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            meta.setString(1, KEY);
            meta.setString(2, ReviewQuality.toJson(new TreeMap<>(shapes)));
            meta.executeUpdate();
        }
    }

    static Map<String, TableShape> fromJson(String json) {
        try {
            Map<String, TableShape> shapes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            shapes.putAll(JSON.readValue(json, new TypeReference<Map<String, TableShape>>() { }));
            return shapes;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The review's record of its target tables is unreadable", e);
        }
    }
}
