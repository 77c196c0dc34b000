package io.sluice.core.commit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** The rows a JDBC batch wrote, as the database reports them: what checks a chunk without reading it back. */
final class WrittenRows {

    /** The driver did not say how many rows a statement wrote. */
    static final long UNKNOWN = -1;

    private WrittenRows() {
    }

    /** Runs the batch; on failure clears it, so a chunk written again starts from an empty batch. */
    static int[] execute(PreparedStatement statement) throws SQLException {
        try {
            return statement.executeBatch();
        } catch (SQLException e) {
            try {
                statement.clearBatch();
            } catch (SQLException cleared) {
                e.addSuppressed(cleared);
            }
            throw e;
        }
    }

    /**
     * How many statements of the batch wrote a row (each insert writes one, each keyed update at least one), or
     * {@link #UNKNOWN} when the driver answered without counts.
     */
    static long of(int[] counts) {
        long written = 0;
        for (int count : counts) {
            if (count == Statement.SUCCESS_NO_INFO) {
                return UNKNOWN;
            }
            written += Math.min(count, 1);
        }
        return written;
    }
}
