package io.sluice.core.rules;

import io.sluice.core.Severity;
import io.sluice.core.profile.RuleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static io.sluice.core.rules.RuleRows.check;
import static io.sluice.core.rules.RuleRows.row;
import static io.sluice.core.rules.RuleRows.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** The profile's {@code range} rule, built from its spec alone and tried on one cell at a time. */
class RangeRuleTest {

    private static RuleSpec range(String min, String max, String severity, String message) {
        return new RuleSpec("strength-plausible", "range", "strength_mpa", null,
                min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max), null, null, null,
                null, null, null, severity, message);
    }

    @ParameterizedTest(name = "{0} within [{1}, {2}]: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # value | min | max | the finding's message, or - for none
            41.5    | 0   | 120 | -
            0       | 0   | 120 | -
            120     | 0   | 120 | -
            120.01  | 0   | 120 | Strength (MPa) 120.01 is outside the allowed range [0, 120].
            -3      | 0   | 120 | Strength (MPa) -3 is outside the allowed range [0, 120].
            -3      | 0   | -   | Strength (MPa) -3 is below the minimum 0.
            999     | 0   | -   | -
            150     | -   | 120 | Strength (MPa) 150 is above the maximum 120.
            -999    | -   | 120 | -
            -       | 0   | 120 | -
            lots    | 0   | 120 | -
            """)
    void reportsANumberOutsideItsBoundsOnlyWhenThereIsANumber(String value, String min, String max, String expected) {
        var findings = check(rule(range(min, max, null, null)), row("strength_mpa", value));
        if (expected == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().extracting(Finding::message).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} within {1}..{3} (exclusive min {2}, max {4}): {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # value | min | min excl. | max | max excl. | the finding's message, or - for none
            0       | 0   | true      | -   | -         | Strength (MPa) 0 is not above 0.
            0.01    | 0   | true      | -   | -         | -
            0       | 0   | false     | -   | -         | -
            120     | -   | -         | 120 | true      | Strength (MPa) 120 is not below 120.
            119.99  | -   | -         | 120 | true      | -
            120     | -   | -         | 120 | false     | -
            0       | 0   | true      | 120 | false     | Strength (MPa) 0 is outside the allowed range (0, 120].
            120     | 0   | true      | 120 | false     | -
            120     | 0   | false     | 120 | true      | Strength (MPa) 120 is outside the allowed range [0, 120).
            """)
    void anExclusiveBoundRefusesTheBoundItself(String value, String min, Boolean minExclusive, String max,
                                               Boolean maxExclusive, String expected) {
        RuleSpec spec = range(min, max, null, null).withBounds(min == null ? null : new BigDecimal(min), minExclusive,
                max == null ? null : new BigDecimal(max), maxExclusive);
        var findings = check(rule(spec), row("strength_mpa", value));
        if (expected == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().extracting(Finding::message).isEqualTo(expected);
        }
    }

    @Test
    void pointsAtTheCellWithTheRulesIdAndSeverity() {
        var findings = check(rule(range("0", "120", "warning", null)), row("strength_mpa", "150"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("strength-plausible");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.row()).isEqualTo(17);
            assertThat(f.cell()).isEqualTo("E17");
            assertThat(f.column()).isEqualTo("Strength (MPa)");
            assertThat(f.target()).isEqualTo("strength_mpa");
            assertThat(f.value()).isEqualTo("150");
        });
    }

    @Test
    void putsTheStewardsOwnMessageBeforeWhatItFound() {
        var findings = check(rule(range("0", "120", null, "Strength looks implausible.")),
                row("strength_mpa", "150"));
        assertThat(findings).singleElement().extracting(Finding::message)
                .isEqualTo("Strength looks implausible. Strength (MPa) 150 is outside the allowed range [0, 120].");
    }
}
