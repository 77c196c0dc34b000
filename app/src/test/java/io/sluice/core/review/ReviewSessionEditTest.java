package io.sluice.core.review;

import io.sluice.core.SluiceException;
import io.sluice.core.profile.ColumnMapping;
import io.sluice.core.profile.Profile;
import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.Progress;
import io.sluice.core.validate.ValidationJob;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Cell edits on a review validated against the sample schema in H2: re-validation, undo/redo, persistence. */
class ReviewSessionEditTest {

    private static final int CEMENT = 1;
    private static final int MIX_CODE = 0;

    private static TargetDatabase db;

    @TempDir
    Path dir;

    private Path file;
    private Review review;
    private ReviewSession session;

    @BeforeAll
    static void target() {
        TestDatabases.Database h2 = TestDatabases.h2Mem();
        SampleSchema.install(h2.url(), h2.user(), h2.password());
        db = TargetDatabase.open(h2.url(), h2.user(), h2.password());
    }

    @AfterAll
    static void closeTarget() {
        db.close();
    }

    private static Profile profile() {
        List<ColumnMapping> columns = new ArrayList<>();
        for (String c : List.of("mix_code", "cement_kg", "water_kg", "coarse_agg_kg", "fine_agg_kg", "age_days")) {
            columns.add(ColumnMapping.of(c, c));
        }
        return new Profile(null, 0, "edit-test", null, "concrete_mix", columns, null, null, null, null, null);
    }

    /** Row 2 valid, row 3 cement not a number, row 4 age not allowed, row 5 repeats row 2's mix code. */
    @BeforeEach
    void validate() throws IOException {
        Path csv = dir.resolve("mix.csv");
        Files.writeString(csv, """
                mix_code,cement_kg,water_kg,coarse_agg_kg,fine_agg_kg,age_days
                M-1,350,175,1000,800,28
                M-2,abc,175,1000,800,28
                M-3,350,175,1000,800,5
                M-1,350,175,1000,800,28
                """, StandardCharsets.UTF_8);
        file = dir.resolve("mix.sluice");
        try (ValidationJob job = ValidationJob.prepare(csv, SourceOptions.DEFAULTS, profile(), db);
             Review created = Review.create(file, ReviewStager.info(job, db), job.table().columns());
             ReviewStager stager = new ReviewStager(created)) {
            ValidationSummary summary = job.run(stager, Progress.NONE);
            stager.finish(job.table().issues(), summary);
        }
        openSession();
    }

    private void openSession() {
        review = Review.open(file);
        session = ReviewSession.open(review, ProfileRowValidator.of(profile(), review.columns(), db));
    }

    @AfterEach
    void close() {
        session.close();
        review.close();
    }

    @Test
    void fixedValueClearsItsFindingAndKeepsTheRawCell() {
        assertThat(session.findings(3)).extracting(Finding::column).containsExactly("cement_kg");

        List<Finding> findings = session.edit(3, CEMENT, "360");

        assertThat(findings).isEmpty();
        assertThat(session.findings(3)).isEmpty();
        assertThat(session.effectiveRow(3).cell(CEMENT).text()).isEqualTo("360");
        assertThat(review.row(3).orElseThrow().cell(CEMENT).text()).isEqualTo("abc");
    }

    @Test
    void brokenValueAddsAFindingAndUndoTakesItAway() {
        assertThat(session.findings(2)).isEmpty();

        List<Finding> findings = session.edit(2, CEMENT, "-5");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.column()).isEqualTo("cement_kg");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.row()).isEqualTo(2);
        });
        assertThat(session.undoDescription()).contains("Edit B2 ('cement_kg')");

        session.undo();
        assertThat(session.findings(2)).isEmpty();
        assertThat(session.effectiveRow(2).cell(CEMENT).text()).isEqualTo("350");

        session.redo();
        assertThat(session.findings(2)).extracting(Finding::column).containsExactly("cement_kg");
        assertThat(session.effectiveRow(2).cell(CEMENT).text()).isEqualTo("-5");
    }

    @Test
    void latestEditOfACellWinsAndUndoStepsBackThroughEdits() {
        session.edit(4, 5, "7");
        session.edit(4, 5, "6");
        assertThat(session.effectiveRow(4).cell(5).text()).isEqualTo("6");
        assertThat(session.findings(4)).extracting(Finding::column).containsExactly("age_days");

        session.undo();
        assertThat(session.effectiveRow(4).cell(5).text()).isEqualTo("7");
        assertThat(session.findings(4)).isEmpty();
        session.undo();
        assertThat(session.effectiveRow(4).cell(5).text()).isEqualTo("5");
        assertThat(session.findings(4)).extracting(Finding::column).containsExactly("age_days");
    }

    @Test
    void keepsFileWideUniquenessFindingUnlessTheKeyColumnChanged() {
        List<Finding> duplicate = session.findings(5);
        assertThat(duplicate).isNotEmpty().allSatisfy(f -> assertThat(f.column()).isEqualTo("mix_code"));

        assertThat(session.edit(5, CEMENT, "360")).containsExactlyElementsOf(duplicate);

        assertThat(session.edit(5, MIX_CODE, "M-5")).isEmpty();
    }

    @Test
    void undoOfAnEditWorksAfterReopening() {
        session.edit(3, CEMENT, "360");
        session.approve(3);
        close();

        openSession();

        assertThat(session.undoDescription()).contains("Approve row 3");
        session.undo();
        assertThat(session.undoDescription()).contains("Edit B3 ('cement_kg')");
        session.undo();
        assertThat(session.effectiveRow(3).cell(CEMENT).text()).isEqualTo("abc");
        assertThat(session.findings(3)).extracting(Finding::column).containsExactly("cement_kg");
    }

    @Test
    void withoutValidatorAnEditLeavesFindingsAlone() {
        session.close();
        session = ReviewSession.open(review, null);

        assertThat(session.edit(3, CEMENT, "360")).extracting(Finding::column).containsExactly("cement_kg");
        assertThat(session.effectiveRow(3).cell(CEMENT).text()).isEqualTo("360");
    }

    @Test
    void auditRecordsEditsWithOldAndNewText() {
        session.edit(3, CEMENT, "360");
        session.undo();

        List<AuditEntry> audit = session.audit(0, 10);

        assertThat(audit).extracting(AuditEntry::action, AuditEntry::row, AuditEntry::column, AuditEntry::oldValue,
                AuditEntry::newValue).containsExactly(
                        tuple(AuditAction.EDIT, 3L, CEMENT, "abc", "360"),
                        tuple(AuditAction.UNDO, 3L, CEMENT, "360", "abc"));
        assertThat(audit).allSatisfy(e -> assertThat(e.steward()).isEqualTo(session.steward()));
    }

    @Test
    void refusesColumnTheReviewDoesNotHave() {
        assertThatThrownBy(() -> session.edit(3, 6, "x")).isInstanceOf(SluiceException.class)
                .hasMessageContaining("has no column 7");
    }
}
