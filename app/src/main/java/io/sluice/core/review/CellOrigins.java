package io.sluice.core.review;

import io.sluice.core.source.SourceRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a review's changed cells came from: for a row, each cell a fix or an edit in effect changed, with the value
 * the source file holds and the steps that changed it; for the audit copy, every cell a fix in effect changed. Undone
 * fixes and edits are not in effect, so a cell they had changed shows its source value again and is not listed.
 */
public final class CellOrigins {

    private final Review review;
    private final Connection connection;

    CellOrigins(Review review, Connection connection) {
        this.review = review;
        this.connection = connection;
    }

    /** A cell a fix changed, as {@code command_cell} keeps it: the row, the value it showed before and the new text. */
    record FixedCell(long row, String oldValue, String newText) {
    }

    /**
     * The cells of the row that show another value than the source file's, in column order; empty when the row has
     * no edit (one query), or when every edit of it put back the source value.
     */
    public List<ChangedCell> changedCells(long row) {
        Map<Integer, String> edits = review.ledger().edits(row);
        if (edits.isEmpty()) {
            return List.of();
        }
        Optional<SourceRow> raw = review.row(row);
        if (raw.isEmpty()) {
            return List.of();
        }
        return review.guarded(() -> {
            List<ChangedCell> changed = new ArrayList<>();
            for (Map.Entry<Integer, String> edit : edits.entrySet()) {
                String original = raw.get().cell(edit.getKey()).text();
                if (!original.equals(edit.getValue())) {
                    changed.add(new ChangedCell(edit.getKey(), original, edit.getValue(),
                            changesOf(row, edit.getKey())));
                }
            }
            return changed;
        });
    }

    /** Whether any cell of the review shows an edit or a fix rather than its source value (one indexed look-up). */
    public boolean any() {
        return review.guarded(() -> {
            try (PreparedStatement q = connection.prepareStatement("SELECT 1 FROM cell_edit LIMIT 1");
                 ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** The fix with this id when it is in effect (made or redone, not undone), as a change of its cells. */
    Optional<CellChange> fixInEffect(long command) {
        return review.guarded(() -> {
            try (PreparedStatement q = connection.prepareStatement("SELECT id, fix, description, steward, at"
                    + " FROM command WHERE id = ? AND kind = 'fix' AND undone = 0")) {
                q.setLong(1, command);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(change(rs)) : Optional.empty();
                }
            }
        });
    }

    /** A page of the cells fix {@code command} changed, in row order, after row {@code afterRow}. */
    List<FixedCell> fixedCells(long command, long afterRow, int limit) {
        return review.guarded(() -> {
            List<FixedCell> cells = new ArrayList<>();
            try (PreparedStatement q = connection.prepareStatement("SELECT row_no, old_value, new_text"
                    + " FROM command_cell WHERE command_id = ? AND row_no > ? ORDER BY row_no LIMIT ?")) {
                q.setLong(1, command);
                q.setLong(2, afterRow);
                q.setInt(3, limit);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        cells.add(new FixedCell(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return cells;
        });
    }

    /** The fixes and edits in effect on one cell, oldest first. */
    private List<CellChange> changesOf(long row, int column) throws SQLException {
        List<CellChange> changes = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT c.id, c.fix, c.description, c.steward, c.at"
                + " FROM command c WHERE c.undone = 0 AND c.col = ? AND ((c.kind = 'edit' AND c.row_no = ?)"
                + " OR (c.kind = 'fix' AND EXISTS (SELECT 1 FROM command_cell cc WHERE cc.command_id = c.id"
                + " AND cc.row_no = ?))) ORDER BY c.id")) {
            q.setInt(1, column);
            q.setLong(2, row);
            q.setLong(3, row);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    changes.add(change(rs));
                }
            }
        }
        if (changes.isEmpty()) {
            // an edit kept without its step in the history: the cell's own record says who and when
            try (PreparedStatement q = connection.prepareStatement(
                    "SELECT steward, at FROM cell_edit WHERE row_no = ? AND col = ?")) {
                q.setLong(1, row);
                q.setInt(2, column);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    changes.add(new CellChange(0, null, "edit", rs.getString(1), Instant.parse(rs.getString(2))));
                }
            }
        }
        return changes;
    }

    private static CellChange change(ResultSet rs) throws SQLException {
        return new CellChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Instant.parse(rs.getString(5)));
    }
}
