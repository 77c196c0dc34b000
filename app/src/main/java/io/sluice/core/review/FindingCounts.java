package io.sluice.core.review;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many findings a review holds, for the summary bar and the exit code. A clean row is one of
 * {@code rowCount - rowsWithFindings}.
 *
 * @param rowsWithErrors   rows with at least one error
 * @param rowsWithWarnings rows with at least one warning (they may also have errors)
 * @param rowsWithFindings rows with at least one finding of either severity
 * @param errors           error findings in all
 * @param warnings         warning findings in all
 * @param byRule           findings per rule id, sorted by rule id
 * @param byColumn         findings per source column, sorted by column name; row-level findings are not counted here
 */
public record FindingCounts(long rowsWithErrors, long rowsWithWarnings, long rowsWithFindings, long errors,
                            long warnings, Map<String, Long> byRule, Map<String, Long> byColumn) {

    public FindingCounts {
        byRule = Collections.unmodifiableMap(new LinkedHashMap<>(byRule));
        byColumn = Collections.unmodifiableMap(new LinkedHashMap<>(byColumn));
    }
}
