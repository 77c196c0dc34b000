package io.sluice.core.database;

import java.util.List;
import java.util.Optional;

/**
 * A target table as introspected through JDBC metadata and the catalog.
 *
 * @param schema      schema name, or null
 * @param name        table name as stored in the catalog
 * @param columns     columns in table order
 * @param primaryKey  primary key columns in key order, empty when none
 * @param uniqueKeys  UNIQUE constraints/indexes other than the primary key, each a list of columns
 * @param foreignKeys foreign keys
 * @param checks      CHECK constraints (excluding NOT NULL checks)
 * @param uniqueIndexes UNIQUE indexes on expressions or with a WHERE (PostgreSQL), each as the database writes its
 *                    key and condition back, e.g. "(lower(code)) WHERE active": no row rule checks them, but the
 *                    shape a review records does (see {@code TableShape})
 */
public record TableInfo(String schema, String name, List<ColumnInfo> columns, List<String> primaryKey,
                        List<List<String>> uniqueKeys, List<ForeignKey> foreignKeys, List<CheckConstraint> checks,
                        List<String> uniqueIndexes) {

    public TableInfo {
        uniqueIndexes = List.copyOf(uniqueIndexes);
    }

    /** A table without UNIQUE indexes on expressions or with a WHERE. */
    public TableInfo(String schema, String name, List<ColumnInfo> columns, List<String> primaryKey,
                     List<List<String>> uniqueKeys, List<ForeignKey> foreignKeys, List<CheckConstraint> checks) {
        this(schema, name, columns, primaryKey, uniqueKeys, foreignKeys, checks, List.of());
    }

    /** The column with that name, compared case-insensitively. */
    public Optional<ColumnInfo> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    /**
     * The name a profile refers to the table by, which {@link TargetDatabase#table} finds it by again: the bare name
     * in the default schema (public on both databases), schema.name in any other.
     */
    public String reference() {
        return reference(schema, name);
    }

    /**
     * {@link #reference()} of table {@code name} in {@code schema}: in SQL's quoted form ({@code "Lab.Data"."Run"})
     * where the plain one would be read as another table.
     */
    public static String reference(String schema, String name) {
        return QuotedName.of(schema == null || schema.equalsIgnoreCase("public") ? null : schema, name);
    }

    /** schema.name or name, for messages. */
    public String qualifiedName() {
        return schema == null ? name : schema + "." + name;
    }
}
