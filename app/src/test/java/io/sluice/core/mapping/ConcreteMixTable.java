package io.sluice.core.mapping;

import io.sluice.core.database.CheckConstraint;
import io.sluice.core.database.ColumnInfo;
import io.sluice.core.database.ForeignKey;
import io.sluice.core.database.TableInfo;

import java.sql.JDBCType;
import java.util.List;

/** The concrete_mix table of db/sample/V1__concrete_mix_schema.sql, as introspection would describe it. */
final class ConcreteMixTable {

    private ConcreteMixTable() {
    }

    static TableInfo table() {
        return new TableInfo(null, "concrete_mix", List.of(
                varchar("mix_code", 20, false),
                numeric("cement_kg", 6, 1, false, null),
                numeric("water_kg", 6, 1, false, null),
                numeric("fly_ash_kg", 6, 1, true, "0"),
                numeric("slag_kg", 6, 1, true, "0"),
                numeric("coarse_agg_kg", 7, 1, false, null),
                numeric("fine_agg_kg", 7, 1, false, null),
                numeric("superplasticizer_kg", 5, 2, true, null),
                numeric("w_c_ratio", 4, 3, true, null),
                numeric("w_b_ratio", 4, 3, true, null),
                new ColumnInfo("age_days", JDBCType.INTEGER, "INTEGER", false, null, 32, 0, null, false),
                numeric("strength_mpa", 5, 2, true, null),
                new ColumnInfo("cast_date", JDBCType.DATE, "DATE", true, null, null, null, null, false),
                varchar("supplier_code", 10, true)),
                List.of("mix_code"), List.of(),
                List.of(new ForeignKey("fk_mix_supplier", List.of("supplier_code"), null, "supplier",
                        List.of("supplier_code"))),
                List.of(new CheckConstraint("ck_cement_positive", "cement_kg > 0")));
    }

    static ColumnInfo varchar(String name, int length, boolean nullable) {
        return new ColumnInfo(name, JDBCType.VARCHAR, "VARCHAR", nullable, length, null, null, null, false);
    }

    static ColumnInfo numeric(String name, int precision, int scale, boolean nullable, String defaultValue) {
        return new ColumnInfo(name, JDBCType.NUMERIC, "NUMERIC", nullable, null, precision, scale, defaultValue,
                false);
    }
}
