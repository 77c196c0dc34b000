package io.sluice.core.profile;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * One quality gate as written in the profile: a measure of the validated rows that must lie within {@code min} and
 * {@code max} (either optional, inclusive) for an import to go ahead (see README, "Quality gates").
 *
 * @param metric completeness, validity, uniqueness, overall (scores in percent), errorRows or rejectedRows
 * @param min    the lowest value that passes, or null
 * @param max    the highest value that passes, or null
 * @param unit   for errorRows and rejectedRows: count (default) or percent of the rows; scores are always percent
 * @param action block: a failed gate refuses the import; warn: it is reported and the import goes on
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record GateSpec(String metric, BigDecimal min, BigDecimal max, String unit, String action) {
}
