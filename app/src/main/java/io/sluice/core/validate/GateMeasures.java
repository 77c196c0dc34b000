package io.sluice.core.validate;

/**
 * What the quality gates measure: the rows, the rows with error findings, the rows rejected (for a file without a
 * review, the rows with errors: those an import leaves out) and the scores, or null when the rows were never
 * validated.
 */
public record GateMeasures(long rows, long errorRows, long rejectedRows, ValidationSummary.FileScores scores) {

    /** The measures of a validated file: its rejected rows are the rows with error findings. */
    public static GateMeasures ofFile(ValidationSummary summary) {
        return new GateMeasures(summary.rows(), summary.withErrors(), summary.withErrors(), summary.scores());
    }
}
