package io.sluice.core.commit;

import java.sql.Connection;
import java.sql.SQLException;

/** Work that belongs to an import batch and commits or rolls back with it, such as the review's audit log. */
@FunctionalInterface
public interface BatchAddition {

    /** Nothing beyond the rows and their provenance. */
    BatchAddition NONE = (connection, batchId) -> {
    };

    /**
     * Replaces the batch's measures (rows read and rejected, scores, quality gates) with those of {@code measured}:
     * for an import whose validation runs beside the commit and knows the whole file's measures only at the end.
     */
    static BatchAddition measures(CommitRequest measured) {
        return (connection, batchId) -> BatchRecords.measures(connection, batchId, measured);
    }

    /**
     * As {@link #measures}, for a related-tables batch whose workbook is measured only at its end: also the source
     * rows approved (read and without errors).
     */
    static BatchAddition relatedMeasures(RelatedBatchRequest measured) {
        return (connection, batchId) -> {
            BatchRecords.measures(connection, batchId, measured.forTable(measured.tables().get(0)));
            BatchRecords.related(connection, batchId, measured.approved(), measured.modePerTable());
        };
    }

    /** Called inside the import's transaction, after the rows are written and verified; must not commit. */
    void write(Connection connection, long batchId) throws SQLException;
}
