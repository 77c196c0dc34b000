package io.sluice.core.usecase;

import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TargetDatabase;

import java.util.List;

/**
 * The target's tables and their columns as pick lists, e.g. for a lookup rule's table and key: names as the
 * database spells them, Sluice's own bookkeeping tables left out. A missing table fails with one sentence naming
 * the tables there are.
 */
public final class TargetTables {

    private TargetTables() {
    }

    /**
     * The tables rows can be imported into, as a profile names them: those of every schema the target shows that
     * the connection's role may insert into, the default schema's first by their bare names, then
     * {@code schema.name}; system schemas left out. A table the role may only read is not offered, so a mapping is
     * never built onto a table whose import the database would refuse.
     */
    public static List<String> names(TargetDatabase db) {
        return db.writableTablesOfEverySchema();
    }

    /**
     * Every table of every schema the target shows, those the role may only read included (a lookup rule's table
     * needs no more), named as in {@link #names}.
     */
    public static List<String> lookupTables(TargetDatabase db) {
        return db.tablesOfEverySchema();
    }

    /** The columns of {@code table}, found case-insensitively, in the table's order. */
    public static List<String> columns(TargetDatabase db, String table) {
        return db.table(table).columns().stream().map(ColumnInfo::name).toList();
    }
}
