package io.sluice.core.review;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds {@code row_quality} rows: how many of a row's mapped cells hold a value. */
final class RowQualityStore {

    static final String UPSERT = "INSERT INTO row_quality (row_no, filled) VALUES (?, ?)"
            + " ON CONFLICT (row_no) DO UPDATE SET filled = excluded.filled";

    /**
     * Many rows in one bound value: a JSON array of {@code row << PACKED_SHIFT | filled}, unpacked by SQLite in array
     * order. Integers only, so every count and row number is stored exactly as bound one by one.
     */
    static final String UPSERT_PACKED = "INSERT INTO row_quality (row_no, filled)"
            + " SELECT value >> 24, value & 16777215 FROM json_each(?) WHERE true"
            + " ON CONFLICT (row_no) DO UPDATE SET filled = excluded.filled";

    static final int PACKED_SHIFT = 24;
    /** Counts from this on are bound one by one (no sheet has 16 million columns, but nothing is assumed). */
    static final int PACKED_FILLED_LIMIT = 1 << PACKED_SHIFT;
    /** Row numbers from this on are bound one by one, so that the packed number stays below 2^63. */
    static final long PACKED_ROW_LIMIT = 1L << (62 - PACKED_SHIFT);

    private RowQualityStore() {
    }

    static void bind(PreparedStatement upsert, long row, int filled) throws SQLException {
        upsert.setLong(1, row);
        upsert.setInt(2, filled);
    }
}
