package io.sluice.core.review;

import io.sluice.core.rules.Finding;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The findings an edit command set aside ({@code command_finding}), kept for the command's undo. */
final class CommandFindingStore {

    private CommandFindingStore() {
    }

    /** Replaces what {@code command} set aside, in the caller's transaction. */
    static void replace(Connection connection, long command, List<Finding> findings) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM command_finding WHERE command_id = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO command_finding (row_no, col, cell,"
                     + " target, rule, severity, message, value, command_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            delete.setLong(1, command);
            delete.executeUpdate();
            for (Finding finding : findings) {
                FindingStore.bind(insert, finding);
                insert.setLong(9, command);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static List<Finding> read(Connection connection, long command) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + FindingStore.COLUMNS
                + " FROM command_finding WHERE command_id = ? ORDER BY id")) {
            query.setLong(1, command);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    findings.add(FindingStore.read(rs));
                }
            }
        }
        return findings;
    }
}
