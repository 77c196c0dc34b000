package io.sluice.core.profile;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * One steward rule as written in the profile. {@code type} names it; the other fields are its parameters (see
 * README, "Rules"). Columns are target column names.
 * <ul>
 *   <li>{@code range}: {@code column} between {@code min} and {@code max} (either optional, inclusive)</li>
 *   <li>{@code pattern}: {@code column} matches the regular expression {@code pattern} in full</li>
 *   <li>{@code allowed}: {@code column} is one of {@code values}</li>
 *   <li>{@code unique}: {@code columns} together are unique within the file</li>
 *   <li>{@code lookup}: {@code column} exists in {@code table}.{@code key} of the target database</li>
 *   <li>{@code required}: {@code column} must have a value; only {@code when} the expression holds, if given</li>
 *   <li>{@code expression}: {@code expression} is true, or, with {@code min}/{@code max}, its value lies between
 *       them (e.g. {@code water_kg / cement_kg} between 0.25 and 0.80)</li>
 * </ul>
 *
 * @param severity error (default) or warning
 * @param message  optional plain-words message replacing the generated one
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record RuleSpec(String id, String type, String column, List<String> columns, BigDecimal min, BigDecimal max,
                       String pattern, List<String> values, String table, String key, String when, String expression,
                       String severity, String message) {

    public RuleSpec {
        columns = columns == null ? List.of() : List.copyOf(columns);
        values = values == null ? List.of() : List.copyOf(values);
    }
}
