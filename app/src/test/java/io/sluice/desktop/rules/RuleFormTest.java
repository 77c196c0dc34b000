package io.sluice.desktop.rules;

import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.RuleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of rule goes through its form and comes out the same; what is wrong is said in one sentence. */
class RuleFormTest {

    private static final List<String> MAPPED = List.of("mix_code", "cement_kg", "water_kg", "age_days",
            "coarse_agg_kg", "supplier_code", "strength_mpa", "plant");

    /** A rule written as the profile writes it: {@code {"id":"x","type":"range",...}}. */
    static RuleSpec rule(String json) {
        String profile = "{\"format\":\"sluice-profile\",\"version\":1,\"name\":\"t\",\"table\":\"concrete_mix\","
                + "\"columns\":[{\"target\":\"mix_code\",\"source\":\"Mix Code\"}],\"rules\":[" + json + "]}";
        return ProfileIO.fromJson(profile, "test").rules().get(0);
    }

    private static RuleForm form() {
        RuleForm form = new RuleForm();
        form.mappedColumns(MAPPED);
        return form;
    }

    private static RuleSpec roundTrip(RuleSpec spec) {
        RuleForm form = form();
        form.load(spec);
        assertThat(form.problemProperty().get()).as("problem of %s", spec).isNull();
        assertThat(form.changedProperty().get()).isFalse();
        return form.toSpec();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"cement-given\",\"type\":\"required\",\"column\":\"cement_kg\"}",
        "{\"id\":\"coarse\",\"type\":\"required\",\"column\":\"coarse_agg_kg\",\"when\":\"age_days != null\"}",
        "{\"id\":\"coarse\",\"type\":\"required\",\"column\":\"coarse_agg_kg\",\"when\":\"age_days == null\"}",
        "{\"id\":\"old\",\"type\":\"required\",\"column\":\"strength_mpa\",\"when\":\"age_days >= 28\"}",
        "{\"id\":\"p2\",\"type\":\"required\",\"column\":\"strength_mpa\",\"when\":\"plant = \\\"P2\\\"\"}",
        "{\"id\":\"typed\",\"type\":\"required\",\"column\":\"strength_mpa\",\"when\":\"age_days > 7 && cement_kg > 0\"}",
        "{\"id\":\"s\",\"type\":\"range\",\"column\":\"strength_mpa\",\"max\":120,\"severity\":\"warning\","
                + "\"message\":\"Too strong.\"}",
        "{\"id\":\"s\",\"type\":\"range\",\"column\":\"strength_mpa\",\"min\":0.50,\"max\":1E+2}",
        "{\"id\":\"s\",\"type\":\"range\",\"column\":\"strength_mpa\",\"min\":-1,\"severity\":\"error\"}",
        "{\"id\":\"code\",\"type\":\"pattern\",\"column\":\"mix_code\",\"pattern\":\"DS[0-9]-[0-9]{6,7}|[0-9]{5}-[A-Z]\"}",
        "{\"id\":\"sup\",\"type\":\"allowed\",\"column\":\"supplier_code\",\"values\":[\"NORD\",\" ALPC\",\"CEMS\"]}",
        "{\"id\":\"u1\",\"type\":\"unique\",\"columns\":[\"mix_code\"]}",
        "{\"id\":\"u2\",\"type\":\"unique\",\"columns\":[\"mix_code\",\"plant\"]}",
        "{\"id\":\"u3\",\"type\":\"unique\",\"column\":\"mix_code\"}",
        "{\"id\":\"sup-known\",\"type\":\"lookup\",\"column\":\"supplier_code\",\"table\":\"supplier\","
                + "\"key\":\"supplier_code\"}",
        "{\"id\":\"wc\",\"type\":\"expression\",\"expression\":\"water_kg / cement_kg\",\"min\":0.25,\"max\":0.80}",
        "{\"type\":\"expression\",\"expression\":\"water_kg <= cement_kg\"}",
        "{\"type\":\"range\",\"column\":\"cement_kg\",\"min\":100}"
    })
    void everyKindOfRuleComesOutOfItsFormAsItWentIn(String json) {
        RuleSpec spec = rule(json);

        assertThat(roundTrip(spec)).isEqualTo(spec);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ds1.profile.json", "ds2.profile.json", "ds3.profile.json", "ds4.profile.json"})
    void aSampleProfileWrittenBackFromItsFormsIsTheSameJson(String name) {
        Profile profile = ProfileIO.read(Path.of("..", "sample-data", "profiles", name));
        List<RuleSpec> again = new ArrayList<>();
        for (RuleSpec spec : profile.rules()) {
            RuleForm form = new RuleForm();
            form.mappedColumns(profile.columns().stream().map(c -> c.target()).toList());
            form.load(spec);
            assertThat(form.problemProperty().get()).as("%s in %s", spec.id(), name).isNull();
            again.add(form.toSpec());
        }

        assertThat(ProfileIO.toJson(profile.withRules(again))).isEqualTo(ProfileIO.toJson(profile));
    }

    @Test
    void aConditionBuiltFromItsPartsIsWrittenAsTheExpressionItStandsFor() {
        RuleForm form = form();
        form.startNew(RuleKind.REQUIRED_WHEN);
        form.columnProperty().set("strength_mpa");
        form.whenColumnProperty().set("plant");
        form.whenOperatorProperty().set("=");

        assertThat(form.problemProperty().get()).isEqualTo("Type the value the condition compares plant with.");

        form.whenValueProperty().set("P2");
        assertThat(form.toSpec().when()).isEqualTo("plant = \"P2\"");
        form.whenOperatorProperty().set(">=");
        form.whenValueProperty().set("28");
        assertThat(form.toSpec().when()).isEqualTo("plant >= 28");
        form.whenOperatorProperty().set(RuleCondition.HAS_VALUE);
        assertThat(form.toSpec().when()).isEqualTo("plant != null");

        form.conditionTypedProperty().set(true);
        assertThat(form.problemProperty().get()).isEqualTo("Type the condition, such as age_days != null.");
        form.whenProperty().set("age_days > 7 || plant != null");
        assertThat(form.toSpec().when()).isEqualTo("age_days > 7 || plant != null");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5|2|Min 5 is above max 2, so no value could pass.",
        "abc|2|Min must be a number, such as 0.25; 'abc' is not.",
        "1|x|Max must be a number, such as 0.80; 'x' is not.",
        "''|''|Give a min, a max or both."
    })
    void aRangeWithBoundsThatCannotWorkSaysWhy(String min, String max, String sentence) {
        RuleForm form = form();
        form.startNew(RuleKind.RANGE);
        form.columnProperty().set("cement_kg");
        form.minProperty().set(min);
        form.maxProperty().set(max);

        assertThat(form.problemProperty().get()).isEqualTo(sentence);
        assertThat(form.toSpec()).isNull();
    }

    @Test
    void anInvalidRegularExpressionIsNamedWithWhereItBreaksAndTheTestBoxSaysMatchOrNot() {
        RuleForm form = form();
        form.startNew(RuleKind.PATTERN);
        form.columnProperty().set("mix_code");
        form.patternProperty().set("DS[0-9");

        assertThat(form.problemProperty().get()).startsWith("The regular expression is not valid at character")
                .endsWith(".");
        form.patternSampleProperty().set("DS1");
        assertThat(form.patternVerdictBinding().get()).startsWith("The regular expression is not valid");

        form.patternProperty().set("DS[0-9]-[0-9]{6}");
        assertThat(form.problemProperty().get()).isNull();
        form.patternSampleProperty().set("DS1-000123");
        assertThat(form.patternVerdictBinding().get()).isEqualTo("“DS1-000123” matches.");
        form.patternSampleProperty().set("DS1-000123x");
        assertThat(form.patternVerdictBinding().get()).isEqualTo("“DS1-000123x” does not match.");
    }

    @Test
    void anIdTakenByAnotherRuleOrWithSpacesIsRefused() {
        RuleForm form = form();
        form.takenIds(Set.of("wc-ratio", "required"));
        form.startNew(RuleKind.EXPRESSION);
        form.expressionProperty().set("water_kg / cement_kg");
        form.idProperty().set("WC-Ratio");

        assertThat(form.problemProperty().get())
                .isEqualTo("Another rule is already called 'WC-Ratio'; give this one another id.");

        form.idProperty().set("wc ratio");
        assertThat(form.problemProperty().get()).startsWith("A rule id starts with a letter or digit");

        form.idProperty().set("wc-ratio-2");
        assertThat(form.problemProperty().get()).isNull();
    }

    @Test
    void aNewRuleGetsAnUnusedIdFromItsKindAndColumnUntilOneIsTyped() {
        RuleForm form = form();
        form.takenIds(Set.of("range-cement-kg"));
        form.startNew(RuleKind.RANGE);
        assertThat(form.idProperty().get()).isEqualTo("range");

        form.columnProperty().set("cement_kg");
        assertThat(form.idProperty().get()).isEqualTo("range-cement-kg-2");

        form.idProperty().set("cement-cap");
        form.columnProperty().set("water_kg");
        assertThat(form.idProperty().get()).isEqualTo("cement-cap");
    }

    @Test
    void aColumnTheProfileDoesNotMapIsNamedWithWhereToMapIt() {
        RuleSpec spec = rule("{\"id\":\"slag\",\"type\":\"range\",\"column\":\"slag_kg\",\"max\":300}");
        RuleForm form = form();
        form.load(spec);

        assertThat(form.problemProperty().get()).isEqualTo("No column of the file is mapped onto slag_kg; map one"
                + " onto it in the Mapping step, or choose another column.");
        assertThat(form.toSpec()).isNull();
    }

    @Test
    void switchingTheKindMidwayKeepsWhatTheKindsShareAndAsksForWhatTheNewOneNeeds() {
        RuleForm form = form();
        form.load(rule("{\"id\":\"cement\",\"type\":\"range\",\"column\":\"cement_kg\",\"min\":100,"
                + "\"severity\":\"warning\",\"message\":\"Low cement.\"}"));

        form.kindProperty().set(RuleKind.PATTERN);
        assertThat(form.problemProperty().get()).startsWith("Type the regular expression");
        form.patternProperty().set("[0-9]+");
        RuleSpec pattern = form.toSpec();
        assertThat(pattern).isEqualTo(rule("{\"id\":\"cement\",\"type\":\"pattern\",\"column\":\"cement_kg\","
                + "\"pattern\":\"[0-9]+\",\"severity\":\"warning\",\"message\":\"Low cement.\"}"));
        assertThat(form.changedProperty().get()).isTrue();

        form.kindProperty().set(RuleKind.RANGE);
        assertThat(form.changedProperty().get()).as("back to what was loaded").isFalse();
    }

    @Test
    void anExpressionThatDoesNotCheckIsNamedWithACaretUnderWhereItBreaks() {
        RuleForm form = form();
        form.startNew(RuleKind.EXPRESSION);
        form.expressionProperty().set("watr_kg / cement_kg");

        assertThat(form.problemProperty().get()).contains("did you mean water_kg?");
        assertThat(form.expressionMarkerBinding().get()).isEqualTo("watr_kg / cement_kg\n^");

        form.expressionProperty().set("water_kg / (cement_kg");
        assertThat(form.problemProperty().get()).isNotNull().endsWith(".");
        assertThat(form.toSpec()).isNull();

        form.expressionProperty().set("water_kg / cement_kg");
        assertThat(form.problemProperty().get()).isNull();
        assertThat(form.expressionMarkerBinding().get()).isEmpty();
    }

    @Test
    void rangeBoundsMayExcludeTheirValueAndAllowedValuesMayIgnoreCase() {
        RuleSpec range = rule("{\"id\":\"r\",\"type\":\"range\",\"column\":\"cement_kg\",\"min\":0,"
                + "\"minExclusive\":true,\"max\":600,\"maxExclusive\":false}");
        RuleSpec allowed = rule("{\"id\":\"a\",\"type\":\"allowed\",\"column\":\"plant\","
                + "\"values\":[\"P1\"],\"ignoreCase\":true}");

        assertThat(roundTrip(range)).isEqualTo(range);
        assertThat(roundTrip(allowed)).isEqualTo(allowed);

        RuleForm form = form();
        form.startNew(RuleKind.RANGE);
        form.columnProperty().set("cement_kg");
        form.minProperty().set("0");
        form.minExclusiveProperty().set(true);
        assertThat(form.toSpec().excludesMin()).isTrue();
        assertThat(form.toSpec().maxExclusive()).isNull();
    }

    @Test
    void eachBoundReadsAsTypedWithOrMoreOrAboveAndTheSecondMakesItExclusive() {
        RuleForm form = form();
        form.startNew(RuleKind.RANGE);
        assertThat(List.of(form.lowerBoundReading(false), form.lowerBoundReading(true)))
                .containsExactly("min or more", "above min");
        assertThat(List.of(form.upperBoundReading(false), form.upperBoundReading(true)))
                .containsExactly("max or less", "below max");

        form.minProperty().set("0.25");
        form.maxProperty().set(" 0.8 ");
        assertThat(List.of(form.lowerBoundReading(false), form.lowerBoundReading(true)))
                .containsExactly("0.25 or more", "above 0.25");
        assertThat(List.of(form.upperBoundReading(false), form.upperBoundReading(true)))
                .containsExactly("0.8 or less", "below 0.8");
    }

    @Test
    void allowedValuesAreTypedOneALine() {
        RuleForm form = form();
        form.startNew(RuleKind.ALLOWED);
        form.columnProperty().set("supplier_code");
        assertThat(form.problemProperty().get())
                .isEqualTo("Type the allowed values, one a line, or pick them from the column's values.");

        form.valuesProperty().set("NORD\r\nALPC\n\nCEMS\n");

        assertThat(form.toSpec().values()).containsExactly("NORD", "ALPC", "CEMS");
    }

    @Test
    void aMessageQuotingTheBoundsFollowsThemAsTheyAreTyped() {
        RuleForm form = form();
        form.load(rule("{\"id\":\"wc\",\"type\":\"expression\",\"expression\":\"water_kg / cement_kg\","
                + "\"min\":0.25,\"max\":0.80,\"message\":\"Water/cement ratio must lie between 0.25 and 0.80.\"}"));

        // typed a key at a time, as the steward does: the message never says a bound the rule no longer has
        for (String typed : List.of("", "0", "0.", "0.3")) {
            form.minProperty().set(typed);
        }
        form.maxProperty().set("0.7");

        assertThat(form.messageProperty().get()).isEqualTo("Water/cement ratio must lie between 0.3 and 0.7.");
        assertThat(form.toSpec().message()).isEqualTo("Water/cement ratio must lie between 0.3 and 0.7.");
    }

    @Test
    void aMessageTheStewardRewroteOrThatQuotesNoBoundIsLeftAsWritten() {
        RuleForm form = form();
        form.load(rule("{\"id\":\"s\",\"type\":\"range\",\"column\":\"strength_mpa\",\"max\":120,"
                + "\"message\":\"Too strong for 28 days.\"}"));
        form.maxProperty().set("100");
        assertThat(form.messageProperty().get()).isEqualTo("Too strong for 28 days.");

        form.load(rule("{\"id\":\"c\",\"type\":\"range\",\"column\":\"cement_kg\",\"min\":100,\"max\":600,"
                + "\"message\":\"Cement between 100 and 600 kg; 1000 is a typo.\"}"));
        form.messageProperty().set("Cement out of range.");
        form.minProperty().set("150");
        assertThat(form.messageProperty().get()).isEqualTo("Cement out of range.");

        form.load(rule("{\"id\":\"c\",\"type\":\"range\",\"column\":\"cement_kg\",\"min\":100,\"max\":600,"
                + "\"message\":\"Cement between 100 and 600 kg; 1000 or 6000.5 are typos.\"}"));
        form.minProperty().set("150");
        form.maxProperty().set("650");
        assertThat(form.messageProperty().get()).isEqualTo("Cement between 150 and 650 kg; 1000 or 6000.5 are typos.");
    }
}
