package io.sluice.core.bookkeeping;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Reads the provenance of import batches on the caller's connection and transaction, as {@link RowProvenance} values
 * in the order it was written: from its runs (batches recorded since bookkeeping V9, decision 0034) or from the
 * per-row table of older batches. The one place that knows both forms; memory stays bounded by a run or a page.
 */
public final class ProvenanceReader {

    private static final String RUN_COLUMNS = "id, batch_id, target_table, source_sheet, row_count, inserted,"
            + " updated, actions, target_keys, source_rows, legacy_ids";
    private static final String ROW_COLUMNS = "id, batch_id, target_table, target_key, source_sheet, source_row,"
            + " legacy_id, action";
    // keys of the batch being rolled back held at once while later batches are checked against them
    private static final int KEYS_IN_MEMORY = 200_000;

    /** A row a batch inserted or updated, as a rollback undoes it; the image an update replaced, when kept. */
    public record Change(String targetKey, RowAction action, String beforeImage) {
    }

    /** Takes a chunk of changes (one run, or up to a thousand older rows). */
    @FunctionalInterface
    public interface ChangeChunks {
        void accept(List<Change> chunk) throws SQLException;
    }

    private ProvenanceReader() {
    }

    /** A page of the batch's provenance in the order it was written. */
    public static List<RowProvenance> page(Connection c, long batchId, long offset, int limit) throws SQLException {
        List<long[]> slices = new ArrayList<>();
        boolean anyRun = false;
        try (PreparedStatement s = c.prepareStatement("SELECT id, row_count FROM sluice_provenance_run"
                + " WHERE batch_id = ? ORDER BY id")) {
            s.setLong(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
                long position = 0;
                while (rs.next() && position < offset + limit) {
                    anyRun = true;
                    int count = rs.getInt(2);
                    if (position + count > offset) {
                        slices.add(new long[] {rs.getLong(1), Math.max(0, offset - position),
                                Math.min(count, offset + limit - position)});
                    }
                    position += count;
                }
            }
        }
        if (!anyRun) {
            return olderPage(c, batchId, offset, limit);
        }
        List<RowProvenance> page = new ArrayList<>(limit);
        try (PreparedStatement s = c.prepareStatement("SELECT " + RUN_COLUMNS
                + " FROM sluice_provenance_run WHERE id = ?")) {
            for (long[] slice : slices) {
                s.setLong(1, slice[0]);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    List<RowProvenance> rows = rows(rs);
                    page.addAll(rows.subList((int) slice[1], (int) slice[2]));
                }
            }
        }
        return page;
    }

    private static List<RowProvenance> olderPage(Connection c, long batchId, long offset, int limit)
            throws SQLException {
        List<RowProvenance> page = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM sluice_row_provenance"
                + " WHERE batch_id = ? ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            s.setLong(1, batchId);
            s.setLong(2, offset);
            s.setInt(3, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    page.add(olderRow(rs));
                }
            }
        }
        return page;
    }

    /** Passes every provenance row of the batch, in the order written, a run at a time. */
    public static void forEach(Connection c, long batchId, Consumer<RowProvenance> consumer) throws SQLException {
        boolean anyRun = false;
        try (PreparedStatement s = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM sluice_provenance_run"
                + " WHERE batch_id = ? ORDER BY id")) {
            s.setFetchSize(16);
            s.setLong(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    anyRun = true;
                    rows(rs).forEach(consumer);
                }
            }
        }
        if (anyRun) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM sluice_row_provenance"
                + " WHERE batch_id = ? ORDER BY id")) {
            s.setFetchSize(ProvenanceWriter.BATCH_SIZE);
            s.setLong(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(olderRow(rs));
                }
            }
        }
    }

    /**
     * The provenance of that row of that table (named in any case) in every batch, oldest batch first: only the runs
     * whose key bounds hold the key are read, then their keys are compared exactly.
     */
    public static List<RowProvenance> of(Connection c, String table, String key) throws SQLException {
        List<RowProvenance> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + ROW_COLUMNS + " FROM sluice_row_provenance"
                + " WHERE lower(target_table) = lower(?) AND target_key = ? ORDER BY id")) {
            s.setString(1, table);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(olderRow(rs));
                }
            }
        }
        String bound = ProvenanceRun.bound(key);
        try (PreparedStatement s = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM sluice_provenance_run"
                + " WHERE target_table = ? AND low_key <= ? AND high_key >= ? ORDER BY id")) {
            for (String name : tableNames(c, table)) {
                s.setString(1, name);
                s.setString(2, bound);
                s.setString(3, bound);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        List<String> keys = ProvenanceRun.keys(rs.getString("target_keys"), rs.getInt("row_count"));
                        if (keys.contains(key)) {
                            rows(rs).stream().filter(r -> r.targetKey().equals(key)).forEach(found::add);
                        }
                    }
                }
            }
        }
        // older batches first, each in the order written (the sort is stable)
        found.sort(Comparator.comparingLong(RowProvenance::batchId));
        return found;
    }

    // the name as given and the table names batches recorded that match it in any case: the runs are then read
    // through their index
    private static Set<String> tableNames(Connection c, String table) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        names.add(table);
        try (PreparedStatement s = c.prepareStatement("SELECT target_table FROM sluice_import_batch"
                + " WHERE lower(target_table) = lower(?) UNION SELECT target_table FROM sluice_batch_table"
                + " WHERE lower(target_table) = lower(?)")) {
            s.setString(1, table);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** The batch's provenance rows (of one table, unless {@code table} is null) counted by action; none is absent. */
    public static Map<RowAction, Long> counts(Connection c, long batchId, String table) throws SQLException {
        Map<RowAction, Long> counts = new EnumMap<>(RowAction.class);
        String ofTable = table == null ? "" : " AND target_table = ?";
        try (PreparedStatement s = c.prepareStatement("SELECT SUM(inserted), SUM(updated), SUM(skipped)"
                + " FROM sluice_provenance_run WHERE batch_id = ?" + ofTable)) {
            s.setLong(1, batchId);
            if (table != null) {
                s.setString(2, table);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                RowAction[] order = {RowAction.INSERTED, RowAction.UPDATED, RowAction.SKIPPED};
                for (int i = 0; i < order.length; i++) {
                    long n = rs.getLong(i + 1);
                    if (n > 0) {
                        counts.merge(order[i], n, Long::sum);
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT action, COUNT(*) FROM sluice_row_provenance"
                + " WHERE batch_id = ?" + ofTable + " GROUP BY action")) {
            s.setLong(1, batchId);
            if (table != null) {
                s.setString(2, table);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.merge(RowAction.ofCode(rs.getString(1)), rs.getLong(2), Long::sum);
                }
            }
        }
        return counts;
    }

    /**
     * Passes the rows the batch inserted or updated (of one table, unless {@code table} is null), newest first, with
     * the before-images of the updates: the order a rollback undoes them in, a chunk at a time.
     */
    public static void newestFirst(Connection c, long batchId, String table, ChangeChunks chunks)
            throws SQLException {
        String ofTable = table == null ? "" : " AND target_table = ?";
        List<Long> runIds = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM sluice_provenance_run WHERE batch_id = ?"
                + ofTable + " AND skipped < row_count ORDER BY id DESC")) {
            s.setLong(1, batchId);
            if (table != null) {
                s.setString(2, table);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    runIds.add(rs.getLong(1));
                }
            }
        }
        if (runIds.isEmpty()) {
            OlderProvenance.newestFirst(c, batchId, table, chunks);
            return;
        }
        try (PreparedStatement run = c.prepareStatement("SELECT row_count, inserted, updated, actions, target_keys"
                + " FROM sluice_provenance_run WHERE id = ?");
             PreparedStatement images = c.prepareStatement("SELECT run_index, row_image FROM sluice_before_image"
                     + " WHERE run_id = ?")) {
            for (long id : runIds) {
                run.setLong(1, id);
                int count;
                RowAction[] actions;
                List<String> keys;
                boolean updates;
                try (ResultSet rs = run.executeQuery()) {
                    rs.next();
                    count = rs.getInt(1);
                    actions = ProvenanceRun.actions(rs.getString(4), count, rs.getInt(2), rs.getInt(3));
                    keys = ProvenanceRun.keys(rs.getString(5), count);
                    updates = rs.getInt(3) > 0;
                }
                String[] before = new String[count];
                if (updates) {
                    images.setLong(1, id);
                    try (ResultSet rs = images.executeQuery()) {
                        while (rs.next()) {
                            before[rs.getInt(1)] = rs.getString(2);
                        }
                    }
                }
                List<Change> chunk = new ArrayList<>(count);
                for (int i = count - 1; i >= 0; i--) {
                    if (actions[i] != RowAction.SKIPPED) {
                        chunk.add(new Change(keys.get(i), actions[i], before[i]));
                    }
                }
                chunks.accept(chunk);
            }
        }
    }

    /**
     * Later batches ({@code committedOnly}: committed ones, else all not rolled back) that inserted or updated a row
     * this batch inserted or updated (same table and key), in id order. Runs whose key bounds overlap name the
     * candidates; their keys are then compared exactly, {@value #KEYS_IN_MEMORY} of this batch's keys at a time.
     */
    public static List<Long> laterTouching(Connection c, long batchId, boolean committedOnly) throws SQLException {
        String status = committedOnly ? "b.status = 'committed'" : "b.status <> 'rolled_back'";
        Set<Long> candidates = new TreeSet<>(ids(c, "SELECT DISTINCT later.batch_id FROM sluice_provenance_run mine"
                + " JOIN sluice_provenance_run later ON later.target_table = mine.target_table"
                + " AND later.low_key <= mine.high_key AND later.high_key >= mine.low_key"
                + " JOIN sluice_import_batch b ON b.id = later.batch_id"
                + " WHERE mine.batch_id = ? AND later.batch_id > ? AND mine.skipped < mine.row_count"
                + " AND later.skipped < later.row_count AND " + status, batchId));
        Set<Long> touching = new TreeSet<>();
        if (OlderProvenance.has(c, batchId)) {
            touching.addAll(OlderProvenance.laterTouching(c, batchId, status));
            candidates.addAll(ids(c, "SELECT DISTINCT later.batch_id FROM sluice_provenance_run later"
                    + " JOIN sluice_import_batch b ON b.id = later.batch_id WHERE later.batch_id > ?"
                    + " AND later.skipped < later.row_count AND " + status + " AND later.target_table IN"
                    + " (SELECT target_table FROM sluice_row_provenance WHERE batch_id = ?)", batchId));
        }
        candidates.removeAll(touching);
        if (!candidates.isEmpty()) {
            touching.addAll(confirmed(c, batchId, candidates));
        }
        return new ArrayList<>(touching);
    }

    private static List<Long> ids(Connection c, String sql, long batchId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
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

    // the candidates that really changed a key this batch changed, its keys held a bounded number at a time
    private static Set<Long> confirmed(Connection c, long batchId, Set<Long> candidates) throws SQLException {
        Set<Long> confirmed = new HashSet<>();
        Map<String, Set<String>> keys = new HashMap<>();
        int[] held = {0};
        SqlKeyConsumer check = () -> {
            for (long candidate : candidates) {
                if (!confirmed.contains(candidate) && changesAny(c, candidate, keys)) {
                    confirmed.add(candidate);
                }
            }
            keys.clear();
            held[0] = 0;
        };
        forEachChangedKey(c, batchId, (table, key) -> {
            keys.computeIfAbsent(table, t -> new HashSet<>()).add(key);
            if (++held[0] >= KEYS_IN_MEMORY) {
                check.run();
            }
        });
        if (held[0] > 0) {
            check.run();
        }
        return confirmed;
    }

    private interface SqlKeyConsumer {
        void run() throws SQLException;
    }

    private interface ChangedKeys {
        void accept(String table, String key) throws SQLException;
    }

    private static boolean changesAny(Connection c, long batchId, Map<String, Set<String>> keys)
            throws SQLException {
        boolean[] hit = {false};
        forEachChangedKey(c, batchId, (table, key) -> {
            Set<String> mine = keys.get(table);
            if (mine != null && mine.contains(key)) {
                hit[0] = true;
            }
        });
        return hit[0];
    }

    // the (table, key) of every row the batch inserted or updated, runs first, then rows of an older batch
    private static void forEachChangedKey(Connection c, long batchId, ChangedKeys consumer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT target_table, row_count, inserted, updated, actions,"
                + " target_keys FROM sluice_provenance_run WHERE batch_id = ? AND skipped < row_count ORDER BY id")) {
            s.setFetchSize(16);
            s.setLong(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    int count = rs.getInt(2);
                    RowAction[] actions = ProvenanceRun.actions(rs.getString(5), count, rs.getInt(3), rs.getInt(4));
                    List<String> keys = ProvenanceRun.keys(rs.getString(6), count);
                    for (int i = 0; i < count; i++) {
                        if (actions[i] != RowAction.SKIPPED) {
                            consumer.accept(table, keys.get(i));
                        }
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT target_table, target_key FROM sluice_row_provenance"
                + " WHERE batch_id = ? AND action <> 'skipped'")) {
            s.setFetchSize(ProvenanceWriter.BATCH_SIZE);
            s.setLong(1, batchId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs.getString(1), rs.getString(2));
                }
            }
        }
    }

    private static List<RowProvenance> rows(ResultSet rs) throws SQLException {
        long batchId = rs.getLong("batch_id");
        String table = rs.getString("target_table");
        String sheet = rs.getString("source_sheet");
        int count = rs.getInt("row_count");
        RowAction[] actions = ProvenanceRun.actions(rs.getString("actions"), count, rs.getInt("inserted"),
                rs.getInt("updated"));
        List<String> keys = ProvenanceRun.keys(rs.getString("target_keys"), count);
        long[] sources = ProvenanceRun.sourceRows(rs.getString("source_rows"), count);
        String[] legacy = ProvenanceRun.legacyIds(rs.getString("legacy_ids"), count);
        List<RowProvenance> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(RowProvenance.read(null, batchId, table, keys.get(i), sheet, sources[i], legacy[i], actions[i]));
        }
        return rows;
    }

    static RowProvenance olderRow(ResultSet rs) throws SQLException {
        return RowProvenance.read(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), RowAction.ofCode(rs.getString(8)));
    }
}
