package io.sluice.core.review;

import io.sluice.core.source.SourceIssue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Binds and reads {@code source_issue} rows; {@code owner_row} NULL marks a sheet-level issue. */
final class IssueStore {

    static final String INSERT =
            "INSERT INTO source_issue (owner_row, kind, row, col, message) VALUES (?, ?, ?, ?, ?)";

    private IssueStore() {
    }

    static void bind(PreparedStatement insert, Long ownerRow, SourceIssue issue) throws SQLException {
        if (ownerRow == null) {
            insert.setNull(1, Types.INTEGER);
        } else {
            insert.setLong(1, ownerRow);
        }
        insert.setString(2, issue.kind());
        insert.setLong(3, issue.row());
        insert.setString(4, issue.column());
        insert.setString(5, issue.message());
    }

    /** Reads an issue from columns {@code first .. first + 3} (kind, row, col, message). */
    static SourceIssue read(ResultSet rs, int first) throws SQLException {
        return new SourceIssue(rs.getString(first), rs.getLong(first + 1), rs.getString(first + 2),
                rs.getString(first + 3));
    }
}
