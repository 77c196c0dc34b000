package io.sluice.core.database;

import io.sluice.testing.TestDatabases.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.sql.JDBCType;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.sluice.core.database.SampleTargets.stored;
import static org.assertj.core.api.Assertions.assertThat;

class TableIntrospectorTest {

    private static final Map<Engine, TargetDatabase> TARGETS = new EnumMap<>(Engine.class);

    @BeforeAll
    static void openSampleTargets() throws SQLException {
        SampleTargets samples = new SampleTargets();
        for (Engine engine : Engine.values()) {
            TargetDatabase target = samples.open(engine);
            try (Statement st = target.connection().createStatement()) {
                st.execute("CREATE TABLE lab (site VARCHAR(5) NOT NULL, code INTEGER NOT NULL, "
                        + "PRIMARY KEY (site, code))");
                st.execute("CREATE TABLE sample_test (id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                        + "lab_code INTEGER, lab_site VARCHAR(5), note VARCHAR, measured NUMERIC, passed BOOLEAN, "
                        + "batch_no VARCHAR(12) NOT NULL DEFAULT 'B-0', "
                        + "CONSTRAINT uq_note_batch UNIQUE (batch_no, note), "
                        + "CONSTRAINT ck_note_present CHECK (note IS NOT NULL), "
                        + "CONSTRAINT fk_lab FOREIGN KEY (lab_site, lab_code) REFERENCES lab (site, code))");
                if (engine == Engine.POSTGRESQL) {
                    st.execute("CREATE TYPE cure_kind AS ENUM ('water', 'steam', 'it''s air')");
                }
                st.execute("CREATE TABLE \"Lab Result\" (\"Mix Code\" VARCHAR(20) NOT NULL, \"Cure\" "
                        + (engine == Engine.POSTGRESQL ? "cure_kind" : "ENUM('water', 'steam', 'it''s air')")
                        + " NOT NULL)");
            }
            TARGETS.put(engine, target);
        }
    }

    @AfterAll
    static void close() {
        TARGETS.values().forEach(TargetDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void describesConcreteMixCompletely(Engine engine) {
        TableInfo info = TARGETS.get(engine).table("concrete_mix");

        String varchar = engine == Engine.H2 ? "CHARACTER VARYING" : "varchar";
        String numeric = engine == Engine.H2 ? "NUMERIC" : "numeric";
        String integer = engine == Engine.H2 ? "INTEGER" : "int4";
        String date = engine == Engine.H2 ? "DATE" : "date";
        List<ColumnInfo> expectedColumns = List.of(
                column(engine, "mix_code", JDBCType.VARCHAR, varchar, false, 20, null, null, null),
                column(engine, "cement_kg", JDBCType.NUMERIC, numeric, false, null, 6, 1, null),
                column(engine, "water_kg", JDBCType.NUMERIC, numeric, false, null, 6, 1, null),
                column(engine, "fly_ash_kg", JDBCType.NUMERIC, numeric, true, null, 6, 1, "0"),
                column(engine, "slag_kg", JDBCType.NUMERIC, numeric, true, null, 6, 1, "0"),
                column(engine, "coarse_agg_kg", JDBCType.NUMERIC, numeric, false, null, 7, 1, null),
                column(engine, "fine_agg_kg", JDBCType.NUMERIC, numeric, false, null, 7, 1, null),
                column(engine, "superplasticizer_kg", JDBCType.NUMERIC, numeric, true, null, 5, 2, null),
                column(engine, "w_c_ratio", JDBCType.NUMERIC, numeric, true, null, 4, 3, null),
                column(engine, "w_b_ratio", JDBCType.NUMERIC, numeric, true, null, 4, 3, null),
                column(engine, "age_days", JDBCType.INTEGER, integer, false, null, null, null, null),
                column(engine, "strength_mpa", JDBCType.NUMERIC, numeric, true, null, 5, 2, null),
                column(engine, "cast_date", JDBCType.DATE, date, true, null, null, null, null),
                column(engine, "supplier_code", JDBCType.VARCHAR, varchar, true, 10, null, null, null),
                column(engine, "plant", JDBCType.VARCHAR, varchar, true, 40, null, null, null),
                // added by the third sample migration for the related tables: generated, unique, not the key
                new ColumnInfo(stored(engine, "id"), JDBCType.INTEGER, integer, false, null, null, null, null, true));
        List<CheckConstraint> expectedChecks = engine == Engine.H2
                ? List.of(
                new CheckConstraint("CK_AGE_DAYS", "\"AGE_DAYS\" IN(1, 3, 7, 14, 28, 56, 90, 180, 365)"),
                new CheckConstraint("CK_BINDER_TOTAL",
                        "((\"CEMENT_KG\" + COALESCE(\"FLY_ASH_KG\", 0)) + COALESCE(\"SLAG_KG\", 0)) <= 1200"),
                new CheckConstraint("CK_CEMENT_POSITIVE", "\"CEMENT_KG\" > CAST(0 AS NUMERIC(1))"),
                new CheckConstraint("CK_STRENGTH", "(\"STRENGTH_MPA\" >= CAST(0 AS NUMERIC(1)))\n"
                        + "    AND (\"STRENGTH_MPA\" < CAST(200 AS NUMERIC(3)))"),
                new CheckConstraint("CK_WATER_NONNEGATIVE", "\"WATER_KG\" >= CAST(0 AS NUMERIC(1))"),
                new CheckConstraint("CK_WC_RATIO", "\"W_C_RATIO\" BETWEEN 0.2 AND 1.0"))
                : List.of(
                new CheckConstraint("ck_age_days", "(age_days = ANY (ARRAY[1, 3, 7, 14, 28, 56, 90, 180, 365]))"),
                new CheckConstraint("ck_binder_total", "(((cement_kg + COALESCE(fly_ash_kg, (0)::numeric)) "
                        + "+ COALESCE(slag_kg, (0)::numeric)) <= (1200)::numeric)"),
                new CheckConstraint("ck_cement_positive", "(cement_kg > (0)::numeric)"),
                new CheckConstraint("ck_strength",
                        "((strength_mpa >= (0)::numeric) AND (strength_mpa < (200)::numeric))"),
                new CheckConstraint("ck_water_nonnegative", "(water_kg >= (0)::numeric)"),
                new CheckConstraint("ck_wc_ratio", "((w_c_ratio >= 0.2) AND (w_c_ratio <= 1.0))"));
        TableInfo expected = new TableInfo(stored(engine, "public"), stored(engine, "concrete_mix"),
                expectedColumns, List.of(stored(engine, "mix_code")), List.of(List.of(stored(engine, "id"))),
                List.of(new ForeignKey(stored(engine, "fk_mix_supplier"), List.of(stored(engine, "supplier_code")),
                        stored(engine, "public"), stored(engine, "supplier"),
                        List.of(stored(engine, "supplier_code")))),
                expectedChecks);

        assertThat(info).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void reportsUniqueConstraintButNotThePrimaryKeyIndex(Engine engine) {
        TableInfo supplier = TARGETS.get(engine).table("supplier");

        assertThat(supplier.primaryKey()).containsExactly(stored(engine, "supplier_code"));
        assertThat(supplier.uniqueKeys()).containsExactly(List.of(stored(engine, "name")));
        assertThat(supplier.column("country")).get()
                .satisfies(c -> {
                    assertThat(c.type()).isEqualTo(JDBCType.CHAR);
                    assertThat(c.length()).isEqualTo(2);
                    assertThat(c.optional()).isTrue();
                });
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void describesIdentityUnboundedAndBooleanColumns(Engine engine) {
        TableInfo info = TARGETS.get(engine).table("sample_test");

        ColumnInfo id = info.column("id").orElseThrow();
        assertThat(id.generated()).isTrue();
        assertThat(id.nullable()).isFalse();
        assertThat(id.optional()).isTrue();
        ColumnInfo note = info.column("note").orElseThrow();
        assertThat(note.type()).isEqualTo(JDBCType.VARCHAR);
        assertThat(note.length()).as("VARCHAR without a declared length").isNull();
        assertThat(info.column("measured").orElseThrow().precision()).isNull();
        assertThat(info.column("passed").orElseThrow().type()).isEqualTo(JDBCType.BOOLEAN);
        ColumnInfo batch = info.column("batch_no").orElseThrow();
        assertThat(batch.nullable()).isFalse();
        assertThat(batch.defaultValue()).startsWith("'B-0'");
        assertThat(batch.optional()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void groupsCompositeKeysInKeyOrderAndDropsNotNullChecks(Engine engine) {
        TableInfo info = TARGETS.get(engine).table("sample_test");

        assertThat(info.uniqueKeys()).containsExactly(List.of(stored(engine, "batch_no"), stored(engine, "note")));
        assertThat(info.foreignKeys()).containsExactly(new ForeignKey(stored(engine, "fk_lab"),
                List.of(stored(engine, "lab_site"), stored(engine, "lab_code")), stored(engine, "public"),
                stored(engine, "lab"), List.of(stored(engine, "site"), stored(engine, "code"))));
        assertThat(info.checks()).isEmpty();
        assertThat(TARGETS.get(engine).table("lab").primaryKey())
                .containsExactly(stored(engine, "site"), stored(engine, "code"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void turnsTheSampleRangeAndListChecksIntoSimpleChecks(Engine engine) {
        TableInfo info = TARGETS.get(engine).table("concrete_mix");

        List<String> simple = new ArrayList<>();
        List<String> complex = new ArrayList<>();
        for (CheckConstraint check : info.checks()) {
            (CheckParser.parse(check).isPresent() ? simple : complex).add(check.name());
        }

        assertThat(complex).containsExactly(stored(engine, "ck_binder_total"));
        assertThat(simple).hasSize(5);
        CheckConstraint ratio = info.checks().stream()
                .filter(c -> c.name().equalsIgnoreCase("ck_wc_ratio")).findFirst().orElseThrow();
        assertThat(CheckParser.parse(ratio)).get().asList().singleElement()
                .usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo,
                        BigDecimal.class)
                .isEqualTo(new SimpleCheck(stored(engine, "ck_wc_ratio"), stored(engine, "w_c_ratio"),
                        new BigDecimal("0.2"), true, new BigDecimal("1.0"), true, List.of()));
    }

    private static ColumnInfo column(Engine engine, String name, JDBCType type, String typeName, boolean nullable,
                                     Integer length, Integer precision, Integer scale, String defaultValue) {
        return new ColumnInfo(stored(engine, name), type, typeName, nullable, length, precision, scale, defaultValue,
                false);
    }

    @Test
    void asksPostgresqlForEnumLabelsOnlyWhenAColumnIsOfATypeOfItsOwn() {
        assertThat(CheckConstraintReader.mayBeEnum(Dialect.POSTGRESQL, typed("cure_kind"))).isTrue();
        assertThat(CheckConstraintReader.mayBeEnum(Dialect.POSTGRESQL, typed("numeric"))).isFalse();
        assertThat(CheckConstraintReader.mayBeEnum(Dialect.POSTGRESQL, typed("timestamptz"))).isFalse();
        assertThat(CheckConstraintReader.mayBeEnum(Dialect.POSTGRESQL, typed("_cure_kind"))).as("an array").isFalse();
        assertThat(CheckConstraintReader.mayBeEnum(Dialect.H2, typed("CHARACTER VARYING"))).isTrue();
    }

    private static ColumnInfo typed(String typeName) {
        return new ColumnInfo("c", JDBCType.OTHER, typeName, true, null, null, null, null, false);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void readsAnEnumColumnsValuesAsTheListOfValuesItAllows(Engine engine) {
        TableInfo info = TARGETS.get(engine).table("Lab Result");

        assertThat(info.checks()).hasSize(1);
        assertThat(CheckParser.parse(info.checks().get(0))).get().asList().singleElement()
                .satisfies(check -> {
                    SimpleCheck simple = (SimpleCheck) check;
                    assertThat(simple.column()).isEqualTo("Cure");
                    assertThat(simple.allowed()).containsExactly("water", "steam", "it's air");
                });
    }
}
