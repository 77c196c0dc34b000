package io.sluice.core.rules;

import io.sluice.core.profile.RuleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.sluice.core.rules.RuleRows.check;
import static io.sluice.core.rules.RuleRows.row;
import static io.sluice.core.rules.RuleRows.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** The profile's {@code pattern} rule, built from its spec alone and tried on one cell at a time. */
class PatternRuleTest {

    private static RuleSpec pattern(String column, String regex, String message) {
        return new RuleSpec(null, "pattern", column, null, null, null, regex, null, null, null, null, null, null,
                message);
    }

    @ParameterizedTest(name = "{1} against {2}: matches={3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # column      | value      | pattern         | matches
            mix_code      | DS1-0001   | DS\\d-\\d{4}    | true
            mix_code      | ds1-0001   | DS\\d-\\d{4}    | false
            mix_code      | DS1-0001x  | DS\\d-\\d{4}    | false
            mix_code      | xDS1-0001  | DS\\d-\\d{4}    | false
            mix_code      | DS1-12     | DS\\d-\\d{4}    | false
            mix_code      | -          | DS\\d-\\d{4}    | true
            supplier_code | NORD       | [A-Z]{4}        | true
            supplier_code | NOR        | [A-Z]{4}        | false
            age_days      | 28         | \\d{1,2}        | true
            age_days      | 365        | \\d{1,2}        | false
            """)
    void matchesTheWholeTextOfAValueAndIgnoresAnEmptyCell(String column, String value, String regex,
                                                          boolean matches) {
        var findings = check(rule(pattern(column, regex, null)), row(column, value));
        assertThat(findings).hasSize(matches ? 0 : 1);
    }

    @Test
    void namesTheColumnTheValueAndThePattern() {
        var findings = check(rule(pattern("mix_code", "DS\\d-\\d{4}", null)), row("mix_code", "ds1-12"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("pattern:mix_code");
            assertThat(f.cell()).isEqualTo("A17");
            assertThat(f.message()).isEqualTo("Mix code 'ds1-12' does not match the pattern DS\\d-\\d{4}.");
        });
    }

    @Test
    void putsTheStewardsOwnMessageBeforeWhatItFound() {
        var findings = check(rule(pattern("mix_code", "DS\\d-\\d{4}", "Mix codes look like DS1-0001.")),
                row("mix_code", "ds1-12"));
        assertThat(findings).singleElement().extracting(Finding::message).isEqualTo(
                "Mix codes look like DS1-0001. Mix code 'ds1-12' does not match the pattern DS\\d-\\d{4}.");
    }
}
