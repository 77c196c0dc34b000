package io.sluice.bench;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Compares ways of handing a review's rows to SQLite, on a {@code source_row} table like a review's, written without a
 * journal as a new review is (not a test; run by hand):
 * {@code java -Xmx256m -cp <bench classpath> io.sluice.bench.StagingBindBenchmark [rows] [columns] [typed] [ways]}.
 * Prints rows/s and the thread's CPU for each way, in rounds, so that the JIT has warmed before the later rounds;
 * {@code -Dpragmas="PRAGMA page_size = 16384;..."} runs statements before the table is made; {@code -Dmutex=none}
 * opens the connection as a review's are, without SQLite's own lock (decision 0069). Decision 0048 has the figures.
 * <ul>
 * <li>{@code cells}: one bound value per cell, a statement step per row, batched, a row of texts alone binding no
 * value columns (how {@code RowWriter} stages a review);</li>
 * <li>{@code row-jsonb}: one JSONB value per row built in Java, cut by SQLite with {@code ->>};</li>
 * <li>{@code chunk-jsonb}: the JSONB values of many rows in one blob with their offsets in a second value, one step
 * per chunk;</li>
 * <li>{@code chunk-json}: one JSON text array of row arrays per chunk, unpacked with {@code json_each} and {@code ->>};</li>
 * <li>{@code row-jsonb-path}: {@code row-jsonb} with constant paths ({@code json_extract(x, '$[3]')});</li>
 * <li>{@code values-25}: 25 rows per {@code VALUES} list, every cell still bound on its own;</li>
 * <li>{@code one-text}: not a way to stage, the floor: a row's texts joined into one bound value and one column.</li>
 * </ul>
 */
public final class StagingBindBenchmark {

    private static final int CHUNK = 500;

    private StagingBindBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int wide = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        boolean typed = args.length > 2 && Boolean.parseBoolean(args[2]);
        String[] ways = args.length > 3 ? args[3].split(",") : new String[] {"cells", "one-text", "values-25",
                "row-jsonb", "row-jsonb-path", "chunk-jsonb", "chunk-json"};
        List<String[]> pool = pool(wide, typed);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 3; round++) {
            for (String way : ways) {
                Path file = Files.createTempFile("sluice-bind", ".sqlite");
                try (Connection c = connect(file)) {
                    prepare(c, wide);
                    long cpu = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    stage(way, c, wide, rows, pool);
                    c.commit();
                    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
                    double wall = (System.nanoTime() - start) / 1e9;
                    report("round %d %-12s %,d rows x %d %s: %.2f s CPU (%,.0f rows/s of CPU), %.2f s wall, %s",
                            round, way, rows, wide, typed ? "typed" : "text", cpuSeconds, rows / cpuSeconds, wall,
                            check(c));
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** {@code -Dmutex=none} opens the connection without SQLite's own lock, as a review's connections are. */
    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        if ("none".equals(System.getProperty("mutex"))) {
            config.setOpenMode(SQLiteOpenMode.NOMUTEX);
        }
        return config.createConnection("jdbc:sqlite:" + file);
    }

    private static void prepare(Connection c, int wide) throws SQLException {
        StringBuilder table = new StringBuilder("CREATE TABLE source_row (row_no INTEGER PRIMARY KEY");
        for (int i = 0; i < wide; i++) {
            table.append(", c").append(i).append(" TEXT");
        }
        for (int i = 0; i < wide; i++) {
            table.append(", v").append(i).append(" TEXT");
        }
        try (Statement s = c.createStatement()) {
            for (String pragma : System.getProperty("pragmas", "").split(";")) {
                if (!pragma.isBlank()) {
                    s.execute(pragma);
                }
            }
            s.execute(table.append(')').toString());
            s.execute("PRAGMA journal_mode = OFF");
            s.execute("PRAGMA synchronous = OFF");
        }
        c.setAutoCommit(false);
    }

    private static void stage(String way, Connection c, int wide, int rows, List<String[]> pool) throws Exception {
        switch (way) {
            case "cells" -> cells(c, wide, rows, pool);
            case "row-jsonb" -> rowJsonb(c, wide, rows, pool, columns("?2", wide));
            case "row-jsonb-path" -> rowJsonb(c, wide, rows, pool, paths("?2", wide));
            case "chunk-jsonb" -> chunkJsonb(c, wide, rows, pool);
            case "chunk-json" -> chunkJson(c, wide, rows, pool);
            case "values-25" -> multiRowValues(c, wide, rows, pool, 25);
            case "one-text" -> oneText(c, rows, pool);
            default -> throw new IllegalArgumentException("Unknown way " + way + ".");
        }
    }

    private static void cells(Connection c, int wide, int rows, List<String[]> pool) throws SQLException {
        StringBuilder textSql = new StringBuilder("INSERT INTO source_row (row_no");
        for (int i = 0; i < wide; i++) {
            textSql.append(", c").append(i);
        }
        textSql.append(") VALUES (?").append(",?".repeat(wide)).append(')');
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO source_row VALUES (?" + ",?".repeat(2 * wide) + ")");
             PreparedStatement insertText = c.prepareStatement(textSql.toString())) {
            for (int n = 0; n < rows; n++) {
                String[] row = pool.get(n % pool.size());
                boolean textOnly = true;
                for (int i = wide; i < 2 * wide; i++) {
                    textOnly &= row[i] == null;
                }
                PreparedStatement into = textOnly ? insertText : insert;
                into.setLong(1, n + 2);
                for (int i = 0; i < (textOnly ? wide : 2 * wide); i++) {
                    into.setString(2 + i, row[i]);
                }
                into.addBatch();
                if ((n + 1) % CHUNK == 0) {
                    insert.executeBatch();
                    insertText.executeBatch();
                }
            }
            insert.executeBatch();
            insertText.executeBatch();
        }
    }

    private static String columns(String value, int wide) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 2 * wide; i++) {
            sql.append(", ").append(value).append(" ->> ").append(i);
        }
        return sql.toString();
    }

    /** The same with constant paths ({@code json_extract(x, '$[3]')}) instead of an index SQLite formats per call. */
    private static String paths(String value, int wide) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < 2 * wide; i++) {
            sql.append(", json_extract(").append(value).append(", '$[").append(i).append("]')");
        }
        return sql.toString();
    }

    /**
     * Not a way to stage (the texts land joined in one column): a row's texts as one bound value, the floor that any
     * packing into fewer values could reach before paying for cutting the row up again.
     */
    private static void oneText(Connection c, int rows, List<String[]> pool) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO source_row (row_no, c0) VALUES (?, ?)")) {
            for (int n = 0; n < rows; n++) {
                String[] row = pool.get(n % pool.size());
                StringBuilder joined = new StringBuilder();
                for (String value : row) {
                    joined.append(value).append('\u001f');
                }
                insert.setLong(1, n + 2);
                insert.setString(2, joined.toString());
                insert.addBatch();
                if ((n + 1) % CHUNK == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** 25 rows in one {@code VALUES} list: a step per 25 rows, every cell still bound on its own. */
    private static void multiRowValues(Connection c, int wide, int rows, List<String[]> pool, int perStatement)
            throws SQLException {
        // like the text-only statement of the cells way, a row of texts alone binds no value columns
        boolean textOnly = pool.stream().allMatch(row -> row[wide] == null);
        int bound = textOnly ? wide : 2 * wide;
        String tuple = "(?" + ",?".repeat(bound) + ")";
        StringBuilder into = new StringBuilder("INSERT INTO source_row (row_no");
        for (int i = 0; i < bound; i++) {
            into.append(i < wide ? ", c" + i : ", v" + (i - wide));
        }
        into.append(") VALUES ");
        String many = into + (tuple + ",").repeat(perStatement - 1) + tuple;
        try (PreparedStatement insert = c.prepareStatement(many);
             PreparedStatement single = c.prepareStatement(into + tuple)) {
            int n = 0;
            for (; n + perStatement <= rows; n += perStatement) {
                int p = 1;
                for (int k = 0; k < perStatement; k++) {
                    String[] row = pool.get((n + k) % pool.size());
                    insert.setLong(p++, n + k + 2);
                    for (int i = 0; i < bound; i++) {
                        insert.setString(p++, row[i]);
                    }
                }
                insert.addBatch();
                if (n % CHUNK == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            for (; n < rows; n++) {
                String[] row = pool.get(n % pool.size());
                single.setLong(1, n + 2);
                for (int i = 0; i < bound; i++) {
                    single.setString(2 + i, row[i]);
                }
                single.executeUpdate();
            }
        }
    }

    private static void rowJsonb(Connection c, int wide, int rows, List<String[]> pool, String columns)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO source_row SELECT ?1" + columns)) {
            JsonbRow jsonb = new JsonbRow();
            for (int n = 0; n < rows; n++) {
                String[] row = pool.get(n % pool.size());
                insert.setLong(1, n + 2);
                insert.setBytes(2, jsonb.array(row));
                insert.addBatch();
                if ((n + 1) % CHUNK == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void chunkJsonb(Connection c, int wide, int rows, List<String[]> pool) throws SQLException {
        // ?1: a JSON array of (offset << 24 | length) per row, in row order; ?2: the rows' JSONB arrays end to end
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO source_row SELECT ?3 + key"
                + columns("substr(?2, (value >> 24) + 1, value & 16777215)", wide)
                + " FROM json_each(?1) WHERE true")) {
            JsonbRow jsonb = new JsonbRow();
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            StringBuilder offsets = new StringBuilder();
            int first = 2;
            for (int n = 0; n < rows; n++) {
                String[] row = pool.get(n % pool.size());
                byte[] bytes = jsonb.array(row);
                offsets.append(offsets.isEmpty() ? '[' : ',').append((long) blob.size() << 24 | bytes.length);
                blob.write(bytes, 0, bytes.length);
                if ((n + 1) % CHUNK == 0 || n == rows - 1) {
                    insert.setString(1, offsets.append(']').toString());
                    insert.setBytes(2, blob.toByteArray());
                    insert.setLong(3, first);
                    insert.executeUpdate();
                    offsets.setLength(0);
                    blob.reset();
                    first = n + 3;
                }
            }
        }
    }

    private static void chunkJson(Connection c, int wide, int rows, List<String[]> pool) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO source_row SELECT ?2 + key"
                + columns("value", wide) + " FROM json_each(?1) WHERE true")) {
            StringBuilder json = new StringBuilder();
            int first = 2;
            for (int n = 0; n < rows; n++) {
                String[] row = pool.get(n % pool.size());
                json.append(json.isEmpty() ? "[[" : ",[");
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        json.append(',');
                    }
                    quote(json, row[i]);
                }
                json.append(']');
                if ((n + 1) % CHUNK == 0 || n == rows - 1) {
                    insert.setString(1, json.append(']').toString());
                    insert.setLong(2, first);
                    insert.executeUpdate();
                    json.setLength(0);
                    first = n + 3;
                }
            }
        }
    }

    private static void quote(StringBuilder json, String s) {
        if (s == null) {
            json.append("null");
            return;
        }
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\\') {
                json.append('\\').append(ch);
            } else if (ch < 0x20) {
                json.append(String.format("\\u%04x", (int) ch));
            } else {
                json.append(ch);
            }
        }
        json.append('"');
    }

    /** A minimal JSONB writer for arrays of texts and nulls (the SQLite JSONB format: a header, then the payload). */
    private static final class JsonbRow {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream payload = new ByteArrayOutputStream();

        byte[] array(String[] values) {
            payload.reset();
            int end = values.length;
            while (end > values.length / 2 && values[end - 1] == null) {
                end--;
            }
            for (int k = 0; k < end; k++) {
                String value = values[k];
                if (value == null) {
                    payload.write(0);
                } else {
                    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                    header(payload, 10, bytes.length);
                    payload.write(bytes, 0, bytes.length);
                }
            }
            out.reset();
            header(out, 11, payload.size());
            out.write(payload.toByteArray(), 0, payload.size());
            return out.toByteArray();
        }

        private static void header(ByteArrayOutputStream out, int type, int size) {
            if (size <= 11) {
                out.write(size << 4 | type);
            } else if (size <= 0xff) {
                out.write(12 << 4 | type);
                out.write(size);
            } else if (size <= 0xffff) {
                out.write(13 << 4 | type);
                out.write(size >> 8);
                out.write(size);
            } else {
                out.write(14 << 4 | type);
                out.write(size >>> 24);
                out.write(size >> 16);
                out.write(size >> 8);
                out.write(size);
            }
        }
    }

    private static String check(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), sum(length(c0)), count(v0), typeof(c1), max(row_no)"
                     + " FROM source_row")) {
            rs.next();
            return "count " + rs.getLong(1) + ", c0 chars " + rs.getLong(2) + ", v0 non-null " + rs.getLong(3)
                    + ", typeof(c1) " + rs.getString(4) + ", last row " + rs.getLong(5);
        }
    }

    /** CSV-like texts (the mix file's kind of cells): codes, decimals, dates, names; typed rows also fill v. */
    private static List<String[]> pool(int wide, boolean typed) {
        List<String[]> pool = new ArrayList<>();
        for (int n = 0; n < 4096; n++) {
            String[] row = new String[2 * wide];
            for (int i = 0; i < wide; i++) {
                String text = switch (i % 5) {
                    case 0 -> String.format("DS1-%06d", n);
                    case 1 -> Double.toString(100 + n % 997 / 10.0);
                    case 2 -> n % 11 == 0 ? "" : "Plant " + n % 7 + " – Harbour";
                    case 3 -> String.format("12/%02d/2023", n % 28 + 1);
                    default -> Integer.toString(n % 300);
                };
                row[i] = text;
                row[wide + i] = typed && i % 5 != 2 ? "N" + text : null;
            }
            pool.add(row);
        }
        return pool;
    }

    /** A hand-run tool in test scope: the console is where its numbers go. */
    private static void report(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
