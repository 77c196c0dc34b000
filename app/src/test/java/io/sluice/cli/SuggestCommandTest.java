package io.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.TransformSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.sluice.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice suggest} on the sample data: what it proposes, what it prints, and how it refuses. */
@ExtendWith(FreshSluiceHome.class)
class SuggestCommandTest {

    private static final Path SAMPLES = Path.of("..", "sample-data");
    private static final String DS1 = SAMPLES.resolve("ds1-concrete-mix.csv").toString();
    private static final String DS2 = SAMPLES.resolve("ds2-betonmischungen.csv").toString();
    private static final String DS2_PROFILE = SAMPLES.resolve("profiles/ds2.profile.json").toString();
    private static final String DS3 = SAMPLES.resolve("ds3-lab-refresh.xlsx").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void proposesTheGermanLabsNullMarkersWithTheReason() {
        Path profile = dir.resolve("ds2.json");

        CliTest.Run run = run("suggest", DS2, "--table", "concrete_mix", "-o", profile.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("null-if k.A.|-, number decimal ','")
                .contains("113/113 sampled values are numbers with a decimal comma; 'k.A.' (15 cells) and '-' "
                        + "(11 cells) read as no value");
        ColumnMapping flyAsh = mapping(ProfileIO.read(profile), "FLY_ASH_KG");
        assertThat(flyAsh.transforms()).containsExactly(
                new TransformSpec("null-if", null, null, null, List.of("k.A.", "-"), null, null, null, null, null,
                        null, null),
                new TransformSpec("number", null, null, null, null, null, ",", ".", null, null, null, null));
    }

    @Test
    void theSuggestedGermanProfileFindsWhatTheShippedOneFindsFromTheTable() throws IOException {
        Path profile = dir.resolve("ds2.json");
        assertThat(run("suggest", DS2, "--table", "concrete_mix", "-o", profile.toString()).exit()).isZero();
        Path suggestedReport = dir.resolve("suggested.json");
        Path shippedReport = dir.resolve("shipped.json");

        CliTest.Run suggested = run("validate", DS2, "--profile", profile.toString(), "--report",
                suggestedReport.toString());
        CliTest.Run shipped = run("validate", DS2, "--profile", DS2_PROFILE, "--report", shippedReport.toString());

        assertThat(suggested.exit()).as(suggested.err()).isEqualTo(SluiceCommand.FINDINGS);
        assertThat(shipped.exit()).as(shipped.err()).isEqualTo(SluiceCommand.FINDINGS);
        JsonNode mine = JSON.readTree(suggestedReport.toFile());
        JsonNode theirs = JSON.readTree(shippedReport.toFile());
        assertThat(mine.get("counts").get("withErrors").asInt()).isEqualTo(8)
                .isEqualTo(theirs.get("counts").get("withErrors").asInt());
        // '56 d', '30.02.2022' as in the shipped profile, plus the #DIV/0! that the shipped profile nulls on purpose
        assertThat(mine.get("byRule").get("type").asInt()).isEqualTo(3);
        assertThat(theirs.get("byRule").get("type").asInt()).isEqualTo(2);
        assertThat(mine.get("byRule").get("fk").asInt()).isEqualTo(theirs.get("byRule").get("fk").asInt());
    }

    @Test
    void numbersTypedInAWorkbookGetNoDecimalCommaTransform() {
        Path profile = dir.resolve("ds3.json");

        CliTest.Run run = run("suggest", DS3, "--table", "concrete_mix", "-o", profile.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("decimal comma")
                .contains("120/120 sampled values are numbers");
        assertThat(ProfileIO.read(profile).columns()).flatExtracting(ColumnMapping::transforms)
                .extracting(TransformSpec::op).doesNotContain("number");
    }

    @Test
    void printsWhereItReadAndWhatToDoNext() {
        CliTest.Run csv = run("suggest", DS1, "--table", "concrete_mix");
        CliTest.Run xlsx = run("suggest", DS3, "--table", "concrete_mix");

        assertThat(csv.exit()).as(csv.err()).isZero();
        assertThat(csv.out().lines().findFirst()).hasValue("ds1-concrete-mix.csv (CSV, header row 1) -> "
                + "PUBLIC.CONCRETE_MIX");
        assertThat(csv.out().lines().reduce((a, b) -> b)).hasValue("Nothing saved: add -o PROFILE.json to write the "
                + "profile.");
        assertThat(xlsx.out().lines().findFirst()).hasValue("ds3-lab-refresh.xlsx (sheet 'Mixes', header row 4) -> "
                + "PUBLIC.CONCRETE_MIX");
        assertThat(csv.err()).isEmpty();
    }

    @Test
    void printsTheProfileAsJson() throws IOException {
        CliTest.Run run = run("suggest", DS1, "--table", "concrete_mix", "--format", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        Profile profile = ProfileIO.fromJson(run.out(), "stdout");
        assertThat(profile.table()).isEqualToIgnoringCase("concrete_mix");
        assertThat(profile.name()).isEqualTo("ds1-concrete-mix");
        assertThat(run.json().get("columns")).hasSize(14);
    }

    @Test
    void refusesToOverwriteAProfileWithoutForce() throws IOException {
        Path profile = Files.copy(CommandRun.PROFILE, dir.resolve("mine.json"));

        CliTest.Run refused = run("suggest", DS1, "--table", "concrete_mix", "-o", profile.toString());
        CliTest.Run forced = run("suggest", DS1, "--table", "concrete_mix", "-o", profile.toString(), "--force");

        assertThat(refused.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(refused.err()).isEqualTo("sluice suggest: " + profile + " already exists; use --force to "
                + "overwrite it." + System.lineSeparator());
        assertThat(forced.exit()).as(forced.err()).isZero();
        assertThat(forced.out()).endsWith("Profile written to " + profile + System.lineSeparator());
    }

    @Test
    void neverReplacesAFileThatIsNoProfileNotEvenWithForce() throws IOException {
        Path source = Files.copy(Path.of(DS1), dir.resolve("mixes.csv"));
        Path review = dir.resolve("mixes.sluice");
        assertThat(run("load", source.toString(), "-o", review.toString()).exit()).isZero();
        byte[] csv = Files.readAllBytes(source);
        byte[] reviewBytes = Files.readAllBytes(review);

        CliTest.Run ontoSource = run("suggest", source.toString(), "--table", "concrete_mix", "-o", source.toString(),
                "--force");
        CliTest.Run ontoReview = run("suggest", source.toString(), "--table", "concrete_mix", "-o",
                review.toString(), "--force");

        assertThat(ontoSource.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(ontoSource.err()).isEqualTo("sluice suggest: " + source + " is not a Sluice profile, so it is not"
                + " replaced by one; give the profile a file name of its own." + System.lineSeparator());
        assertThat(ontoSource.out()).isEmpty();
        assertThat(ontoReview.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(Files.readAllBytes(source)).isEqualTo(csv);
        assertThat(Files.readAllBytes(review)).isEqualTo(reviewBytes);
    }

    @Test
    void refusesAFolderAsTheProfile() {
        CliTest.Run run = run("suggest", DS1, "--table", "concrete_mix", "-o", dir.toString());

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice suggest: " + dir + " is a folder; give --output the profile's file "
                + "name, e.g. " + dir.resolve("ds1-concrete-mix.profile.json") + "." + System.lineSeparator());
    }

    @Test
    void refusesAProfileInAFolderThatDoesNotExist() {
        Path profile = dir.resolve("no-such-folder").resolve("p.json");

        CliTest.Run run = run("suggest", DS1, "--table", "concrete_mix", "-o", profile.toString());

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice suggest: The folder " + profile.getParent().toAbsolutePath()
                + " for the profile does not exist." + System.lineSeparator());
    }

    @Test
    void aMissingSourceFileIsNamed() {
        Path missing = dir.resolve("missing.csv");

        CliTest.Run run = run("suggest", missing.toString(), "--table", "concrete_mix");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice suggest: missing.csv: does not exist." + System.lineSeparator());
    }

    @Test
    void anUnknownTableIsATargetProblemListingTheTables() {
        Path profile = dir.resolve("p.json");

        CliTest.Run run = run("suggest", DS1, "--table", "mixes", "-o", profile.toString());

        assertThat(run.exit()).isEqualTo(SluiceCommand.TARGET);
        assertThat(run.err()).startsWith("sluice suggest: Table 'mixes' does not exist in ")
                .endsWith("Tables: CONCRETE_MIX, MATERIAL, MIX_COMPONENT, STRENGTH_TEST, SUPPLIER."
                        + System.lineSeparator());
        assertThat(run.err().lines()).hasSize(1);
        assertThat(profile).doesNotExist();
    }

    @Test
    void refusesAFileWithoutHeaderRowSinceThereAreNoNamesToMatch() {
        CliTest.Run run = run("suggest", DS1, "--table", "concrete_mix", "--no-header");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice suggest: There is no header row, so there are no column names to "
                + "match; name it with --header-row N, or write the profile's mappings by hand."
                + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void saysSoWhenNoColumnResemblesAnyOfTheTable() throws IOException {
        Path file = Files.writeString(dir.resolve("other.csv"), "colour;size\nred;4\n");

        CliTest.Run run = run("suggest", file.toString(), "--table", "supplier");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("other.csv (CSV, header row 1) -> PUBLIC.SUPPLIER" + System.lineSeparator()
                + System.lineSeparator() + "No column of other.csv resembles a column of PUBLIC.SUPPLIER."
                + System.lineSeparator());
        assertThat(run.out()).contains("  - colour: no column of SUPPLIER resembles its name");
    }

    private static ColumnMapping mapping(Profile profile, String target) {
        return profile.columns().stream().filter(m -> m.target().equalsIgnoreCase(target)).findFirst().orElseThrow();
    }
}
