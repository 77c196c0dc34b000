package io.sluice.desktop.commit;

import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.commit.CommitPlan;
import io.sluice.core.usecase.BatchHistory;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Commit step on a workbook review of the lab workbook: a dry run per related table, each with the mode its part
 * of the profile names, then one batch through the workbook review's import, its counts per table.
 */
class WorkbookCommitViewModelTest {

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
    void aDryRunCountsEachTableThenTheCommitWritesThemAllAsOneBatch(TestDatabases.Engine engine) throws Exception {
        target = SampleTarget.of(engine, home);
        workbench.targetProperty().set(target.choice());
        Map<String, Integer> before = LabWorkbook.rowCounts(target.choice());
        Path review = LabWorkbook.reviewApprovingValid(target.choice(), home.resolve("lab.sluice"));
        ScriptedDialogs dialogs = new ScriptedDialogs();
        CommitViewModel model = new CommitViewModel(workbench, SyncTasks.runner(), dialogs, "tester");
        workbench.reviewProperty().set(review);

        model.refresh();

        assertThat(model.stateProperty().get()).as(model.problemProperty().get()).isEqualTo(CommitState.PLANNED);
        assertThat(model.relatedProperty().get()).isTrue();
        assertThat(model.tables()).extracting(TablePlan::table).containsExactlyElementsOf(LabWorkbook.TABLES);
        assertThat(model.tables()).extracting(TablePlan::mode).containsExactly("skip-existing", "skip-existing",
                "insert", "insert", "insert");
        assertThat(model.tables()).extracting(TablePlan::inserted).allMatch(n -> n > 0);
        long toInsert = model.tables().stream().mapToLong(TablePlan::inserted).sum();
        assertThat(model.figureBinding(CommitPlan::toInsert).get()).isEqualTo(String.format(Locale.ROOT, "%,d",
                toInsert));
        assertThat(model.subtitleBinding().get()).isEqualTo(String.format(Locale.ROOT, "%,d approved source rows of"
                + " lab.sluice into tables material, supplier, concrete_mix, mix_component, strength_test, in one"
                + " batch on %s.", model.approvedProperty().get(), target.choice().name()));
        assertThat(LabWorkbook.rowCounts(target.choice())).as("a dry run writes nothing").isEqualTo(before);
        var planned = java.util.List.copyOf(model.tables());
        assertThat(model.commitLabelBinding().get()).isEqualTo(String.format(Locale.ROOT,
                "Commit %,d approved source rows", model.approvedProperty().get()));

        model.commitAfterAsking();

        assertThat(dialogs.asked()).singleElement().satisfies(q -> assertThat(q.header()).isEqualTo(String.format(
                Locale.ROOT, "Commit %,d approved source rows into tables material, supplier, concrete_mix,"
                        + " mix_component, strength_test?", model.approvedProperty().get())));
        assertThat(dialogs.asked().get(0).text()).contains(String.format(Locale.ROOT, "(%,d target rows to insert,",
                toInsert));
        assertThat(model.stateProperty().get()).as(model.problemProperty().get()).isEqualTo(CommitState.COMMITTED);
        assertThat(model.tables()).as("the commit did what the dry run said").containsExactlyElementsOf(planned);
        assertThat(model.resultTextProperty().get()).startsWith("Batch " + model.resultProperty().get().batchId()
                + String.format(Locale.ROOT, ": %,d inserted, 0 updated, ", toInsert)).contains(" over 5 tables in ")
                .contains("decisions are kept with it");
        // the batch keeps the approved source rows apart from the target rows they gave
        try (BatchHistory history = BatchHistory.open(target.choice().target())) {
            ImportBatch batch = history.batch(model.resultProperty().get().batchId()).batch();
            assertThat(batch.sourceRowsApproved()).hasValue(model.approvedProperty().get());
            assertThat(batch.counts().approved()).isEqualTo(planned.stream()
                    .mapToLong(t -> t.inserted() + t.updated() + t.skipped()).sum());
            assertThat(batch.counts().approved()).isGreaterThan(model.approvedProperty().get());
            assertThat(batch.modePerTable()).isTrue();
        }
        Map<String, Integer> after = LabWorkbook.rowCounts(target.choice());
        for (TablePlan t : planned) {
            assertThat(after.get(t.table()) - before.get(t.table())).as(t.table()).isEqualTo((int) t.inserted());
        }
    }
}
