package io.sluice.core.commit;

import java.util.List;
import java.util.Objects;

/**
 * A foreign key of a related-tables batch's table resolved through the parent's natural key: the child's mapped
 * values in {@code columns} are the parent's natural-key values (one per key column, in order), and the commit puts
 * the parent's referenced key (its generated id) there instead. The parent may be new in the same batch or already in
 * the target.
 *
 * @param columns          the child's foreign-key columns, e.g. {@code [mix_id]}
 * @param parentTable      the referenced table, e.g. {@code concrete_mix}
 * @param parentNaturalKey the parent's natural-key columns the values are looked up in, e.g. {@code [mix_code]}
 */
public record Reference(List<String> columns, String parentTable, List<String> parentNaturalKey) {

    public Reference {
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        Objects.requireNonNull(parentTable, "parentTable");
        parentNaturalKey = List.copyOf(Objects.requireNonNull(parentNaturalKey, "parentNaturalKey"));
        if (columns.isEmpty() || columns.size() != parentNaturalKey.size()) {
            throw new IllegalArgumentException("A reference needs one child column per parent natural-key column");
        }
    }
}
