package io.sluice.core.tables;

/**
 * A reference column of a target row and the parent row it points to, named by the parent's natural key: the commit
 * puts the parent's key (e.g. its generated id) in place of {@code value}.
 *
 * @param column          the referencing target column, e.g. mix_id
 * @param parentTable     the parent table, e.g. concrete_mix
 * @param parentKeyColumn the parent's natural-key column the value is looked up in, e.g. mix_code
 * @param value           the natural-key value, typed as the parent's key column; null when the cell was blank
 */
public record ParentKey(String column, String parentTable, String parentKeyColumn, Object value) {
}
