package io.sluice.core.commit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.bookkeeping.ImportMode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-table records of a related-tables batch ({@code sluice_batch_table}), written and read with plain JDBC on
 * the commit engine's connection so they share the batch's transaction.
 */
final class BatchTables {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One table of a batch, in the order it was written; the identity column is null when the table has none, and
     * its next values are those before and after the batch wrote the table.
     */
    record BatchTable(int order, String targetTable, String sheet, ImportMode mode, List<String> keyColumns,
                      long approved, long inserted, long updated, long skipped, String identityColumn,
                      Long identityBefore, Long identityAfter) {
    }

    private BatchTables() {
    }

    static void insert(Connection c, long batchId, List<BatchTable> tables) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sluice_batch_table (batch_id, table_order,"
                + " target_table, source_sheet, import_mode, key_columns, rows_approved, rows_inserted, rows_updated,"
                + " rows_skipped, identity_column, identity_next_before, identity_next_after)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (BatchTable t : tables) {
                s.setLong(1, batchId);
                s.setInt(2, t.order());
                s.setString(3, t.targetTable());
                s.setString(4, t.sheet());
                s.setString(5, t.mode().code());
                s.setString(6, json(t.keyColumns()));
                s.setLong(7, t.approved());
                s.setLong(8, t.inserted());
                s.setLong(9, t.updated());
                s.setLong(10, t.skipped());
                s.setString(11, t.identityColumn());
                setLong(s, 12, t.identityBefore());
                setLong(s, 13, t.identityAfter());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** The batch's tables in the order they were written; empty for a single-table batch. */
    static List<BatchTable> of(Connection c, long batchId) throws SQLException {
        List<BatchTable> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT table_order, target_table, source_sheet, import_mode,"
                + " key_columns, rows_approved, rows_inserted, rows_updated, rows_skipped, identity_column,"
                + " identity_next_before, identity_next_after FROM sluice_batch_table WHERE batch_id = ?"
                + " ORDER BY table_order")) {
            s.setLong(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(new BatchTable(rs.getInt(1), rs.getString(2), rs.getString(3),
                            ImportMode.ofCode(rs.getString(4)), List.of(readJson(rs.getString(5))), rs.getLong(6),
                            rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getString(10), getLong(rs, 11),
                            getLong(rs, 12)));
                }
            }
        }
        return tables;
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet rs, int index) throws SQLException {
        long value = rs.getLong(index);
        return rs.wasNull() ? null : value;
    }

    private static String json(List<String> names) {
        try {
            return JSON.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings always serialises", e);
        }
    }

    private static String[] readJson(String text) {
        try {
            return JSON.readValue(text, String[].class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Sluice's own bookkeeping JSON is unreadable: " + text, e);
        }
    }
}
