package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.RuleSpec;
import io.sluice.core.review.ReviewSession;
import io.sluice.core.rules.Finding;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** A review's scores follow its findings: after validation, edits, undo, redo and a reopened review. */
class ReviewScoresTest {

    private static final int CEMENT = 1;
    private static final int WATER = 2;
    private static TestDatabases.Database h2;

    @TempDir
    Path dir;

    private Path review;
    private ValidationSummary validated;

    @BeforeAll
    static void target() {
        h2 = TestDatabases.h2Mem();
        SampleSchema.install(h2.url(), h2.user(), h2.password());
    }

    static final Supplier<TargetDatabase> target = () -> TargetDatabase.open(h2.url(), h2.user(), h2.password());

    static Profile profile() {
        List<ColumnMapping> columns = new ArrayList<>();
        for (String c : List.of("mix_code", "cement_kg", "water_kg", "coarse_agg_kg", "fine_agg_kg", "age_days")) {
            columns.add(ColumnMapping.of(c, c));
        }
        RuleSpec unique = new RuleSpec("mix-unique", "unique", null, List.of("mix_code"), null, null, null, null,
                null, null, null, null, null, null);
        return new Profile(null, 0, "scores-test", null, "concrete_mix", columns, null, List.of(unique), null, null,
                null);
    }

    /** Row 2 valid, row 3 cement not a number, row 4 age not allowed, row 5 repeats row 2's mix code, 6 no water. */
    static Path mixCsv(Path dir) throws IOException {
        Path csv = dir.resolve("mix.csv");
        Files.writeString(csv, """
                mix_code,cement_kg,water_kg,coarse_agg_kg,fine_agg_kg,age_days
                M-1,350,175,1000,800,28
                M-2,abc,175,1000,800,28
                M-3,350,175,1000,800,5
                M-1,350,175,1000,800,28
                M-4,350,,1000,800,28
                """, StandardCharsets.UTF_8);
        return csv;
    }

    @BeforeEach
    void validate() throws IOException {
        review = dir.resolve("mix.sluice");
        try (TargetDatabase db = target.get()) {
            validated = ValidateFile.run(new ValidateFile.Request(mixCsv(dir), null, profile(), null, review, false),
                    db, null, Progress.NONE).summary();
        }
    }

    @Test
    void currentScoresOfAFreshReviewAreThoseOfItsValidation() {
        try (OpenReview opened = OpenReview.open(review, target)) {
            assertThat(opened.currentSummary()).contains(validated);
        }
        assertThat(validated.withErrors()).isEqualTo(4);
        assertThat(validated.scores().validity()).isLessThan(100.0);
        assertThat(validated.scores().uniqueness()).isEqualTo(80.0);
    }

    @Test
    void fixingEveryErrorRaisesValidityToOneHundredAndCountsNoRowWithErrors() {
        try (OpenReview opened = OpenReview.open(review, target)) {
            ReviewSession session = opened.session();
            session.edit(3, CEMENT, "360");
            session.edit(4, 5, "28");
            session.edit(5, 0, "M-5");
            session.edit(6, WATER, "180");

            ValidationSummary now = opened.currentSummary().orElseThrow();
            assertThat(now.withErrors()).isZero();
            assertThat(now.valid()).isEqualTo(5);
            assertThat(now.errors()).isZero();
            assertThat(now.scores().validity()).isEqualTo(100.0);
            assertThat(now.scores().uniqueness()).isEqualTo(100.0);
            assertThat(now.scores().completeness()).isEqualTo(100.0);
        }
    }

    @Test
    void fillingAnEmptyCellRaisesCompleteness() {
        try (OpenReview opened = OpenReview.open(review, target)) {
            double before = opened.currentSummary().orElseThrow().scores().completeness();
            opened.session().edit(6, WATER, "180");
            assertThat(opened.currentSummary().orElseThrow().scores().completeness()).isGreaterThan(before);
        }
    }

    @Test
    void undoAndRedoOfAnEditRestoreFindingsAndScoresExactly() {
        try (OpenReview opened = OpenReview.open(review, target)) {
            ReviewSession session = opened.session();
            List<Finding> findingsBefore = session.findings(3);
            ValidationSummary scoresBefore = opened.currentSummary().orElseThrow();

            session.edit(3, CEMENT, "360");
            List<Finding> findingsEdited = session.findings(3);
            ValidationSummary scoresEdited = opened.currentSummary().orElseThrow();
            assertThat(findingsEdited).isEmpty();
            assertThat(scoresEdited).isNotEqualTo(scoresBefore);

            session.undo();
            assertThat(new HashSet<>(session.findings(3))).isEqualTo(new HashSet<>(findingsBefore));
            assertThat(opened.currentSummary()).contains(scoresBefore);

            session.redo();
            assertThat(session.findings(3)).isEqualTo(findingsEdited);
            assertThat(opened.currentSummary()).contains(scoresEdited);
        }
    }

    @Test
    void undoOfAFixedDuplicateKeyBringsBackItsUniquenessFindingAndScore() {
        try (OpenReview opened = OpenReview.open(review, target)) {
            ReviewSession session = opened.session();
            List<Finding> duplicate = session.findings(5);
            ValidationSummary before = opened.currentSummary().orElseThrow();
            assertThat(duplicate).extracting(Finding::rule).containsExactly("mix-unique");

            session.edit(5, 0, "M-5");
            assertThat(session.findings(5)).isEmpty();
            assertThat(opened.currentSummary().orElseThrow().scores().uniqueness()).isEqualTo(100.0);

            session.undo();
            assertThat(session.findings(5)).isEqualTo(duplicate);
            assertThat(opened.currentSummary()).contains(before);
            session.redo();
            assertThat(session.findings(5)).isEmpty();
            session.undo();
            assertThat(session.findings(5)).isEqualTo(duplicate);
        }
    }

    @Test
    void aReviewReopenedAfterItsSessionEndedUndoesWithFindingsAndScores() {
        ValidationSummary before;
        List<Finding> findingsBefore;
        try (OpenReview first = OpenReview.open(review, target)) {
            findingsBefore = first.session().findings(6);
            before = first.currentSummary().orElseThrow();
            first.session().edit(6, WATER, "180");
        }
        // a second session on the same file, as after a kill: the undo still validates the row again
        try (OpenReview second = OpenReview.open(review, target)) {
            assertThat(second.session().undo()).isTrue();
            assertThat(new HashSet<>(second.session().findings(6))).isEqualTo(new HashSet<>(findingsBefore));
            assertThat(second.currentSummary()).contains(before);
        }
    }

    @Test
    void theTargetIsConnectedOnlyAtTheFirstRevalidation() {
        int[] connections = new int[1];
        Supplier<TargetDatabase> counting = () -> {
            connections[0]++;
            return target.get();
        };
        try (OpenReview opened = OpenReview.open(review, counting)) {
            opened.session().approve(2);
            assertThat(connections[0]).isZero();
            opened.session().edit(3, CEMENT, "360");
            opened.session().undo();
            assertThat(connections[0]).isEqualTo(1);
        }
    }
}
