package io.sluice.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.sluice.cli.CommandRun.profile;
import static io.sluice.cli.CommandRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice decide} and {@code sluice review} on a validated review: edits, undo, filters that name nothing. */
@ExtendWith(FreshSluiceHome.class)
class DecideCommandTest {

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
    void aReviewGivenWhereASourceFileGoesIsAnsweredWithTheOptionThatTakesIt() {
        CommandRun imported = CommandRun.of("import", review, "--dry-run");
        CommandRun exported = CommandRun.of("export", review, "--approved", dir.resolve("out.csv"));
        CommandRun validated = CommandRun.of("validate", review, "--profile", profile("ds1.profile.json"));

        assertThat(imported.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(imported.err()).isEqualTo("sluice import: ds1.sluice is a review, not a source file; import it (it"
                + " brings its own profile and approved rows) with --review " + review + ".\n");
        assertThat(exported.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(exported.err()).isEqualTo("sluice export: ds1.sluice is a review, not a source file; export it"
                + " (with the profile it was validated with) with --review " + review + ".\n");
        assertThat(validated.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(validated.err()).isEqualTo("sluice validate: ds1.sluice is a review, not a source file; validate"
                + " its rows again (keeping its decisions and edits) with --review " + review + ".\n");
        assertThat(dir.resolve("out.csv")).doesNotExist();
    }

    @Test
    void undoOfAnEditRestoresTheErrorSoApprovingValidRowsLeavesTheRowOut() {
        assertThat(CommandRun.of("review", review, "--findings", "0").out()).contains("with errors: 9");

        CommandRun edit = CommandRun.of("decide", review, "--edit", "141:Water (kg/m3)=180");
        assertThat(edit.out()).contains("Row 141, Water (kg/m3) set. The row has no findings now.");
        CommandRun undo = CommandRun.of("decide", review, "--undo");
        assertThat(undo.exit()).isZero();
        assertThat(undo.out()).contains("Undone: Edit C141");

        CommandRun shown = CommandRun.of("review", review, "--findings", "20");
        assertThat(shown.out()).contains("with errors: 9").containsPattern("141\\s+C141\\s+error\\s+type");
        CommandRun approve = CommandRun.of("decide", review, "--approve", "valid");
        assertThat(approve.out()).contains("Approved 191 row(s).");
        assertThat(CommandRun.of("decide", review, "--approve", "rows:141").out()).contains("Approved 1 row(s).");
        assertThat(CommandRun.of("decide", review, "--clear", "rows:141").exit()).isZero();
        assertThat(CommandRun.of("decide", review, "--approve", "valid").out()).contains("Approved 0 row(s).");
    }

    @Test
    void scoresInTheReviewFollowEditsAndTheirUndo() {
        String before = scores();
        assertThat(before).isEqualTo("Scores: completeness 93.6   validity 99.5   uniqueness 99.5   overall 97.5");
        String[] fixes = {"6:Supplier=NORD", "20:Water (kg/m3)=230", "20:w/c=0.490", "84:Mix Code=00084-A",
            "102:Fine Aggregate (kg/m3)=700", "141:Water (kg/m3)=180", "160:Cement (kg/m3)=300",
            "183:Cast Date=30/04/2020", "192:w/c=0.5", "192:Water (kg/m3)=175", "199:Water (kg/m3)=200"};
        for (String edit : fixes) {
            CommandRun run = CommandRun.of("decide", review, "--edit", edit);
            assertThat(run.exit()).as(edit + ": " + run.err()).isZero();
        }
        CommandRun fixed = CommandRun.of("review", review, "--findings", "5");
        assertThat(fixed.out()).contains("with errors: 0").contains("validity 100.0").contains("uniqueness 100.0");

        for (int i = 0; i < fixes.length; i++) {
            assertThat(CommandRun.of("decide", review, "--undo").out()).contains("Undone:");
        }
        assertThat(scores()).isEqualTo(before);
        assertThat(CommandRun.of("review", review).out()).contains("with errors: 9");
    }

    private String scores() {
        return CommandRun.of("review", review, "--findings", "0").out().lines()
                .filter(l -> l.startsWith("Scores:")).findFirst().orElse("(no scores)");
    }

    @Test
    void misspelledFiltersAreUsageErrorsThatNameWhatTheReviewHas() {
        CommandRun column = CommandRun.of("decide", review, "--approve", "column:Suplier");
        assertThat(column.exit()).isEqualTo(2);
        assertThat(column.err()).contains("has no column 'Suplier'").contains("Supplier");
        assertThat(column.out()).doesNotContain("Approved");

        CommandRun rule = CommandRun.of("decide", review, "--reject", "rule:nonexistent", "--reason", "typo");
        assertThat(rule.exit()).isEqualTo(2);
        assertThat(rule.err()).contains("no rule 'nonexistent'").contains("supplier-known");

        CommandRun rows = CommandRun.of("decide", review, "--approve", "rows:2,999");
        assertThat(rows.exit()).isEqualTo(2);
        assertThat(rows.err()).contains("has no row 999 (its rows are numbered 2 to 201)");

        assertThat(CommandRun.of("decide", review, "--approve", "pending").out()).contains("Approved 200 row(s).");
        assertThat(CommandRun.of("decide", review, "--clear", "all").out()).contains("Cleared 200 decision(s).");
    }

    @Test
    void aCorrectFilterThatMatchesNoRowSaysZero() {
        CommandRun run = CommandRun.of("decide", review, "--approve", "rule:supplier-known+valid");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Approved 0 row(s).");
    }

    @Test
    void aRuleWhoseFindingsWereAllFixedIsStillAKnownFilter() {
        assertThat(CommandRun.of("decide", review, "--edit", "160:Cement (kg/m3)=300").exit()).isZero();
        CommandRun run = CommandRun.of("decide", review, "--approve", "rule:check:CK_CEMENT_POSITIVE");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Approved 0 row(s).");
    }

    @Test
    void editsPrintFindingsAsSentencesNotAsAList() {
        CommandRun run = CommandRun.of("decide", review, "--edit", "141:Water (kg/m3)=abc");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Findings now: ").doesNotContain("[").doesNotContain("]");
        assertThat(run.looksJavaInternal()).as(run.out()).isFalse();
    }

    @Test
    void anEditOfARowTheReviewDoesNotHaveIsAUsageError() {
        CommandRun run = CommandRun.of("decide", review, "--edit", "999:Supplier=NORD");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("has no row 999");
    }
}
