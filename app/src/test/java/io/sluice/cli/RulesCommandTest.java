package io.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice rules}: every rule in force for a profile against its table, with where it comes from. */
@ExtendWith(FreshSluiceHome.class)
class RulesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void listsTheRulesOfTheSampleSchemaEachCheckByNameAndTheProfilesOwnAsEditable(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        List<String> args = new ArrayList<>(List.of("rules", "--profile", CommandRun.PROFILE.toString(), "--format",
                "json"));
        args.addAll(List.of(CommandRun.targetOptions(db)));

        CommandRun run = CommandRun.of(args.toArray());

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode listing = JSON.readTree(run.out());
        assertThat(listing.get("table").asText()).endsWithIgnoringCase("concrete_mix");
        List<String> rules = new ArrayList<>();
        for (JsonNode r : listing.get("rules")) {
            rules.add(r.get("id").asText().toLowerCase(Locale.ROOT) + "|" + r.get("kind").asText() + "|"
                    + String.join(",", texts(r.get("columns"))).toLowerCase(Locale.ROOT) + "|"
                    + r.get("severity").asText() + "|" + r.get("origin").asText() + "|" + r.get("editable"));
        }
        assertThat(rules).contains(
                "required|required|mix_code|error|target|false",
                "type|type|cement_kg|error|target|false",
                "length|length|mix_code|error|target|false",
                "precision|precision|cement_kg|error|target|false",
                "scale|scale|strength_mpa|warning|target|false",
                "integer-range|integer-range|age_days|error|target|false",
                "unique-table|unique-table|mix_code|error|target|false",
                "fk|fk|supplier_code|error|target|false",
                "check:ck_cement_positive|check|cement_kg|error|target|false",
                "check:ck_water_nonnegative|check|water_kg|error|target|false",
                "check:ck_wc_ratio|check|w_c_ratio|error|target|false",
                "check:ck_age_days|check|age_days|error|target|false",
                "check:ck_strength|check|strength_mpa|error|target|false",
                "check:ck_binder_total|check|cement_kg,fly_ash_kg,slag_kg|error|target|false",
                "strength-plausible|range|strength_mpa|warning|profile|true",
                // the profile's own unique rule on the key replaces the derived duplicate-key rule
                "mix-code-unique|unique|mix_code|error|profile|true",
                "wc-ratio-plausible|expression|cement_kg,water_kg|error|profile|true");
        assertThat(rules).noneMatch(r -> r.startsWith("duplicate-key|"));
        JsonNode own = null;
        for (JsonNode r : listing.get("rules")) {
            if (r.get("id").asText().equals("strength-plausible")) {
                own = r;
            }
        }
        assertThat(own).isNotNull();
        assertThat(own.get("profileIndex").asInt()).isZero();
        assertThat(own.get("description").asText()).isEqualTo("a number 120 or less");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @Test
    void theTextListingNamesEachRuleItsColumnsAndOrigin() {
        CommandRun run = CommandRun.of("rules", "--profile", CommandRun.PROFILE);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("\\d+ rules run for profile 'ds1-concrete-mix' against "
                + "PUBLIC.CONCRETE_MIX:")
                .containsPattern("(?m)^check:CK_WC_RATIO +check +W_C_RATIO +error +target +CHECK ")
                .containsPattern("(?m)^strength-plausible +range +STRENGTH_MPA +warning +profile +"
                        + "a number 120 or less");
        assertThat(run.out()).doesNotContain("Optional", "RuleInfo[", "\\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            rules --profle P              | Unknown option '--profle'; did you mean --profile?
            rules --profile P --formt json | Unknown option '--formt'; did you mean --format?
            rules --profile P --format jsn | jsn
            rules                         | --profile
            rules --profile P extra       | extra
            rule --profile P              | rules
            rules --profile P --targt jdbc:h2:mem:x | --target
            rules --profile P --usr sa    | --user
            """)
    void aTypoInAnyArgumentIsOneSentenceWithTheHelpHint(String line, String named) {
        String[] args = line.replace("P", CommandRun.PROFILE.toString()).trim().split(" +");

        CommandRun run = CommandRun.of((Object[]) args);

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).contains(named).contains("--help'.");
        assertThat(run.err().strip().lines()).hasSize(2);
        assertThat(run.out()).isEmpty();
    }
}
