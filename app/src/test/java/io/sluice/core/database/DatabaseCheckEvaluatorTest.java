package io.sluice.core.database;

import io.sluice.testing.TestDatabases.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.sluice.core.database.SampleTargets.stored;
import static org.assertj.core.api.Assertions.assertThat;

class DatabaseCheckEvaluatorTest {

    private static final Map<Engine, TargetDatabase> TARGETS = new EnumMap<>(Engine.class);

    @BeforeAll
    static void openSampleTargets() {
        SampleTargets samples = new SampleTargets();
        for (Engine engine : Engine.values()) {
            TARGETS.put(engine, samples.open(engine));
        }
    }

    @AfterAll
    static void close() {
        TARGETS.values().forEach(TargetDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void findsBinderTotalAndStrengthViolations(Engine engine) {
        DatabaseCheckEvaluator evaluator = allChecks(engine);

        List<List<String>> result = evaluator.evaluate(List.of(
                mix("M-OK", "350.0", "0", "0", "28.50"),
                mix("M-BINDER", "900.0", "250.0", "100.0", "41.00"),
                mix("M-STRONG", "400.0", "0", "0", "250.00"),
                mix("M-BOTH", "1300.0", null, null, "-1.00"),
                mix("M-NULLS", "350.0", null, null, null)));

        assertThat(result).containsExactly(
                List.of(),
                List.of(stored(engine, "ck_binder_total")),
                List.of(stored(engine, "ck_strength")),
                List.of(stored(engine, "ck_binder_total"), stored(engine, "ck_strength")),
                List.of());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void evaluatesManyRowsInChunksKeepingTheirOrder(Engine engine) {
        DatabaseCheckEvaluator evaluator = allChecks(engine);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            rows.add(mix("M-" + i, i % 7 == 0 ? "1250.0" : "300.0", "0", "0", "30.00"));
        }

        List<List<String>> result = evaluator.evaluate(rows);

        assertThat(result).hasSize(450);
        for (int i = 0; i < 450; i++) {
            assertThat(result.get(i)).as("row %d", i)
                    .isEqualTo(i % 7 == 0 ? List.of(stored(engine, "ck_binder_total")) : List.of());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void roundsToTheColumnScaleBeforeChecking(Engine engine) {
        DatabaseCheckEvaluator evaluator = allChecks(engine);

        // 199.996 is stored as 200.00 in NUMERIC(5,2), which ck_strength (< 200) rejects
        List<List<String>> result = evaluator.evaluate(List.of(mix("M-1", "300.0", "0", "0", "199.996")));

        assertThat(result).containsExactly(List.of(stored(engine, "ck_strength")));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void leavesUnconvertibleRowToTypeRulesAndStillChecksTheOthers(Engine engine) throws SQLException {
        TargetDatabase target = TARGETS.get(engine);
        DatabaseCheckEvaluator evaluator = allChecks(engine);
        Map<String, Object> garbled = mix("M-BAD", "300.0", "0", "0", "30.00");
        garbled.put("strength_mpa", "thirty");
        Connection connection = target.connection();
        connection.setAutoCommit(false);
        try {
            List<List<String>> result = evaluator.evaluate(List.of(
                    mix("M-1", "1300.0", "0", "0", "30.00"), garbled, mix("M-2", "300.0", "0", "0", "300.00")));

            assertThat(result).containsExactly(List.of(stored(engine, "ck_binder_total")), List.of(),
                    List.of(stored(engine, "ck_strength")));
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM supplier")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the transaction is still usable").isEqualTo(5);
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void matchesColumnNamesWhateverTheirCaseAndTreatsMissingOnesAsNull(Engine engine) {
        DatabaseCheckEvaluator evaluator = allChecks(engine);
        Map<String, Object> row = new HashMap<>();
        row.put("CEMENT_kg", new BigDecimal("1250"));
        row.put("Age_Days", 5L);

        List<List<String>> result = evaluator.evaluate(List.of(row));

        assertThat(result).containsExactly(List.of(stored(engine, "ck_age_days"), stored(engine, "ck_binder_total")));
    }

    private static DatabaseCheckEvaluator allChecks(Engine engine) {
        TargetDatabase target = TARGETS.get(engine);
        TableInfo table = target.table("concrete_mix");
        return new DatabaseCheckEvaluator(target, table, table.checks());
    }

    private static Map<String, Object> mix(String code, String cement, String flyAsh, String slag, String strength) {
        Map<String, Object> row = new HashMap<>();
        row.put("mix_code", code);
        row.put("cement_kg", new BigDecimal(cement));
        row.put("water_kg", new BigDecimal("180.0"));
        row.put("fly_ash_kg", flyAsh == null ? null : new BigDecimal(flyAsh));
        row.put("slag_kg", slag == null ? null : new BigDecimal(slag));
        row.put("coarse_agg_kg", new BigDecimal("1000.0"));
        row.put("fine_agg_kg", new BigDecimal("800.0"));
        row.put("w_c_ratio", new BigDecimal("0.514"));
        row.put("age_days", 28L);
        row.put("strength_mpa", strength == null ? null : new BigDecimal(strength));
        row.put("cast_date", LocalDate.of(2024, 3, 1));
        row.put("supplier_code", "NORD");
        return row;
    }
}
