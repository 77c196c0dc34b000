package io.sluice.desktop.commit;

import io.sluice.core.Progress;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.usecase.ImportRows;
import io.sluice.core.usecase.ImportWorkbookReview;
import io.sluice.core.usecase.TargetChangedException;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Commit step on a review whose target changed after it was validated: the dry run is refused with the sentence
 * that names the table and the change, the step offers to validate the review again, and after that (decisions
 * kept) the commit goes through; for the review of one sheet and for a workbook review, on H2 and PostgreSQL.
 */
class CommitTargetChangedTest {

    @TempDir
    Path home;

    private SampleTarget target;
    private final Workbench workbench = new Workbench();

    @AfterEach
    void close() {
        if (target != null) {
            target.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aChangedTableRefusesTheDryRunAndValidateAgainLetsTheCommitThrough(TestDatabases.Engine engine)
            throws Exception {
        target = SampleTarget.of(engine, home);
        workbench.targetProperty().set(target.choice());
        Path review = target.validatedReview("validated");
        long approved = SampleTarget.approved(review);
        target.execute("ALTER TABLE concrete_mix ADD CONSTRAINT ck_cement_max CHECK (cement_kg < 5000)");
        ScriptedDialogs dialogs = new ScriptedDialogs();
        CommitViewModel model = new CommitViewModel(workbench, SyncTasks.runner(), dialogs, "tester");
        workbench.reviewProperty().set(review);

        model.refresh();

        assertThat(model.stateProperty().get()).isEqualTo(CommitState.REFUSED);
        assertThat(model.problemProperty().get()).startsWith("The table concrete_mix has changed since "
                + review.getFileName() + " was validated (a CHECK constraint (").contains("was added)");
        assertThat(model.targetChangedProperty().get()).isTrue();
        assertThat(model.canCommitBinding().get()).isFalse();

        assertThat(model.validateAgain()).isNotNull();

        assertThat(model.stateProperty().get()).as(model.problemProperty().get()).isEqualTo(CommitState.PLANNED);
        assertThat(model.targetChangedProperty().get()).isFalse();
        assertThat(model.revalidatedProperty().get()).isEqualTo(review.getFileName() + " was validated again"
                + " against the target as it is now; its decisions and edits are kept.");
        assertThat(model.approvedProperty().get()).as("decisions kept").isEqualTo(approved);
        model.commitAfterAsking();
        assertThat(model.stateProperty().get()).as(model.problemProperty().get()).isEqualTo(CommitState.COMMITTED);
        assertThat(model.resultProperty().get().inserted()).isEqualTo(approved);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aWorkbookReviewWithOneOfItsTablesChangedIsRefusedUntilValidatedAgain(TestDatabases.Engine engine)
            throws Exception {
        target = SampleTarget.of(engine, home);
        workbench.targetProperty().set(target.choice());
        Path review = LabWorkbook.reviewApprovingValid(target.choice(), home.resolve("lab.sluice"));
        target.execute("ALTER TABLE strength_test ADD CONSTRAINT ck_strength_test_low CHECK (strength_mpa > 1)");
        try (TargetDatabase db = TargetAccess.openForImport(target.choice())) {
            assertThatThrownBy(() -> ImportWorkbookReview.fromReview(db, review,
                    new ImportRows.ImportSettings(null, false, "tester"), Progress.NONE))
                    .isInstanceOf(TargetChangedException.class)
                    .hasMessageStartingWith("The table strength_test has changed since lab.sluice was validated"
                            + " (a CHECK constraint (");
        }
        CommitViewModel model = new CommitViewModel(workbench, SyncTasks.runner(), new ScriptedDialogs(), "tester");
        workbench.reviewProperty().set(review);

        model.refresh();

        assertThat(model.stateProperty().get()).isEqualTo(CommitState.REFUSED);
        assertThat(model.problemProperty().get()).startsWith("The table strength_test has changed since lab.sluice");
        assertThat(model.targetChangedProperty().get()).isTrue();

        model.validateAgain();

        assertThat(model.stateProperty().get()).as(model.problemProperty().get()).isEqualTo(CommitState.PLANNED);
        assertThat(model.tables()).extracting(TablePlan::table).containsExactlyElementsOf(LabWorkbook.TABLES);
    }
}
