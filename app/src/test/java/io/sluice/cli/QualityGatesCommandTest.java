package io.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.sluice.cli.CommandRun.batches;
import static io.sluice.cli.CommandRun.mixes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quality gates on the command line: measured and shown by {@code validate}; a failed blocking gate refuses
 * {@code import} (from a file and from a review, dry run too) with exit 4, writing nothing and recording no batch; a
 * failed warning gate is printed and the import goes on; the gates are kept with the batch and shown by
 * {@code batch} and {@code batches}.
 */
@ExtendWith(FreshSluiceHome.class)
class QualityGatesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The ds1 profile with these gates, each "metric:min:max:unit:action" (empty parts left out). */
    private Path profileWithGates(String... gates) throws IOException {
        ObjectNode profile = (ObjectNode) JSON.readTree(CommandRun.PROFILE.toFile());
        ArrayNode list = profile.putArray("gates");
        for (String gate : gates) {
            String[] p = gate.split(":", -1);
            ObjectNode g = list.addObject().put("metric", p[0]);
            if (!p[1].isEmpty()) {
                g.put("min", Double.parseDouble(p[1]));
            }
            if (!p[2].isEmpty()) {
                g.put("max", Double.parseDouble(p[2]));
            }
            if (!p[3].isEmpty()) {
                g.put("unit", p[3]);
            }
            g.put("action", p[4]);
        }
        Path file = dir.resolve("gated.profile.json");
        JSON.writeValue(file.toFile(), profile);
        return file;
    }

    /** Five rows of ds1, one of them with an error (an unknown supplier). */
    private Path fiveRows() {
        return CommandRun.ds1Head(dir, 5);
    }

    private static String[] args(TestDatabases.Database db, Object... args) {
        List<String> all = new ArrayList<>();
        for (Object a : args) {
            all.add(String.valueOf(a));
        }
        all.addAll(List.of(CommandRun.targetOptions(db)));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void validateShowsEachGateMeasuredAndAWarningGateKeepsTheFindingsExitCode(TestDatabases.Engine engine)
            throws IOException {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        Path profile = profileWithGates("completeness:90:::block", "errorRows::0::warn");

        CommandRun text = CommandRun.of((Object[]) args(db, "validate", fiveRows(), "--profile", profile));
        CommandRun json = CommandRun.of((Object[]) args(db, "validate", fiveRows(), "--profile", profile,
                "--format", "json"));

        assertThat(text.exit()).as(text.err()).isEqualTo(SluiceCommand.FINDINGS);
        assertThat(text.out()).contains("Quality gates:", "completeness 94.3% (needs at least 90%): passed",
                "errorRows 1 (needs at most 0): warned").doesNotContain("would refuse");
        assertThat(json.exit()).isEqualTo(SluiceCommand.FINDINGS);
        JsonNode gates = JSON.readTree(json.out()).get("gates");
        assertThat(gates).hasSize(2);
        assertThat(gates.get(0).get("status").asText()).isEqualTo("passed");
        assertThat(gates.get(1).get("measured").asLong()).isEqualTo(1);
        assertThat(gates.get(1).get("unit").asText()).isEqualTo("count");
        assertThat(gates.get(1).get("status").asText()).isEqualTo("warned");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void validateExitsFourWhenABlockingGateFailsMeasuredInPercent(TestDatabases.Engine engine) throws IOException {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        Path profile = profileWithGates("errorRows::10:percent:block");

        CommandRun run = CommandRun.of((Object[]) args(db, "validate", fiveRows(), "--profile", profile));

        assertThat(run.exit()).as(run.err()).isEqualTo(SluiceCommand.GATES);
        assertThat(run.out()).contains("errorRows 20% (needs at most 10%): blocked",
                "A blocking gate failed: 'sluice import' would refuse these rows.");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aBlockingGateRefusesTheImportOfAFileAndItsDryRunWritingNothingAndRecordingNoBatch(
            TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        Path profile = profileWithGates("validity:99.9:::block", "errorRows::0::block", "uniqueness:100:::warn");

        CommandRun dryRun = CommandRun.of((Object[]) args(db, "import", fiveRows(), "--profile", profile,
                "--approve", "valid", "--dry-run"));
        CommandRun imported = CommandRun.of((Object[]) args(db, "import", fiveRows(), "--profile", profile,
                "--approve", "valid"));

        for (CommandRun run : List.of(dryRun, imported)) {
            assertThat(run.exit()).as(run.err()).isEqualTo(SluiceCommand.GATES);
            assertThat(run.err()).contains("sluice import: refused by 2 blocking quality gates; nothing was written.")
                    .containsPattern("  gate validity: measured 9\\d\\.\\d%, needs at least 99.9%")
                    .contains("  gate errorRows: measured 1, needs at most 0")
                    .doesNotContain("uniqueness");
            assertThat(run.looksJavaInternal()).as(run.out() + run.err()).isFalse();
        }
        assertThat(mixes(db)).isEmpty();
        assertThat(batches(db)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aWarningGateIsPrintedTheImportGoesOnAndTheGatesAreKeptWithTheBatch(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        Path profile = profileWithGates("errorRows::0::warn", "rejectedRows::25:percent:block");

        CommandRun imported = CommandRun.of((Object[]) args(db, "import", fiveRows(), "--profile", profile,
                "--approve", "valid"));
        CommandRun shown = CommandRun.of((Object[]) args(db, "batch", "1"));
        CommandRun details = CommandRun.of((Object[]) args(db, "batch", "1", "--format", "json"));
        CommandRun list = CommandRun.of((Object[]) args(db, "batches", "--format", "json"));

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("sluice import: warning: quality gate errorRows measured 1, needs at "
                + "most 0; importing all the same.");
        assertThat(mixes(db)).hasSize(4);
        assertThat(shown.out()).contains("Gates:", "errorRows 1 (needs at most 0): warned",
                "rejectedRows 20% (needs at most 25%): passed");
        JsonNode gates = JSON.readTree(details.out()).get("gates");
        assertThat(gates).hasSize(2);
        assertThat(gates.get(0).get("metric").asText()).isEqualTo("errorRows");
        assertThat(gates.get(0).get("max").decimalValue()).isEqualByComparingTo("0");
        assertThat(gates.get(0).get("action").asText()).isEqualTo("warn");
        assertThat(gates.get(0).get("status").asText()).isEqualTo("warned");
        assertThat(gates.get(1).get("unit").asText()).isEqualTo("percent");
        assertThat(gates.get(1).get("measured").decimalValue()).isEqualByComparingTo("20");
        JsonNode batch = JSON.readTree(list.out()).get(0);
        assertThat(batch.get("gates")).isEqualTo(gates);
        assertThat(batch.get("scores").get("completeness").decimalValue()).isEqualByComparingTo("94.3");
        assertThat(batch.get("scores").get("validity").isNumber()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aReviewWithTooManyRejectedRowsIsRefusedWithExitFourAndNoBatch(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        Path profile = profileWithGates("rejectedRows::0::block");
        Path review = dir.resolve("gated.sluice");
        CommandRun validated = CommandRun.of((Object[]) args(db, "validate", fiveRows(), "--profile", profile,
                "--review", review));
        // in a new review no row is rejected until the steward rejects one
        assertThat(validated.exit()).as(validated.err()).isEqualTo(SluiceCommand.FINDINGS);
        assertThat(validated.out()).contains("rejectedRows 0 (needs at most 0): passed");
        assertThat(CommandRun.of((Object[]) args(db, "decide", review, "--approve", "valid")).exit()).isZero();
        CommandRun passing = CommandRun.of((Object[]) args(db, "import", "--review", review, "--dry-run"));
        assertThat(passing.exit()).as("no row rejected yet: " + passing.err()).isZero();
        assertThat(CommandRun.of((Object[]) args(db, "decide", review, "--reject", "errors", "--reason",
                "unknown supplier")).exit()).isZero();

        CommandRun dryRun = CommandRun.of((Object[]) args(db, "import", "--review", review, "--dry-run"));
        CommandRun imported = CommandRun.of((Object[]) args(db, "import", "--review", review));

        for (CommandRun run : List.of(dryRun, imported)) {
            assertThat(run.exit()).as(run.err()).isEqualTo(SluiceCommand.GATES);
            assertThat(run.err()).contains("sluice import: refused by a blocking quality gate; nothing was written.",
                    "  gate rejectedRows: measured 1, needs at most 0");
        }
        assertThat(mixes(db)).isEmpty();
        assertThat(batches(db)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            validate | completness:98:::block   | gate 1: unknown metric 'completness' (known: completeness, validity, uniqueness, overall, errorRows, rejectedRows)
            import   | errorRows::1::blok        | gate 1: errorRows has unknown action 'blok' (known: warn, block)
            rules    | errorRows::1:percnt:warn  | gate 1: errorRows has unknown unit 'percnt' (known: count, percent)
            validate | overall:90:80::warn       | gate 1: overall has min 90.0 above max 80.0, so it could never pass
            import   | validity::::warn          | gate 1: validity needs min or max
            """)
    void aMistypedGateIsRefusedInOneSentenceBeforeAnyRowIsRead(String command, String gate, String sentence)
            throws IOException {
        Path profile = profileWithGates(gate);
        Object[] args = switch (command) {
            case "validate" -> new Object[] {"validate", fiveRows(), "--profile", profile};
            case "import" -> new Object[] {"import", fiveRows(), "--profile", profile, "--approve", "valid"};
            default -> new Object[] {"rules", "--profile", profile};
        };

        CommandRun run = CommandRun.of(args);

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).startsWith("sluice " + command + ": gated.profile.json: " + sentence + " (line ");
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }
}
