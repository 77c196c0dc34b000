package io.sluice.core.database;

import java.util.List;

/** A foreign key of a target table: {@code columns} reference {@code refColumns} of {@code refTable}. */
public record ForeignKey(String name, List<String> columns, String refSchema, String refTable, List<String> refColumns) {

    /**
     * Whether the key points at that table: the same schema and name as the catalog stores them, so that a parent
     * in one schema is never taken for a table of the same name in another.
     */
    public boolean pointsAt(TableInfo table) {
        return refTable.equals(table.name())
                && (refSchema == null || table.schema() == null || refSchema.equals(table.schema()));
    }
}
