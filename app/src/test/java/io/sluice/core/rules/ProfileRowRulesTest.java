package io.sluice.core.rules;

import io.sluice.core.SluiceException;
import io.sluice.core.profile.RuleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import static io.sluice.core.rules.RuleRows.check;
import static io.sluice.core.rules.RuleRows.row;
import static io.sluice.core.rules.RuleRows.rule;
import static io.sluice.core.rules.RuleRows.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** A profile rule that cannot work is refused when it is built, in one sentence naming the rule and the profile. */
class ProfileRowRulesTest {

    static Stream<Arguments> specsThatCannotWork() {
        return Stream.of(
                arguments(spec("range", "no_such_column"), "The rule 'range:no_such_column' of profile 'concrete' is"
                        + " about 'no_such_column', which the profile does not map (mapped: mix_code, cement_kg,"
                        + " water_kg, age_days, strength_mpa, supplier_code, cast_date)."),
                arguments(spec("pattern", null), "The rule 'pattern' of profile 'concrete' names no 'column'."),
                arguments(spec("pattern", "mix_code"),
                        "The rule 'pattern:mix_code' of profile 'concrete' has no 'pattern'."),
                arguments(new RuleSpec("r2", "pattern", "mix_code", null, null, null, "([", null, null, null, null,
                        null, null, null), "The pattern of rule 'r2' of profile 'concrete' is not a valid regular"
                        + " expression: Unclosed character class."),
                arguments(spec("allowed", "supplier_code"),
                        "The rule 'allowed:supplier_code' of profile 'concrete' lists no allowed values."),
                arguments(spec("expression", null), "The rule 'expression' of profile 'concrete' has no 'expression'."),
                arguments(expression("water_kg / unknown_col"), "The expression of rule 'r3' of profile 'concrete'"
                        + " uses 'unknown_col', which is not a mapped target column (mapped: mix_code, cement_kg,"
                        + " water_kg, age_days, strength_mpa, supplier_code, cast_date)."),
                arguments(new RuleSpec("r4", "range", "strength_mpa", null, BigDecimal.ZERO, null, null, null, null,
                        null, null, null, "fatal", null), "The rule 'r4' of profile 'concrete' has an invalid"
                        + " severity: Severity must be error or warning, not 'fatal'."),
                arguments(spec("telepathy", "mix_code"), "The rule 'telepathy:mix_code' of profile 'concrete' has"
                        + " unknown type 'telepathy'; use range, pattern, allowed, unique, lookup, required or"
                        + " expression."));
    }

    private static RuleSpec expression(String expression) {
        return new RuleSpec("r3", "expression", null, null, null, null, null, null, null, null, null, expression,
                null, null);
    }

    @ParameterizedTest
    @MethodSource("specsThatCannotWork")
    void refusesASpecThatCannotWorkInOneSentence(RuleSpec spec, String message) {
        assertThatThrownBy(() -> rule(spec)).isInstanceOf(SluiceException.class).hasMessage(message);
    }

    @Test
    void refusesAnExpressionThatDoesNotParse() {
        assertThatThrownBy(() -> rule(expression("water_kg / / cement_kg")))
                .isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("The expression 'water_kg / / cement_kg' of rule 'r3' of profile 'concrete'"
                        + " is not valid: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unique", "lookup"})
    void leavesRulesThatNeedEarlierRowsOrTheDatabaseToTheRuleSet(String type) {
        assertThatThrownBy(() -> rule(spec(type, "mix_code"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RuleSet");
    }

    @Test
    void findsTheColumnWhateverItsCaseAndReportsItAsTheTableSpellsIt() {
        RuleSpec spec = new RuleSpec(null, "ALLOWED", "Supplier_Code", null, null, null, null, List.of("NORD"), null,
                null, null, null, null, null);
        assertThat(check(rule(spec), row("supplier_code", "CEMS"))).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("allowed:Supplier_Code");
            assertThat(f.target()).isEqualTo("supplier_code");
        });
    }
}
