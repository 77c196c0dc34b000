package io.sluice.cli;

import io.sluice.bench.LabWorkbookSample;
import io.sluice.bench.SampleProfiles;
import io.sluice.core.profile.ProfileIO;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.sluice.cli.CommandRun.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sluice review} of a workbook review says what it was validated against and whether it can be imported now,
 * in one line for all its sheets, true in every state: validated, approved, a parent row rejected, imported, rolled
 * back, a table changed since.
 */
@ExtendWith(FreshSluiceHome.class)
class WorkbookImportReadinessCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void theWorkbookReviewSummarySaysWhetherItCanBeImportedInEveryState(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database db = CommandRun.sampleTarget(engine, dir);
        Path workbook = LabWorkbookSample.write(dir.resolve("samples")).file();
        Path profile = dir.resolve(SampleProfiles.LAB_PROFILE);
        ProfileIO.write(SampleProfiles.lab(), profile);
        String review = dir.resolve("lab.sluice").toString();
        assertThat(run(db, "validate", workbook.toString(), "--profile", profile.toString(), "--review", review)
                .exit()).isEqualTo(SluiceCommand.FINDINGS);

        assertThat(answer(db, review)).isEqualTo("Import: nothing yet: the target tables are as validated, but no row"
                + " is approved; approve rows first (sluice decide lab.sluice --approve valid approves the 34 rows"
                + " without errors).");
        assertThat(shown(db, review)).containsPattern("Validated against: (?i)(public\\.)?concrete_mix \\(");

        assertThat(run(db, "decide", review, "--approve", "valid").exit()).isZero();
        String yes = "Import: yes: the target tables are as validated; 34 approved rows (7 of Materials, 6 of"
                + " Suppliers, 21 of Mixes) would be imported (sluice import --review lab.sluice), 19 pending stay out.";
        assertThat(answer(db, review)).isEqualTo(yes);
        CommandRun json = run(db, "review", review, "--format", "json");
        assertThat(json.out()).contains("\"ready\" : true").contains(yes.replace("'", "\\'"));

        // Materials row 2 makes Cement, which the approved mixes use
        assertThat(run(db, "decide", review, "--sheet", "Materials", "--reject", "rows:2", "--reason", "not ours")
                .exit()).isZero();
        assertThat(answer(db, review)).startsWith("Import: not yet: lab.sluice cannot be imported: approved row")
                .contains(" of sheet Mixes makes a ").contains("; approve the parent row, or take row ")
                .endsWith(" out of the approved ones.");
        assertThat(run(db, "decide", review, "--sheet", "Materials", "--approve", "rows:2").exit()).isZero();
        assertThat(answer(db, review)).isEqualTo(yes);

        CommandRun imported = run(db, "import", "--review", review);
        assertThat(imported.exit()).as(imported.out() + imported.err()).isZero();
        Matcher batch = Pattern.compile("Imported batch (\\d+)").matcher(imported.out());
        assertThat(batch.find()).isTrue();
        assertThat(answer(db, review)).matches("Import: done: its approved rows went into batch " + batch.group(1)
                + " on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(\\d+ inserted, 0 updated, \\d+ skipped\\); sluice rollback "
                + batch.group(1) + " takes it back\\.");
        assertThat(run(db, "rollback", batch.group(1)).exit()).isZero();
        assertThat(answer(db, review)).isEqualTo(yes);

        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE concrete_mix ADD CONSTRAINT ck_code_length CHECK (LENGTH(mix_code) > 3)");
        }
        assertThat(answer(db, review)).startsWith("Import: not until validated again: the table concrete_mix has"
                + " changed since it was validated (a CHECK constraint (").endsWith("was added); sluice validate"
                + " --review lab.sluice keeps its decisions and edits.");
    }

    private static CommandRun run(TestDatabases.Database db, String... args) {
        return CommandRun.of(with(List.of(args), CommandRun.targetOptions(db)));
    }

    private static String shown(TestDatabases.Database db, String review) {
        CommandRun shown = run(db, "review", review, "--findings", "0");
        assertThat(shown.exit()).as(shown.err()).isZero();
        return shown.out();
    }

    private static String answer(TestDatabases.Database db, String review) {
        return shown(db, review).lines().filter(l -> l.startsWith("Import: ")).findFirst().orElse("(no Import: line)");
    }
}
