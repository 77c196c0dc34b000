package io.sluice.core.profile;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * One steward rule as written in the profile. {@code type} names it; the other fields are its parameters (see
 * README, "Rules"). Columns are target column names.
 * <ul>
 *   <li>{@code range}: {@code column} between {@code min} and {@code max} (either optional, inclusive unless
 *       {@code minExclusive} / {@code maxExclusive} is true)</li>
 *   <li>{@code pattern}: {@code column} matches the regular expression {@code pattern} in full</li>
 *   <li>{@code allowed}: {@code column} is one of {@code values}, ignoring upper and lower case when
 *       {@code ignoreCase} is true</li>
 *   <li>{@code unique}: {@code columns} together are unique within the file</li>
 *   <li>{@code lookup}: {@code column} exists in {@code table}.{@code key} of the target database</li>
 *   <li>{@code required}: {@code column} must have a value; only {@code when} the expression holds, if given</li>
 *   <li>{@code expression}: {@code expression} is true, or, with {@code min}/{@code max}, its value lies between
 *       them (e.g. {@code water_kg / cement_kg} between 0.25 and 0.80), bounds exclusive as for {@code range}</li>
 * </ul>
 *
 * @param severity     error (default) or warning
 * @param message      optional plain-words message replacing the generated one
 * @param minExclusive true when a value equal to {@code min} fails; null or false: {@code min} itself passes
 * @param maxExclusive true when a value equal to {@code max} fails; null or false: {@code max} itself passes
 * @param ignoreCase   true when an {@code allowed} rule accepts "nord" for NORD; null or false: case matters
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RuleSpec(String id, String type, String column, List<String> columns, BigDecimal min, BigDecimal max,
                       String pattern, List<String> values, String table, String key, String when, String expression,
                       String severity, String message, Boolean minExclusive, Boolean maxExclusive,
                       Boolean ignoreCase) {

    @JsonCreator
    public RuleSpec {
        columns = columns == null ? List.of() : List.copyOf(columns);
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** A rule without the bound and case options: bounds inclusive, case significant. */
    public RuleSpec(String id, String type, String column, List<String> columns, BigDecimal min, BigDecimal max,
                    String pattern, List<String> values, String table, String key, String when, String expression,
                    String severity, String message) {
        this(id, type, column, columns, min, max, pattern, values, table, key, when, expression, severity, message,
                null, null, null);
    }

    /** Whether a value equal to {@code min} fails. */
    public boolean excludesMin() {
        return Boolean.TRUE.equals(minExclusive);
    }

    /** Whether a value equal to {@code max} fails. */
    public boolean excludesMax() {
        return Boolean.TRUE.equals(maxExclusive);
    }

    /** Whether an {@code allowed} rule compares texts ignoring upper and lower case. */
    public boolean ignoresCase() {
        return Boolean.TRUE.equals(ignoreCase);
    }

    /** The same rule under another id. */
    public RuleSpec withId(String newId) {
        return new RuleSpec(newId, type, column, columns, min, max, pattern, values, table, key, when, expression,
                severity, message, minExclusive, maxExclusive, ignoreCase);
    }

    /** The same rule with both bounds, and whether each is exclusive (null: inclusive). */
    public RuleSpec withBounds(BigDecimal newMin, Boolean newMinExclusive, BigDecimal newMax,
                               Boolean newMaxExclusive) {
        return new RuleSpec(id, type, column, columns, newMin, newMax, pattern, values, table, key, when, expression,
                severity, message, newMinExclusive, newMaxExclusive, ignoreCase);
    }
}
