package io.sluice.core.cleaning;

import java.util.List;

/**
 * A set of valid values a rule compares with: a fixed list ({@code allowed} values, a CHECK {@code IN} list) or a
 * column of a table in the target (a foreign key's parent keys, a {@code lookup} rule's key). Two rules on the same
 * table column share one set, so it is read once.
 *
 * @param listed the values of a fixed list, or empty for a table column
 * @param schema the table's schema, or null (for a table column)
 * @param table  the table, or null for a fixed list
 * @param column the column holding the valid values, or null for a fixed list
 */
public record KnownValues(List<String> listed, String schema, String table, String column) {

    public KnownValues {
        listed = listed == null ? List.of() : List.copyOf(listed);
    }

    /** A fixed list of values. */
    public static KnownValues listed(List<String> values) {
        return new KnownValues(values, null, null, null);
    }

    /** The values of one column of a target table. */
    public static KnownValues column(String schema, String table, String column) {
        return new KnownValues(List.of(), schema, table, column);
    }

    public boolean isTableColumn() {
        return table != null;
    }

    /** "supplier.code" or "a list of 4 values", for messages. */
    public String describe() {
        return isTableColumn() ? table + "." + column : "a list of " + listed.size() + " values";
    }
}
