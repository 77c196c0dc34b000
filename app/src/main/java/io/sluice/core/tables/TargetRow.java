package io.sluice.core.tables;

import io.sluice.core.mapping.MappedRow;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One row for one target table, made from one source row by a {@link TableExpansion}.
 *
 * @param table      the target table
 * @param sheet      the source sheet it came from
 * @param sourceRow  1-based number of the source row as the spreadsheet shows it
 * @param legacyId   the text of the part's legacy-id column, or null
 * @param values     the mapped values by target column; a reference column holds the parent's natural key, typed as
 *                   that key (see {@link #references()})
 * @param origins    where each value came from, by target column (lower case)
 * @param references the reference columns, to be resolved to the parent's key at commit, in mapping order
 */
public record TargetRow(String table, String sheet, long sourceRow, String legacyId, MappedRow values,
                        Map<String, ValueOrigin> origins, List<ParentKey> references) {

    public TargetRow {
        origins = Map.copyOf(origins);
        references = List.copyOf(references);
    }

    /** Where the value of that target column (any case) came from, or null when the column is not mapped. */
    public ValueOrigin origin(String column) {
        return origins.get(column.toLowerCase(Locale.ROOT));
    }
}
