package io.sluice.core.rules;

import io.sluice.core.SluiceException;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.JDBCType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Asks the target database which keys exist in a table, many keys per query, and remembers the answers (bounded), so
 * that foreign keys, lookups and "already in the table" checks cost a few queries per chunk, not one per row.
 * Identifiers come from the introspected table and are quoted by the dialect; key values are bound parameters.
 */
final class KeyLookup {

    private static final int KEYS_PER_QUERY = 500;
    /** Enough for every code of a typical lookup table (suppliers, units, plants). */
    static final int LOOKUP_CACHE = 100_000;
    /** Keys of the rows being imported are mostly distinct: remembering them would cost heap and save nothing. */
    static final int NO_CACHE = 0;

    private final TargetDatabase db;
    private final TableInfo table;
    private final List<ColumnInfo> columns;
    private final Map<String, Boolean> cache;

    KeyLookup(TargetDatabase db, TableInfo table, List<String> columnNames, int cacheSize) {
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > cacheSize;
            }
        };
        this.db = db;
        this.table = table;
        this.columns = new ArrayList<>();
        for (String name : columnNames) {
            columns.add(table.column(name).orElseThrow(() -> SluiceException.input(
                    "Table " + table.qualifiedName() + " has no column '" + name + "'.")));
        }
    }

    String describe() {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        return table.reference() + "." + String.join("+", names);
    }

    /** Whether the table holds no row at all. */
    boolean tableIsEmpty() {
        try (PreparedStatement ps = db.connection().prepareStatement("SELECT 1 FROM " + qualifiedTable()
                + " FETCH FIRST 1 ROWS ONLY"); ResultSet rs = ps.executeQuery()) {
            return !rs.next();
        } catch (SQLException e) {
            throw SluiceException.target("Reading " + table.qualifiedName() + " failed: " + e.getMessage(), e);
        }
    }

    /** The canonical texts ({@link KeyText}) of those keys that exist in the table. */
    Set<String> existing(Collection<List<Object>> keys) {
        Set<String> present = new HashSet<>();
        Map<String, List<Object>> unknown = new LinkedHashMap<>();
        for (List<Object> key : keys) {
            String text = KeyText.of(key);
            Boolean known = cache.get(text);
            if (known == null) {
                unknown.put(text, key);
            } else if (known) {
                present.add(text);
            }
        }
        List<Map.Entry<String, List<Object>>> pending = new ArrayList<>(unknown.entrySet());
        for (int from = 0; from < pending.size(); from += KEYS_PER_QUERY) {
            List<Map.Entry<String, List<Object>>> part = pending.subList(from,
                    Math.min(pending.size(), from + KEYS_PER_QUERY));
            Set<String> found = query(part);
            for (Map.Entry<String, List<Object>> e : part) {
                boolean exists = found.contains(e.getKey());
                cache.put(e.getKey(), exists);
                if (exists) {
                    present.add(e.getKey());
                }
            }
        }
        return present;
    }

    private Set<String> query(List<Map.Entry<String, List<Object>>> keys) {
        StringBuilder sql = new StringBuilder("SELECT ");
        StringBuilder tuple = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String quoted = db.dialect().quote(columns.get(i).name());
            sql.append(i == 0 ? "" : ", ").append(quoted);
            tuple.append(i == 0 ? "" : ", ").append(quoted);
        }
        sql.append(" FROM ").append(qualifiedTable()).append(" WHERE ");
        String placeholder = "?" + ", ?".repeat(columns.size() - 1);
        if (columns.size() == 1) {
            sql.append(tuple).append(" IN (");
        } else {
            sql.append('(').append(tuple).append(") IN (");
        }
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(columns.size() == 1 ? "?" : "(" + placeholder + ")");
        }
        sql.append(')');
        Connection connection = db.connection();
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (Map.Entry<String, List<Object>> key : keys) {
                for (int i = 0; i < columns.size(); i++) {
                    ps.setObject(p++, bindable(key.getValue().get(i), columns.get(i)));
                }
            }
            Set<String> found = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                List<Object> key = new ArrayList<>(columns.size());
                while (rs.next()) {
                    key.clear();
                    for (int i = 0; i < columns.size(); i++) {
                        Object v = rs.getObject(i + 1);
                        key.add(v instanceof String s && columns.get(i).type() == JDBCType.CHAR ? s.stripTrailing() : v);
                    }
                    found.add(KeyText.of(key));
                }
            }
            return found;
        } catch (SQLException e) {
            throw SluiceException.target("Looking up keys in " + table.qualifiedName() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private String qualifiedTable() {
        String name = db.dialect().quote(table.name());
        return table.schema() == null ? name : db.dialect().quote(table.schema()) + "." + name;
    }

    /** Converts a mapped value to what the key column compares with, so a text code meets a text column. */
    private static Object bindable(Object value, ColumnInfo column) {
        return switch (column.type()) {
            case CHAR, VARCHAR, LONGVARCHAR, NCHAR, NVARCHAR, LONGNVARCHAR, CLOB -> KeyText.of(value);
            case TINYINT, SMALLINT, INTEGER, BIGINT, NUMERIC, DECIMAL, REAL, FLOAT, DOUBLE -> {
                BigDecimal n = NumericRule.asDecimal(value);
                if (n != null) {
                    yield n;
                }
                try {
                    yield new BigDecimal(KeyText.of(value).trim());
                } catch (NumberFormatException e) {
                    yield null; // cannot equal any number: reported as missing
                }
            }
            default -> value;
        };
    }
}
