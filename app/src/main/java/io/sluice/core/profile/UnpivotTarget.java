package io.sluice.core.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The target column an unpivoted header or cell goes to, and the transforms applied to it first.
 *
 * @param target     target column name
 * @param transforms transforms applied in order, as in a column mapping
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record UnpivotTarget(String target, List<TransformSpec> transforms) {

    @JsonCreator
    public UnpivotTarget {
        transforms = transforms == null ? List.of() : List.copyOf(transforms);
    }

    /** A target column taking the header or cell text unchanged. */
    public static UnpivotTarget of(String target) {
        return new UnpivotTarget(target, List.of());
    }
}
