package io.sluice.core.rules;

import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which of some keys a table of the target already holds, asked many keys per query and remembered (bounded): what a
 * check of references between the tables of one workbook asks about parents that are not in the workbook itself.
 */
public final class TargetKeys {

    private final KeyLookup lookup;

    /** Keys of {@code columns} of that table; the columns are checked against the table's own description. */
    public TargetKeys(TargetDatabase db, TableInfo table, List<String> columns) {
        this.lookup = new KeyLookup(db, table, columns, KeyLookup.LOOKUP_CACHE);
    }

    /** The canonical texts ({@link KeyText#of(Object)} of the key's list) of those keys the table holds. */
    public Set<String> existing(Collection<List<Object>> keys) {
        return lookup.existing(keys);
    }
}
