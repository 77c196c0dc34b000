package io.sluice.cli;

import io.sluice.core.profile.ProfileIO;
import io.sluice.core.rules.RuleSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.sluice.cli.CommandRun.profile;
import static io.sluice.cli.CommandRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice rules --review}: a rule tried on the validated ds1 sample, applied, undone, removed and saved. */
@ExtendWith(FreshSluiceHome.class)
class RulesTrialCommandTest {

    private static final String CEMENT_CAP = "{\"id\": \"cement-cap\", \"type\": \"range\", \"column\": \"cement_kg\","
            + " \"max\": 400}";

    @TempDir
    Path dir;

    private Path review;

    @BeforeEach
    void validate() {
        review = dir.resolve("ds1.sluice");
        CommandRun run = CommandRun.of("validate", sample("ds1-concrete-mix.csv"), "--profile",
                profile("ds1.profile.json"), "--review", review);
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
    }

    @Test
    void aTriedRuleSaysHowManyRowsItWouldFlagWithTheFirstAndChangesNothing() {
        CommandRun run = CommandRun.of("rules", "--review", review, "--try", CEMENT_CAP);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("^Rule 'cement-cap' would flag \\d+ of \\d+ rows \\(\\d+ findings\\)\\.")
                .contains("ROW", "CELL", "VALUE", "MESSAGE", "is above the maximum 400")
                .contains("Apply it to the review with --apply");
        assertThat(CommandRun.of("review", review).out()).doesNotContain("cement-cap");
    }

    @Test
    void aRowOnWhichTheExpressionCannotBeComputedIsFlaggedNotPassed() {
        // row 160 of the sample has cement 0.0: its ratio does not exist, so it cannot lie below 0.8
        CommandRun run = CommandRun.of("rules", "--review", review, "--try", "{\"id\": \"wc\", \"type\":"
                + " \"expression\", \"expression\": \"water_kg / cement_kg < 0.8\"}");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Rule 'wc' would flag 3 of 200 rows (3 findings).")
                .contains("The rule water_kg / cement_kg < 0.8 cannot be computed on this row (it divides by zero),"
                        + " so it does not hold (cement_kg=0, water_kg=239.6).");
    }

    @Test
    void aDateComparedWithATextIsRefusedWhenTriedOrSavedSayingWhatToWriteAndADateLiteralComparesDays()
            throws Exception {
        Path saved = dir.resolve("saved.profile.json");
        CommandRun text = CommandRun.of("rules", "--review", review, "--try", "{\"id\": \"recent\", \"type\":"
                + " \"expression\", \"expression\": \"cast_date > \\\"2021-01-01\\\"\"}", "--save-to", saved);
        CommandRun day = CommandRun.of("rules", "--review", review, "--try", "{\"id\": \"recent\", \"type\":"
                + " \"expression\", \"expression\": \"cast_date > DATE('2021-01-01')\"}");

        assertThat(text.exit()).as(text.err()).isEqualTo(SluiceCommand.INPUT);
        assertThat(text.err().strip()).isEqualTo("sluice rules: The rule 'recent' cannot run: its expression"
                + " compares cast_date (a date) with \"2021-01-01\" (a text) at position 11, which can never be"
                + " computed; write cast_date > DATE(\"2021-01-01\") to compare it with that day.");
        assertThat(text.out()).isEmpty();
        assertThat(saved).doesNotExist();
        assertThat(day.exit()).as(day.err()).isZero();
        assertThat(day.out()).startsWith("Rule 'recent' would flag ").doesNotContain("cannot be computed")
                .contains("The rule cast_date > DATE('2021-01-01') does not hold (cast_date=20");
    }

    @Test
    void aProfileHoldingADateComparedWithATextIsListedWithOneSentenceForTheRule() throws Exception {
        String json = Files.readString(Path.of(profile("ds1.profile.json").toString())).replaceFirst(
                "\"rules\"\\s*:\\s*\\[", "\"rules\": [{\"id\": \"recent\", \"type\": \"expression\","
                        + " \"expression\": \"cast_date > \\\\\"2021-01-01\\\\\"\"}, ");
        Path withRule = Files.writeString(dir.resolve("recent.profile.json"), json);

        CommandRun run = CommandRun.of("rules", "--profile", withRule);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("recent", "Rule 'recent' of profile 'ds1-concrete-mix' is kept, but its"
                + " expression compares cast_date (a date) with \"2021-01-01\" (a text) at position 11, which can"
                + " never be computed; write cast_date > DATE(\"2021-01-01\") to compare it with that day.");
        CommandRun asJson = CommandRun.of("rules", "--profile", withRule, "--format", "json");
        assertThat(asJson.out()).contains("\"notes\"", "Rule 'recent' of profile 'ds1-concrete-mix' is kept");

        CommandRun validate = CommandRun.of("validate", sample("ds1-concrete-mix.csv"), "--profile", withRule);
        assertThat(validate.out()).as(validate.err()).containsOnlyOnce("Rule 'recent' of profile 'ds1-concrete-mix'"
                + " is kept, but its expression compares cast_date (a date) with \"2021-01-01\" (a text)");
    }

    @Test
    void anExpressionGivingANumberWhereATruthIsNeededFlagsEveryRowItReads() {
        CommandRun sum = CommandRun.of("rules", "--review", review, "--try", "{\"id\": \"s\", \"type\":"
                + " \"expression\", \"expression\": \"cement_kg + water_kg\"}");

        assertThat(sum.exit()).as(sum.err()).isZero();
        assertThat(sum.out()).startsWith("Rule 's' would flag 199 of 200 rows (199 findings).")
                .contains("The rule cement_kg + water_kg gives ")
                .contains(", not true or false: give the rule a min or a max to check the value against (cement_kg=394.3,"
                        + " water_kg=242.8).");
    }

    @Test
    void anAppliedRuleIsInTheReviewUntilUndoneAndSavesIntoAProfile() throws Exception {
        Path saved = dir.resolve("with-cap.json");
        Path ruleFile = Files.writeString(dir.resolve("cap.json"), CEMENT_CAP);

        CommandRun apply = CommandRun.of("rules", "--review", review, "--try-file", ruleFile, "--apply", "--save-to",
                saved);

        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.out()).containsPattern("^Applied rule 'cement-cap' to ds1.sluice: it flags \\d+ of \\d+ rows"
                        + " \\(\\d+ findings\\); \\d+ rows? now in error, \\d+ no longer in error\\.")
                .contains("--undo' takes it back.")
                .contains("Saved profile 'ds1-concrete-mix' with ");
        assertThat(ProfileIO.read(saved).rules()).extracting(RuleSet::idOf).contains("cement-cap");
        assertThat(CommandRun.of("review", review).out()).contains("cement-cap");
        assertThat(CommandRun.of("rules", "--review", review).out()).contains("cement-cap");

        CommandRun undo = CommandRun.of("decide", review, "--undo");
        assertThat(undo.out()).contains("Undone: Apply rule 'cement-cap'");
        assertThat(CommandRun.of("review", review).out()).doesNotContain("cement-cap");
    }

    @Test
    void aRuleIsNeverSavedOverAFileThatIsNoProfileAndTheReviewIsLeftAsItWas() throws Exception {
        byte[] before = Files.readAllBytes(review);

        CommandRun ontoReview = CommandRun.of("rules", "--review", review, "--try", CEMENT_CAP, "--apply",
                "--save-to", review);

        assertThat(ontoReview.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(ontoReview.err()).isEqualTo("sluice rules: " + review + " is not a Sluice profile, so it is not"
                + " replaced by one; give the profile a file name of its own." + System.lineSeparator());
        assertThat(ontoReview.out()).isEmpty();
        assertThat(Files.readAllBytes(review)).isEqualTo(before);
        assertThat(CommandRun.of("review", review).out()).doesNotContain("cement-cap");
    }

    @Test
    void aProfileRuleCanBeRemovedFromTheReviewButNotOneOfTheTarget() {
        CommandRun removed = CommandRun.of("rules", "--review", review, "--remove", "supplier-known");

        assertThat(removed.exit()).as(removed.err()).isZero();
        assertThat(removed.out()).startsWith("Removed rule 'supplier-known' from ds1.sluice: 0 rows no longer in"
                + " error, 0 now in error.");

        CommandRun derived = CommandRun.of("rules", "--review", review, "--remove", "fk");
        assertThat(derived.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(derived.err().strip()).isEqualTo("sluice rules: The rule 'fk' is derived from the target table and cannot be"
                + " removed; it changes only with the table.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # what                 | --try                                                                  | the sentence starts with
            broken JSON            | `{"type": "range", "column": "cement_kg", "max": }`                    | --try: is not valid JSON
            cut short              | `{"id": "cap", "type": "range", "column": "cement_kg", "max": 300`       | --try: is not valid JSON: it ends before a closing } or ] (line 1, column 65).
            unknown field          | `{"type": "range", "colum": "cement_kg", "max": 4}`                    | --try: unknown field "colum" in a rule (known:
            min above max          | `{"id": "cap", "type": "range", "column": "cement_kg", "min": 9, "max": 4}` | The rule cannot run: cap rule has min 9 above max 4, so no value could pass.
            unknown column         | `{"id": "cap", "type": "range", "column": "cement", "max": 4}`         | The rule 'cap' of profile 'ds1-concrete-mix' is about 'cement', which the profile does not map
            bad expression         | `{"id": "r", "type": "expression", "expression": "(water_kg / cement_kg"}` | The expression '(water_kg / cement_kg' of rule 'r' of profile 'ds1-concrete-mix' is not valid: Closing brace not found at position 1.
            number with a text     | `{"id": "n", "type": "expression", "expression": "cement_kg > 'lots'"}` | The rule 'n' cannot run: its expression compares cement_kg (a number) with 'lots' (a text) at position 11, which can never be computed; a number compares only with a number.
            missing lookup table   | `{"id": "p", "type": "lookup", "column": "supplier_code", "table": "plants", "key": "code"}` | The rule 'p' of profile 'ds1-concrete-mix' looks values up in table 'plants', which
            """)
    void aBrokenRuleIsExitCodeTwoWithOneSentence(String what, String json, String sentence) {
        CommandRun run = CommandRun.of("rules", "--review", review, "--try", json, "--apply");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err().strip()).startsWith("sluice rules: " + sentence).doesNotContain("\n");
        assertThat(run.out()).isEmpty();
        assertThat(CommandRun.of("decide", review, "--undo").out()).doesNotContain("Undone: Apply rule");
    }

    @Test
    void tryingNeedsAReviewAndApplyingNeedsARule() {
        CommandRun noReview = CommandRun.of("rules", "--profile", profile("ds1.profile.json"), "--try", CEMENT_CAP);
        assertThat(noReview.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(noReview.err()).contains("need --review REVIEW.sluice");

        CommandRun noRule = CommandRun.of("rules", "--review", review, "--apply");
        assertThat(noRule.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(noRule.err()).contains("--apply and --save-to need a rule");
    }
}
