package io.sluice.core.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CheckParserTest {

    static Stream<Arguments> simpleChecks() {
        return Stream.of(
                // H2 renderings
                arguments("\"CEMENT_KG\" > CAST(0 AS NUMERIC(1))", List.of(min("CEMENT_KG", "0", false))),
                arguments("\"WATER_KG\" >= CAST(0 AS NUMERIC(1))", List.of(min("WATER_KG", "0", true))),
                arguments("\"W_C_RATIO\" BETWEEN 0.2 AND 1.0", List.of(range("W_C_RATIO", "0.2", true, "1.0", true))),
                arguments("\"AGE_DAYS\" IN(1, 3, 7, 14, 28)", List.of(allowed("AGE_DAYS", "1", "3", "7", "14", "28"))),
                arguments("(\"STRENGTH_MPA\" >= CAST(0 AS NUMERIC(1)))\n    AND (\"STRENGTH_MPA\" < CAST(200 AS NUMERIC(3)))",
                        List.of(range("STRENGTH_MPA", "0", true, "200", false))),
                arguments("\"GRADE\" IN('A', 'B', 'It''s')", List.of(allowed("GRADE", "A", "B", "It's"))),
                arguments("\"N\" >= -5", List.of(min("N", "-5", true))),
                arguments("\"D\" BETWEEN -1 AND 10", List.of(range("D", "-1", true, "10", true))),
                // PostgreSQL renderings
                arguments("(cement_kg > (0)::numeric)", List.of(min("cement_kg", "0", false))),
                arguments("(water_kg >= (0)::numeric)", List.of(min("water_kg", "0", true))),
                arguments("((w_c_ratio >= 0.2) AND (w_c_ratio <= 1.0))",
                        List.of(range("w_c_ratio", "0.2", true, "1.0", true))),
                arguments("(age_days = ANY (ARRAY[1, 3, 7]))", List.of(allowed("age_days", "1", "3", "7"))),
                arguments("((strength_mpa >= (0)::numeric) AND (strength_mpa < (200)::numeric))",
                        List.of(range("strength_mpa", "0", true, "200", false))),
                arguments("((grade)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[]))",
                        List.of(allowed("grade", "A", "B"))),
                arguments("(n >= '-5'::integer)", List.of(min("n", "-5", true))),
                arguments("((d >= ('-1'::integer)::numeric) AND (d <= (10)::numeric))",
                        List.of(range("d", "-1", true, "10", true))),
                // hand-written forms
                arguments("0 <= x", List.of(min("x", "0", true))),
                arguments("200 > x", List.of(max("x", "200", false))),
                arguments("x < 200", List.of(max("x", "200", false))),
                arguments("x = 3", List.of(allowed("x", "3"))),
                arguments("x > 0 AND y IN ('P', 'Q') AND x <= 9.5",
                        List.of(range("x", "0", false, "9.5", true), allowed("y", "P", "Q"))),
                arguments("x >= 1 AND x >= 2", List.of(min("x", "1", true), min("x", "2", true))));
    }

    @ParameterizedTest
    @MethodSource("simpleChecks")
    void turnsSimpleExpressionIntoChecks(String expression, List<SimpleCheck> expected) {
        assertThat(CheckParser.parse(new CheckConstraint("ck", expression))).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "((\"CEMENT_KG\" + COALESCE(\"FLY_ASH_KG\", 0)) + COALESCE(\"SLAG_KG\", 0)) <= 1200",
            "(((cement_kg + COALESCE(fly_ash_kg, (0)::numeric)) + COALESCE(slag_kg, (0)::numeric)) <= (1200)::numeric)",
            "x > 0 OR y > 0",
            "x <> 0",
            "x NOT IN (1, 2)",
            "x NOT BETWEEN 1 AND 2",
            "length(name) > 3",
            "x > y",
            "x + 1 > 0",
            "x > 0 AND y < z",
            "(cast_date >= '2020-01-01'::date)",
            "cast_date >= DATE '2020-01-01'",
            "x > 'abc'",
            "x IS NOT NULL",
            "x IN (SELECT y FROM t)",
            "x > 0 AND",
            "'unterminated",
    })
    void leavesAnythingElseToTheDatabase(String expression) {
        assertThat(CheckParser.parse(new CheckConstraint("ck", expression))).isEmpty();
    }

    @Test
    void keepsTheConstraintNameOnEveryPart() {
        List<SimpleCheck> checks = CheckParser.parse(new CheckConstraint("ck_mix", "a > 0 AND b IN (1, 2)"))
                .orElseThrow();

        assertThat(checks).extracting(SimpleCheck::constraint).containsExactly("ck_mix", "ck_mix");
    }

    @Test
    void simpleCheckAcceptsLikeTheDatabase() {
        SimpleCheck strength = range("s", "0", true, "200", false);
        SimpleCheck ages = allowed("a", "1", "3", "7");

        assertThat(strength.accepts(new BigDecimal("0"))).isTrue();
        assertThat(strength.accepts(new BigDecimal("199.99"))).isTrue();
        assertThat(strength.accepts(new BigDecimal("200"))).isFalse();
        assertThat(strength.accepts(new BigDecimal("-0.01"))).isFalse();
        assertThat(strength.accepts(null)).isTrue();
        assertThat(ages.accepts(new BigDecimal("3.0"))).isTrue();
        assertThat(ages.accepts(new BigDecimal("4"))).isFalse();
    }

    private static SimpleCheck min(String column, String min, boolean inclusive) {
        return new SimpleCheck("ck", column, new BigDecimal(min), inclusive, null, false, List.of());
    }

    private static SimpleCheck max(String column, String max, boolean inclusive) {
        return new SimpleCheck("ck", column, null, false, new BigDecimal(max), inclusive, List.of());
    }

    private static SimpleCheck range(String column, String min, boolean minInclusive, String max,
                                     boolean maxInclusive) {
        return new SimpleCheck("ck", column, new BigDecimal(min), minInclusive, new BigDecimal(max), maxInclusive,
                List.of());
    }

    private static SimpleCheck allowed(String column, String... values) {
        return new SimpleCheck("ck", column, null, false, null, false, List.of(values));
    }
}
