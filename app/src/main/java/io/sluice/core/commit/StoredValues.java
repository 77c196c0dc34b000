package io.sluice.core.commit;

import io.sluice.core.database.ArrayLiteral;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.Dialect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.JDBCType;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Whether a value about to be written equals what a target column already holds, as the column would store it: a
 * number rounded to the column's scale, CHAR text without its padding, an instant in any offset. Unsure is "not the
 * same", so an upsert only calls a row unchanged when writing it would change nothing.
 */
final class StoredValues {

    private StoredValues() {
    }

    /** Whether writing {@code value} into {@code column}, which holds {@code stored}, would leave it as it is. */
    static boolean same(Object value, Object stored, ColumnInfo column, Dialect dialect) {
        if (value == null || stored == null) {
            return value == null && stored == null;
        }
        if (value instanceof BigDecimal d) {
            return sameNumber(d, stored, column);
        }
        if (value instanceof Long l) {
            return (stored instanceof Long || stored instanceof Integer || stored instanceof Short
                    || stored instanceof Byte) && ((Number) stored).longValue() == l;
        }
        if (value instanceof String s && stored instanceof String held) {
            return isChar(column) ? s.stripTrailing().equals(held.stripTrailing()) : s.equals(held);
        }
        if (value instanceof String s && stored instanceof byte[] held) {
            // PostgreSQL reads a bytea's text (its hex form is the one compared); H2 stores a text's UTF-8 bytes
            return dialect == Dialect.POSTGRESQL ? s.equals("\\x" + HexFormat.of().formatHex(held))
                    : Arrays.equals(s.getBytes(StandardCharsets.UTF_8), held);
        }
        if (value instanceof ArrayLiteral a && stored instanceof ArrayLiteral held) {
            // elements of the same texts as H2 gives them convert to the same values
            return Arrays.deepEquals(a.elements(), held.elements());
        }
        if (value instanceof OffsetDateTime t && stored instanceof OffsetDateTime held) {
            return t.isEqual(held);
        }
        return value.getClass() == stored.getClass() && value.equals(stored);
    }

    private static boolean sameNumber(BigDecimal d, Object stored, ColumnInfo column) {
        if (stored instanceof BigDecimal held) {
            Integer scale = column.scale();
            boolean fixedScale = (column.type() == JDBCType.NUMERIC || column.type() == JDBCType.DECIMAL)
                    && scale != null && scale >= 0 && column.precision() != null && column.precision() > 0
                    && column.precision() <= 1000
                    && held.scale() == scale;
            // a column of fixed scale stores the value rounded to it; one without keeps the digits as given
            return fixedScale ? d.setScale(scale, RoundingMode.HALF_UP).equals(held) : d.equals(held);
        }
        if (stored instanceof Double held) {
            return d.doubleValue() == held;
        }
        if (stored instanceof Float held) {
            return d.floatValue() == held;
        }
        return false;
    }

    private static boolean isChar(ColumnInfo column) {
        return column.type() == JDBCType.CHAR || column.type() == JDBCType.NCHAR;
    }
}
