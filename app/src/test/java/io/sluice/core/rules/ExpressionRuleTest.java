package io.sluice.core.rules;

import io.sluice.core.profile.RuleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static io.sluice.core.rules.RuleRows.check;
import static io.sluice.core.rules.RuleRows.row;
import static io.sluice.core.rules.RuleRows.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** The profile's {@code expression} rule (cross-field), built from its spec alone and tried on one row at a time. */
class ExpressionRuleTest {

    private static RuleSpec expression(String expression, String min, String max, String message) {
        return new RuleSpec("wc-ratio", "expression", null, null, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), null, null, null, null, null, expression, null, message);
    }

    private static Map<String, String> mix(String water, String cement) {
        Map<String, String> cells = new HashMap<>();
        cells.put("water_kg", water == null ? "" : water);
        cells.put("cement_kg", cement == null ? "" : cement);
        return cells;
    }

    @ParameterizedTest(name = "water {0}, cement {1}: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # water | cement | the finding's value (the ratio), or - for none
            175     | 350    | -
            87.5    | 350    | -
            280     | 350    | -
            300     | 350    | 0.8571
            50      | 350    | 0.1429
            -       | 350    | -
            175     | -      | -
            175     | 0      | cement_kg=0, water_kg=175
            lots    | 350    | -
            """)
    void reportsARatioOutsideItsBoundsOrThatCannotBeComputedAndStaysSilentWhenAValueIsMissing(String water, String cement,
                                                                          String ratio) {
        var findings = check(rule(expression("water_kg / cement_kg", "0.25", "0.80", null)), row(mix(water, cement)));
        if (ratio == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().extracting(Finding::value).isEqualTo(ratio);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # expression, its variables in any case            | water | cement | finding
            Water_KG / CEMENT_kg                                | 300   | 350    | true
            Water_KG / CEMENT_kg                                | 175   | 350    | false
            (water_kg + WATER_KG) / (2 * Cement_Kg)             | 300   | 350    | true
            (water_kg + WATER_KG) / (2 * Cement_Kg)             | 175   | 350    | false
            IF(water_kg > 0, WATER_KG / cement_kg, 0.5)         | 50    | 350    | true
            """)
    void findsEachVariableWhateverTheCaseItIsWrittenIn(String expression, String water, String cement,
                                                       boolean finding) {
        var rule = rule(expression(expression, "0.25", "0.80", null));
        // the same rule over several rows, as a validation runs it: each row's values, none of the row before
        check(rule, row(mix("100", "100")));
        assertThat(check(rule, row(mix(water, cement)))).hasSize(finding ? 1 : 0);
        assertThat(check(rule, row(mix(null, cement)))).isEmpty();
    }

    @Test
    void explainsTheRatioWithTheValuesItWasComputedFrom() {
        var findings = check(rule(expression("water_kg / cement_kg", "0.25", "0.80", null)),
                row(mix("300", "350")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("wc-ratio");
            assertThat(f.row()).isEqualTo(17);
            assertThat(f.cell()).isNull();
            assertThat(f.message()).isEqualTo(
                    "water_kg / cement_kg is 0.8571, outside 0.25 to 0.80 (cement_kg=350, water_kg=300).");
        });
    }

    @ParameterizedTest(name = "water {0} with min {1} (exclusive {2}), max {3} (exclusive {4}): {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # water | min  | min excl. | max  | max excl. | the finding's message, or - for none
            87.5    | 0.25 | true      | -    | -         | water_kg / cement_kg is 0.25, not above 0.25 (cement_kg=350, water_kg=87.5).
            87.5    | 0.25 | false     | -    | -         | -
            280     | -    | -         | 0.80 | true      | water_kg / cement_kg is 0.8, not below 0.80 (cement_kg=350, water_kg=280).
            280     | 0.25 | true      | 0.80 | false     | -
            87.5    | 0.25 | true      | 0.80 | false     | water_kg / cement_kg is 0.25, not above 0.25 (cement_kg=350, water_kg=87.5).
            300     | 0.25 | true      | 0.80 | false     | water_kg / cement_kg is 0.8571, above 0.80 (cement_kg=350, water_kg=300).
            """)
    void honoursExclusiveBoundsAndNamesTheBoundARatioFails(String water, String min, Boolean minExclusive, String max,
                                                            Boolean maxExclusive, String expected) {
        RuleSpec spec = expression("water_kg / cement_kg", null, null, null).withBounds(
                min == null ? null : new BigDecimal(min), minExclusive, max == null ? null : new BigDecimal(max),
                maxExclusive);
        var findings = check(rule(spec), row(mix(water, "350")));
        if (expected == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().extracting(Finding::message).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} with min {1}, max {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # expression         | min  | max  | the finding's message, or - for none
            water_kg / cement_kg | 0.25 | -    | -
            water_kg / cement_kg | 0.60 | -    | water_kg / cement_kg is 0.5, below 0.60 (cement_kg=350, water_kg=175).
            water_kg / cement_kg | -    | 0.40 | water_kg / cement_kg is 0.5, above 0.40 (cement_kg=350, water_kg=175).
            cement_kg > water_kg | -    | -    | -
            cement_kg < 100      | -    | -    | The rule cement_kg < 100 does not hold (cement_kg=350).
            cement_kg + water_kg | -    | -    | The rule cement_kg + water_kg gives 525, not true or false: give the rule a min or a max to check the value against (cement_kg=350, water_kg=175).
            supplier_code        | 1    | -    | The rule supplier_code gives 'NORD', not a number that could be 1 or more (supplier_code=NORD).
            """)
    void checksABoundOrATruth(String expression, String min, String max, String expected) {
        Map<String, String> cells = mix("175", "350");
        cells.put("supplier_code", "NORD");
        var findings = check(rule(expression(expression, min, max, null)), row(cells));
        if (expected == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().extracting(Finding::message).isEqualTo(expected);
        }
    }

    @Test
    void saysWhyARatioCannotBeComputedWithTheValuesItRead() {
        var findings = check(rule(expression("water_kg / cement_kg", "0.25", "0.80", null)), row(mix("175", "0")));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(io.sluice.core.Severity.ERROR);
            assertThat(f.message()).isEqualTo("water_kg / cement_kg cannot be computed on this row (it divides by"
                    + " zero), so it is not between 0.25 and 0.80 (cement_kg=0, water_kg=175).");
        });
    }

    @Test
    void putsTheStewardsOwnMessageBeforeWhatItFound() {
        var findings = check(rule(expression("water_kg > cement_kg", null, null, "More water than cement.")),
                row(mix("175", "350")));
        assertThat(findings).singleElement().extracting(Finding::message).isEqualTo(
                "More water than cement. The rule water_kg > cement_kg does not hold (cement_kg=350, water_kg=175).");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # expression on a mix cast 2020-03-04 of 350 kg cement from NORD | the finding's message, or - for none
            cast_date > "2021-01-01"           | The rule cast_date > "2021-01-01" cannot be computed on this row (it compares a date (2020-03-04) with the text "2021-01-01" by >: write DATE("2021-01-01") to compare it with that day), so it does not hold (cast_date=2020-03-04).
            cast_date < "x"                    | The rule cast_date < "x" cannot be computed on this row (it compares a date (2020-03-04) with the text "x" by <: a date compares only with a date, such as DATE("2021-01-01") or TODAY()), so it does not hold (cast_date=2020-03-04).
            cast_date = "2020-03-04"           | The rule cast_date = "2020-03-04" cannot be computed on this row (it compares a date (2020-03-04) with the text "2020-03-04" by =: write DATE("2020-03-04") to compare it with that day), so it does not hold (cast_date=2020-03-04).
            cast_date >= 20200101              | The rule cast_date >= 20200101 cannot be computed on this row (it compares a date (2020-03-04) with a number (20200101) by >=: a date compares only with a date, such as DATE("2021-01-01") or TODAY()), so it does not hold (cast_date=2020-03-04).
            cement_kg > "lots"                 | The rule cement_kg > "lots" cannot be computed on this row (it compares a number (350) with the text "lots" by >: a number compares only with a number), so it does not hold (cement_kg=350).
            "NORD" != cement_kg                | The rule "NORD" != cement_kg cannot be computed on this row (it compares the text "NORD" with a number (350) by !=: a number compares only with a number), so it does not hold (cement_kg=350).
            cast_date > DATE("2021-01-01")     | The rule cast_date > DATE("2021-01-01") does not hold (cast_date=2020-03-04).
            cast_date < DATE("2021-01-01")     | -
            cast_date = DATE("2020-03-04")     | -
            cast_date < DT_DATE_NEW(2021, 1, 1) | -
            DATE(cast_date) <= TODAY()         | -
            cement_kg > "300"                  | -
            cement_kg = "350"                  | -
            cement_kg > water_kg               | -
            supplier_code = "NORD"             | -
            supplier_code > "MMM"              | -
            supplier_code != NULL              | -
            """)
    void refusesToCompareValuesOfDifferentKindsAndComparesOneKindAsBefore(String expression, String expected) {
        Map<String, String> cells = mix("175", "350");
        cells.put("supplier_code", "NORD");
        cells.put("cast_date", "2020-03-04");
        var findings = check(rule(expression(expression, null, null, null)), row(cells));
        if (expected == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().extracting(Finding::message).isEqualTo(expected);
        }
    }
}
