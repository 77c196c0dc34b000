package io.sluice.core.database;

import java.sql.JDBCType;

/**
 * A column of a target table as the database describes it.
 *
 * @param name          column name exactly as stored in the catalog (case preserved)
 * @param type          JDBC type
 * @param typeName      the database's own type name (VARCHAR, numeric, int4, ...)
 * @param nullable      false for NOT NULL columns
 * @param length        maximum character length for character types, else null
 * @param precision     numeric precision (total digits) for exact numerics, else null
 * @param scale         digits after the decimal point for exact numerics, else null
 * @param defaultValue  the column default as SQL text, or null
 * @param generated     identity/auto-increment or generated column: may be left unmapped
 */
public record ColumnInfo(String name, JDBCType type, String typeName, boolean nullable, Integer length,
                         Integer precision, Integer scale, String defaultValue, boolean generated) {

    /** Whether an unmapped or null value is acceptable: nullable, defaulted or generated. */
    public boolean optional() {
        return nullable || defaultValue != null || generated;
    }
}
