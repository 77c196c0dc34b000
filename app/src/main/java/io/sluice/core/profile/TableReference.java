package io.sluice.core.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A target column that holds a parent's natural key rather than the parent's key: e.g. {@code mix_component.mix_id}
 * is mapped from the mix code and resolved at commit, through {@code concrete_mix.mix_code}, to the id of the mix,
 * whether that mix is new in the same batch or already in the target.
 *
 * @param column the referencing target column of this table
 * @param table  the parent table, another part of the same profile
 * @param key    the parent's natural-key column the value is looked up in; defaults to the parent part's natural
 *               key (one column)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TableReference(String column, String table, List<String> key) {

    @JsonCreator
    public TableReference {
        key = key == null ? List.of() : List.copyOf(key);
    }
}
