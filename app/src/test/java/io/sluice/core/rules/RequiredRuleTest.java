package io.sluice.core.rules;

import io.sluice.core.profile.RuleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static io.sluice.core.rules.RuleRows.check;
import static io.sluice.core.rules.RuleRows.row;
import static io.sluice.core.rules.RuleRows.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** The profile's {@code required} rule, plain and conditional, built from its spec alone. */
class RequiredRuleTest {

    private static RuleSpec required(String column, String when, String message) {
        return new RuleSpec(null, "required", column, null, null, null, null, null, null, null, when, null, null,
                message);
    }

    @ParameterizedTest(name = "strength ''{0}'': missing={1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # strength | missing
            41.5       | false
            0          | false
            -          | true
            '   '      | true
            strong     | false
            """)
    void reportsAnEmptyCellButLeavesAValueThatDidNotConvertToTheTypeRule(String strength, boolean missing) {
        var findings = check(rule(required("strength_mpa", null, null)), row("strength_mpa", strength));
        assertThat(findings).hasSize(missing ? 1 : 0);
    }

    @Test
    void saysWhichCellIsEmpty() {
        var findings = check(rule(required("strength_mpa", null, null)), row("strength_mpa", ""));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("required:strength_mpa");
            assertThat(f.cell()).isEqualTo("E17");
            assertThat(f.message()).isEqualTo("Strength (MPa) is required but the cell is empty.");
        });
    }

    @ParameterizedTest(name = "age ''{0}'', strength ''{1}'': missing={2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # age | strength | missing
            28    | -        | true
            56    | -        | true
            7     | -        | false
            -     | -        | false
            old   | -        | false
            28    | 41.5     | false
            """)
    void requiresAValueOnlyWhenItsConditionHolds(String age, String strength, boolean missing) {
        Map<String, String> cells = new HashMap<>();
        cells.put("age_days", age == null ? "" : age);
        cells.put("strength_mpa", strength == null ? "" : strength);
        var findings = check(rule(required("strength_mpa", "age_days >= 28", null)), row(cells));
        assertThat(findings).hasSize(missing ? 1 : 0);
    }

    @Test
    void namesTheConditionWhenItHolds() {
        var findings = check(rule(required("strength_mpa", "age_days >= 28", null)),
                row(Map.of("age_days", "28")));
        assertThat(findings).singleElement().extracting(Finding::message)
                .isEqualTo("Strength (MPa) is required when age_days >= 28, but the cell is empty.");
    }

    @Test
    void saysTheStewardsOwnMessageInstead() {
        var findings = check(rule(required("strength_mpa", null, "Strength is measured at 28 days.")),
                row("strength_mpa", ""));
        assertThat(findings).singleElement().extracting(Finding::message)
                .isEqualTo("Strength is measured at 28 days.");
    }

    @ParameterizedTest(name = "when {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # a condition on present values that gives no truth | the finding's message
            cast_date > "2021-01-01" | Strength (MPa) is empty, and whether it is required is not known: cast_date > "2021-01-01" cannot be computed on this row (it compares a date (2020-03-04) with the text "2021-01-01" by >: write DATE("2021-01-01") to compare it with that day) (cast_date=2020-03-04).
            age_days / (age_days - 28) > 1 | Strength (MPa) is empty, and whether it is required is not known: age_days / (age_days - 28) > 1 cannot be computed on this row (it divides by zero) (age_days=28).
            age_days + 1             | Strength (MPa) is empty, and whether it is required is not known: age_days + 1 cannot be computed on this row (it gives 29, not true or false) (age_days=28).
            """)
    void flagsAnEmptyCellWhoseConditionCannotBeComputedInsteadOfPassingIt(String when, String expected) {
        var findings = check(rule(required("strength_mpa", when, null)),
                row(Map.of("age_days", "28", "cast_date", "2020-03-04")));
        assertThat(findings).singleElement().extracting(Finding::message).isEqualTo(expected);
    }

    @Test
    void aConditionThatCannotBeComputedLeavesAFilledCellAlone() {
        var findings = check(rule(required("strength_mpa", "cast_date > \"2021-01-01\"", null)),
                row(Map.of("strength_mpa", "41.5", "cast_date", "2020-03-04")));
        assertThat(findings).isEmpty();
    }
}
