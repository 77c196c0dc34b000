package io.sluice.core.review;

import io.sluice.core.Progress;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;

/**
 * Validates again, in chunks, every row a value fix changed, with the same rule as one edited cell
 * ({@link Revalidation}): the validator's verdict on the row as it is now, plus the earlier findings one row cannot
 * judge (unique within the file, the reader's notes) unless they are about the fixed column; those are set aside with
 * the fix ({@code command_finding}) and come back at its undo. Only the rules whose findings the fixed column can
 * change run ({@link RowValidator#forChangedColumn}): the findings of the others stay on the rows as they are. Each chunk's rows, edits and findings are read with a
 * few queries and written back in batches, so heap use is one chunk whatever the number of rows; it runs inside the
 * caller's transaction.
 */
final class BulkRevalidation {

    /** Rows per chunk: the rules ask the database once per chunk, and each chunk costs a few queries. */
    static final int CHUNK = 500;

    private final Review review;
    private final Connection connection;
    private final RowValidator validator;

    BulkRevalidation(Review review, Connection connection, RowValidator validator) {
        this.review = review;
        this.connection = connection;
        this.validator = validator;
    }

    /**
     * Re-validates the rows of fix {@code command} on {@code column}. With {@code restoring} (its undo), the findings
     * the fix set aside come back; otherwise those it sets aside now replace what it kept before. Without a validator
     * the findings stay as they are.
     */
    void recheck(long command, int column, boolean restoring, Progress progress) throws SQLException {
        if (validator == null) {
            return;
        }
        String columnName = review.columns().get(column);
        RowValidator judge = validator.forChangedColumn(column);
        Set<String> reported = judge.reportedRules();
        Set<String> fileWide = validator.fileWideRules();
        String fileWideJson = FixLedger.jsonArray(fileWide);
        String reportedJson = reported == null ? null : FixLedger.jsonArray(reported);
        if (!restoring) {
            update("DELETE FROM command_finding WHERE command_id = ?", command);
        }
        long after = Long.MIN_VALUE;
        long done = 0;
        try (PreparedStatement next = connection.prepareStatement("SELECT row_no FROM command_cell"
                + " WHERE command_id = ? AND row_no > ? ORDER BY row_no LIMIT " + CHUNK);
             // every finding the verdict replaces: all but those one row cannot judge that are not about the column,
             // or, when only some rules run, their findings and the unjudged ones about the column
             PreparedStatement deleteFindings = connection.prepareStatement(reported == null
                     ? "DELETE FROM finding WHERE row_no IN (SELECT value FROM json_each(?))"
                     : "DELETE FROM finding WHERE row_no IN (SELECT value FROM json_each(?)) AND CASE"
                     + " WHEN substr(rule, 1, 7) = 'source:' OR rule IN (SELECT value FROM json_each(?))"
                     + " THEN col IS ? ELSE rule IN (SELECT value FROM json_each(?)) END");
             PreparedStatement insertFinding = connection.prepareStatement(FindingStore.INSERT);
             PreparedStatement upsertFilled = connection.prepareStatement(RowQualityStore.UPSERT);
             PreparedStatement insertSetAside = connection.prepareStatement("INSERT INTO command_finding (row_no,"
                     + " col, cell, target, rule, severity, message, value, command_id)"
                     + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            while (true) {
                if (progress.isCancelled()) {
                    throw new CancellationException("The fix was cancelled; the review is as it was.");
                }
                List<Long> rows = rowsAfter(next, command, after);
                if (rows.isEmpty()) {
                    return;
                }
                after = rows.get(rows.size() - 1);
                String json = json(rows);
                List<SourceRow> effective = effectiveRows(rows, json);
                // only findings one row cannot judge are kept or set aside: the verdict replaces the others
                Map<Long, List<Finding>> earlier = findings("SELECT " + FindingStore.COLUMNS
                        + " FROM finding WHERE row_no IN (SELECT value FROM json_each(?))"
                        + " AND (substr(rule, 1, 7) = 'source:' OR rule IN (SELECT value FROM json_each(?)))"
                        + " ORDER BY row_no, id", json, fileWideJson);
                Map<Long, List<Finding>> restored = restoring ? findings("SELECT " + FindingStore.COLUMNS
                        + " FROM command_finding WHERE command_id = " + command
                        + " AND row_no IN (SELECT value FROM json_each(?)) ORDER BY row_no, id", json) : Map.of();
                List<RowVerdict> verdicts = judge.validateAll(effective);

                deleteFindings.setString(1, json);
                if (reported != null) {
                    deleteFindings.setString(2, fileWideJson);
                    deleteFindings.setString(3, columnName);
                    deleteFindings.setString(4, reportedJson);
                }
                deleteFindings.executeUpdate();
                for (int i = 0; i < effective.size(); i++) {
                    long row = effective.get(i).number();
                    RowVerdict verdict = verdicts.get(i);
                    List<Finding> now = new ArrayList<>(verdict.findings());
                    for (Finding f : earlier.getOrDefault(row, List.of())) {
                        boolean unjudged = fileWide.contains(f.rule()) || f.rule().startsWith("source:");
                        if (unjudged && (f.column() == null || !f.column().equals(columnName))) {
                            if (reported == null) {
                                now.add(f); // deleted with the others: written again
                            }
                        } else if (unjudged && !restoring) {
                            FindingStore.bind(insertSetAside, f);
                            insertSetAside.setLong(9, command);
                            insertSetAside.addBatch();
                        }
                    }
                    now.addAll(restored.getOrDefault(row, List.of()));
                    for (Finding f : now) {
                        FindingStore.bind(insertFinding, f);
                        insertFinding.addBatch();
                    }
                    if (verdict.filledCells() >= 0) {
                        RowQualityStore.bind(upsertFilled, row, verdict.filledCells());
                        upsertFilled.addBatch();
                    }
                }
                insertFinding.executeBatch();
                upsertFilled.executeBatch();
                insertSetAside.executeBatch();
                done += rows.size();
                progress.rowsDone(done);
            }
        }
    }

    private static List<Long> rowsAfter(PreparedStatement next, long command, long after) throws SQLException {
        next.setLong(1, command);
        next.setLong(2, after);
        List<Long> rows = new ArrayList<>(CHUNK);
        try (ResultSet rs = next.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getLong(1));
            }
        }
        return rows;
    }

    /** The chunk's rows as they are now: raw cells with every edit of the row laid over. */
    private List<SourceRow> effectiveRows(List<Long> rows, String json) throws SQLException {
        Map<Long, Map<Integer, String>> edits = new HashMap<>();
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT row_no, col, text FROM cell_edit WHERE row_no IN (SELECT value FROM json_each(?))")) {
            q.setString(1, json);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    edits.computeIfAbsent(rs.getLong(1), r -> new TreeMap<>()).put(rs.getInt(2), rs.getString(3));
                }
            }
        }
        List<SourceRow> effective = new ArrayList<>(rows.size());
        try (RowCursor cursor = review.cursorOverRows(rows.get(0), rows.get(rows.size() - 1), json)) {
            while (cursor.hasNext()) {
                SourceRow raw = cursor.next();
                effective.add(CellEdits.apply(raw, edits.getOrDefault(raw.number(), Map.of())));
            }
        }
        return effective;
    }

    private Map<Long, List<Finding>> findings(String sql, String... json) throws SQLException {
        Map<Long, List<Finding>> byRow = new HashMap<>();
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            for (int i = 0; i < json.length; i++) {
                q.setString(i + 1, json[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Finding f = FindingStore.read(rs);
                    byRow.computeIfAbsent(f.row(), r -> new ArrayList<>()).add(f);
                }
            }
        }
        return byRow;
    }

    private void update(String sql, long parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, parameter);
            statement.executeUpdate();
        }
    }

    static String json(List<Long> rows) {
        StringJoiner joiner = new StringJoiner(",", "[", "]");
        for (long row : rows) {
            joiner.add(Long.toString(row));
        }
        return joiner.toString();
    }
}
