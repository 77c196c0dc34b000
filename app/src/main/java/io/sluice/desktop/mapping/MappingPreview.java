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

    /** The line above the preview: how many rows it shows and how many values do not convert. */
    public String summary() {
        long problems = problems();
        return "the first " + rows.size() + " rows as they will be imported" + (problems == 0
                ? "; every value converts"
                : "; " + problems + " value" + (problems == 1 ? " does" : "s do") + " not convert (red)");
    }
}
