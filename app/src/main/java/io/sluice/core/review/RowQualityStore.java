package io.sluice.core.review;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds {@code row_quality} rows: how many of a row validated again holds in its mapped cells, replacing the count it
 * was staged with ({@link ReviewSchema#addFilledInRow}; the table's triggers keep the review's total).
 */
final class RowQualityStore {

    static final String UPSERT = "INSERT INTO row_quality (row_no, filled) VALUES (?, ?)"
            + " ON CONFLICT (row_no) DO UPDATE SET filled = excluded.filled";

    private RowQualityStore() {
    }

    static void bind(PreparedStatement upsert, long row, int filled) throws SQLException {
        upsert.setLong(1, row);
        upsert.setInt(2, filled);
    }
}
