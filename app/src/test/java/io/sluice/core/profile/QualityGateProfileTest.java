package io.sluice.core.profile;

import io.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The "gates" of a profile: read and written with the profile, and a broken gate refused in one sentence. */
class QualityGateProfileTest {

    private static String profileWith(String gates) {
        return "{\"format\": \"sluice-profile\", \"version\": 1, \"name\": \"mixes\", \"table\": \"concrete_mix\","
                + " \"columns\": [{\"target\": \"mix_code\", \"source\": \"Mix Code\"}],\n \"gates\": [" + gates
                + "]}";
    }

    @Test
    void gatesRoundTripAndAProfileWithoutGatesKeepsItsHash() {
        Profile gated = ProfileIO.fromJson(profileWith("{\"metric\": \"completeness\", \"min\": 98, \"action\":"
                + " \"block\"}, {\"metric\": \"errorRows\", \"max\": 2.5, \"unit\": \"percent\", \"action\":"
                + " \"warn\"}"), "mixes.json");
        Profile plain = ProfileIO.fromJson(profileWith(""), "mixes.json");

        assertThat(gated.gates()).containsExactly(
                new GateSpec("completeness", new BigDecimal("98"), null, null, "block"),
                new GateSpec("errorRows", null, new BigDecimal("2.5"), "percent", "warn"));
        assertThat(ProfileIO.fromJson(ProfileIO.toJson(gated), "again.json")).isEqualTo(gated);
        assertThat(ProfileIO.toJson(plain)).doesNotContain("gates");
        assertThat(ProfileIO.sha256(plain)).isEqualTo(ProfileIO.sha256(new Profile(plain.format(), plain.version(),
                plain.name(), plain.source(), plain.table(), plain.columns(), plain.nullMarkers(), plain.rules(),
                plain.naturalKey(), plain.commitMode(), plain.legacyId())));
        assertThat(gated.withCommitMode("upsert").gates()).isEqualTo(gated.gates());
        assertThat(gated.withRules(List.of()).gates()).isEqualTo(gated.gates());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown metric    | {"metric": "completness", "min": 98, "action": "block"}                 | mixes.json: gate 1: unknown metric 'completness' (known: completeness, validity, uniqueness, overall, errorRows, rejectedRows) (line 2, column 12).
            no metric         | {"min": 98, "action": "block"}                                          | mixes.json: gate 1: a gate has no metric (known: completeness, validity, uniqueness, overall, errorRows, rejectedRows) (line 2, column 12).
            neither min nor max | {"metric": "validity", "action": "warn"}                              | mixes.json: gate 1: validity needs min or max (line 2, column 12).
            min above max     | {"metric": "overall", "min": 90, "max": 80, "action": "warn"}           | mixes.json: gate 1: overall has min 90 above max 80, so it could never pass (line 2, column 12).
            unknown action    | {"metric": "overall", "min": 90, "action": "stop"}                      | mixes.json: gate 1: overall has unknown action 'stop' (known: warn, block) (line 2, column 12).
            no action         | {"metric": "overall", "min": 90}                                        | mixes.json: gate 1: overall has no action (known: warn, block) (line 2, column 12).
            unknown unit      | {"metric": "errorRows", "max": 3, "unit": "rows", "action": "warn"}     | mixes.json: gate 1: errorRows has unknown unit 'rows' (known: count, percent) (line 2, column 12).
            counted score     | {"metric": "validity", "min": 3, "unit": "count", "action": "warn"}     | mixes.json: gate 1: validity is a score in percent; only errorRows and rejectedRows can be counted (line 2, column 12).
            misspelt field    | {"metric": "validity", "mn": 3, "action": "warn"}                       | mixes.json: unknown field "mn" in a quality gate (known: action, max, metric, min, unit) (line 2, column 35).
            """)
    void aBrokenGateIsRefusedInOneSentence(String what, String gate, String sentence) {
        assertThatThrownBy(() -> ProfileIO.fromJson(profileWith(gate), "mixes.json"))
                .isInstanceOf(SluiceException.class)
                .hasMessage(sentence);
    }

    @Test
    void theSecondOfTwoGatesIsNamedByItsPlace() {
        ProfileProblem problem = ProfileValidator.firstProblem(new Profile(null, 0, "mixes", null, "concrete_mix",
                List.of(), List.of(), List.of(), List.of(), null, null, List.of(
                        new GateSpec("overall", new BigDecimal("90"), null, null, "warn"),
                        new GateSpec("overall", null, null, null, "warn"))));

        assertThat(problem).isEqualTo(new ProfileProblem("/gates/1", "gate 2: overall needs min or max"));
    }
}
