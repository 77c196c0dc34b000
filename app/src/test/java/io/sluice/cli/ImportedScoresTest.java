package io.sluice.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.sluice.cli.CommandRun.profile;
import static io.sluice.cli.CommandRun.sample;
import static org.assertj.core.api.Assertions.assertThat;

/** The batch of an import from a review records the scores of the review's findings as they stand after edits. */
@ExtendWith(FreshSluiceHome.class)
class ImportedScoresTest {

    @TempDir
    Path dir;

    @Test
    void theBatchRecordsTheScoresAfterTheStewardsFixes() {
        Path review = dir.resolve("ds1.sluice");
        CommandRun.of("validate", sample("ds1-concrete-mix.csv"), "--profile", profile("ds1.profile.json"),
                "--review", review);
        for (String fix : new String[] {"6:Supplier=NORD", "20:Water (kg/m3)=230", "20:w/c=0.490",
            "84:Mix Code=DS1-999999", "102:Fine Aggregate (kg/m3)=700", "141:Water (kg/m3)=180",
            "160:Cement (kg/m3)=300", "183:Cast Date=30/04/2020", "192:Water (kg/m3)=175", "192:w/c=0.5",
            "199:Water (kg/m3)=200"}) {
            assertThat(CommandRun.of("decide", review, "--edit", fix).exit()).as(fix).isZero();
        }
        assertThat(CommandRun.of("decide", review, "--approve", "valid").out()).contains("Approved 200 row(s).");

        CommandRun imported = CommandRun.of("import", "--review", review);
        assertThat(imported.exit()).as(imported.err()).isZero();
        CommandRun batch = CommandRun.of("batch", "1", "--rows", "0");
        assertThat(batch.out()).contains("Scores:   completeness 93.6   validity 100.0   uniqueness 100.0   "
                + "overall 97.9");
    }
}
