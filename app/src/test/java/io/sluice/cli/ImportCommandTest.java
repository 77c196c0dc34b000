package io.sluice.cli;

import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static io.sluice.cli.CommandRun.batches;
import static io.sluice.cli.CommandRun.csv;
import static io.sluice.cli.CommandRun.mix;
import static io.sluice.cli.CommandRun.mixes;
import static io.sluice.cli.CommandRun.with;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice import}: the mode, a dry run against the real import, and refusals that say why in one sentence. */
@ExtendWith(FreshSluiceHome.class)
class ImportCommandTest {

    @TempDir
    Path dir;

    private static List<String> importFile(Path file, TestDatabases.Database db, String... more) {
        List<String> args = new ArrayList<>(List.of("import", file.toString(), "--profile",
                CommandRun.PROFILE.toString(), "--approve", "valid"));
        args.addAll(List.of(CommandRun.targetOptions(db)));
        args.addAll(List.of(more));
        return args;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void modeUpsertUpdatesKeysAlreadyInTheTableThoughTheProfileSaysInsert(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        Path first = csv(dir.resolve("first.csv"), mix("DS1-0000001", "350.0"));
        assertThat(CommandRun.of(with(importFile(first, db))).exit()).isZero();
        Path second = csv(dir.resolve("second.csv"), mix("DS1-0000001", "400.0"), mix("DS1-0000002", "360.0"));

        CommandRun dryRun = CommandRun.of(with(importFile(second, db, "--mode", "upsert", "--dry-run")));
        CommandRun imported = CommandRun.of(with(importFile(second, db, "--mode", "upsert")));

        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("(upsert): 1 to insert, 1 to update, 0 unchanged.");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("(upsert): 1 inserted, 1 updated, 0 unchanged");
        assertThat(mixes(db)).containsExactly("DS1-0000001|400.0", "DS1-0000002|360.0");
        assertThat(batches(db)).hasSize(2).last().asString().endsWith("|committed|1|1|0");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anImportWithNoRowToWriteSaysSoInOneSentenceExitsTwoAndRecordsNoBatch(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        Path first = csv(dir.resolve("first.csv"), mix("DS1-0000001", "350.0"));
        assertThat(CommandRun.of(with(importFile(first, db))).exit()).isZero();
        Path again = csv(dir.resolve("again.csv"), mix("DS1-0000001", "400.0"));

        CommandRun dryRun = CommandRun.of(with(importFile(again, db, "--dry-run")));
        CommandRun imported = CommandRun.of(with(importFile(again, db)));
        CommandRun skipped = CommandRun.of(with(importFile(again, db, "--mode", "skip-existing")));

        for (CommandRun run : List.of(dryRun, imported)) {
            assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
            assertThat(run.err()).isEqualTo("sluice import: No row of again.csv can be imported: its only row has"
                    + " error findings under mode insert; nothing was imported." + System.lineSeparator());
        }
        assertThat(imported.out()).isEmpty();
        assertThat(skipped.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(skipped.out()).doesNotContain("Imported");
        assertThat(skipped.err().lines()).singleElement().asString().contains("would change nothing");
        assertThat(batches(db)).singleElement().asString().endsWith("|committed|1|0|0");
        assertThat(mixes(db)).containsExactly("DS1-0000001|350.0");
    }

    @Test
    void aReviewDryRunListsTheSameConflictsWithTheSameExitCodeAsTheImport() throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        String[] target = CommandRun.targetOptions(db);
        Path file = csv(dir.resolve("mixes.csv"), mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"));
        Path review = dir.resolve("mixes.sluice");
        CommandRun.of(with(List.of("validate", file.toString(), "--profile", CommandRun.PROFILE.toString(),
                "--review", review.toString()), target));
        CommandRun.of("decide", review.toString(), "--approve", "valid");
        // another file takes one of the approved keys after the review was validated
        Path other = csv(dir.resolve("other.csv"), mix("DS1-0000002", "300.0"));
        assertThat(CommandRun.of(with(importFile(other, db))).exit()).isZero();

        CommandRun dryRun = CommandRun.of(with(List.of("import", "--review", review.toString(), "--dry-run"),
                target));
        CommandRun imported = CommandRun.of(with(List.of("import", "--review", review.toString()), target));

        assertThat(dryRun.exit()).isEqualTo(SluiceCommand.FINDINGS);
        assertThat(imported.exit()).isEqualTo(SluiceCommand.FINDINGS);
        assertThat(dryRun.err()).isEqualTo(imported.err())
                .contains("1 approved row(s) conflict with table CONCRETE_MIX as it is now; nothing was written.")
                .contains("key-exists").contains("Key DS1-0000002 already exists");
        assertThat(mixes(db)).containsExactly("DS1-0000002|300.0");
        assertThat(auditRows(db)).as("a refused import keeps no audit").isZero();

        CommandRun upsert = CommandRun.of(with(List.of("import", "--review", review.toString(), "--mode", "upsert"),
                target));
        assertThat(upsert.exit()).as(upsert.err()).isZero();
        assertThat(upsert.out()).contains("1 inserted, 1 updated")
                .containsPattern("The review's audit log \\(2 entries\\) is kept with batch \\d+\\.");
        assertThat(auditRows(db)).isEqualTo(2);
        assertThat(mixes(db)).containsExactly("DS1-0000001|350.0", "DS1-0000002|360.0");
    }

    /** The audit entries kept with batches (a run of entries, decision 0040, is one stored row). */
    private static long auditRows(TestDatabases.Database db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(row_count), 0) FROM sluice_decision_audit")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aMistypedModeIsOneSentenceNamingTheModes() throws IOException {
        Path file = csv(dir.resolve("mixes.csv"), mix("DS1-0000001", "350.0"));
        CommandRun run = CommandRun.of("import", file.toString(), "--profile", CommandRun.PROFILE.toString(),
                "--approve", "valid", "--mode", "upsrt");
        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice import: Unknown import mode 'upsrt' in --mode; use insert, upsert"
                + " or skip-existing." + System.lineSeparator());
    }

    @Test
    void aMistypedH2TargetIsRefusedNamingThePathAndNothingIsCreated() throws IOException {
        Path file = csv(dir.resolve("mixes.csv"), mix("DS1-0000001", "350.0"));
        Path typo = dir.resolve("typo").resolve("db");
        CommandRun run = CommandRun.of("import", file.toString(), "--profile", CommandRun.PROFILE.toString(),
                "--approve", "valid", "--target", "jdbc:h2:" + typo);
        assertThat(run.exit()).isEqualTo(SluiceCommand.TARGET);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("sluice import: There is no H2 database at " + typo);
        assertThat(dir.resolve("typo")).doesNotExist();
    }

    @Test
    void theHelpSaysWhatEachExitCodeMeans() {
        String help = CommandRun.of("import", "--help").out().replaceAll("\\s+", " ");
        assertThat(help).contains("2 = usage error, unreadable input (a broken rule too), or nothing to import")
                .contains("1 = refused for conflicts");
    }

    @Test
    void anEmptyReviewIsNothingToImport() throws SQLException, IOException {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, dir);
        Path file = csv(dir.resolve("mixes.csv"), mix("DS1-0000001", "350.0"));
        Path review = dir.resolve("none.sluice");
        CommandRun.of(with(List.of("validate", file.toString(), "--profile", CommandRun.PROFILE.toString(),
                "--review", review.toString()), CommandRun.targetOptions(db)));
        for (String dry : new String[] {"--dry-run", "--allow-duplicate"}) {
            CommandRun run = CommandRun.of(with(List.of("import", "--review", review.toString(), dry),
                    CommandRun.targetOptions(db)));
            assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
            assertThat(run.err()).isEqualTo("sluice import: none.sluice has no approved rows to import; approve"
                    + " rows first." + System.lineSeparator());
        }
        assertThat(batches(db)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aReviewIsImportedIntoTheTargetItWasValidatedAgainstWhenNoTargetIsNamed(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        Path file = csv(dir.resolve("mixes.csv"), mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"));
        Path review = dir.resolve("mixes.sluice");
        // the review records the URL without a password; H2 takes its user in the URL too
        String[] target = engine == TestDatabases.Engine.H2 ? new String[] {"--target", db.url() + ";USER=sa"}
                : CommandRun.targetOptions(db);
        CommandRun validated = CommandRun.of(with(List.of("validate", file.toString(), "--profile",
                CommandRun.PROFILE.toString(), "--review", review.toString()), target));
        assertThat(validated.exit()).as(validated.err()).isZero();
        assertThat(CommandRun.of("decide", review, "--approve", "valid").exit()).isZero();
        CommandRun revalidated = CommandRun.of("validate", "--review", review, "--format", "json");
        assertThat(revalidated.exit()).as(revalidated.err()).isZero();
        // validating the review's own rows again checks them against the same target, not the embedded database
        assertThat(revalidated.out()).contains("\"target\" : \"" + db.url());

        CommandRun dryRun = CommandRun.of("import", "--review", review, "--dry-run");
        CommandRun imported = CommandRun.of("import", "--review", review);

        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("2 inserted, 0 updated, 0 skipped");
        assertThat(mixes(db)).containsExactly("DS1-0000001|350.0", "DS1-0000002|360.0");
        assertThat(CommandRun.of("batches").out()).doesNotContain("mixes.csv");
    }

    @Test
    void aRecordedTargetThatIsGoneIsNamedWithWhereItCameFromAndHowToChooseAnother() throws Exception {
        Path gone = dir.resolve("gone");
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2, gone);
        Path file = csv(dir.resolve("mixes.csv"), mix("DS1-0000001", "350.0"));
        Path review = dir.resolve("mixes.sluice");
        CommandRun validated = CommandRun.of("validate", file, "--profile", CommandRun.PROFILE, "--review", review,
                "--target", db.url() + ";USER=sa");
        assertThat(validated.exit()).as(validated.err()).isZero();
        try (var files = Files.walk(gone)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        CommandRun imported = CommandRun.of("import", "--review", review, "--dry-run");

        assertThat(imported.exit()).isEqualTo(SluiceCommand.TARGET);
        assertThat(imported.err()).contains("There is no H2 database at").endsWith("The review mixes.sluice records"
                + " this database as the one it was validated against; name the database to use with --target."
                + System.lineSeparator());
    }
}
