package io.sluice.core.validate;

/**
 * Quality of one row, each 0-100.
 *
 * @param completeness share of mapped cells that hold a value
 * @param validity     share of mapped cells without an error finding
 * @param uniqueness   100, or 0 when the row repeats a key of an earlier row
 * @param errors       number of error findings
 * @param warnings     number of warning findings
 */
public record RowScore(int completeness, int validity, int uniqueness, int errors, int warnings) {

    /** The mean of completeness, validity and uniqueness. */
    public int overall() {
        return Math.round((completeness + validity + uniqueness) / 3f);
    }
}
