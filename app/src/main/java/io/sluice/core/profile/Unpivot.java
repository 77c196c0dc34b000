package io.sluice.core.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Turns a set of source columns into rows: each non-blank cell of {@code columns} makes one target row, its column's
 * header (after the header's transforms, e.g. a {@code map} from "Cement (kg/m3)" to "Cement") going to one target
 * column and the cell (after the value's transforms) to another.
 *
 * @param columns source column headers to unpivot, in the order their rows are made
 * @param header  where each column's header goes
 * @param value   where each cell goes
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Unpivot(List<String> columns, UnpivotTarget header, UnpivotTarget value) {

    @JsonCreator
    public Unpivot {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }
}
