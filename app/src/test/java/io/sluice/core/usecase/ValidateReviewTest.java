package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.review.DecisionStatus;
import io.sluice.core.review.RowFilter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.sluice.core.usecase.ReviewScoresTest.mixCsv;
import static io.sluice.core.usecase.ReviewScoresTest.profile;
import static io.sluice.core.usecase.ReviewScoresTest.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Validating the rows a review already holds: a loaded review becomes one that can be decided and imported. */
class ValidateReviewTest {

    private static final int CEMENT = 1;

    @TempDir
    Path dir;

    @BeforeAll
    static void schema() {
        ReviewScoresTest.target();
    }

    private Path load() throws IOException {
        Path review = dir.resolve("loaded.sluice");
        LoadFile.run(mixCsv(dir), SourceOptions.DEFAULTS, review, false, Progress.NONE);
        return review;
    }

    @Test
    void aLoadedReviewGetsTheFindingsScoresProfileAndTargetOfAValidationOfItsFile() throws IOException {
        Path loaded = load();
        Path direct = dir.resolve("direct.sluice");
        ValidateReview.Outcome outcome;
        ValidateFile.Outcome fromFile;
        try (TargetDatabase db = target.get()) {
            assertThat(ValidateReview.recordedProfile(loaded)).isNull();
            outcome = ValidateReview.run(loaded, profile(), db, Progress.NONE);
            fromFile = ValidateFile.run(new ValidateFile.Request(mixCsv(dir), null, profile(), null, direct, false),
                    db, null, Progress.NONE);
        }
        assertThat(outcome.summary()).isEqualTo(fromFile.summary());
        assertThat(outcome.profileName()).isEqualTo("scores-test");
        assertThat(outcome.replacedProfile()).isNull();
        assertThat(outcome.target()).startsWith("jdbc:h2:mem:");
        assertThat(ValidateReview.recordedProfile(loaded)).isEqualTo(profile());
        try (OpenReview a = OpenReview.open(loaded, target); OpenReview b = OpenReview.open(direct, target)) {
            for (long row = 2; row <= 6; row++) {
                assertThat(a.session().findings(row)).as("row %d", row).isEqualTo(b.session().findings(row));
            }
            assertThat(a.revalidationProblem()).isEmpty();
            assertThat(a.isValidated()).isTrue();
        }
    }

    @Test
    void keepsDecisionsAndValidatesTheEditedCells() throws IOException {
        Path loaded = load();
        try (OpenReview opened = OpenReview.open(loaded, target)) {
            assertThat(opened.revalidationProblem()).isPresent();
            opened.session().approve(2);
            opened.session().reject(4, "age not in the series");
            opened.session().edit(3, CEMENT, "360");
        }
        try (TargetDatabase db = target.get()) {
            ValidateReview.Outcome outcome = ValidateReview.run(loaded, profile(), db, Progress.NONE);
            assertThat(outcome.decisions().approved()).isEqualTo(1);
            assertThat(outcome.decisions().rejected()).isEqualTo(1);
        }
        try (OpenReview opened = OpenReview.open(loaded, target)) {
            assertThat(opened.session().decision(2)).get().extracting(d -> d.status())
                    .isEqualTo(DecisionStatus.APPROVED);
            assertThat(opened.session().effectiveRow(3).cell(CEMENT).text()).isEqualTo("360");
            assertThat(opened.session().findings(3)).isEmpty();
            assertThat(opened.session().findings(4)).extracting(Finding::column).contains("age_days");
            // the edit made before the profile is undone with a re-validation now
            assertThat(opened.session().undo()).isTrue();
            assertThat(opened.session().findings(3)).extracting(Finding::column).containsExactly("cement_kg");
        }
    }

    @Test
    void validatingAgainWithAnotherProfileSaysWhichProfileItReplaced() throws IOException {
        Path loaded = load();
        Profile withoutRules = profile();
        Profile narrower = new Profile(null, 0, "narrower", null, "concrete_mix", withoutRules.columns(), null, null,
                null, null, null);
        try (TargetDatabase db = target.get()) {
            ValidateReview.run(loaded, profile(), db, Progress.NONE);
            ValidateReview.Outcome again = ValidateReview.run(loaded, narrower, db, Progress.NONE);
            assertThat(again.replacedProfile()).isEqualTo("scores-test");
            assertThat(again.profileName()).isEqualTo("narrower");
            ValidateReview.Outcome same = ValidateReview.run(loaded, narrower, db, Progress.NONE);
            assertThat(same.replacedProfile()).isNull();
        }
    }

    @Test
    void aProfileThatDoesNotFitTheReviewLeavesItUntouched() throws IOException {
        Path loaded = load();
        Profile wrong = new Profile(null, 0, "wrong", null, "concrete_mix",
                List.of(ColumnMapping.of("Zement", "cement_kg")), null, null, null, null, null);
        try (TargetDatabase db = target.get()) {
            ValidateReview.run(loaded, profile(), db, Progress.NONE);
            assertThatThrownBy(() -> ValidateReview.run(loaded, wrong, db, Progress.NONE))
                    .isInstanceOf(SluiceException.class).hasMessageContaining("Zement");
        }
        try (OpenReview opened = OpenReview.open(loaded, target)) {
            assertThat(opened.currentSummary()).isPresent();
            assertThat(ValidateReview.recordedProfile(loaded).name()).isEqualTo("scores-test");
            assertThat(opened.review().counts().rowsWithErrors()).isEqualTo(4);
        }
    }

    @Test
    void aFileThatIsNotAReviewIsRefusedInOneSentence() throws IOException {
        Path notAReview = dir.resolve("notes.sluice");
        Files.writeString(notAReview, "not a review");
        try (TargetDatabase db = target.get()) {
            assertThatThrownBy(() -> ValidateReview.run(notAReview, profile(), db, Progress.NONE))
                    .isInstanceOf(SluiceException.class).hasMessageContaining("notes.sluice");
        }
    }

    @Test
    void filtersNamingWhatTheReviewDoesNotHaveAreRefusedWithTheKnownNames() throws IOException {
        Path loaded = load();
        try (TargetDatabase db = target.get()) {
            ValidateReview.run(loaded, profile(), db, Progress.NONE);
        }
        try (OpenReview opened = OpenReview.open(loaded, target)) {
            assertThatThrownBy(() -> opened.column("cement")).hasMessageContaining("has no column 'cement'")
                    .hasMessageContaining("cement_kg");
            assertThatThrownBy(() -> opened.rule("nonexistent")).hasMessageContaining("no rule 'nonexistent'")
                    .hasMessageContaining("mix-unique");
            assertThatThrownBy(() -> opened.rows(List.of(3L, 99L))).hasMessage(
                    "loaded.sluice has no row 99 (its rows are numbered 2 to 6).");
            RowFilter known = opened.rule("mix-unique");
            assertThat(opened.session().approveAll(known)).isEqualTo(1);
        }
    }
}
