package io.sluice.core.database;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a validation judged a table's rows against, in a canonical form: the same table read twice, on H2 or
 * PostgreSQL, gives an equal shape. Constraint names are left out (a CHECK dropped and added again under a new
 * generated name judges rows the same), as are plain indexes and comments, which no finding depends on.
 * {@link #changesSince} says in words what changed.
 *
 * @param table       the table as the catalog names it (schema.name)
 * @param columns     the columns in table order
 * @param primaryKey  the primary key's columns in key order, empty when none
 * @param uniqueKeys  the UNIQUE constraints besides the primary key, each as "a, b" (columns sorted), sorted
 * @param foreignKeys each as "(a, b) references schema.table (x, y)", sorted
 * @param checks      the CHECK conditions as the database writes them back, sorted
 * @param uniqueIndexes the UNIQUE indexes on expressions or with a WHERE, as "(lower(code)) WHERE active", sorted;
 *                    null in a shape a review recorded before Sluice recorded them
 */
public record TableShape(String table, List<Column> columns, List<String> primaryKey, List<String> uniqueKeys,
                         List<String> foreignKeys, List<String> checks, List<String> uniqueIndexes) {

    /** How many changes one sentence names before it counts the rest. */
    private static final int NAMED_CHANGES = 3;

    /**
     * A column as the findings depend on it.
     *
     * @param type         the database's type name with its declared length, or precision and scale
     * @param defaultValue the default as SQL text, or null
     */
    public record Column(String name, String type, boolean nullable, String defaultValue, boolean generated) {

        /** Whether a row may leave it out: a new column like this cannot make an approved row fail. */
        boolean optional() {
            return nullable || defaultValue != null || generated;
        }
    }

    public TableShape {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniqueKeys = List.copyOf(uniqueKeys);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        // null in a shape recorded before these indexes were: nothing to compare them with
        uniqueIndexes = uniqueIndexes == null ? null : List.copyOf(uniqueIndexes);
    }

    /** The shape of an introspected table. */
    public static TableShape of(TableInfo info) {
        List<Column> columns = info.columns().stream().map(c -> new Column(c.name(), typeOf(c), c.nullable(),
                c.defaultValue(), c.generated())).toList();
        List<String> unique = info.uniqueKeys().stream()
                .map(key -> String.join(", ", new TreeSet<>(key))).sorted().toList();
        List<String> foreign = info.foreignKeys().stream()
                .map(fk -> "(" + String.join(", ", fk.columns()) + ") references "
                        + (fk.refSchema() == null ? "" : fk.refSchema() + ".") + fk.refTable()
                        + " (" + String.join(", ", fk.refColumns()) + ")").sorted().toList();
        List<String> checks = info.checks().stream().map(c -> c.expression().strip()).sorted().toList();
        return new TableShape(info.qualifiedName(), columns, info.primaryKey(), unique, foreign, checks,
                info.uniqueIndexes().stream().sorted().toList());
    }

    private static String typeOf(ColumnInfo column) {
        String name = column.typeName() == null ? column.type().getName() : column.typeName();
        if (column.length() != null) {
            return name + "(" + column.length() + ")";
        }
        if (column.precision() != null) {
            return name + "(" + column.precision() + (column.scale() == null ? "" : ", " + column.scale()) + ")";
        }
        return column.scale() == null || column.scale() == 0 ? name : name + "(scale " + column.scale() + ")";
    }

    /**
     * Whether one of the foreign keys references this table itself (an employee's manager), read from the recorded
     * text, so that a review can tell without asking the database.
     */
    public boolean referencesItself() {
        String own = table.toLowerCase(Locale.ROOT);
        String ownName = own.substring(own.lastIndexOf('.') + 1);
        for (String fk : foreignKeys) {
            int at = fk.lastIndexOf(") references ");
            int columns = fk.lastIndexOf(" (");
            if (at < 0 || columns <= at) {
                continue;
            }
            String referenced = fk.substring(at + ") references ".length(), columns).toLowerCase(Locale.ROOT);
            boolean qualified = referenced.contains(".") && own.contains(".");
            if (qualified ? referenced.equals(own) : referenced.substring(referenced.lastIndexOf('.') + 1)
                    .equals(ownName)) {
                return true;
            }
        }
        return false;
    }

    /** In words, for a summary: "15 columns, primary key (id), 1 UNIQUE key, 1 foreign key, 6 CHECK constraints". */
    public String summary() {
        List<String> parts = new ArrayList<>();
        parts.add(counted(columns.size(), "column"));
        if (!primaryKey.isEmpty()) {
            parts.add("primary key (" + String.join(", ", primaryKey) + ")");
        }
        int unique = uniqueKeys.size() + (uniqueIndexes == null ? 0 : uniqueIndexes.size());
        if (unique > 0) {
            parts.add(counted(unique, "UNIQUE key"));
        }
        if (!foreignKeys.isEmpty()) {
            parts.add(counted(foreignKeys.size(), "foreign key"));
        }
        if (!checks.isEmpty()) {
            parts.add(counted(checks.size(), "CHECK constraint"));
        }
        return String.join(", ", parts);
    }

    private static String counted(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * What changed since {@code recorded} that can make the findings judged against it untrue, in words ("a CHECK
     * constraint (cement_kg > 100) was added"), at most a few named and the rest counted; empty when nothing did. A
     * new column that a row may leave out (nullable, defaulted or generated) is no such change: rows valid before
     * stay valid, and a constraint on it shows as a constraint of its own.
     */
    public List<String> changesSince(TableShape recorded) {
        List<String> changes = new ArrayList<>();
        Map<String, Column> now = byName(columns);
        Map<String, Column> before = byName(recorded.columns);
        before.forEach((name, was) -> {
            Column is = now.get(name);
            if (is == null) {
                changes.add("the column " + was.name() + " was dropped");
                return;
            }
            if (!is.type().equals(was.type())) {
                changes.add("the column " + is.name() + " changed from " + was.type() + " to " + is.type());
            }
            if (is.nullable() != was.nullable()) {
                changes.add("the column " + is.name() + (is.nullable() ? " now allows NULL" : " became NOT NULL"));
            }
            if (!Objects.equals(is.defaultValue(), was.defaultValue())) {
                changes.add("the default of column " + is.name() + " changed");
            }
            if (is.generated() != was.generated()) {
                changes.add("the column " + is.name() + (is.generated() ? " became" : " is no longer") + " generated");
            }
        });
        now.forEach((name, is) -> {
            if (!before.containsKey(name) && !is.optional()) {
                changes.add("a required column " + is.name() + " was added");
            }
        });
        if (!primaryKey.equals(recorded.primaryKey)) {
            changes.add(primaryKey.isEmpty() ? "the primary key was dropped"
                    : "the primary key is now (" + String.join(", ", primaryKey) + ")");
        }
        compare(recorded.uniqueKeys, uniqueKeys, "a UNIQUE constraint on (%s)", changes);
        compare(recorded.foreignKeys, foreignKeys, "a foreign key %s", changes);
        compare(recorded.checks, checks, "a CHECK constraint (%s)", changes);
        if (recorded.uniqueIndexes != null && uniqueIndexes != null) {
            compare(recorded.uniqueIndexes, uniqueIndexes, "a UNIQUE index on %s", changes);
        }
        if (changes.size() <= NAMED_CHANGES) {
            return List.copyOf(changes);
        }
        List<String> named = new ArrayList<>(changes.subList(0, NAMED_CHANGES));
        int more = changes.size() - NAMED_CHANGES;
        named.add(more + " more change" + (more == 1 ? "" : "s"));
        return List.copyOf(named);
    }

    private static void compare(List<String> before, List<String> now, String what, List<String> changes) {
        now.stream().filter(x -> !before.contains(x)).forEach(x -> changes.add(String.format(Locale.ROOT, what, x)
                + " was added"));
        before.stream().filter(x -> !now.contains(x)).forEach(x -> changes.add(String.format(Locale.ROOT, what, x)
                + " was dropped"));
    }

    /** Columns by name in table order; the catalog keeps one spelling of a name, so names compare exactly. */
    private static Map<String, Column> byName(List<Column> columns) {
        Map<String, Column> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        return byName;
    }
}
