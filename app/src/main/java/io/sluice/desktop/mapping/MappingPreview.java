package io.sluice.desktop.mapping;

import io.sluice.core.mapping.MappedValue;

import java.util.List;

/**
 * The first source rows as the current mapping turns them into target values, conversion problems included.
 *
 * @param columns the mapped target columns, in table order
 * @param rows    one entry per previewed source row
 */
public record MappingPreview(List<String> columns, List<Row> rows) {

    /** A source row's mapped values, in the order of {@link #columns()}. */
    public record Row(long number, List<MappedValue> values) {
    }

    /** How many previewed values could not be converted. */
    public long problems() {
        return rows.stream().flatMap(r -> r.values().stream()).filter(MappedValue::hasError).count();
    }
}
