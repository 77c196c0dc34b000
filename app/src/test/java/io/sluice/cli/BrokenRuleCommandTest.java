package io.sluice.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broken rule in the profile is refused before any row is read, by every command that runs the rules: exit 2 and
 * one sentence naming the rule and what is wrong with it; nothing is written.
 */
@ExtendWith(FreshSluiceHome.class)
class BrokenRuleCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown column      | {"id": "r1", "type": "range", "column": "strenght_mpa", "max": 120}                          | The rule 'r1' of profile 'ds1-concrete-mix' is about 'strenght_mpa', which the profile does not map (mapped:
            bad regex           | {"id": "r1", "type": "pattern", "column": "mix_code", "pattern": "DS[0-9"}                  | r1 rule has an invalid regular expression 'DS[0-9' (Unclosed character class)
            expression syntax   | {"id": "r1", "type": "expression", "expression": "water_kg / / cement_kg"}                  | The expression 'water_kg / / cement_kg' of rule 'r1' of profile 'ds1-concrete-mix' is not valid:
            expression column   | {"id": "r1", "type": "expression", "expression": "water_kg / cemnt_kg < 1"}                 | The expression of rule 'r1' of profile 'ds1-concrete-mix' uses 'cemnt_kg', which is not a mapped target column
            when column         | {"id": "r1", "type": "required", "column": "slag_kg", "when": "ag_days > 7"}                | The expression of rule 'r1' of profile 'ds1-concrete-mix' uses 'ag_days', which is not a mapped target column
            range min above max | {"id": "r1", "type": "range", "column": "strength_mpa", "min": 120, "max": 10}              | r1 rule has min 120 above max 10, so no value could pass
            expression min above max | {"id": "r1", "type": "expression", "expression": "water_kg / cement_kg", "min": 0.8, "max": 0.25} | r1 rule has min 0.8 above max 0.25, so no value could pass
            empty allowed list  | {"id": "r1", "type": "allowed", "column": "supplier_code", "values": []}                    | r1 rule needs values
            lookup table        | {"id": "r1", "type": "lookup", "column": "supplier_code", "table": "suppliers", "key": "supplier_code"} | The rule 'r1' of profile 'ds1-concrete-mix' looks values up in table 'suppliers', which
            lookup column       | {"id": "r1", "type": "lookup", "column": "supplier_code", "table": "supplier", "key": "code"} | The rule 'r1' of profile 'ds1-concrete-mix' looks values up in column 'code', which table PUBLIC.SUPPLIER does not have (its columns: SUPPLIER_CODE, NAME, COUNTRY).
            """)
    void aBrokenRuleIsRefusedInOneSentenceByValidateImportRulesAndExport(String what, String rule, String sentence)
            throws Exception {
        Path profile = profileWithRule(rule);
        Path file = CommandRun.ds1Head(dir, 3);
        Path approved = dir.resolve("approved.csv");
        List<Object[]> commands = List.of(
                new Object[] {"validate", file, "--profile", profile},
                new Object[] {"import", file, "--profile", profile, "--approve", "valid"},
                new Object[] {"import", file, "--profile", profile, "--approve", "valid", "--dry-run"},
                new Object[] {"rules", "--profile", profile},
                new Object[] {"export", file, "--profile", profile, "--approved", approved});

        for (Object[] command : commands) {
            CommandRun run = CommandRun.of(command);

            assertThat(run.exit()).as(command[0] + ": " + run.err()).isEqualTo(SluiceCommand.INPUT);
            assertThat(run.err()).as(command[0].toString()).contains(sentence).contains("r1");
            assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
            assertThat(run.out()).as(command[0].toString()).isEmpty();
        }
        assertThat(approved).doesNotExist();
        assertThat(CommandRun.of("batches").out()).contains("No import batches");
    }

    private Path profileWithRule(String rule) throws Exception {
        ObjectNode profile = (ObjectNode) JSON.readTree(CommandRun.PROFILE.toFile());
        profile.putArray("rules").add(JSON.readTree(rule));
        Path file = dir.resolve("broken.profile.json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(profile));
        return file;
    }
}
