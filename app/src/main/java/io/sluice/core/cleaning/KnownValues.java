package io.sluice.core.cleaning;

import io.sluice.core.database.TableInfo;

import java.util.List;

/**
 * A set of valid values a rule compares with: a fixed list ({@code allowed} values, a CHECK {@code IN} list) or a
 * column of a table in the target (a foreign key's parent keys, a {@code lookup} rule's key). Two rules on the same
 * table column share one set, so it is read once.
 *
 * A reference between the tables of a workbook takes both: the parent table's key column and the keys the parent's
 * sheet brings.
 *
 * @param listed     the values of a fixed list, or empty for a table column alone
 * @param schema     the table's schema, or null (for a table column)
 * @param table      the table, or null for a fixed list
 * @param column     the column holding the valid values, or null for a fixed list
 * @param listedFrom where the listed values come from when they join a table column (a sheet), else null
 */
public record KnownValues(List<String> listed, String schema, String table, String column, String listedFrom) {

    public KnownValues {
        listed = listed == null ? List.of() : List.copyOf(listed);
    }

    /** A fixed list of values. */
    public static KnownValues listed(List<String> values) {
        return new KnownValues(values, null, null, null, null);
    }

    /** The values of one column of a target table. */
    public static KnownValues column(String schema, String table, String column) {
        return new KnownValues(List.of(), schema, table, column, null);
    }

    /**
     * The values of one column of a target table and those {@code values} brings besides: the keys of a parent
     * table and of its sheet in the same workbook.
     *
     * @param from where the extra values come from, for messages ("sheet Materials")
     */
    public static KnownValues columnAnd(String schema, String table, String column, List<String> values,
                                        String from) {
        return new KnownValues(values, schema, table, column, from);
    }

    public boolean isTableColumn() {
        return table != null;
    }

    /**
     * "supplier.code", "ref.material.code" (a table outside public named with its schema), "a list of 4 values" or
     * "supplier.code and sheet Suppliers", for messages.
     */
    public String describe() {
        if (!isTableColumn()) {
            return "a list of " + listed.size() + " values";
        }
        return TableInfo.reference(schema, table) + "." + column + (listedFrom == null ? "" : " and " + listedFrom);
    }
}
