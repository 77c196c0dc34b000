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
 * @param reference   the name a profile refers to the table by, which {@link TargetDatabase#table} finds it by
 *                    again on the connection it was read through: the bare name in that connection's default schema
 *                    when that is public (PUBLIC on H2), {@code schema.name} otherwise, in SQL's quoted form where
 *                    the plain one would be read as another table ({@code "Lab.Data"."Run"})
 */
public record TableInfo(String schema, String name, List<ColumnInfo> columns, List<String> primaryKey,
                        List<List<String>> uniqueKeys, List<ForeignKey> foreignKeys, List<CheckConstraint> checks,
                        List<String> uniqueIndexes, String reference) {

    public TableInfo {
        uniqueIndexes = List.copyOf(uniqueIndexes);
    }

    /** A table named as on a connection whose default schema is public, e.g. one described by hand. */
    public TableInfo(String schema, String name, List<ColumnInfo> columns, List<String> primaryKey,
                     List<List<String>> uniqueKeys, List<ForeignKey> foreignKeys, List<CheckConstraint> checks,
                     List<String> uniqueIndexes) {
        this(schema, name, columns, primaryKey, uniqueKeys, foreignKeys, checks, uniqueIndexes,
                reference(schema, name));
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

    /** The same table with other columns and constraints (a view of it a rule or a commit works on). */
    public TableInfo with(List<ColumnInfo> columns, List<String> primaryKey, List<List<String>> uniqueKeys,
                          List<ForeignKey> foreignKeys, List<CheckConstraint> checks) {
        return new TableInfo(schema, name, columns, primaryKey, uniqueKeys, foreignKeys, checks, uniqueIndexes,
                reference);
    }

    /**
     * {@link #reference()} of table {@code name} in {@code schema} on a connection whose default schema is public:
     * in SQL's quoted form ({@code "Lab.Data"."Run"}) where the plain one would be read as another table.
     */
    public static String reference(String schema, String name) {
        return QuotedName.of(schema == null || schema.equalsIgnoreCase("public") ? null : schema, name);
    }

    /** schema.name or name, for messages. */
    public String qualifiedName() {
        return schema == null ? name : schema + "." + name;
    }
}
