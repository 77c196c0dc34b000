package io.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.sluice.cli.CommandRun.profile;
import static io.sluice.cli.CommandRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice validate}: a file, a file into a review, and the rows of an existing review. */
@ExtendWith(FreshSluiceHome.class)
class ValidateCommandTest {

    @TempDir
    Path dir;

    @Test
    void aFileValidatedIntoAReviewAndTheReviewValidatedAgainAgree() {
        Path review = dir.resolve("ds1.sluice");
        CommandRun first = CommandRun.of("validate", sample("ds1-concrete-mix.csv"), "--profile",
                profile("ds1.profile.json"), "--review", review);
        assertThat(first.exit()).isEqualTo(1);
        assertThat(first.out()).contains("Rows: 200   valid: 191   with errors: 9")
                .contains("Scores: completeness 93.6   validity 99.5   uniqueness 99.5   overall 97.5");

        CommandRun again = CommandRun.of("validate", "--review", review);
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.out()).contains("200 rows validated with profile 'ds1-concrete-mix'")
                .contains("Rows: 200   valid: 191   with errors: 9")
                .contains("Scores: completeness 93.6   validity 99.5   uniqueness 99.5   overall 97.5")
                .doesNotContain("before)");
    }

    @Test
    void theNextFileWithColumnsRenamedAndMissingIsRefusedNamingEveryColumnTheProfileLacks() throws IOException {
        String sample = Files.readString(Path.of(sample("ds1-concrete-mix.csv")));
        Path next = Files.writeString(dir.resolve("next.csv"), sample.replaceFirst("Water \\(kg/m3\\)", "Water kg")
                .replaceFirst("Slag \\(kg/m3\\),", ""));

        CommandRun run = CommandRun.of("validate", next, "--profile", profile("ds1.profile.json"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("sluice validate: Profile 'ds1-concrete-mix' needs source columns 'Water"
                + " (kg/m3)' and 'Slag (kg/m3)', which the file does not have (its columns: Mix Code, Cement (kg/m3),"
                + " Water kg, Fly Ash (kg/m3), Coarse Aggregate (kg/m3),");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void theNextFileWithAColumnTheSenderAddedNamesItInTheSummaryAndTheReport() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(sample("ds1-concrete-mix.csv")));
        List<String> withColumn = new ArrayList<>(List.of(lines.get(0) + ",Admixture 2 (kg/m3)"));
        lines.stream().skip(1).filter(l -> !l.isBlank()).forEach(l -> withColumn.add(l + ",1.5"));
        Path next = Files.write(dir.resolve("next.csv"), withColumn);
        Path report = dir.resolve("report.json");

        CommandRun run = CommandRun.of("validate", next, "--profile", profile("ds1.profile.json"), "--report",
                report);

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.out().lines()).containsOnlyOnce("Columns of this file the profile does not map (neither"
                + " checked nor imported): Remarks, Admixture 2 (kg/m3).");
        assertThat(new ObjectMapper().readTree(report.toFile()).get("unmappedColumns"))
                .extracting(JsonNode::asText).containsExactly("Remarks", "Admixture 2 (kg/m3)");

        CommandRun json = CommandRun.of("validate", next, "--profile", profile("ds1.profile.json"), "--format",
                "json");
        assertThat(new ObjectMapper().readTree(json.out()).get("unmappedColumns"))
                .extracting(JsonNode::asText).containsExactly("Remarks", "Admixture 2 (kg/m3)");
    }

    @Test
    void theNextFileWithItsHeaderFurtherDownIsRefusedPointingAtTheHeaderRow() throws IOException {
        String sample = Files.readString(Path.of(sample("ds1-concrete-mix.csv")));
        Path next = Files.writeString(dir.resolve("next.csv"), "Monthly feed April\n\n" + sample);

        CommandRun run = CommandRun.of("validate", next, "--profile", profile("ds1.profile.json"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("sluice validate: Profile 'ds1-concrete-mix' needs source columns 'Mix"
                + " Code', 'Cement (kg/m3)',")
                .contains("but the header row it was read with holds none of them (it holds: Monthly feed April):"
                        + " if the header lies further down, give its row (the profile's \"headerRow\" under"
                        + " \"source\", --header-row on the command line, or Header row on the desktop's Source"
                        + " step).");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void validatingAReviewWithAnotherProfileThatDoesNotFitIsRefusedAndChangesNothing() {
        Path review = dir.resolve("ds1.sluice");
        CommandRun.of("validate", sample("ds1-concrete-mix.csv"), "--profile", profile("ds1.profile.json"),
                "--review", review);
        CommandRun wrong = CommandRun.of("validate", "--review", review, "--profile", profile("ds2.profile.json"));
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("needs source column").doesNotContain("Exception");
        assertThat(CommandRun.of("review", review, "--findings", "0").out()).contains("with errors: 9")
                .contains("validity 99.5");
    }

    @Test
    void whatCannotBeValidatedIsSaidInOneSentence() throws IOException {
        Path notAReview = dir.resolve("notes.sluice");
        Files.writeString(notAReview, "not a review");
        CommandRun notReview = CommandRun.of("validate", "--review", notAReview, "--profile",
                profile("ds1.profile.json"));
        assertThat(notReview.exit()).isEqualTo(2);
        assertThat(notReview.err().strip()).isEqualTo("sluice validate: The file " + notAReview
                + " is not a Sluice review.");

        CommandRun nothing = CommandRun.of("validate");
        assertThat(nothing.exit()).isEqualTo(2);
        assertThat(nothing.err()).contains("Give a FILE to validate, or --review REVIEW.sluice");

        CommandRun noProfile = CommandRun.of("validate", sample("ds1-concrete-mix.csv"));
        assertThat(noProfile.exit()).isEqualTo(2);
        assertThat(noProfile.err()).contains("needs a mapping profile");

        Path loaded = dir.resolve("loaded.sluice");
        CommandRun.of("load", sample("ds1-concrete-mix.csv"), "-o", loaded);
        CommandRun loadedWithoutProfile = CommandRun.of("validate", "--review", loaded);
        assertThat(loadedWithoutProfile.exit()).isEqualTo(2);
        assertThat(loadedWithoutProfile.err()).contains("records no mapping profile yet");
    }

    @Test
    void aFailedValidationIntoAReviewLeavesNoReviewBehind() {
        Path review = dir.resolve("bad.sluice");
        CommandRun run = CommandRun.of("validate", sample("ds1-concrete-mix.csv"), "--profile",
                profile("ds2.profile.json"), "--review", review);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(review).doesNotExist();
    }

    @Test
    void aReportPathThatIsAFolderIsRefusedBeforeAnyRowIsRead() {
        CommandRun run = CommandRun.of("validate", sample("ds1-concrete-mix.csv"), "--profile",
                profile("ds1.profile.json"), "--report", dir);

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("sluice validate: --report " + dir + " is a folder; give a file name to"
                + " write." + System.lineSeparator());
    }

    @Test
    void anExistingReviewIsReplacedOnlyWithForceAndNothingButAReviewIsEverReplaced() throws IOException {
        Path review = dir.resolve("ds1.sluice");
        String csv = sample("ds1-concrete-mix.csv");
        String ds1 = profile("ds1.profile.json");
        assertThat(CommandRun.of("validate", csv, "--profile", ds1, "--review", review).exit()).isEqualTo(1);
        assertThat(CommandRun.of("decide", review, "--approve", "valid").exit()).isZero();
        assertThat(CommandRun.of("review", review, "--findings", "0").out()).contains("Decisions: 191 approved");

        CommandRun refused = CommandRun.of("validate", csv, "--profile", ds1, "--review", review);
        assertThat(refused.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).isEqualTo("sluice validate: The review " + review + " already exists; choose"
                + " another review name, or add --force to replace it (its decisions and edits are lost)."
                + System.lineSeparator());
        assertThat(CommandRun.of("review", review, "--findings", "0").out()).contains("Decisions: 191 approved");

        // a replacement that fails puts the review it was to replace back, decisions and all
        Path headerOnly = dir.resolve("header-only.csv");
        Files.writeString(headerOnly, Files.readAllLines(Path.of(csv)).get(0) + "\n");
        CommandRun failed = CommandRun.of("validate", headerOnly, "--profile", ds1, "--review", review, "--force");
        assertThat(failed.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(failed.err()).contains("has no data rows below its header");
        assertThat(CommandRun.of("review", review, "--findings", "0").out()).contains("Decisions: 191 approved");
        assertThat(Path.of(review + ".replaced")).doesNotExist();

        CommandRun replaced = CommandRun.of("validate", csv, "--profile", ds1, "--review", review, "--force");
        assertThat(replaced.exit()).as(replaced.err()).isEqualTo(1);
        assertThat(replaced.out()).contains("Rows: 200   valid: 191   with errors: 9");
        assertThat(CommandRun.of("review", review, "--findings", "0").out()).contains("Decisions: 0 approved")
                .contains("Rows: 200");

        Path notes = dir.resolve("notes.sluice");
        Files.writeString(notes, "not a review");
        CommandRun notAReview = CommandRun.of("validate", csv, "--profile", ds1, "--review", notes, "--force");
        assertThat(notAReview.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(notAReview.err().strip()).isEqualTo("sluice validate: " + notes + " is not a Sluice review, so it"
                + " is not replaced; choose another review name.");
        assertThat(Files.readString(notes)).isEqualTo("not a review");

        CommandRun withoutReview = CommandRun.of("validate", csv, "--profile", ds1, "--force");
        assertThat(withoutReview.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(withoutReview.err()).contains("--force replaces the review that --review names")
                .contains("without --review nothing is written to replace.");
        CommandRun ownRows = CommandRun.of("validate", "--review", review, "--force");
        assertThat(ownRows.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(ownRows.err()).contains("validating a review's own rows replaces nothing.");
    }

    @Test
    void aReviewLeftUnfinishedByAStoppedStagingIsReplacedWithForce() throws Exception {
        Path review = dir.resolve("ds1.sluice");
        String csv = sample("ds1-concrete-mix.csv");
        String ds1 = profile("ds1.profile.json");
        assertThat(CommandRun.of("validate", csv, "--profile", ds1, "--review", review).exit()).isEqualTo(1);
        // what a staging killed midway leaves: the mark that its rows are still being written
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + review);
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO review_meta (key, value) VALUES ('staging.unfinished', 'rows')");
        }
        CommandRun opened = CommandRun.of("review", review, "--findings", "0");
        assertThat(opened.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(opened.err()).contains("is unfinished");

        CommandRun replaced = CommandRun.of("validate", csv, "--profile", ds1, "--review", review, "--force");
        assertThat(replaced.exit()).as(replaced.err()).isEqualTo(1);
        CommandRun reopened = CommandRun.of("review", review, "--findings", "0");
        assertThat(reopened.exit()).as(reopened.err()).isZero();
        assertThat(reopened.out()).contains("Rows: 200");
    }
}
