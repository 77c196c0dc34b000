package io.sluice.core.review;

import io.sluice.core.rules.Finding;
import org.sqlite.ProgressHandler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A filtered, sorted view of a review's rows that a grid pages through by position, for any number of rows. {@link
 * #select} works out the matching row numbers in the wanted order once, inside the review file (a temporary table
 * of 16 bytes a row), and {@link #page} then reads the rows at positions {@code from..from+limit} through it.
 * <p>
 * A sort by a column over many rows is done in two steps, so that the first screen does not wait for the whole
 * order: {@link #select} keeps only the first {@link #FIRST_ROWS} rows of the order (one scan with a bounded
 * sorter), and {@link #completeOrder} (called by the grid once the first page is shown, or by {@link #page} when a
 * later position is asked for first) orders the rest. Both steps give the same order, ties broken by row number.
 * <p>
 * A view in row order can be begun with {@link #selectFirst}, which stops at the first {@link #FIRST_MATCHES}
 * matching rows: a text search through every cell of a million rows finds a screenful of matches long before it
 * has read every row. {@link #completeOrder} then adds the remaining matches after them, reading on from the last
 * row found, and only then is {@link #size} the count; {@link #counted} tells which.
 * <p>
 * Uses the review's connection, so it follows the review's rule: one thread at a time. Rows decided or edited after
 * {@link #select} stay in the view (with their new status and cells) until the next {@code select}, so that a row
 * does not jump away from under the steward's cursor.
 */
public final class ReviewQuery {

    /**
     * Sorting by a source column (0-based), ascending or descending; a negative column sorts by row number, and
     * {@link #SOURCE_ORDER} keeps the sheet order.
     */
    public record Sort(int column, boolean ascending) {

        public static final Sort SOURCE_ORDER = new Sort(-1, true);
    }

    /**
     * One row as the grid shows it.
     *
     * @param position 0-based position in the current view
     * @param row      source row number
     * @param cells    each cell's text, with the steward's edits applied
     * @param decision the steward's decision, or null while the row is pending
     * @param findings the row's current findings
     * @param edited   which columns (0-based) the steward edited
     */
    public record GridRow(long position, long row, List<String> cells, Decision decision, List<Finding> findings,
                          boolean[] edited) {

        public boolean isEdited(int column) {
            return column < edited.length && edited[column];
        }
    }

    /** Rows of a column sort that {@link #select} orders at once; the rest waits for {@link #completeOrder}. */
    public static final int FIRST_ROWS = 2_000;

    /**
     * Matching rows in row order that {@link #selectFirst} looks for before it stops: two screens of the grid,
     * so that a search for a rare text stops about half-way through the rows on average.
     */
    public static final int FIRST_MATCHES = 60;

    /**
     * Rows a view in row order reads one by one for its first matches before it turns to the search index (see
     * {@link #fillFirstNarrowed}): about 50 ms of CPU with the index look-up after it.
     */
    static final int SCAN_AHEAD = 50_000;

    private static final String VIEW = "temp.grid_view";
    /** SQLite's steps between two checks whether a view being begun is still wanted: about a millisecond's work. */
    private static final int STOP_CHECK_OPS = 100_000;

    private final Review review;
    private final Connection connection;
    private final int scanAhead;
    private final int wide;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private long size;
    /** The statement that completes the view, while it holds only its first rows; else null. */
    private PendingOrder pending;

    /**
     * How the view is completed: {@code append} adds the rows after those found so far to the view (a view in row
     * order begun by {@link #selectFirst}: its size is not known until then); otherwise {@code sql} orders every
     * row into a new table that replaces the view (a column sort: its size is known).
     */
    private record PendingOrder(String sql, List<Object> parameters, boolean append) {
    }

    public ReviewQuery(Review review) {
        this(review, SCAN_AHEAD);
    }

    /** With {@code scanAhead} rows read one by one before a search turns to its index (see {@link #SCAN_AHEAD}). */
    ReviewQuery(Review review, int scanAhead) {
        this.scanAhead = scanAhead;
        this.review = review;
        this.connection = review.connection();
        this.wide = review.wideColumns();
        List<String> columns = review.columns();
        for (int i = columns.size() - 1; i >= 0; i--) {
            columnIndex.put(columns.get(i), i);
        }
        // A second sorter thread: sorting a million rows by a column takes about a third less on two cores.
        review.guarded(() -> {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA threads = 2");
            }
            return null;
        });
    }

    /**
     * Works out the rows {@code filter} matches in {@code sort} order; returns how many there are. For a column sort
     * over more than {@link #FIRST_ROWS} rows only the first rows are ordered now (see {@link #completeOrder}).
     */
    public long select(RowFilter filter, Sort sort) {
        if (sort.column() >= wide) {
            throw new IllegalArgumentException("Column " + sort.column() + " cannot be sorted on.");
        }
        return review.guarded(() -> {
            pending = null;
            String rows = "SELECT r.row_no FROM source_row r WHERE " + filter.sql() + " ORDER BY " + orderBy(sort);
            if (sort.column() >= 0) {
                size = count(filter);
                if (size > FIRST_ROWS) {
                    fill(VIEW, rows + " LIMIT " + FIRST_ROWS, filter.parameters());
                    pending = new PendingOrder(rows, filter.parameters(), false);
                    return size;
                }
            }
            size = fill(VIEW, rows, filter.parameters());
            return size;
        });
    }

    /**
     * As {@link #select}, except that a view in row order (a negative sort column) stops at the first {@link
     * #FIRST_MATCHES} matching rows: then it returns how many rows the view holds so far, {@link #counted} is false,
     * and {@link #completeOrder} adds the rest. A column sort counts its rows, as {@link #select} does.
     */
    public long selectFirst(RowFilter filter, Sort sort) {
        return selectFirst(filter, sort, () -> false);
    }

    /**
     * As {@link #selectFirst(RowFilter, Sort)}, stopped as soon as {@code stop} says so (a newer view was asked
     * for; checked every few milliseconds of SQLite's work) with a {@link CancellationException}: the view then
     * holds no rows until the next select.
     */
    public long selectFirst(RowFilter filter, Sort sort, BooleanSupplier stop) {
        review.guarded(() -> {
            ProgressHandler.setHandler(connection, STOP_CHECK_OPS, new ProgressHandler() {
                @Override
                protected int progress() {
                    return stop.getAsBoolean() ? 1 : 0;
                }
            });
            return null;
        });
        try {
            return sort.column() >= 0 ? select(filter, sort) : selectFirstInRowOrder(filter, sort, stop);
        } catch (RuntimeException e) {
            if (stop.getAsBoolean()) {
                pending = null;
                size = 0;
                throw new CancellationException("A newer view of the rows was asked for.");
            }
            throw e;
        } finally {
            review.guarded(() -> {
                ProgressHandler.clearHandler(connection);
                return null;
            });
        }
    }

    private long selectFirstInRowOrder(RowFilter filter, Sort sort, BooleanSupplier stop) {
        return review.guarded(() -> {
            pending = null;
            String order = " ORDER BY " + orderBy(sort);
            size = filter.narrowed() ? fillFirstNarrowed(filter, sort) : fillFirstScan(filter, sort, stop);
            if (size == FIRST_MATCHES) {
                // the rest reads on from the last row found: the rows before it are not read again
                long last;
                try (Statement s = connection.createStatement();
                     ResultSet rs = s.executeQuery("SELECT row_no FROM " + VIEW + " ORDER BY pos DESC LIMIT 1")) {
                    rs.next();
                    last = rs.getLong(1);
                }
                List<Object> parameters = new ArrayList<>(filter.parameters());
                parameters.add(last);
                pending = new PendingOrder("SELECT r.row_no FROM source_row r WHERE " + filter.sql()
                        + " AND r.row_no " + (sort.ascending() ? ">" : "<") + " ?" + order, parameters, true);
            }
            return size;
        });
    }

    /**
     * The first matches of a filter that narrows its rows with the search index, in row order: the first {@link
     * #SCAN_AHEAD} rows are read one by one (a common text has its first matches there, sooner than the index
     * gathers all of its rows), and only when they hold fewer than {@link #FIRST_MATCHES} does the index find the
     * rest after them. The same rows in the same order either way.
     */
    private long fillFirstNarrowed(RowFilter filter, Sort sort) throws SQLException {
        String order = " ORDER BY " + orderBy(sort);
        String after = sort.ascending() ? " > ?" : " < ?";
        Long bound = null;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT row_no FROM source_row ORDER BY row_no"
                     + (sort.ascending() ? "" : " DESC") + " LIMIT 1 OFFSET " + (scanAhead - 1))) {
            if (rs.next()) {
                bound = rs.getLong(1);
            }
        }
        if (bound == null) {
            return fill(VIEW, "SELECT r.row_no FROM source_row r WHERE " + filter.scanSql() + order
                    + " LIMIT " + FIRST_MATCHES, filter.scanParameters());
        }
        List<Object> ahead = new ArrayList<>(filter.scanParameters());
        ahead.add(bound);
        long found = fill(VIEW, "SELECT r.row_no FROM source_row r WHERE " + filter.scanSql() + " AND r.row_no"
                + (sort.ascending() ? " <= ?" : " >= ?") + order + " LIMIT " + FIRST_MATCHES, ahead);
        if (found == FIRST_MATCHES) {
            return found;
        }
        List<Object> rest = new ArrayList<>(filter.parameters());
        rest.add(bound);
        return found + append("SELECT r.row_no FROM source_row r WHERE " + filter.sql() + " AND r.row_no" + after
                + order + " LIMIT " + (FIRST_MATCHES - found), rest);
    }

    /**
     * The first matches of a filter read row by row, in row order. When the first {@link #SCAN_AHEAD} rows hold
     * fewer than {@link #FIRST_MATCHES} (a rare text, or one only in the last rows), the rest of the rows is read in
     * two halves at once: the near half on the review's connection, the far half on a second connection and thread
     * ({@link FarScan}). The far half's rows are taken only when the near half holds too few, and the far read is
     * stopped when it holds enough, so the view holds the rows of one scan, in the same order (decision 0078).
     */
    private long fillFirstScan(RowFilter filter, Sort sort, BooleanSupplier stop) throws SQLException {
        String rows = "SELECT r.row_no FROM source_row r WHERE " + filter.sql();
        String order = " ORDER BY " + orderBy(sort);
        long[] edges = edgeRows();
        // split only the rows of a committed state, which the second connection sees the same
        if (edges == null || edges[1] - edges[0] < 2L * scanAhead || !connection.getAutoCommit()) {
            return fill(VIEW, rows + order + " LIMIT " + FIRST_MATCHES, filter.parameters());
        }
        boolean up = sort.ascending();
        // rows are numbered densely as a rule; a gap only moves where the parts meet, not what they find
        long bound = up ? edges[0] + scanAhead - 1 : edges[1] - scanAhead + 1;
        long end = up ? edges[1] : edges[0];
        long middle = bound + (end - bound) / 2;
        String upTo = up ? " <= ?" : " >= ?";
        String after = up ? " > ?" : " < ?";
        long found = fill(VIEW, rows + " AND r.row_no" + upTo + order + " LIMIT " + FIRST_MATCHES,
                with(filter.parameters(), bound));
        if (found == FIRST_MATCHES) {
            return found;
        }
        int wanted = (int) (FIRST_MATCHES - found);
        FarScan.Read far = review.farScan().start(rows + " AND r.row_no" + after + order + " LIMIT " + wanted,
                with(filter.parameters(), middle), stop);
        long near;
        try {
            near = append(rows + " AND r.row_no" + after + " AND r.row_no" + upTo + order + " LIMIT " + wanted,
                    with(filter.parameters(), bound, middle));
        } catch (SQLException | RuntimeException e) {
            far.stop();
            throw e;
        }
        if (near == wanted) {
            far.stop();
            return FIRST_MATCHES;
        }
        List<Long> farRows = far.rows();
        List<Long> taken = farRows.subList(0, (int) Math.min(farRows.size(), wanted - near));
        if (taken.isEmpty()) {
            return found + near;
        }
        String json = taken.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
        return found + near + append("SELECT value FROM json_each(?) ORDER BY key", List.of(json));
    }

    /** The first and last row numbers of the review, or null for a review without rows. */
    private long[] edgeRows() throws SQLException {
        try (Statement s = connection.createStatement();
             // two sub-selects: each reads one end of the table, where min and max in one select read every row
             ResultSet rs = s.executeQuery("SELECT (SELECT min(row_no) FROM source_row),"
                     + " (SELECT max(row_no) FROM source_row)")) {
            rs.next();
            long first = rs.getLong(1);
            return rs.wasNull() ? null : new long[] {first, rs.getLong(2)};
        }
    }

    /** Adds the rows {@code rowsSql} selects to the view, after those it holds; returns how many. */
    private long append(String rowsSql, List<Object> parameters) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + VIEW + " (row_no) " + rowsSql)) {
            bind(insert, parameters, 1);
            return insert.executeUpdate();
        }
    }

    private static List<Object> with(List<Object> parameters, Object... more) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** Whether {@link #size} is the number of rows the view's filter matches, not only those found so far. */
    public boolean counted() {
        return pending == null || !pending.append();
    }

    /**
     * Completes the view when the last {@link #select} ordered, or {@link #selectFirst} found, only its first rows;
     * returns whether there was anything to do. The first rows keep their positions, so pages already shown stay
     * right; afterwards {@link #size} is the count of the rows the view's filter matches.
     */
    public boolean completeOrder() {
        return review.guarded(() -> {
            if (pending == null) {
                return false;
            }
            if (pending.append()) {
                size += append(pending.sql(), pending.parameters());
                pending = null;
                return true;
            }
            fill("temp.grid_view_all", pending.sql(), pending.parameters());
            try (Statement s = connection.createStatement()) {
                s.execute("DROP TABLE " + VIEW);
                s.execute("ALTER TABLE temp.grid_view_all RENAME TO grid_view");
            }
            pending = null;
            return true;
        });
    }

    /** Whether the view holds only its first rows, the rest waiting for {@link #completeOrder}. */
    public boolean orderPending() {
        return pending != null;
    }

    private long count(RowFilter filter) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement("SELECT COUNT(*) FROM source_row r WHERE "
                + filter.sql())) {
            bind(q, filter.parameters(), 1);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** (Re)creates a temporary table of row numbers by position and fills it; returns how many rows it holds. */
    private long fill(String table, String rowsSql, List<Object> parameters) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            // pos is the rowid, numbered 1, 2, ... in insertion order: cheaper than a window function
            s.execute("CREATE TEMP TABLE " + table.substring("temp.".length())
                    + " (pos INTEGER PRIMARY KEY, row_no INTEGER NOT NULL)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (row_no) " + rowsSql)) {
            bind(insert, parameters, 1);
            return insert.executeUpdate();
        }
    }

    /** How many rows the view holds: those the last select matched, or found so far while not {@link #counted}. */
    public long size() {
        return size;
    }

    /** The rows at positions {@code from} (0-based) up to {@code from + limit}, in view order. */
    public List<GridRow> page(long from, int limit) {
        if (from < 0 || limit < 0) {
            throw new IllegalArgumentException("Position and limit must not be negative.");
        }
        if (pending != null && !pending.append() && from + limit > FIRST_ROWS) {
            completeOrder();
        }
        return review.guarded(() -> {
            long first = from + 1;
            long last = from + limit;
            Map<Long, List<Finding>> findings = findingsOf(first, last);
            Map<Long, Map<Integer, String>> edits = editsOf(first, last);
            Map<Long, Map<Integer, String>> extras = extrasOf(first, last);
            int width = review.columns().size();
            List<GridRow> rows = new ArrayList<>(limit);
            try (PreparedStatement q = connection.prepareStatement("SELECT g.pos, "
                    + ReviewSchema.rowColumns("r.", wide) + ", d.status, d.reason, d.steward, d.at FROM " + VIEW
                    + " g JOIN source_row r ON r.row_no = g.row_no"
                    + " LEFT JOIN decision d ON d.row_no = g.row_no WHERE g.pos BETWEEN ? AND ? ORDER BY g.pos")) {
                q.setLong(1, first);
                q.setLong(2, last);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        long row = rs.getLong(2);
                        String[] cells = new String[width];
                        for (int i = 0; i < wide; i++) {
                            String text = rs.getString(3 + i);
                            cells[i] = text == null ? "" : text;
                        }
                        extras.getOrDefault(row, Map.of()).forEach((i, text) -> cells[i] = text);
                        boolean[] edited = new boolean[width];
                        for (Map.Entry<Integer, String> e : edits.getOrDefault(row, Map.of()).entrySet()) {
                            if (e.getKey() < width) {
                                cells[e.getKey()] = e.getValue();
                                edited[e.getKey()] = true;
                            }
                        }
                        int d = 3 + 2 * wide;
                        String status = rs.getString(d);
                        Decision decision = status == null ? null : new Decision(row, DecisionStatus.parse(status),
                                rs.getString(d + 1), rs.getString(d + 2), Instant.parse(rs.getString(d + 3)));
                        rows.add(new GridRow(rs.getLong(1) - 1, row, Arrays.asList(cells), decision,
                                findings.getOrDefault(row, List.of()), edited));
                    }
                }
            }
            return rows;
        });
    }

    /** The 0-based column index of a finding's column, or -1 for a row-level finding or an unknown header. */
    public int columnOf(Finding finding) {
        return finding.column() == null ? -1 : columnIndex.getOrDefault(finding.column(), -1);
    }

    /**
     * How many rows have 0, 1, 2, ... findings, the last bucket collecting {@code buckets - 1} or more: the
     * distribution of row quality for the dashboard.
     */
    public Map<Integer, Long> findingsPerRow(int buckets) {
        return review.guarded(() -> {
            Map<Integer, Long> counts = new LinkedHashMap<>();
            for (int i = 0; i < buckets; i++) {
                counts.put(i, 0L);
            }
            long withFindings = 0;
            try (PreparedStatement q = connection.prepareStatement("SELECT min(n, ?), count(*) FROM"
                    + " (SELECT count(*) AS n FROM finding GROUP BY row_no) GROUP BY 1")) {
                q.setInt(1, buckets - 1);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getInt(1), rs.getLong(2));
                        withFindings += rs.getLong(2);
                    }
                }
            }
            counts.put(0, review.rowCount() - withFindings);
            return counts;
        });
    }

    /** Drops the view's temporary table; the review stays open. */
    public void release() {
        review.guarded(() -> {
            try (Statement s = connection.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + VIEW);
            }
            size = 0;
            pending = null;
            return null;
        });
    }

    /**
     * Numbers sort as numbers (typed cells by their value, text cells that look like a number by theirs) and before
     * text, blanks last whatever the direction. One sort key per row: SQLite orders numbers before text by itself.
     */
    private String orderBy(Sort sort) {
        String direction = sort.ascending() ? " ASC" : " DESC";
        if (sort.column() < 0) {
            return "r.row_no" + direction;
        }
        String c = "r.c" + sort.column();
        String v = "r.v" + sort.column();
        String key = "CASE WHEN substr(" + v + ", 1, 1) = 'N' THEN CAST(substr(" + v + ", 2) AS REAL)"
                + " WHEN substr(" + v + ", 1, 1) IN ('D', 'S') THEN substr(" + v + ", 2)"
                + " WHEN " + c + " GLOB '*[0-9]*' AND " + c + " NOT GLOB '*[^0-9.eE+-]*' THEN CAST(" + c + " AS REAL)"
                + " ELSE lower(" + c + ") END";
        return "coalesce(" + c + ", '') = '', " + key + direction + ", r.row_no" + direction;
    }

    private Map<Long, List<Finding>> findingsOf(long from, long to) throws SQLException {
        Map<Long, List<Finding>> byRow = new HashMap<>();
        try (PreparedStatement q = connection.prepareStatement("SELECT " + prefixed("f", FindingStore.COLUMNS)
                + " FROM " + VIEW + " g JOIN finding f ON f.row_no = g.row_no WHERE g.pos BETWEEN ? AND ?"
                + " ORDER BY f.row_no, f.id")) {
            q.setLong(1, from);
            q.setLong(2, to);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    Finding finding = FindingStore.read(rs);
                    byRow.computeIfAbsent(finding.row(), k -> new ArrayList<>(2)).add(finding);
                }
            }
        }
        return byRow;
    }

    private Map<Long, Map<Integer, String>> editsOf(long from, long to) throws SQLException {
        return cellsOf("SELECT e.row_no, e.col, e.text FROM " + VIEW + " g JOIN cell_edit e ON e.row_no = g.row_no"
                + " WHERE g.pos BETWEEN ? AND ?", from, to);
    }

    private Map<Long, Map<Integer, String>> extrasOf(long from, long to) throws SQLException {
        return cellsOf("SELECT x.row_no, x.idx, x.text FROM " + VIEW + " g JOIN source_cell_extra x"
                + " ON x.row_no = g.row_no WHERE g.pos BETWEEN ? AND ?", from, to);
    }

    private Map<Long, Map<Integer, String>> cellsOf(String sql, long from, long to) throws SQLException {
        Map<Long, Map<Integer, String>> byRow = new HashMap<>();
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            q.setLong(1, from);
            q.setLong(2, to);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    byRow.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getString(3));
                }
            }
        }
        return byRow;
    }

    private static String prefixed(String alias, String columns) {
        StringBuilder out = new StringBuilder();
        for (String column : columns.split(",")) {
            out.append(out.isEmpty() ? "" : ", ").append(alias).append('.').append(column.strip());
        }
        return out.toString();
    }

    private static void bind(PreparedStatement statement, List<Object> parameters, int first) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(first + i, parameters.get(i));
        }
    }
}
