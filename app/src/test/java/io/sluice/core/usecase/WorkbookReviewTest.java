package io.sluice.core.usecase;

import io.sluice.bench.LabWorkbookSample;
import io.sluice.bench.SampleProfiles;
import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.profile.Profile;
import io.sluice.core.review.FixOutcome;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.ValueFix;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The workbook review's use cases as a front end calls them: a value fix in the parent sheet re-checks the children's
 * references in the same call (and its undo restores them), a validation again keeps the decisions, a cancelled
 * staging leaves nothing behind, and a sheet's own file is never opened as the review of one sheet.
 */
class WorkbookReviewTest {

    @TempDir
    Path dir;

    private TestDatabases.Database target(TestDatabases.Engine engine) {
        TestDatabases.Database database = engine.fresh();
        SampleSchema.install(database.url(), database.user(), database.password());
        BookkeepingSchema.migrate(database.url(), database.user(), database.password());
        return database;
    }

    private Path stage(TestDatabases.Database database, Path review) throws Exception {
        Path workbook = LabWorkbookSample.write(dir.resolve("lab")).file();
        Profile profile = SampleProfiles.lab();
        try (TargetDatabase db = open(database).get()) {
            ValidateWorkbookReview.Outcome outcome = ValidateWorkbookReview.stage(workbook, SourceOptions.DEFAULTS,
                    profile, "lab", review, db, null, Progress.NONE);
            assertThat(outcome.summary().rowsWithErrors()).isEqualTo(19);
        }
        return workbook;
    }

    private static Supplier<TargetDatabase> open(TestDatabases.Database database) {
        return () -> TargetDatabase.open(database.url(), database.user(), database.password());
    }

    private static long flyAshReferences(OpenWorkbookReview review) {
        OpenReview mixes = review.sheet("Mixes");
        return mixes.count(mixes.rule("reference"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aFixInTheParentSheetClearsTheChildrensReferenceFindingsInTheSameCallAndItsUndoRestoresThem(
            TestDatabases.Engine engine) throws Exception {
        TestDatabases.Database database = target(engine);
        Path review = dir.resolve("lab.sluice");
        stage(database, review);

        try (OpenWorkbookReview opened = OpenWorkbookReview.open(review, open(database))) {
            assertThat(opened.sheets()).containsExactly("Materials", "Suppliers", "Mixes");
            long before = flyAshReferences(opened);
            // every mix with a fly-ash dosage: the Mixes header maps to Fly ash, which Materials spells Fly-ash
            assertThat(before).isEqualTo(18);

            FixOutcome fixed = opened.fix("materials", new FixValues.Request("Material", RowFilter.all(),
                    new ValueFix.Replace(Map.of("Fly-ash", "Fly ash"))), Progress.NONE);

            assertThat(fixed.cells()).isEqualTo(1);
            assertThat(flyAshReferences(opened)).isZero();
            assertThat(opened.undo("Materials")).isTrue();
            assertThat(flyAshReferences(opened)).isEqualTo(before);
            // a finding names its table in its target and its message: one cell may feed several tables
            List<Finding> row5 = opened.sheet("Mixes").session().findings(5);
            assertThat(row5).isNotEmpty().allSatisfy(f -> {
                assertThat(f.target().toLowerCase()).startsWith("mix_component.");
                assertThat(f.message().toLowerCase()).startsWith("mix_component: ");
            });
        }
    }

    @Test
    void aValidationAgainKeepsTheDecisionsAndCountsTheApprovedRowsInError() throws Exception {
        TestDatabases.Database database = target(TestDatabases.Engine.H2);
        Path review = dir.resolve("lab.sluice");
        stage(database, review);
        try (OpenWorkbookReview opened = OpenWorkbookReview.open(review, open(database))) {
            Map<String, Integer> approved = opened.approveAll(null, sheet -> RowFilter.all());
            assertThat(approved).containsExactly(Map.entry("Materials", 7), Map.entry("Suppliers", 6),
                    Map.entry("Mixes", 40));
        }

        try (TargetDatabase db = open(database).get()) {
            ValidateWorkbookReview.Outcome again = ValidateWorkbookReview.run(review, null, db, null, Progress.NONE);

            assertThat(again.summary().rows()).isEqualTo(53);
            assertThat(again.summary().rowsWithErrors()).isEqualTo(19);
            assertThat(again.approvedInError()).isEqualTo(19);
            assertThat(again.decisions().get("Mixes").approved()).isEqualTo(40);
        }
    }

    @Test
    void aDecisionStandsWhenTheTargetCannotBeReachedAndSaysTheReferencesWereNotCheckedAgain() throws Exception {
        TestDatabases.Database database = target(TestDatabases.Engine.H2);
        Path review = dir.resolve("lab.sluice");
        stage(database, review);
        // a server nobody listens on: the very exception a refused connection gives
        Target offline = new Target("jdbc:postgresql://127.0.0.1:1/bench", "bench", "bench");

        try (OpenWorkbookReview opened = OpenWorkbookReview.open(review, offline::open)) {
            long before = flyAshReferences(opened);
            Map<String, Integer> rejected = opened.rejectAll("Materials", sheet -> RowFilter.all(), "not used");

            assertThat(rejected).containsExactly(Map.entry("Materials", 7));
            assertThat(opened.counts().get("Materials").rejected()).isEqualTo(7);
            assertThat(flyAshReferences(opened)).as("the references keep their findings").isEqualTo(before);
            assertThat(opened.notice()).hasValueSatisfying(notice -> assertThat(notice).startsWith("The change is"
                    + " saved, but the references between the sheets were not checked again, because the target"
                    + " could not be reached (Cannot connect to ").contains("refused")
                    .endsWith("); validating the review again, or its import, checks them."));
        }
        try (OpenWorkbookReview opened = OpenWorkbookReview.open(review, open(database))) {
            assertThat(opened.undo("Materials")).isTrue();
            assertThat(opened.notice()).isEmpty();
            assertThat(opened.counts().get("Materials").rejected()).isZero();
        }
    }

    @Test
    void aCancelledStagingLeavesNoReviewBehindAndASheetsFileIsNotAReviewOfItsOwn() throws Exception {
        TestDatabases.Database database = target(TestDatabases.Engine.H2);
        Path workbook = LabWorkbookSample.write(dir.resolve("lab")).file();
        Path cancelled = dir.resolve("cancelled.sluice");
        Progress cancel = new Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        try (TargetDatabase db = open(database).get()) {
            assertThatThrownBy(() -> ValidateWorkbookReview.stage(workbook, SourceOptions.DEFAULTS,
                    SampleProfiles.lab(), "lab", cancelled, db, null, cancel))
                    .isInstanceOf(CancellationException.class);
        }
        assertThat(cancelled).doesNotExist();
        assertThat(Path.of(cancelled + ".sheets")).doesNotExist();

        Path review = dir.resolve("lab.sluice");
        stage(database, review);
        Path member = Path.of(review + ".sheets", "01-Materials.sluice");
        assertThat(Files.isRegularFile(member)).isTrue();
        assertThat(ValidateWorkbookReview.isWorkbookReview(review)).isTrue();
        assertThat(ValidateWorkbookReview.isWorkbookReview(member)).isFalse();
        assertThatThrownBy(() -> OpenReview.open(member, open(database))).isInstanceOf(SluiceException.class)
                .hasMessage("01-Materials.sluice is sheet Materials of the workbook review lab.sluice, which is read"
                        + " and changed only as a whole (validate --review, review, decide, fix, import --review"
                        + " lab.sluice), so that the references between its sheets stay checked.");
        try (OpenWorkbookReview opened = OpenWorkbookReview.open(review, open(database))) {
            assertThatThrownBy(() -> opened.sheet("Mixs")).hasMessage("lab.sluice has no sheet 'Mixs' (sheets:"
                    + " Materials, Suppliers, Mixes).");
        }
        assertThatThrownBy(() -> OpenReview.open(review, open(database)))
                .hasMessageStartingWith("lab.sluice is the review of a workbook onto several tables;");
    }
}
