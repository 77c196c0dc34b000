package io.sluice.core.rules;

import io.sluice.core.profile.RuleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static io.sluice.core.rules.RuleRows.check;
import static io.sluice.core.rules.RuleRows.row;
import static io.sluice.core.rules.RuleRows.rule;
import static org.assertj.core.api.Assertions.assertThat;

/** The profile's {@code allowed} rule, built from its spec alone and tried on one cell at a time. */
class AllowedValuesRuleTest {

    private static RuleSpec allowed(String column, List<String> values, String message) {
        return new RuleSpec(null, "allowed", column, null, null, null, null, values, null, null, null, null, null,
                message);
    }

    @ParameterizedTest(name = "{1} in [{2}]: allowed={3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # column      | value | allowed values   | allowed
            supplier_code | NORD  | NORD,ALPC        | true
            supplier_code | ALPC  | NORD,ALPC        | true
            supplier_code | CEMS  | NORD,ALPC        | false
            supplier_code | nord  | NORD,ALPC        | false
            supplier_code | -     | NORD,ALPC        | true
            age_days      | 28    | 7,28,56          | true
            age_days      | 14    | 7,28,56          | false
            age_days      | 7     | 7.0,28.50        | true
            age_days      | 28    | 7.0,28.50        | false
            age_days      | 1000  | 1e3,-0           | true
            age_days      | 0     | 1e3,-0           | true
            age_days      | -7    | +7,0.7e1         | false
            age_days      | 7     | +7,0.7e1         | true
            age_days      | 9     | 9223372036854775808,9.5 | false
            strength_mpa  | 7.0   | 7,28             | true
            strength_mpa  | 7.5   | 7,28             | false
            mix_code      | 7.0   | 7,A              | true
            mix_code      | 07    | 7,A              | true
            mix_code      | 7x    | 7,A              | false
            """)
    void acceptsListedValuesComparingNumbersByValueAndTextExactly(String column, String value, String values,
                                                                  boolean allowed) {
        var findings = check(rule(allowed(column, Arrays.asList(values.split(",")), null)), row(column, value));
        assertThat(findings).hasSize(allowed ? 0 : 1);
    }

    @ParameterizedTest(name = "{0} in [NORD, ALPC, 7] ignoring case: allowed={1}")
    @CsvSource(delimiter = '|', textBlock = """
            # value | allowed
            nord    | true
            NORD    | true
            Alpc    | true
            nord2   | false
            7.0     | true
            CEMS    | false
            """)
    void ignoringCaseAcceptsAnySpellingOfAListedValue(String value, boolean allowed) {
        RuleSpec spec = new RuleSpec(null, "allowed", "mix_code", null, null, null, null, List.of("NORD", "ALPC", "7"),
                null, null, null, null, null, null, null, null, true);
        var findings = check(rule(spec), row("mix_code", value));
        assertThat(findings).hasSize(allowed ? 0 : 1);
    }

    @Test
    void listsTheAllowedValuesInItsMessage() {
        var findings = check(rule(allowed("supplier_code", List.of("NORD", "ALPC"), null)),
                row("supplier_code", "CEMS"));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("allowed:supplier_code");
            assertThat(f.cell()).isEqualTo("F17");
            assertThat(f.message()).isEqualTo("Supplier 'CEMS' is not one of the allowed values: NORD, ALPC.");
        });
    }

    @Test
    void shortensALongListToItsFirstTwelveValues() {
        List<String> codes = IntStream.rangeClosed(1, 20).mapToObj(i -> "S" + i).toList();
        var findings = check(rule(allowed("supplier_code", codes, null)), row("supplier_code", "CEMS"));
        assertThat(findings).singleElement().extracting(Finding::message).isEqualTo(
                "Supplier 'CEMS' is not one of the allowed values: S1, S2, S3, S4, S5, S6, S7, S8, S9, S10, S11, S12,"
                        + " ... (20 values).");
    }

    @Test
    void putsTheStewardsOwnMessageBeforeWhatItFound() {
        var findings = check(rule(allowed("supplier_code", List.of("NORD"), "Only NORD delivers.")),
                row("supplier_code", "CEMS"));
        assertThat(findings).singleElement().extracting(Finding::message)
                .isEqualTo("Only NORD delivers. Supplier 'CEMS' is not one of the allowed values: NORD.");
    }
}
