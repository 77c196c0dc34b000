package io.sluice.core.profile;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Where one target column's value comes from. Exactly one of {@code source}, {@code sources} (joined with
 * {@code separator}) or {@code constant} is set; {@code transforms} then apply in order.
 *
 * @param target     target column name
 * @param source     source column header
 * @param sources    several source columns concatenated (concat)
 * @param separator  separator for {@code sources}; default one space
 * @param constant   a constant value for every row
 * @param transforms transforms applied in order to the source text
 * @param confidence suggestion confidence 0-100 (informational; set by {@code suggest})
 * @param reason     why this mapping was suggested (informational)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ColumnMapping(String target, String source, List<String> sources, String separator, String constant,
                            List<TransformSpec> transforms, Integer confidence, String reason) {

    public ColumnMapping {
        sources = sources == null ? List.of() : List.copyOf(sources);
        transforms = transforms == null ? List.of() : List.copyOf(transforms);
    }

    /** A plain one-to-one mapping. */
    public static ColumnMapping of(String source, String target) {
        return new ColumnMapping(target, source, null, null, null, null, null, null);
    }

    /** Every source column this mapping reads. */
    public List<String> sourceColumns() {
        if (source != null) {
            return List.of(source);
        }
        return sources;
    }
}
