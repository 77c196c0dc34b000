package io.sluice.core.validate;

import java.util.Map;

/**
 * Counts and quality scores of a validated file.
 *
 * @param rows         data rows read
 * @param valid        rows without error findings
 * @param withErrors   rows with at least one error finding
 * @param withWarnings rows with at least one warning finding
 * @param errors       error findings
 * @param warnings     warning findings
 * @param scores       file quality scores
 * @param byRule       findings per rule id, most frequent first
 * @param byColumn     findings per source column (row-level findings under "(row)"), most frequent first
 */
public record ValidationSummary(long rows, long valid, long withErrors, long withWarnings, long errors, long warnings,
                                FileScores scores, Map<String, Long> byRule, Map<String, Long> byColumn) {

    /**
     * File quality scores, 0-100 with one decimal.
     *
     * @param completeness filled mapped cells / all mapped cells
     * @param validity     mapped cells without an error finding / all mapped cells
     * @param uniqueness   rows whose key does not repeat an earlier row / all rows
     * @param overall      mean of the three
     */
    public record FileScores(double completeness, double validity, double uniqueness, double overall) {
    }
}
