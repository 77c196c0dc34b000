package io.sluice.core.validate;

import java.math.BigDecimal;

/**
 * One quality gate measured: the metric, its unit, the threshold, the action, the measured value (null when it
 * could not be measured, e.g. a review never validated) and the outcome.
 *
 * @param metric   completeness, validity, uniqueness, overall, errorRows or rejectedRows
 * @param unit     percent or count
 * @param min      the lowest value that passes, or null
 * @param max      the highest value that passes, or null
 * @param action   warn or block
 * @param measured the value measured (percent with one decimal, or a count), or null when unknown
 * @param status   passed, warned or blocked
 */
public record GateResult(String metric, String unit, BigDecimal min, BigDecimal max, String action,
                         BigDecimal measured, GateStatus status) {

    /** Whether the gate failed (warned or blocked). */
    public boolean failed() {
        return status != GateStatus.PASSED;
    }

    /** The threshold in words, e.g. "at least 98%", "at most 0", "between 1 and 5%". */
    public String threshold() {
        if (min != null && max != null) {
            return "between " + min.toPlainString() + " and " + value(max);
        }
        return min != null ? "at least " + value(min) : "at most " + value(max);
    }

    /** The measured value in words, e.g. "95.2%", "3", "not measured". */
    public String measuredText() {
        return measured == null ? "not measured" : value(measured);
    }

    /** One line: "completeness 95.2% (needs at least 98%): blocked". */
    public String line() {
        return metric + " " + measuredText() + " (needs " + threshold() + "): " + status.code();
    }

    private String value(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString() + ("percent".equals(unit) ? "%" : "");
    }
}
