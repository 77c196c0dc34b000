package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.sluice.cli.CommandRun.profile;
import static io.sluice.cli.CommandRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice load}, then {@code validate --review}: a loaded review leads to decisions and an import. */
@ExtendWith(FreshSluiceHome.class)
class LoadCommandTest {

    @TempDir
    Path dir;

    @Test
    void loadSaysWhatToDoNext() {
        Path review = dir.resolve("loaded.sluice");
        CommandRun load = CommandRun.of("load", sample("ds1-concrete-mix.csv"), "-o", review);
        assertThat(load.exit()).isZero();
        assertThat(load.out()).contains("Loaded 200 rows")
                .contains("Next: sluice validate --review " + review + " --profile PROFILE.json");
        assertThat(CommandRun.of("load", "--help").out().replaceAll("\\s+", " "))
                .contains("'sluice validate --review REVIEW.sluice --profile PROFILE.json'");

        CommandRun shown = CommandRun.of("review", review);
        assertThat(shown.out()).contains("no target yet").contains("Not validated yet").doesNotContain("null");
    }

    @Test
    void aLoadedReviewIsValidatedDecidedAndImportedKeepingItsEditsAndDecisions() {
        Path review = dir.resolve("loaded.sluice");
        assertThat(CommandRun.of("load", sample("ds1-concrete-mix.csv"), "-o", review).exit()).isZero();
        CommandRun unvalidated = CommandRun.of("decide", review, "--approve", "valid");
        assertThat(unvalidated.exit()).isEqualTo(2);
        assertThat(unvalidated.err()).contains("has not been validated");
        CommandRun refused = CommandRun.of("import", "--review", review, "--dry-run");
        assertThat(refused.exit()).isEqualTo(2);

        assertThat(CommandRun.of("decide", review, "--edit", "141:Water (kg/m3)=180").out())
                .contains("not validated again");
        assertThat(CommandRun.of("decide", review, "--reject", "rows:6", "--reason", "unknown supplier").exit())
                .isZero();

        CommandRun validate = CommandRun.of("validate", "--review", review, "--profile", profile("ds1.profile.json"));
        assertThat(validate.exit()).as(validate.err()).isEqualTo(1);
        assertThat(validate.out()).contains("200 rows validated with profile 'ds1-concrete-mix'")
                .contains("valid: 192   with errors: 8")
                .contains("Decisions and edits kept: 0 approved, 1 rejected, 199 pending.")
                .contains("sluice import --review " + review);

        assertThat(CommandRun.of("decide", review, "--approve", "valid").out()).contains("Approved 192 row(s).");
        CommandRun dryRun = CommandRun.of("import", "--review", review, "--dry-run");
        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("192 to insert");

        // the edit made before the profile is undone with a re-validation now
        assertThat(CommandRun.of("decide", review, "--undo").out()).contains("Undone: Approve");
        assertThat(CommandRun.of("decide", review, "--undo").out()).contains("Undone: Reject");
        assertThat(CommandRun.of("decide", review, "--undo").out()).contains("Undone: Edit C141");
        assertThat(CommandRun.of("review", review, "--findings", "0").out()).contains("with errors: 9");
    }

    @Test
    void forceReplacesOnlyAReviewAndKeepsItWhenTheNewLoadFails() throws Exception {
        Path review = dir.resolve("loaded.sluice");
        assertThat(CommandRun.of("load", sample("ds1-concrete-mix.csv"), "-o", review).exit()).isZero();
        assertThat(CommandRun.of("decide", review, "--reject", "rows:6", "--reason", "unknown supplier").exit())
                .isZero();

        Path headerOnly = dir.resolve("header-only.csv");
        Files.writeString(headerOnly, Files.readAllLines(Path.of(sample("ds1-concrete-mix.csv"))).get(0) + "\n");
        CommandRun failed = CommandRun.of("load", headerOnly, "-o", review, "--force");
        assertThat(failed.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(failed.err()).contains("has no data rows below its header");
        assertThat(CommandRun.of("review", review, "--findings", "0").out()).contains("1 rejected");
        assertThat(Path.of(review + ".replaced")).doesNotExist();

        assertThat(CommandRun.of("load", sample("ds1-concrete-mix.csv"), "-o", review, "--force").exit()).isZero();
        assertThat(CommandRun.of("review", review, "--findings", "0").out()).contains("0 rejected");

        // the source itself, named by mistake as the review, is never replaced
        Path source = dir.resolve("mixes.csv");
        Files.copy(Path.of(sample("ds1-concrete-mix.csv")), source);
        CommandRun refused = CommandRun.of("load", source, "-o", source, "--force");
        assertThat(refused.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(refused.err().strip()).isEqualTo("sluice load: " + source + " is not a Sluice review, so it is not"
                + " replaced; choose another review name.");
        assertThat(source).hasSameTextualContentAs(Path.of(sample("ds1-concrete-mix.csv")));
    }
}
