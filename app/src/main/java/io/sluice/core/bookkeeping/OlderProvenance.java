package io.sluice.core.bookkeeping;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The provenance of batches recorded before bookkeeping V9, one row per target row in {@code sluice_row_provenance}
 * with before-images pointing at those rows: read for rollback and for the later batches touching them.
 */
final class OlderProvenance {

    private static final int CHUNK_SIZE = 1000;

    private OlderProvenance() {
    }

    /** Whether the batch kept its provenance row by row. */
    static boolean has(Connection c, long batchId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM sluice_row_provenance WHERE batch_id = ?"
                + " FETCH FIRST 1 ROWS ONLY")) {
            s.setLong(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** See {@link ProvenanceReader#newestFirst}: chunks of up to {@value #CHUNK_SIZE} rows. */
    static void newestFirst(Connection c, long batchId, String table, ProvenanceReader.ChangeChunks chunks)
            throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT p.id, p.target_key, p.action, i.row_image"
                + " FROM sluice_row_provenance p LEFT JOIN sluice_before_image i ON i.provenance_id = p.id"
                + " WHERE p.batch_id = ? AND p.action <> 'skipped' AND p.id < ?"
                + (table != null ? " AND p.target_table = ?" : "") + " ORDER BY p.id DESC"
                + " FETCH FIRST " + CHUNK_SIZE + " ROWS ONLY")) {
            long below = Long.MAX_VALUE;
            while (true) {
                List<ProvenanceReader.Change> chunk = new ArrayList<>();
                read.setLong(1, batchId);
                read.setLong(2, below);
                if (table != null) {
                    read.setString(3, table);
                }
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        below = rs.getLong(1);
                        chunk.add(new ProvenanceReader.Change(rs.getString(2), RowAction.ofCode(rs.getString(3)),
                                rs.getString(4)));
                    }
                }
                if (chunk.isEmpty()) {
                    return;
                }
                chunks.accept(chunk);
            }
        }
    }

    /** Later batches with that status condition (on {@code b}) whose own per-row provenance touches this batch's. */
    static List<Long> laterTouching(Connection c, long batchId, String status) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT b.id FROM sluice_import_batch b WHERE b.id > ? AND "
                + status + " AND EXISTS (SELECT 1 FROM sluice_row_provenance later JOIN sluice_row_provenance mine"
                + " ON later.target_table = mine.target_table AND later.target_key = mine.target_key"
                + " WHERE later.batch_id = b.id AND mine.batch_id = ?"
                + " AND later.action <> 'skipped' AND mine.action <> 'skipped') ORDER BY b.id")) {
            s.setLong(1, batchId);
            s.setLong(2, batchId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
