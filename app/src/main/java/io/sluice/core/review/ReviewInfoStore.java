package io.sluice.core.review;

import io.sluice.core.source.SourceFormat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes and reads a review's {@link ReviewInfo} and source column names. */
final class ReviewInfoStore {

    private ReviewInfoStore() {
    }

    static List<String> readColumns(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM source_column ORDER BY idx")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return List.copyOf(names);
    }

    static ReviewInfo readInfo(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT source_path, source_sha256, source_format, sheet, header_row, profile_json, target_url,
                       created_at, created_by
                FROM review_info""")) {
            if (!rs.next()) {
                throw new SQLException("review_info is empty");
            }
            return new ReviewInfo(Path.of(rs.getString(1)), rs.getString(2), SourceFormat.valueOf(rs.getString(3)),
                    rs.getString(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                    Instant.parse(rs.getString(8)), rs.getString(9));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new SQLException("review_info holds an unreadable value", e);
        }
    }

    static void insert(Connection connection, ReviewInfo info, List<String> columns, int wide) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO review_info (id, source_path, source_sha256, source_format, sheet, header_row,
                    profile_json, target_url, created_at, created_by, wide_columns)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, info.source().toString());
            insert.setString(2, info.sha256());
            insert.setString(3, info.format().name());
            insert.setString(4, info.sheet());
            insert.setLong(5, info.headerRow());
            insert.setString(6, info.profileJson());
            insert.setString(7, info.targetUrl());
            insert.setString(8, info.createdAt().toString());
            insert.setString(9, info.createdBy());
            insert.setInt(10, wide);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO source_column VALUES (?, ?)")) {
            for (int i = 0; i < columns.size(); i++) {
                insert.setInt(1, i);
                insert.setString(2, columns.get(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
