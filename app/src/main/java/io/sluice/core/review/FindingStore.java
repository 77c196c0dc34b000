package io.sluice.core.review;

import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Binds and reads {@code finding} rows; severity is stored as its label ("error", "warning"). */
final class FindingStore {

    static final String INSERT = "INSERT INTO finding (row_no, col, cell, target, rule, severity, message, value)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    static final String COLUMNS = "row_no, col, cell, target, rule, severity, message, value";

    private FindingStore() {
    }

    static void bind(PreparedStatement insert, Finding finding) throws SQLException {
        insert.setLong(1, finding.row());
        insert.setString(2, finding.column());
        insert.setString(3, finding.cell());
        insert.setString(4, finding.target());
        insert.setString(5, finding.rule());
        insert.setString(6, finding.severity().label());
        insert.setString(7, finding.message());
        insert.setString(8, finding.value());
    }

    /** Replaces one row's findings, in the caller's transaction. */
    static void replace(Connection connection, long row, List<Finding> findings) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM finding WHERE row_no = ?");
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            delete.setLong(1, row);
            delete.executeUpdate();
            for (Finding finding : findings) {
                bind(insert, finding);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Reads a finding selected as {@link #COLUMNS}. */
    static Finding read(ResultSet rs) throws SQLException {
        return new Finding(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Severity.parse(rs.getString(6)), rs.getString(7), rs.getString(8));
    }
}
