package io.sluice.core.review;

import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The steward's work on a review, kept in the review file: decisions per row, cell edits, the audit log and the undo
 * history. Every method that changes something is one durable transaction that also appends to the audit log, so a
 * decision is on disk, with who and when, the moment the method returns. Bulk decisions run as set operations in SQL
 * and never load rows. Get one from {@link Review#ledger()}; it shares the review's connection and thread rule.
 */
public final class DecisionLedger {

    private static final String COMMAND_COLUMNS =
            "id, kind, description, status, reason, row_no, col, old_text, new_text, fix";

    private final Review review;
    private final Connection connection;

    DecisionLedger(Review review, Connection connection) {
        this.review = review;
        this.connection = connection;
    }

    /** What a recorded command changed: its id in the undo history and how many rows it touched. */
    public record Recorded(long command, long rows) {
    }

    /**
     * Sets (or, with a null {@code status}, clears) the decision of every row {@code filter} matches whose decision
     * differs, as one undoable command. Nothing is recorded when no row changes: the result then has 0 rows and
     * command id 0, and the redo side of the history is left alone.
     */
    public Recorded decide(RowFilter filter, DecisionStatus status, String reason, String steward, Instant at,
                           String description) {
        long[] result = new long[2];
        review.inTransaction(() -> {
            long id = insertCommand("decide", description, status, reason, null, null, null, null, steward, at);
            String sql = "INSERT INTO command_row (command_id, row_no, old_status, old_reason, old_steward, old_at)"
                    + " SELECT ?, r.row_no, d.status, d.reason, d.steward, d.at FROM source_row r"
                    + " LEFT JOIN decision d ON d.row_no = r.row_no WHERE " + filter.sql()
                    + " AND (d.status IS NOT ? OR d.reason IS NOT ?)";
            long rows;
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                int i = 1;
                insert.setLong(i++, id);
                for (Object parameter : filter.parameters()) {
                    insert.setObject(i++, parameter);
                }
                insert.setString(i++, label(status));
                insert.setString(i, status == null ? null : reason);
                rows = insert.executeUpdate();
            }
            if (rows == 0) {
                update("DELETE FROM command WHERE id = ?", id);
                return;
            }
            dropRedo();
            applyDecision(id, status, reason, steward, at);
            update("INSERT INTO audit (at, steward, action, row_no, old_value, new_value, reason)"
                    + " SELECT ?, ?, ?, row_no, old_status, ?, ? FROM command_row WHERE command_id = ? ORDER BY row_no",
                    at.toString(), steward, AuditAction.deciding(status).label(), label(status), reason, id);
            result[0] = id;
            result[1] = rows;
        });
        return new Recorded(result[0], result[1]);
    }

    /** Puts back every row's decision from before decision command {@code command}, and marks it undone. */
    public void undoDecision(long command, String steward, Instant at) {
        review.inTransaction(() -> {
            StoredCommand c = command(command);
            update("INSERT INTO audit (at, steward, action, row_no, old_value, new_value, reason)"
                    + " SELECT ?, ?, 'undo', row_no, ?, old_status, old_reason FROM command_row"
                    + " WHERE command_id = ? ORDER BY row_no", at.toString(), steward, label(c.status()), command);
            update("DELETE FROM decision WHERE row_no IN (SELECT row_no FROM command_row WHERE command_id = ?)",
                    command);
            update("INSERT INTO decision (row_no, status, reason, steward, at) SELECT row_no, old_status,"
                    + " old_reason, old_steward, old_at FROM command_row WHERE command_id = ? AND old_status IS NOT NULL",
                    command);
            update("UPDATE command SET undone = 1 WHERE id = ?", command);
        });
    }

    /** Applies an undone decision command again, to the same rows. */
    public void redoDecision(long command, String steward, Instant at) {
        review.inTransaction(() -> {
            StoredCommand c = command(command);
            applyDecision(command, c.status(), c.reason(), steward, at);
            update("INSERT INTO audit (at, steward, action, row_no, old_value, new_value, reason)"
                    + " SELECT ?, ?, 'redo', row_no, old_status, ?, ? FROM command_row WHERE command_id = ?"
                    + " ORDER BY row_no", at.toString(), steward, label(c.status()), c.reason(), command);
            update("UPDATE command SET undone = 0 WHERE id = ?", command);
        });
    }

    /**
     * Sets the text of one cell as one undoable command; the raw cell stays as read. {@code findings}, when not
     * null, replace the row's findings in the same transaction.
     *
     * @return the command's id in the undo history
     */
    public long edit(long row, int column, String newText, List<Finding> findings, String steward, Instant at,
                     String description) {
        return editAndRecheck(row, column, newText, new RowRecheck(findings, -1, List.of()), steward, at,
                description);
    }

    /**
     * As {@link #edit(long, int, String, List, String, Instant, String)}, with the row validated again: its findings
     * and filled cells replace the old ones, and the findings set aside are kept with the command for its undo.
     */
    public long editAndRecheck(long row, int column, String newText, RowRecheck recheck, String steward,
                               Instant at, String description) {
        long[] id = new long[1];
        review.inTransaction(() -> {
            String before = editedText(row, column).orElse(null);
            dropRedo();
            id[0] = insertCommand("edit", description, null, null, row, column, before, newText, steward, at);
            setCell(row, column, before, newText, recheck, steward, at, AuditAction.EDIT);
            setAside(id[0], recheck.setAside());
        });
        return id[0];
    }

    /** Puts back the cell as it was before edit command {@code command}; {@code findings} as in {@link #edit}. */
    public void undoEdit(long command, List<Finding> findings, String steward, Instant at) {
        undoEditAndRecheck(command, new RowRecheck(findings, -1, List.of()), steward, at);
    }

    /** As {@link #undoEdit(long, List, String, Instant)}, with the row validated again as in {@link #edit}. */
    public void undoEditAndRecheck(long command, RowRecheck recheck, String steward, Instant at) {
        review.inTransaction(() -> {
            StoredCommand c = command(command);
            setCell(c.row(), c.column(), c.newText(), c.oldText(), recheck, steward, at, AuditAction.UNDO);
            update("UPDATE command SET undone = 1 WHERE id = ?", command);
        });
    }

    /** Sets the cell again as edit command {@code command} did; {@code findings} as in {@link #edit}. */
    public void redoEdit(long command, List<Finding> findings, String steward, Instant at) {
        redoEditAndRecheck(command, new RowRecheck(findings, -1, List.of()), steward, at);
    }

    /** As {@link #redoEdit(long, List, String, Instant)}, with the row validated again as in {@link #edit}. */
    public void redoEditAndRecheck(long command, RowRecheck recheck, String steward, Instant at) {
        review.inTransaction(() -> {
            StoredCommand c = command(command);
            setCell(c.row(), c.column(), c.oldText(), c.newText(), recheck, steward, at, AuditAction.REDO);
            setAside(command, recheck.setAside());
            update("UPDATE command SET undone = 0 WHERE id = ?", command);
        });
    }

    /** The command an undo would revert: the latest one not undone. */
    public Optional<StoredCommand> lastDone() {
        return commands("SELECT " + COMMAND_COLUMNS + " FROM command WHERE undone = 0 ORDER BY id DESC LIMIT 1");
    }

    /** The command a redo would apply: the earliest undone one. */
    public Optional<StoredCommand> firstUndone() {
        return commands("SELECT " + COMMAND_COLUMNS + " FROM command WHERE undone = 1 ORDER BY id LIMIT 1");
    }

    /** The decision on a row, if the steward made one. */
    public Optional<Decision> decision(long row) {
        return review.guarded(() -> {
            try (PreparedStatement q = connection.prepareStatement(
                    "SELECT status, reason, steward, at FROM decision WHERE row_no = ?")) {
                q.setLong(1, row);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? Optional.of(new Decision(row, DecisionStatus.parse(rs.getString(1)),
                            rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4)))) : Optional.empty();
                }
            }
        });
    }

    /** A row's edited cells: 0-based column index to the text set by the latest edit. */
    public Map<Integer, String> edits(long row) {
        return review.guarded(() -> {
            Map<Integer, String> edits = new TreeMap<>();
            try (PreparedStatement q = connection.prepareStatement(
                    "SELECT col, text FROM cell_edit WHERE row_no = ?")) {
                q.setLong(1, row);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        edits.put(rs.getInt(1), rs.getString(2));
                    }
                }
            }
            return edits;
        });
    }

    /** The text of a cell's latest edit, empty when the cell shows its raw value. */
    public Optional<String> editedText(long row, int column) {
        return Optional.ofNullable(edits(row).get(column));
    }

    /** The raw row with this row's edits applied; empty when the review does not hold the row. */
    public Optional<SourceRow> effectiveRow(long row) {
        return review.row(row).map(raw -> CellEdits.apply(raw, edits(row)));
    }

    /**
     * Whether decision command {@code command} (done, undone or redone) rejects rows or takes a rejection back: only
     * such a step changes which rows are left out as parents (rule {@code self-fk}).
     */
    public boolean changesRejected(long command) {
        return review.guarded(() -> {
            try (PreparedStatement q = connection.prepareStatement("SELECT 1 FROM command c WHERE c.id = ? AND"
                    + " (c.status = 'rejected' OR EXISTS (SELECT 1 FROM command_row r WHERE r.command_id = c.id"
                    + " AND r.old_status = 'rejected'))")) {
                q.setLong(1, command);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The rows with a given decision, in source order: 8 bytes a row, for walking a million-row review. */
    public long[] rowsWith(DecisionStatus status) {
        return review.guarded(() -> {
            long[] rows = new long[16];
            int size = 0;
            try (PreparedStatement q = connection.prepareStatement(
                    "SELECT row_no FROM decision WHERE status = ? ORDER BY row_no")) {
                q.setString(1, status.label());
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        if (size == rows.length) {
                            rows = Arrays.copyOf(rows, size * 2);
                        }
                        rows[size++] = rs.getLong(1);
                    }
                }
            }
            return Arrays.copyOf(rows, size);
        });
    }

    /** Every edited cell of the review, by row and column; edits are made by hand, so they are few. */
    public Map<Long, Map<Integer, String>> allEdits() {
        return review.guarded(() -> {
            Map<Long, Map<Integer, String>> edits = new HashMap<>();
            try (PreparedStatement q = connection.prepareStatement("SELECT row_no, col, text FROM cell_edit");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    edits.computeIfAbsent(rs.getLong(1), r -> new TreeMap<>()).put(rs.getInt(2), rs.getString(3));
                }
            }
            return edits;
        });
    }

    /** Whether the review holds this source row. */
    public boolean hasRow(long row) {
        return review.guarded(() -> {
            try (PreparedStatement q = connection.prepareStatement("SELECT 1 FROM source_row WHERE row_no = ?")) {
                q.setLong(1, row);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Rows pending, approved and rejected. */
    public DecisionCounts counts() {
        return review.guarded(() -> {
            try (PreparedStatement q = connection.prepareStatement("SELECT"
                    + " (SELECT row_count FROM review_info),"
                    + " (SELECT count(*) FROM decision WHERE status = 'approved'),"
                    + " (SELECT count(*) FROM decision WHERE status = 'rejected')");
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                long approved = rs.getLong(2);
                long rejected = rs.getLong(3);
                return new DecisionCounts(rs.getLong(1) - approved - rejected, approved, rejected);
            }
        });
    }

    /** Audit entries with id greater than {@code afterId} (0 for the start), oldest first, at most {@code limit}. */
    public List<AuditEntry> audit(long afterId, int limit) {
        return review.guarded(() -> {
            List<AuditEntry> entries = new ArrayList<>();
            // a bulk decision logs a million entries that differ only in their row: SQLite says which entry repeats
            // the one before it, and only the row of those crosses into Java
            try (PreparedStatement q = connection.prepareStatement("SELECT a.id, a.row_no, p.id IS NOT NULL"
                    + " AND a.at = p.at AND a.steward = p.steward AND a.action = p.action AND a.col IS p.col"
                    + " AND a.old_value IS p.old_value AND a.new_value IS p.new_value AND a.reason IS p.reason,"
                    + " a.at, a.steward, a.action, a.col, a.old_value, a.new_value, a.reason FROM audit a"
                    + " LEFT JOIN audit p ON p.id = a.id - 1 WHERE a.id > ? ORDER BY a.id LIMIT ?")) {
                q.setLong(1, afterId);
                q.setInt(2, limit);
                try (ResultSet rs = q.executeQuery()) {
                    AuditEntry previous = null;
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        Long row = nullableLong(rs, 2);
                        AuditEntry entry = previous != null && previous.id() == id - 1 && rs.getBoolean(3)
                                ? new AuditEntry(id, previous.at(), previous.steward(), previous.action(), row,
                                        previous.column(), previous.oldValue(), previous.newValue(), previous.reason())
                                : new AuditEntry(id, Instant.parse(rs.getString(4)), rs.getString(5),
                                        AuditAction.parse(rs.getString(6)), row,
                                        rs.getObject(7) == null ? null : rs.getInt(7), rs.getString(8),
                                        rs.getString(9), rs.getString(10));
                        entries.add(entry);
                        previous = entry;
                    }
                }
            }
            return entries;
        });
    }

    /** The findings edit command {@code command} set aside, for its undo to bring back. */
    public List<Finding> setAsideBy(long command) {
        return review.guarded(() -> CommandFindingStore.read(connection, command));
    }

    private void setAside(long command, List<Finding> findings) throws SQLException {
        CommandFindingStore.replace(connection, command, findings);
    }

    private void setCell(long row, int column, String from, String to, RowRecheck recheck, String steward,
                         Instant at, AuditAction action) throws SQLException {
        List<Finding> findings = recheck.findings();
        int filledCells = recheck.filledCells();
        String raw = review.row(row).map(r -> r.cell(column).text()).orElse(null);
        if (to == null) {
            update("DELETE FROM cell_edit WHERE row_no = ? AND col = ?", row, column);
        } else {
            update("INSERT INTO cell_edit (row_no, col, text, steward, at) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT (row_no, col) DO UPDATE SET text = excluded.text, steward = excluded.steward,"
                    + " at = excluded.at", row, column, to, steward, at.toString());
        }
        update("INSERT INTO audit (at, steward, action, row_no, col, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)",
                at.toString(), steward, action.label(), row, column, from == null ? raw : from, to == null ? raw : to);
        if (findings != null) {
            FindingStore.replace(connection, row, findings);
        }
        if (filledCells >= 0) {
            update(RowQualityStore.UPSERT, row, filledCells);
        }
    }

    private void applyDecision(long command, DecisionStatus status, String reason, String steward, Instant at)
            throws SQLException {
        if (status == null) {
            update("DELETE FROM decision WHERE row_no IN (SELECT row_no FROM command_row WHERE command_id = ?)",
                    command);
        } else {
            // "WHERE true" lets SQLite tell the upsert's ON CONFLICT from a join condition of the SELECT.
            update("INSERT INTO decision (row_no, status, reason, steward, at) SELECT row_no, ?, ?, ?, ?"
                    + " FROM command_row WHERE command_id = ? AND true ON CONFLICT (row_no) DO UPDATE SET"
                    + " status = excluded.status, reason = excluded.reason, steward = excluded.steward,"
                    + " at = excluded.at", status.label(), reason, steward, at.toString(), command);
        }
    }

    /** A new command makes the undone ones unreachable, as in any editor. */
    void dropRedo() throws SQLException {
        update("DELETE FROM command_row WHERE command_id IN (SELECT id FROM command WHERE undone = 1)");
        update("DELETE FROM command_cell WHERE command_id IN (SELECT id FROM command WHERE undone = 1)");
        update("DELETE FROM command_finding WHERE command_id IN (SELECT id FROM command WHERE undone = 1)");
        update("DELETE FROM command_rule WHERE command_id IN (SELECT id FROM command WHERE undone = 1)");
        update("DELETE FROM command WHERE undone = 1");
    }

    private long insertCommand(String kind, String description, DecisionStatus status, String reason, Long row,
                               Integer column, String oldText, String newText, String steward, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO command (kind, description, status,"
                + " reason, row_no, col, old_text, new_text, steward, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, kind, description, label(status), reason, row, column, oldText, newText, steward,
                    at.toString());
            insert.executeUpdate();
        }
        try (PreparedStatement q = connection.prepareStatement("SELECT last_insert_rowid()");
             ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private StoredCommand command(long id) throws SQLException {
        return commands("SELECT " + COMMAND_COLUMNS + " FROM command WHERE id = " + id)
                .orElseThrow(() -> new IllegalStateException("The review " + review.file()
                        + " has no command " + id + " in its history."));
    }

    private Optional<StoredCommand> commands(String sql) {
        return review.guarded(() -> {
            try (PreparedStatement q = connection.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredCommand(rs.getLong(1),
                        StoredCommand.Kind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                        rs.getString(3), DecisionStatus.parse(rs.getString(4)), rs.getString(5), rs.getLong(6),
                        rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10)));
            }
        });
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static String label(DecisionStatus status) {
        return status == null ? null : status.label();
    }
}
