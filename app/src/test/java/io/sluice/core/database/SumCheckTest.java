package io.sluice.core.database;

import io.sluice.testing.TestDatabases;
import io.sluice.testing.TestDatabases.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CHECK restated in Sluice gives the database's own answer: every constraint below is evaluated by H2 and by
 * PostgreSQL ({@link DatabaseCheckEvaluator}) and by {@link SumCheck} over the same edge values, row for row.
 */
class SumCheckTest {

    private static final String EDGES = """
            CREATE TABLE sum_edges (
                a NUMERIC(6, 1),
                b NUMERIC(6, 1),
                c NUMERIC(5, 2),
                n INTEGER,
                m BIGINT,
                z NUMERIC(8, 0),
                CONSTRAINT ck_sum CHECK (a + COALESCE(b, 0) + COALESCE(c, 0) <= 1200),
                CONSTRAINT ck_diff CHECK (a - b >= -0.5),
                CONSTRAINT ck_columns CHECK (c <= a AND n + m > -3),
                CONSTRAINT ck_not_equal CHECK (n + 1 <> m),
                CONSTRAINT ck_negated CHECK (-a + 2.5 < COALESCE(c, -1.25)),
                CONSTRAINT ck_whole CHECK (z + a = 10 AND z - 3 < n)
            )""";
    private static final List<String> RESTATED = List.of("ck_sum", "ck_diff", "ck_columns", "ck_not_equal",
            "ck_negated", "ck_whole");
    private static final Map<Engine, TargetDatabase> TARGETS = new EnumMap<>(Engine.class);

    /** Values around each column's rounding and comparison boundaries, NULL, and ones the database cannot cast. */
    private static final Map<String, List<Object>> EDGE_VALUES = new TreeMap<>(Map.of(
            "a", decimals(null, "0", "1199.95", "1199.9499", "1200.05", "1200", "-0.05", "-0.0499", "0.05", "600.25",
                    "600.35", "99999.99", "1E+3", "1.000000000000000000001", "7.45", "7.55", "9.96", "1E+30",
                    "1E+1000"),
            "b", decimals(null, "0", "0.04", "0.05", "599.75", "600.349", "-0.05", "0.55", "1E+3", "1E-40"),
            "c", decimals(null, "0", "0.005", "-0.005", "0.0049", "-1.25", "-1.255", "-1.245", "2.5", "7.455",
                    "600.25", "999.999"),
            "n", List.of("", 0L, 1L, -1L, 5, (short) 7, 1_000_000_000L, -2_000_000_000L, 100_000_000_000_000_000L,
                    new BigDecimal("3")),
            "m", List.of("", 0L, 1L, 2L, -1L, -2L, 6L, 1_000_000_001L, -5_000_000_000L, Long.MIN_VALUE),
            "z", decimals(null, "0", "10", "9.5", "2.5", "-0.5", "3.49", "4", "10.4")));

    @BeforeAll
    static void createTables() throws SQLException {
        for (Engine engine : Engine.values()) {
            TestDatabases.Database database = engine.fresh();
            try (Connection connection = database.connect(); Statement st = connection.createStatement()) {
                st.execute(EDGES);
            }
            TARGETS.put(engine, TargetDatabase.open(database.url(), database.user(), database.password()));
        }
    }

    @AfterAll
    static void close() {
        TARGETS.values().forEach(TargetDatabase::close);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void restatesEachConstraintAsTheDatabaseRendersIt(Engine engine) {
        TableInfo table = TARGETS.get(engine).table("sum_edges");

        assertThat(table.checks()).extracting(CheckConstraint::name)
                .containsExactlyInAnyOrderElementsOf(RESTATED.stream().map(n -> SampleTargets.stored(engine, n))
                        .toList());
        for (CheckConstraint check : table.checks()) {
            assertThat(SumCheck.parse(check, table)).as(check.expression()).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void answersEveryEdgeValueAsTheDatabaseDoes(Engine engine) {
        TargetDatabase target = TARGETS.get(engine);
        TableInfo table = target.table("sum_edges");
        List<Map<String, Object>> rows = edgeRows(3000);
        List<List<String>> byDatabase = new DatabaseCheckEvaluator(target, table, table.checks()).evaluate(rows);

        Map<SumCheck.Outcome, Integer> seen = new EnumMap<>(SumCheck.Outcome.class);
        int compared = 0;
        for (int i = 0; i < rows.size(); i++) {
            List<String> inSluice = new ArrayList<>();
            boolean asked = false;
            for (CheckConstraint check : table.checks()) {
                SumCheck sum = SumCheck.parse(check, table).orElseThrow();
                SumCheck.Outcome outcome = sum.evaluate(valuesOf(rows.get(i), sum));
                seen.merge(outcome, 1, Integer::sum);
                asked |= outcome == SumCheck.Outcome.ASK_DATABASE;
                if (outcome == SumCheck.Outcome.BROKEN) {
                    inSluice.add(check.name());
                }
            }
            if (!asked) {
                assertThat(inSluice).as("row %s", rows.get(i)).isEqualTo(byDatabase.get(i));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(2000);
        assertThat(seen).containsKeys(SumCheck.Outcome.values());
        assertThat(seen.get(SumCheck.Outcome.BROKEN)).isGreaterThan(1000);
        assertThat(seen.get(SumCheck.Outcome.HOLDS)).isGreaterThan(1000);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void leavesToTheDatabaseWhatItCannotRestate(Engine engine) throws SQLException {
        TargetDatabase target = TARGETS.get(engine);
        try (Statement st = target.connection().createStatement()) {
            st.execute("CREATE TABLE not_restated (a NUMERIC(6, 1), r REAL, t VARCHAR(10),"
                    + " CONSTRAINT ck_product CHECK (a * 2 <= 10),"
                    + " CONSTRAINT ck_real CHECK (r + a <= 10),"
                    + " CONSTRAINT ck_text CHECK (t <> 'x' AND a > 0),"
                    + " CONSTRAINT ck_cast CHECK (CAST(a AS INTEGER) <= 10),"
                    + " CONSTRAINT ck_null CHECK (a IS NULL OR a > 0),"
                    + " CONSTRAINT ck_function CHECK (ABS(a) <= 10))");
        }
        TableInfo table = target.table("not_restated");

        assertThat(table.checks()).hasSize(6);
        for (CheckConstraint check : table.checks()) {
            assertThat(SumCheck.parse(check, table)).as(check.expression()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a + COALESCE(b, 0) <= 1E+20", "a + 1.5::integer <= 3",
            "a + CAST(1.25 AS NUMERIC(3,1)) < 3",
            "a + a + a > b * 2", "a <= 3 OR b <= 3", "NOT (a <= 3)", "a <= 3 AND t = 'x'"})
    void refusesConstantsAndFormsItWouldChange(String expression) {
        TableInfo table = TARGETS.get(Engine.H2).table("sum_edges");

        assertThat(SumCheck.parse(new CheckConstraint("ck", expression), table)).isEmpty();
    }

    private static Object[] valuesOf(Map<String, Object> row, SumCheck sum) {
        Object[] values = new Object[sum.columns().size()];
        for (int i = 0; i < values.length; i++) {
            String name = sum.columns().get(i).name();
            for (Map.Entry<String, Object> e : row.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    values[i] = e.getValue();
                }
            }
        }
        return values;
    }

    /** Every column's edge values, each at least once per column, in seeded combinations. */
    private static List<Map<String, Object>> edgeRows(int count) {
        Random random = new Random(14);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = new HashMap<>();
            for (Map.Entry<String, List<Object>> column : EDGE_VALUES.entrySet()) {
                List<Object> values = column.getValue();
                Object value = values.get(i < values.size() ? i : random.nextInt(values.size()));
                row.put(column.getKey(), "".equals(value) ? null : value);
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Object> decimals(String... texts) {
        List<Object> values = new ArrayList<>();
        for (String text : texts) {
            values.add(text == null ? "" : new BigDecimal(text));
        }
        return values;
    }
}
