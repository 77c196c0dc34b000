package io.sluice.cli;

import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static io.sluice.cli.CommandRun.batches;
import static io.sluice.cli.CommandRun.csv;
import static io.sluice.cli.CommandRun.mix;
import static io.sluice.cli.CommandRun.mixes;
import static io.sluice.cli.CommandRun.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sluice import --review} of a review whose target table gained a constraint after the validation: the dry
 * run and the import refuse in one sentence with exit 2 instead of promising rows the database would refuse, and
 * {@code validate --review} (decisions kept) lets the import through.
 */
@ExtendWith(FreshSluiceHome.class)
class ImportChangedTargetCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aDryRunAndAnImportAfterTheTableChangedRefuseUntilTheReviewIsValidatedAgain(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        String[] target = CommandRun.targetOptions(db);
        Path review = twoMixesApproved(target);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE concrete_mix ADD CONSTRAINT ck_cement_min CHECK (cement_kg > 355)");
        }

        CommandRun dryRun = CommandRun.of(with(List.of("import", "--review", review.toString(), "--dry-run"),
                target));
        CommandRun imported = CommandRun.of(with(List.of("import", "--review", review.toString()), target));

        for (CommandRun run : List.of(dryRun, imported)) {
            assertThat(run.exit()).as(run.err()).isEqualTo(SluiceCommand.INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines()).singleElement().asString().startsWith("sluice import: The table"
                    + " concrete_mix has changed since mixes.sluice was validated (a CHECK constraint (")
                    .endsWith("was added); validate the review again before importing (sluice validate --review"
                            + " mixes.sluice; its decisions and edits are kept).");
        }
        assertThat(batches(db)).isEmpty();

        CommandRun validated = CommandRun.of(with(List.of("validate", "--review", review.toString()), target));
        assertThat(validated.exit()).as(validated.err()).isEqualTo(SluiceCommand.FINDINGS);
        assertThat(validated.out()).contains("1 approved row(s) have errors now");
        assertThat(CommandRun.of("decide", review.toString(), "--clear", "errors").exit()).isZero();
        CommandRun again = CommandRun.of(with(List.of("import", "--review", review.toString()), target));

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).isEmpty();
        assertThat(mixes(db)).containsExactly("DS1-0000002|360.0");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void theReviewSummarySaysWhatItWasValidatedAgainstAndWhetherItCanBeImportedNow(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        String[] target = CommandRun.targetOptions(db);
        Path review = twoMixesValidated(target);

        CommandRun pending = CommandRun.of(with(List.of("review", review.toString(), "--findings", "0"), target));
        assertThat(CommandRun.of("decide", review.toString(), "--approve", "valid").exit()).isZero();
        CommandRun approved = CommandRun.of(with(List.of("review", review.toString(), "--findings", "0"), target));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE concrete_mix ADD CONSTRAINT ck_cement_min CHECK (cement_kg > 355)");
        }
        CommandRun changed = CommandRun.of(with(List.of("review", review.toString(), "--findings", "0"), target));

        assertThat(pending.exit()).as(pending.err()).isZero();
        assertThat(pending.out()).containsIgnoringCase("Validated against: concrete_mix (16 columns, primary key"
                + " (mix_code), 1 UNIQUE key, 1 foreign key, 6 CHECK constraints)\n")
                .contains("Import: nothing yet: the target table is as validated, but no row is approved; approve rows"
                        + " first (sluice decide mixes.sluice --approve valid approves the 2 rows without errors).");
        assertThat(approved.out()).contains("Import: yes: the target table is as validated; 2 approved rows would be"
                + " imported (sluice import --review mixes.sluice).");
        assertThat(changed.exit()).as(changed.err()).isZero();
        assertThat(changed.out()).contains("Import: not until validated again: the table concrete_mix has changed"
                + " since it was validated (a CHECK constraint (").contains("was added); sluice validate --review"
                + " mixes.sluice keeps its decisions and edits.");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void theReviewSummarySaysAnImportedReviewIsDoneAndReadyAgainOnceRolledBack(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        String[] target = CommandRun.targetOptions(db);
        Path review = twoMixesApproved(target);
        CommandRun imported = CommandRun.of(with(List.of("import", "--review", review.toString()), target));
        assertThat(imported.exit()).as(imported.err()).isZero();
        String batch = imported.out().replaceAll("(?s).*Imported batch (\\d+).*", "$1");

        CommandRun done = CommandRun.of(with(List.of("review", review.toString(), "--findings", "0"), target));
        assertThat(CommandRun.of(with(List.of("rollback", batch), target)).exit()).isZero();
        CommandRun rolledBack = CommandRun.of(with(List.of("review", review.toString(), "--findings", "0"), target));

        assertThat(done.exit()).as(done.err()).isZero();
        assertThat(done.out()).containsPattern("Import: done: its approved rows went into batch " + batch
                + " on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(2 inserted, 0 updated, 0 skipped\\); sluice rollback "
                + batch + " takes it back\\.");
        assertThat(rolledBack.out()).contains("Import: yes: the target table is as validated; 2 approved rows would"
                + " be imported (sluice import --review mixes.sluice).");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aReviewValidatedBeforeTheTargetWasRecordedImportsAndSaysOnceThatItCouldNotBeChecked(
            TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        String[] target = CommandRun.targetOptions(db);
        Path file = csv(dir.resolve("mixes.csv"), mix("DS1-0000001", "350.0"));
        Path review = dir.resolve("mixes.sluice");
        CommandRun.of(with(List.of("validate", file.toString(), "--profile", CommandRun.PROFILE.toString(),
                "--review", review.toString()), target));
        CommandRun.of("decide", review.toString(), "--approve", "valid");
        // as an older Sluice left it
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + review);
             Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("DELETE FROM review_meta WHERE key = 'target.shapes'")).isEqualTo(1);
        }

        CommandRun imported = CommandRun.of(with(List.of("import", "--review", review.toString()), target));

        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.err()).isEqualTo("sluice import: note: mixes.sluice was validated before Sluice recorded"
                + " the target's tables, so whether they changed since could not be checked; validating the review"
                + " again records them." + System.lineSeparator());
        assertThat(mixes(db)).containsExactly("DS1-0000001|350.0");
    }

    /** Two valid mixes validated into mixes.sluice, both approved. */
    private Path twoMixesApproved(String[] target) throws Exception {
        Path review = twoMixesValidated(target);
        assertThat(CommandRun.of("decide", review.toString(), "--approve", "valid").exit()).isZero();
        return review;
    }

    /** Two valid mixes validated into mixes.sluice, every row pending. */
    private Path twoMixesValidated(String[] target) throws Exception {
        Path file = csv(dir.resolve("mixes.csv"), mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"));
        Path review = dir.resolve("mixes.sluice");
        assertThat(CommandRun.of(with(List.of("validate", file.toString(), "--profile",
                CommandRun.PROFILE.toString(), "--review", review.toString()), target)).exit()).isZero();
        return review;
    }
}
