package io.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.bench.SampleProfiles;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.profile.TableMapping;
import io.sluice.testing.TestDatabases;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sluice rules --profile P2 --table T}: the rules in force on one table of a profile onto several tables, as a
 * workbook's validation runs them; without --table, or with a table it does not map, one sentence naming its tables.
 */
@ExtendWith(FreshSluiceHome.class)
class RulesOfATableCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path profile;

    @BeforeEach
    void writeTheLabProfileWithARuleOnMixComponent() {
        Profile lab = SampleProfiles.lab();
        List<TableMapping> parts = new ArrayList<>();
        RuleSpec cap = ProfileIO.ruleFromJson("{\"id\": \"dose-cap\", \"type\": \"range\", \"column\": \"dosage_kg\","
                + " \"max\": 900}", "test");
        lab.tables().forEach(t -> parts.add(t.table().equals("mix_component") ? t.withRules(List.of(cap)) : t));
        profile = dir.resolve("lab.profile.json");
        ProfileIO.write(lab.withTables(parts), profile);
    }

    private static CommandRun run(TestDatabases.Database db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(CommandRun.targetOptions(db)));
        return CommandRun.of(all.toArray());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void theRulesOfOneTableAreListedWithItsOwnAsEditableAndNoForeignKeyOntoItsParentsInTheWorkbook(
            TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);

        CommandRun run = run(db, "rules", "--profile", profile.toString(), "--table", "MIX_COMPONENT", "--format",
                "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode listing = JSON.readTree(run.out());
        assertThat(listing.get("table").asText()).endsWithIgnoringCase("mix_component");
        List<String> rules = new ArrayList<>();
        for (JsonNode r : listing.get("rules")) {
            rules.add(r.get("id").asText().toLowerCase(Locale.ROOT) + "|" + r.get("origin").asText() + "|"
                    + r.get("editable"));
        }
        assertThat(rules).contains("dose-cap|profile|true", "check:ck_component_dosage|target|false",
                "duplicate-key|target|false");
        // the parents are other tables of the workbook: the reference check judges them, not the target's key
        assertThat(rules).noneMatch(r -> r.startsWith("fk|"));
        assertThat(rules.get(rules.size() - 1)).isEqualTo("dose-cap|profile|true");
    }

    @Test
    void theTextListingSaysWhereTheTablesOwnRulesAreWritten() throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);

        CommandRun run = run(db, "rules", "--profile", profile.toString(), "--table", "mix_component");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("13 rules run for profile 'ds4-lab-workbook' against PUBLIC.MIX_COMPONENT:")
                .containsPattern("(?m)^dose-cap +range +DOSAGE_KG +error +profile +a number 900 or less")
                .contains("change the profile's own in the \"rules\" of table PUBLIC.MIX_COMPONENT in its"
                        + " \"tables\".");
    }

    @Test
    void aProfileOntoSeveralTablesNeedsATableAndATypoIsAnsweredWithItsTables() throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);

        CommandRun noTable = run(db, "rules", "--profile", profile.toString());
        CommandRun typo = run(db, "rules", "--profile", profile.toString(), "--table", "mix_components");
        CommandRun sheet = run(db, "rules", "--profile", profile.toString(), "--sheet", "Mixes", "--table",
                "mix_component");
        CommandRun oneTable = run(db, "rules", "--profile", CommandRun.PROFILE.toString(), "--table",
                "concrete_mix");
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(noTable.err().strip()).isEqualTo("sluice rules: Profile 'ds4-lab-workbook' maps onto several"
                + " tables (material, supplier, concrete_mix, mix_component, strength_test): name the one whose"
                + " rules to list with --table TABLE.");
        softly.assertThat(typo.err().strip()).isEqualTo("sluice rules: Profile 'ds4-lab-workbook' maps no table"
                + " 'mix_components' (its tables: material, supplier, concrete_mix, mix_component, strength_test).");
        softly.assertThat(sheet.err().strip()).isEqualTo("sluice rules: --sheet goes with --review of a workbook onto"
                + " several tables; with --profile, name the table with --table.");
        // as --table on the review of one sheet: a profile onto one table has no tables to choose from
        softly.assertThat(oneTable.err().strip()).isEqualTo("sluice rules: Profile 'ds1-concrete-mix' maps onto one"
                + " table (concrete_mix); --table goes with a profile onto several tables.");
        softly.assertThat(List.of(noTable, typo, sheet, oneTable))
                .allSatisfy(r -> softly.assertThat(r.exit()).isEqualTo(SluiceCommand.INPUT))
                .allSatisfy(r -> softly.assertThat(r.out()).isEmpty())
                .noneMatch(CommandRun::looksJavaInternal);
        softly.assertAll();
    }
}
