package io.sluice.core.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One transform step of a column mapping, as written in the profile. {@code op} names it; the other fields are its
 * parameters (see README, "Transforms"):
 * <ul>
 *   <li>{@code trim}; {@code upper}; {@code lower}; {@code title}; {@code collapse-spaces}</li>
 *   <li>{@code replace}: {@code from} → {@code to}, literal unless {@code regex} is true</li>
 *   <li>{@code null-if}: {@code values} that mean "no value" for this column</li>
 *   <li>{@code number}: {@code locale} (e.g. de-DE) or {@code decimal}/{@code grouping} separators</li>
 *   <li>{@code date}: one or more {@code patterns} tried in order (java.time patterns)</li>
 *   <li>{@code default}: {@code value} when the value is empty</li>
 *   <li>{@code split}: by {@code separator}, keep part {@code index} (0-based; negative counts from the end)</li>
 *   <li>{@code map}: a value equal to a key of {@code map} (exactly: case and spaces matter) becomes the key's
 *   value; other values pass unchanged</li>
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TransformSpec(String op, String from, String to, Boolean regex, List<String> values, String locale,
                            String decimal, String grouping, List<String> patterns, String value, String separator,
                            Integer index, Map<String, String> map) {

    @JsonCreator
    public TransformSpec {
        // a map's order is the profile author's; keep it so that the file reads back as written
        map = map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** A transform without a {@code map} table. */
    public TransformSpec(String op, String from, String to, Boolean regex, List<String> values, String locale,
                         String decimal, String grouping, List<String> patterns, String value, String separator,
                         Integer index) {
        this(op, from, to, regex, values, locale, decimal, grouping, patterns, value, separator, index, null);
    }

    public static TransformSpec of(String op) {
        return new TransformSpec(op, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A {@code map} transform: each key, matched exactly, becomes its value. */
    public static TransformSpec map(Map<String, String> table) {
        return new TransformSpec("map", null, null, null, null, null, null, null, null, null, null, null, table);
    }
}
