package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.sluice.cli.CommandRun.profile;
import static io.sluice.cli.CommandRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new user off the happy path: options that would be silently ignored, a review given where a source file is
 * expected, a misspelt value, two actions at once. Each is refused in one true sentence with exit code 2.
 */
@ExtendWith(FreshSluiceHome.class)
class NewUserTryoutTest {

    @TempDir
    Path dir;

    private Path validatedReview() {
        Path review = dir.resolve("ds1.sluice");
        CommandRun run = CommandRun.of("validate", sample("ds1-concrete-mix.csv"), "--profile",
                profile("ds1.profile.json"), "--review", review);
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        return review;
    }

    @Test
    void aReasonGivenWithAnApprovalIsRefusedRatherThanDropped() {
        Path review = validatedReview();

        CommandRun approve = CommandRun.of("decide", review, "--approve", "valid", "--reason", "looks fine");

        assertThat(approve.exit()).isEqualTo(2);
        assertThat(approve.err()).contains("--reason goes with --reject only");
        assertThat(CommandRun.of("review", review, "--findings", "0").out())
                .contains("Decisions: 0 approved, 0 rejected, 200 pending");
    }

    @Test
    void twoActionsAtOnceNameBothOptionsWithoutPicocliWording() {
        Path review = validatedReview();

        CommandRun both = CommandRun.of("decide", review, "--approve", "valid", "--reject", "errors",
                "--reason", "x");

        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("The options --approve and --reject cannot be given together")
                .doesNotContain("Error:").doesNotContain("mutually exclusive").doesNotContain("=FILTER");
    }

    @Test
    void aReviewGivenAsTheSourceFileIsNamedAsAReviewNotAsAnEncodingProblem() {
        Path review = validatedReview();

        CommandRun validate = CommandRun.of("validate", review, "--profile", profile("ds1.profile.json"));
        CommandRun inspect = CommandRun.of("inspect", review);

        assertThat(validate.exit()).isEqualTo(2);
        // validate takes a review with --review, so it says that rather than only what the file is not
        assertThat(validate.err()).contains("ds1.sluice is a review, not a source file; validate its rows again")
                .contains("with --review " + review).doesNotContain("UTF-8");
        assertThat(inspect.exit()).isEqualTo(2);
        assertThat(inspect.err()).contains("is a Sluice review");
    }

    @Test
    void importingALoadedReviewSaysToValidateTheReviewNotTheFileAgain() {
        Path review = dir.resolve("loaded.sluice");
        assertThat(CommandRun.of("load", sample("ds1-concrete-mix.csv"), "-o", review).exit()).isZero();

        CommandRun dryRun = CommandRun.of("import", "--review", review, "--dry-run");

        assertThat(dryRun.exit()).isEqualTo(2);
        assertThat(dryRun.err()).contains("holds no mapping profile yet")
                .contains("validate the review with a profile first (its decisions and edits are kept)")
                .doesNotContain("validate the file again");
    }

    @Test
    void aRefusedImportIsRecordedWithTheRowsItMetAndSaysNothingWasWritten() {
        Path review = validatedReview();
        assertThat(CommandRun.of("decide", review, "--approve", "all").exit()).isZero();

        CommandRun refused = CommandRun.of("import", "--review", review);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("cannot be stored in their columns").doesNotContain(".;")
                .doesNotContain(".)");

        Matcher failed = Pattern.compile("(?m)^(\\d+)\\s+\\S+ \\S+\\s+failed").matcher(CommandRun.of("batches").out());
        assertThat(failed.find()).isTrue();
        CommandRun batch = CommandRun.of("batch", failed.group(1));
        assertThat(batch.out()).contains("Rows:     200 read, 200 approved, 0 rejected -> nothing written")
                .doesNotContain("0 inserted");
    }

    @Test
    void aFileWithAHeaderAndNoRowsIsNotValidatedToPerfectScores() throws IOException {
        Path headerOnly = dir.resolve("header-only.csv");
        Files.writeString(headerOnly, CommandRun.HEADER + "\r\n");
        Path review = dir.resolve("header-only.sluice");

        CommandRun headless = CommandRun.of("validate", headerOnly, "--profile", profile("ds1.profile.json"));
        CommandRun staged = CommandRun.of("validate", headerOnly, "--profile", profile("ds1.profile.json"),
                "--review", review);

        assertThat(headless.exit()).isEqualTo(2);
        assertThat(headless.err()).contains("header-only.csv has no data rows below its header, so there is nothing"
                + " to validate.");
        assertThat(headless.out()).doesNotContain("Scores:");
        assertThat(staged.exit()).isEqualTo(2);
        assertThat(review).doesNotExist();
    }

    @Test
    void aFileWithAHeaderAndNoRowsIsNotLoadedIntoAnEmptyReview() throws IOException {
        Path headerOnly = dir.resolve("header-only-load.csv");
        Files.writeString(headerOnly, CommandRun.HEADER + "\r\n");
        Path review = dir.resolve("header-only-load.sluice");

        CommandRun load = CommandRun.of("load", headerOnly, "-o", review);

        assertThat(load.exit()).isEqualTo(2);
        assertThat(load.err()).contains("header-only-load.csv has no data rows below its header, so there is"
                + " nothing to load.");
        assertThat(review).doesNotExist();
    }

    @Test
    void aCsvGivenAsTheProfileIsNotAProfileWithoutParserWording() {
        CommandRun run = CommandRun.of("validate", sample("ds1-concrete-mix.csv"), "--profile",
                sample("ds1-concrete-mix.csv"));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("ds1-concrete-mix.csv: is not a Sluice profile (it is not JSON).")
                .doesNotContain("Unrecognized token").doesNotContain("line 1");
    }

    @Test
    void aWrongDelimiterIsNamedAsSuchRatherThanAsAMissingColumn() {
        CommandRun run = CommandRun.of("validate", sample("ds2-betonmischungen.csv"), "--profile",
                profile("ds2.profile.json"), "--delimiter", ",");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("needs source column 'Mischung', but the file was read as a single column"
                + " whose header holds ';', so it looks separated by ';': read it with that delimiter (the profile's"
                + " \"delimiter\" under \"source\", --delimiter on the command line, or Delimiter on the desktop's"
                + " Source step).");
    }

    @Test
    void oneWarningIsCountedInTheSingular() {
        Path review = validatedReview();

        assertThat(CommandRun.of("review", review, "--findings", "0").out())
                .containsPattern("findings: 15 errors, 1 warning\\R").doesNotContain("1 warnings");
    }

    @Test
    void aMisspeltApproveValueIsNamed() {
        CommandRun run = CommandRun.of("import", sample("ds1-concrete-mix.csv"), "--profile",
                profile("ds1.profile.json"), "--approve", "vaild", "--dry-run");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--approve takes only 'valid'").contains("not 'vaild'");
    }
}
