package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static io.sluice.core.usecase.MixTarget.mix;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import from a review reads the approved rows only, in source order, with the steward's edits over the mapped
 * columns it reads, on H2 and PostgreSQL: rows pending or rejected never reach the target.
 */
class ReviewImportRowsTest {

    @TempDir
    Path dir;

    private MixTarget target;

    @AfterEach
    void close() {
        if (target != null) {
            target.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void onlyApprovedRowsAreImportedWithTheirEdits(TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        Path csv = target.csv("mixes.csv", mix("DS1-0000001", "350.0"), mix("DS1-0000002", "360.0"),
                mix("DS1-0000003", "370.0"), mix("DS1-0000004", "380.0"), mix("DS1-0000005", "390.0"));
        Path reviewFile = dir.resolve("mixes.sluice");
        ValidateFile.run(new ValidateFile.Request(csv, SourceOptions.DEFAULTS, MixTarget.profile(), "ds1",
                reviewFile, false), target.db, null, Progress.NONE);
        try (OpenReview review = OpenReview.open(reviewFile, () -> target.target().open())) {
            // source rows 2..6 hold the mixes 1..5; the cement column is the second
            review.session().approve(2);
            review.session().reject(3, "lab says no");
            review.session().approve(4);
            review.session().edit(4, review.columnIndex("Cement (kg/m3)"), "333.0");
            review.session().approve(6);
        }

        try (ImportRows rows = ImportRows.fromReview(target.db, reviewFile,
                new ImportRows.ImportSettings(null, false, "tester"))) {
            assertThat(rows.chosen()).isEqualTo(3);
            assertThat(rows.dryRun(Progress.NONE)).isEqualTo(new CommitPlan(3, 0, 0));
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(3);
        }
        assertThat(target.mixes()).containsExactly("DS1-0000001|350.0", "DS1-0000003|333.0", "DS1-0000005|390.0");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void textsThatNeedEscapingArriveExactly(TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        // quoted as CSV; the review packs them as JSON, whose escapes the import's reader must undo
        Path csv = target.csv("awkward.csv", mix("\"q\"\"uote,comma\"", "350.0"), mix("back\\slash\\\\", "351.0"),
                mix("\"line1\nline2\"", "352.0"), mix("åsa-ø-é", "353.0"), mix("\uD83D\uDE00\uD834\uDD1E-x", "354.0"),
                mix("tab\there", "355.0"), mix("\"[1,\"\"a\"\"]\"", "356.0"));
        Path reviewFile = dir.resolve("awkward.sluice");
        ValidateFile.run(new ValidateFile.Request(csv, SourceOptions.DEFAULTS, MixTarget.profile(), "ds1",
                reviewFile, false), target.db, null, Progress.NONE);
        try (OpenReview review = OpenReview.open(reviewFile, () -> target.target().open())) {
            // the codes break the profile's pattern: the steward approves them row by row all the same
            for (long row = 2; row <= 8; row++) {
                review.session().approve(row);
            }
        }

        try (ImportRows rows = ImportRows.fromReview(target.db, reviewFile,
                new ImportRows.ImportSettings(null, false, "tester"))) {
            assertThat(rows.commit(Progress.NONE).batch().inserted()).isEqualTo(7);
        }
        // the profile upper-cases the code
        assertThat(target.mixes()).containsExactlyInAnyOrder("Q\"UOTE,COMMA|350.0", "BACK\\SLASH\\\\|351.0",
                "LINE1\nLINE2|352.0", "ÅSA-Ø-É|353.0", "\uD83D\uDE00\uD834\uDD1E-X|354.0", "TAB\tHERE|355.0",
                "[1,\"A\"]|356.0");
    }
}
