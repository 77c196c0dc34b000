package io.sluice.core.commit;

import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.Dialect;
import io.sluice.core.database.ForeignKey;
import io.sluice.core.database.TableInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * SQL on one user table, keyed by a natural key: look rows up by key, check foreign-key parents. Identifiers come
 * from the introspected table and are quoted by the dialect; every value is bound.
 */
final class TargetRows {

    private final Connection connection;
    private final Dialect dialect;
    private final TableInfo table;
    private final List<ColumnInfo> keyColumns;
    private final String quotedTable;

    TargetRows(Connection connection, Dialect dialect, TableInfo table, List<ColumnInfo> keyColumns) {
        this.connection = connection;
        this.dialect = dialect;
        this.table = table;
        this.keyColumns = List.copyOf(keyColumns);
        this.quotedTable = qualified(dialect, table.schema(), table.name());
    }

    static String qualified(Dialect dialect, String schema, String name) {
        return schema == null ? dialect.quote(name) : dialect.quote(schema) + "." + dialect.quote(name);
    }

    String quotedTable() {
        return quotedTable;
    }

    String quote(String identifier) {
        return dialect.quote(identifier);
    }

    List<ColumnInfo> keyColumns() {
        return keyColumns;
    }

    /** "k1 = ? AND k2 = ?" over the key columns. */
    String keyPredicate() {
        return keyColumns.stream().map(c -> dialect.quote(c.name()) + " = ?").collect(Collectors.joining(" AND "));
    }

    /** Binds key values from that parameter index on; returns the next free index. */
    int bindKey(PreparedStatement s, int index, List<?> key) throws SQLException {
        for (int i = 0; i < keyColumns.size(); i++) {
            Values.bind(s, index++, key.get(i), keyColumns.get(i), dialect);
        }
        return index;
    }

    /**
     * The existing rows among these keys (no null parts), as key text -> every column's value (table order),
     * read in a form that round-trips through a before-image.
     */
    Map<String, Map<String, Object>> existing(List<List<Object>> keys) throws SQLException {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        if (keys.isEmpty()) {
            return rows;
        }
        String columns = table.columns().stream().map(c -> dialect.quote(c.name())).collect(Collectors.joining(", "));
        boolean array = asArray(keys);
        // a composite key's OR of ANDs alone makes H2 scan the whole table for every chunk; the first key column's
        // IN list in front lets both databases go through the key's index and test the full keys on what it finds
        Map<String, Object> firstParts = new LinkedHashMap<>();
        if (!array && keyColumns.size() > 1) {
            keys.forEach(k -> firstParts.putIfAbsent(Values.keyPart(k.get(0)), k.get(0)));
        }
        String sql = "SELECT " + columns + " FROM " + quotedTable + " WHERE "
                + (array ? dialect.quote(keyColumns.get(0).name()) + " = ANY (?)"
                : (firstParts.isEmpty() ? "" : dialect.quote(keyColumns.get(0).name()) + " IN ("
                + String.join(", ", Collections.nCopies(firstParts.size(), "?")) + ") AND (")
                + anyOf(keyColumns, keys.size()) + (firstParts.isEmpty() ? "" : ")"));
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            if (array) {
                Object[] values = keys.stream().map(k -> k.get(0)).toArray();
                s.setArray(1, connection.createArrayOf(keyColumns.get(0).typeName(), values));
            } else {
                int index = 1;
                for (Object first : firstParts.values()) {
                    Values.bind(s, index++, first, keyColumns.get(0), dialect);
                }
                for (List<Object> key : keys) {
                    index = bindKey(s, index, key);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < table.columns().size(); i++) {
                        ColumnInfo column = table.columns().get(i);
                        row.put(column.name(), Values.readImage(rs, i + 1, column, dialect));
                    }
                    List<Object> key = new ArrayList<>();
                    for (ColumnInfo k : keyColumns) {
                        // the key's text as keys are matched everywhere, whatever form the image keeps it in
                        key.add(Values.read(rs, table.columns().indexOf(k) + 1, k));
                    }
                    rows.put(Values.keyText(key), row);
                }
            }
        }
        return rows;
    }

    /** Of these parent keys (no null parts) of a foreign key, the key texts that exist in the parent table. */
    Set<String> existingParents(ForeignKey fk, List<ColumnInfo> childColumns, List<List<Object>> keys)
            throws SQLException {
        Set<String> found = new HashSet<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<ColumnInfo> refColumns = new ArrayList<>();
        for (int i = 0; i < fk.refColumns().size(); i++) {
            ColumnInfo child = childColumns.get(i);
            // the parent column has the child's type (a foreign key requires comparable types)
            refColumns.add(new ColumnInfo(fk.refColumns().get(i), child.type(), child.typeName(), true,
                    child.length(), child.precision(), child.scale(), null, false));
        }
        String select = refColumns.stream().map(c -> dialect.quote(c.name())).collect(Collectors.joining(", "));
        String sql = "SELECT " + select + " FROM " + qualified(dialect, fk.refSchema(), fk.refTable())
                + " WHERE " + anyOf(refColumns, keys.size());
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            int index = 1;
            for (List<Object> key : keys) {
                for (int i = 0; i < refColumns.size(); i++) {
                    Values.bind(s, index++, key.get(i), childColumns.get(i), dialect);
                }
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<Object> key = new ArrayList<>();
                    for (int i = 0; i < refColumns.size(); i++) {
                        key.add(Values.read(rs, i + 1, refColumns.get(i)));
                    }
                    found.add(Values.keyText(key));
                }
            }
        }
        return found;
    }

    /**
     * Whether the target itself refuses, at the statement, a second row with the same natural key: the table's primary
     * key or one of its plain UNIQUE keys (introspected without partial or expression indexes) lies within the key
     * columns and, on PostgreSQL, is checked immediately (a deferrable key would only refuse at commit), which
     * {@code pg_index} tells. A child table of a related batch is keyed by its references, e.g. (mix_id, material_id),
     * which a UNIQUE constraint rather than its generated primary key guards (decision 0031).
     */
    boolean keyRefusedByTarget() throws SQLException {
        List<List<String>> keys = new ArrayList<>();
        if (!table.primaryKey().isEmpty()) {
            keys.add(table.primaryKey());
        }
        keys.addAll(table.uniqueKeys());
        boolean covered = keys.stream().anyMatch(key -> key.stream().allMatch(name -> keyColumns.stream()
                .anyMatch(k -> k.name().equalsIgnoreCase(name))));
        if (!covered || dialect != Dialect.POSTGRESQL) {
            return covered;
        }
        // a plain unique index checked at once whose columns all lie within the key columns
        try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM pg_index i"
                + " WHERE i.indrelid = to_regclass(?) AND i.indisunique AND i.indimmediate AND i.indisvalid"
                + " AND i.indpred IS NULL AND i.indexprs IS NULL AND NOT EXISTS (SELECT 1 FROM unnest(i.indkey) k(n)"
                + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n"
                + " WHERE NOT (a.attname = ANY (?)))")) {
            s.setString(1, quotedTable);
            s.setArray(2, connection.createArrayOf("text", keyColumns.stream().map(ColumnInfo::name).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    /**
     * Whether the target itself refuses, at the statement, a row whose parent is missing, for every one of these
     * foreign keys: on PostgreSQL, a foreign-key constraint that is not deferrable, whose checking triggers are all
     * enabled, in a session that fires them ({@code session_replication_role} origin). Elsewhere false: H2 can switch
     * its referential integrity off for a whole database, which its catalogue does not tell per constraint.
     */
    boolean parentsRefusedByTarget(List<ForeignKey> foreignKeys) throws SQLException {
        if (dialect != Dialect.POSTGRESQL || foreignKeys.isEmpty()) {
            return false;
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM pg_constraint c"
                + " WHERE c.conrelid = to_regclass(?) AND c.conname = ? AND c.contype = 'f' AND NOT c.condeferrable"
                + " AND current_setting('session_replication_role') = 'origin'"
                + " AND EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgconstraint = c.oid AND t.tgrelid = c.conrelid)"
                + " AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgconstraint = c.oid"
                + " AND t.tgrelid = c.conrelid AND t.tgenabled NOT IN ('O', 'A'))")) {
            for (ForeignKey fk : foreignKeys) {
                if (fk.name() == null) {
                    return false;
                }
                s.setString(1, quotedTable);
                s.setString(2, fk.name());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) == 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Whether to look keys up as one array parameter: on PostgreSQL, for a one-column text or whole-number key, a
     * thousand-element {@code IN (?, ...)} costs the server far more to parse and plan than {@code = ANY (?)}.
     */
    private boolean asArray(List<List<Object>> keys) {
        if (dialect != Dialect.POSTGRESQL || keyColumns.size() != 1) {
            return false;
        }
        ColumnInfo key = keyColumns.get(0);
        Class<?> type = switch (key.type()) {
            case CHAR, VARCHAR, LONGVARCHAR, NCHAR, NVARCHAR, LONGNVARCHAR -> String.class;
            case SMALLINT, INTEGER, BIGINT -> Long.class;
            default -> null;
        };
        return type != null && keys.stream().allMatch(k -> type.isInstance(k.get(0)));
    }

    private String anyOf(List<ColumnInfo> columns, int count) {
        if (columns.size() == 1) {
            return dialect.quote(columns.get(0).name()) + " IN (" + String.join(", ", Collections.nCopies(
                    count, "?")) + ")";
        }
        String one = "(" + columns.stream().map(c -> dialect.quote(c.name()) + " = ?")
                .collect(Collectors.joining(" AND ")) + ")";
        return String.join(" OR ", Collections.nCopies(count, one));
    }
}
