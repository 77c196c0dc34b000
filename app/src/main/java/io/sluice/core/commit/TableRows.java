package io.sluice.core.commit;

import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.TableInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The approved rows for one target table of a related-tables batch: the table, its mapped columns (in table order;
 * kept as the table describes them, also when given from a {@link #mappingView}), the source sheet (recorded in provenance), the mode and natural key, the
 * references resolved through a parent's natural key, and the rows, streamed once per plan or commit.
 */
public record TableRows(TableInfo table, List<ColumnInfo> columns, String sheet, ImportMode mode,
                        List<String> naturalKey, List<Reference> references, Iterable<ApprovedRow> rows) {

    public TableRows {
        Objects.requireNonNull(table, "table");
        // the table's own descriptions, so columns of a mapping view (see mappingView) can be passed as they are
        List<ColumnInfo> own = new ArrayList<>();
        for (ColumnInfo c : Objects.requireNonNull(columns, "columns")) {
            own.add(table.column(c.name()).orElseThrow(() -> new IllegalArgumentException("Table " + table.name()
                    + " has no column " + c.name())));
        }
        columns = List.copyOf(own);
        Objects.requireNonNull(mode, "mode");
        naturalKey = List.copyOf(Objects.requireNonNull(naturalKey, "naturalKey"));
        if (naturalKey.isEmpty()) {
            throw new IllegalArgumentException("Table " + table.name() + " needs a natural key of at least one column");
        }
        references = references == null ? List.of() : List.copyOf(references);
        Objects.requireNonNull(rows, "rows");
    }

    /**
     * The child table as a mapping should see it: each reference column takes the type of the parent natural-key
     * column it holds (text for a name, say, where the table stores an integer id), so a {@code Mapper} compiled over
     * this view types the natural-key values the commit resolves. {@code parents} gives each parent table by name.
     */
    public static TableInfo mappingView(TableInfo child, List<Reference> references, Map<String, TableInfo> parents) {
        List<ColumnInfo> columns = new ArrayList<>(child.columns());
        for (Reference reference : references) {
            TableInfo parent = parents.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(reference.parentTable())).map(Map.Entry::getValue)
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("No parent table "
                            + reference.parentTable() + " given"));
            for (int i = 0; i < reference.columns().size(); i++) {
                String name = reference.columns().get(i);
                ColumnInfo key = parent.column(reference.parentNaturalKey().get(i)).orElseThrow(() ->
                        new IllegalArgumentException("Table " + parent.name() + " has no column "
                                + reference.parentNaturalKey()));
                for (int c = 0; c < columns.size(); c++) {
                    ColumnInfo own = columns.get(c);
                    if (own.name().equalsIgnoreCase(name)) {
                        columns.set(c, new ColumnInfo(own.name(), key.type(), key.typeName(), own.nullable(),
                                key.length(), key.precision(), key.scale(), null, false));
                    }
                }
            }
        }
        return child.with(columns, child.primaryKey(), child.uniqueKeys(), child.foreignKeys(), child.checks());
    }
}
