package io.sluice.core.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.Progress;
import org.sqlite.ProgressHandler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Value fixes kept in the review file. A fix walks one column's effective values (edits over raw cells) under a row
 * filter in SQL order, keeps each cell it changes in {@code command_cell} (its edit before, the value it showed, the
 * new text), then sets the edits, writes the audit and re-validates the rows, all in one durable transaction; undo
 * and redo are set operations over {@code command_cell}. The raw cells are never touched. Heap use is a batch of
 * cells and one re-validation chunk, whatever the row count.
 * <p>
 * The audit gets one entry naming the fix (kind, column, rows, cells) and one per distinct old → new pair with its
 * count, rather than one per cell: a fix may change a million cells, and the pairs say what changed into what.
 */
final class FixLedger {

    private static final int BATCH = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROGRESS_EVERY = 10_000;
    private static final Pattern MADE = Pattern.compile("Fix #(\\d+) \\(");

    private final Review review;
    private final Connection connection;
    private final DecisionLedger ledger;
    private final BulkRevalidation revalidation;

    FixLedger(Review review, Connection connection, DecisionLedger ledger, RowValidator validator) {
        this.review = review;
        this.connection = connection;
        this.ledger = ledger;
        this.revalidation = new BulkRevalidation(review, connection, validator);
    }

    /** What the fix would change, without writing: the count and the first {@code examples} changes. */
    FixPreview preview(int column, RowFilter filter, ValueFix fix, int examples, Progress progress) {
        List<FixPreview.Example> first = new ArrayList<>();
        long cells = review.guarded(() -> scan(column, filter, fix, progress, (row, edit, before, after) -> {
            if (first.size() < examples) {
                first.add(new FixPreview.Example(row, before, after));
            }
        }));
        return new FixPreview(cells, first);
    }

    /**
     * Makes the fix as one undoable command and returns how many cells changed; nothing is recorded (and the redo
     * side of the history is left alone) when no cell changes.
     */
    long execute(int column, RowFilter filter, ValueFix fix, String description, String steward, Instant at,
                 Progress progress) {
        long[] cells = new long[1];
        review.inTransaction(() -> {
            long id = insertCommand(column, fix.kind(), description, steward, at);
            cells[0] = fix instanceof ValueFix.Replace replace ? insertReplaced(id, column, filter, replace, progress)
                    : insertChanged(id, column, filter, fix, progress);
            if (cells[0] == 0) {
                update("DELETE FROM command WHERE id = ?", id);
                return;
            }
            ledger.dropRedo();
            setNewTexts(id, column, steward, at);
            audit(id, column, AuditAction.EDIT, "Fix #" + id + " (" + fix.kind() + "): " + description, steward, at);
            revalidation.recheck(id, column, false, progress);
        });
        return cells[0];
    }

    /** Keeps each cell the fix changes in {@code command_cell}, the new text worked out in Java; returns how many. */
    private long insertChanged(long id, int column, RowFilter filter, ValueFix fix, Progress progress)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO command_cell (command_id,"
                + " row_no, old_edit, old_value, new_text) VALUES (?, ?, ?, ?, ?)")) {
            int[] pending = new int[1];
            long cells = scan(column, filter, fix, progress, (row, edit, before, after) -> {
                insert.setLong(1, id);
                insert.setLong(2, row);
                if (edit == null) {
                    insert.setNull(3, Types.VARCHAR);
                } else {
                    insert.setString(3, edit);
                }
                insert.setString(4, before);
                insert.setString(5, after);
                insert.addBatch();
                if (++pending[0] == BATCH) {
                    insert.executeBatch();
                    pending[0] = 0;
                }
            });
            insert.executeBatch();
            return cells;
        }
    }

    /**
     * A replace in one statement: its pairs go into a temporary table keyed by the old value, and SQLite walks the
     * column once, looking each effective value up there and keeping the cells whose value changes, without a round
     * trip through Java per cell (two thirds of a 100,000-cell replace's scan went to those). Same cells as
     * {@link #scan}: whole values compared exactly (binary), a pair mapping a value to itself changes nothing.
     */
    private long insertReplaced(long id, int column, RowFilter filter, ValueFix.Replace replace, Progress progress)
            throws SQLException {
        ColumnSql sql = ColumnSql.of(column, review.wideColumns());
        update("DROP TABLE IF EXISTS temp.fix_pair");
        update("CREATE TEMP TABLE fix_pair (old TEXT PRIMARY KEY, new TEXT NOT NULL) WITHOUT ROWID");
        ProgressHandler.setHandler(connection, 200_000, new ProgressHandler() {
            @Override
            protected int progress() {
                return progress.isCancelled() ? 1 : 0;
            }
        });
        try {
            update("INSERT INTO temp.fix_pair (old, new) SELECT key, value FROM json_each(?)",
                    jsonObject(replace.pairs()));
            // CROSS JOIN keeps the column's rows as the outer loop: the pairs are looked up by key, never scanned
            List<Object> parameters = new ArrayList<>();
            parameters.add(id);
            parameters.addAll(filter.parameters());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO command_cell (command_id,"
                    + " row_no, old_edit, old_value, new_text) SELECT ?, r.row_no, fe.text, " + sql.text() + ", p.new"
                    + " FROM " + sql.from() + " CROSS JOIN temp.fix_pair p WHERE p.old = " + sql.text()
                    + " AND p.new <> p.old AND " + filter.sql())) {
                bind(insert, parameters.toArray());
                long cells = insert.executeUpdate();
                progress.rowsDone(review.rowCount());
                return cells;
            }
        } catch (SQLException e) {
            if (progress.isCancelled()) {
                throw new CancellationException("The fix was cancelled; the review is as it was.");
            }
            throw e;
        } finally {
            ProgressHandler.clearHandler(connection);
            update("DROP TABLE IF EXISTS temp.fix_pair");
        }
    }

    /** Puts back every cell fix {@code command} changed, re-validates its rows and marks it undone. */
    void undo(StoredCommand command, String steward, Instant at, Progress progress) {
        review.inTransaction(() -> {
            long id = command.id();
            int column = command.column();
            update("DELETE FROM cell_edit WHERE col = " + column + " AND row_no IN (SELECT row_no FROM command_cell"
                    + " WHERE command_id = ? AND old_edit IS NULL)", id);
            // "AND true" lets SQLite tell the upsert's ON CONFLICT from a join condition of the SELECT.
            update("INSERT INTO cell_edit (row_no, col, text, steward, at) SELECT row_no, " + column + ", old_edit,"
                    + " ?, ? FROM command_cell WHERE command_id = ? AND old_edit IS NOT NULL AND true"
                    + " ON CONFLICT (row_no, col) DO UPDATE SET text = excluded.text, steward = excluded.steward,"
                    + " at = excluded.at", steward, at.toString(), id);
            audit(id, column, AuditAction.UNDO, "Undo fix #" + id + " (" + command.fix() + "): "
                    + command.description(), steward, at);
            revalidation.recheck(id, column, true, progress);
            update("UPDATE command SET undone = 1 WHERE id = ?", id);
        });
    }

    /** Sets the cells again as fix {@code command} did, re-validates its rows and marks it done. */
    void redo(StoredCommand command, String steward, Instant at, Progress progress) {
        review.inTransaction(() -> {
            long id = command.id();
            setNewTexts(id, command.column(), steward, at);
            audit(id, command.column(), AuditAction.REDO, "Redo fix #" + id + " (" + command.fix() + "): "
                    + command.description(), steward, at);
            revalidation.recheck(id, command.column(), false, progress);
            update("UPDATE command SET undone = 0 WHERE id = ?", id);
        });
    }

    /** The whole values replace fixes changed, in the order they were made, leaving out fixes undone. */
    List<ValueReplacement> replacements() {
        return review.guarded(() -> {
            List<ValueReplacement> pairs = new ArrayList<>();
            List<String> columns = review.columns();
            try (PreparedStatement q = connection.prepareStatement("SELECT c.col, cc.old_value, cc.new_text"
                    + " FROM command c JOIN command_cell cc ON cc.command_id = c.id"
                    + " WHERE c.kind = 'fix' AND c.fix = 'replace' AND c.undone = 0"
                    + " GROUP BY c.id, cc.old_value, cc.new_text ORDER BY c.id, min(cc.row_no)");
                 ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    pairs.add(new ValueReplacement(columns.get(rs.getInt(1)), rs.getString(2), rs.getString(3)));
                }
            }
            return pairs;
        });
    }

    private void setNewTexts(long id, int column, String steward, Instant at) throws SQLException {
        update("INSERT INTO cell_edit (row_no, col, text, steward, at) SELECT row_no, " + column + ", new_text, ?, ?"
                + " FROM command_cell WHERE command_id = ? AND true ON CONFLICT (row_no, col) DO UPDATE SET"
                + " text = excluded.text, steward = excluded.steward, at = excluded.at", steward, at.toString(), id);
    }

    /** One entry for the fix and one per distinct old → new pair (reversed for an undo), most frequent first. */
    private void audit(long id, int column, AuditAction action, String what, String steward, Instant at)
            throws SQLException {
        long cells = count("SELECT count(*) FROM command_cell WHERE command_id = ?", id);
        update("INSERT INTO audit (at, steward, action, row_no, col, old_value, new_value, reason)"
                + " VALUES (?, ?, ?, NULL, ?, NULL, NULL, ?)", at.toString(), steward, action.label(), column,
                what + ": " + cells + (cells == 1 ? " cell" : " cells"));
        boolean undo = action == AuditAction.UNDO;
        update("INSERT INTO audit (at, steward, action, row_no, col, old_value, new_value, reason)"
                + " SELECT ?, ?, ?, NULL, ?, " + (undo ? "new_text, old_value" : "old_value, new_text")
                + ", ? || count(*) || CASE count(*) WHEN 1 THEN ' cell' ELSE ' cells' END"
                + " FROM command_cell WHERE command_id = ? GROUP BY old_value, new_text"
                + " ORDER BY count(*) DESC, old_value", at.toString(), steward, action.label(), column,
                (undo ? "Undo fix #" : action == AuditAction.REDO ? "Redo fix #" : "Fix #") + id + ": ", id);
    }

    /** The fix an audit entry records the making of (the entry naming it, not a redo), else empty. */
    static OptionalLong madeIn(AuditEntry entry) {
        if (entry.action() != AuditAction.EDIT || entry.row() != null || entry.oldValue() != null
                || entry.reason() == null) {
            return OptionalLong.empty();
        }
        Matcher m = MADE.matcher(entry.reason());
        return m.lookingAt() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** Whether an audit entry is one of a fix's (or its undo's or redo's) old → new pairs with their count. */
    static boolean isPair(AuditEntry entry) {
        return entry.row() == null && entry.oldValue() != null;
    }

    /** Walks the column under the filter in source order; hands each cell whose value changes to {@code sink}. */
    private long scan(int column, RowFilter filter, ValueFix fix, Progress progress, CellSink sink)
            throws SQLException {
        ColumnSql sql = ColumnSql.of(column, review.wideColumns());
        UnaryOperator<String> change = fix.compile();
        long changed = 0;
        long seen = 0;
        // a replace names its values: SQLite then hands over only the cells holding one, not every row
        String values = fix instanceof ValueFix.Replace replace ? jsonArray(replace.pairs().keySet()) : null;
        try (PreparedStatement q = connection.prepareStatement("SELECT r.row_no, fe.text, " + sql.text()
                + " FROM " + sql.from() + " WHERE " + filter.sql()
                + (values == null ? "" : " AND " + sql.text() + " IN (SELECT value FROM json_each(?))")
                + " ORDER BY r.row_no")) {
            int i = 1;
            for (Object parameter : filter.parameters()) {
                q.setObject(i++, parameter);
            }
            if (values != null) {
                q.setString(i, values);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String before = rs.getString(3);
                    String after = change.apply(before);
                    if (!after.equals(before)) {
                        sink.accept(rs.getLong(1), rs.getString(2), before, after);
                        changed++;
                    }
                    if (++seen % PROGRESS_EVERY == 0) {
                        if (progress.isCancelled()) {
                            throw new CancellationException("The fix was cancelled; the review is as it was.");
                        }
                        progress.rowsDone(seen);
                    }
                }
            }
        }
        progress.rowsDone(seen);
        return changed;
    }

    private static String jsonObject(Map<String, String> pairs) {
        try {
            return JSON.writeValueAsString(pairs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Values could not be written as JSON", e);
        }
    }

    /** A JSON array of strings, for {@code IN (SELECT value FROM json_each(?))}. */
    static String jsonArray(Collection<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Values could not be written as JSON", e);
        }
    }

    private long insertCommand(int column, String fix, String description, String steward, Instant at)
            throws SQLException {
        update("INSERT INTO command (kind, description, col, fix, steward, at) VALUES ('fix', ?, ?, ?, ?, ?)",
                description, column, fix, steward, at.toString());
        return count("SELECT last_insert_rowid()");
    }

    private long count(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            bind(q, parameters);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    @FunctionalInterface
    private interface CellSink {
        void accept(long row, String edit, String before, String after) throws SQLException;
    }
}
