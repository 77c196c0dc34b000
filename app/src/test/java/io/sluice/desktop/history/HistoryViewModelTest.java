package io.sluice.desktop.history;

import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.bookkeeping.BatchTableCounts;
import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Step;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.commit.CommitState;
import io.sluice.desktop.commit.CommitViewModel;
import io.sluice.desktop.commit.LabWorkbook;
import io.sluice.core.commit.RelatedCommitResult;
import io.sluice.desktop.commit.SampleTarget;
import io.sluice.desktop.task.HeldTasks;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.desktop.task.TaskHandle;
import io.sluice.desktop.task.TaskRunner;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryViewModelTest {

    @TempDir
    Path home;

    private SampleTarget target;
    private HistoryViewModel history;
    private final Workbench workbench = new Workbench();
    private final TaskRunner tasks = SyncTasks.runner();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @AfterEach
    void tearDown() {
        if (history != null) {
            history.close();
        }
        if (target != null) {
            target.close();
        }
    }

    private void open(TestDatabases.Engine engine) {
        target = SampleTarget.of(engine, home);
        workbench.targetProperty().set(target.choice());
        history = new HistoryViewModel(workbench, tasks, dialogs, "tester");
    }

    private long commit(Path review, ImportMode mode, boolean allowDuplicate) {
        CommitViewModel commit = new CommitViewModel(workbench, tasks, new ScriptedDialogs(), "tester");
        workbench.reviewProperty().set(review);
        commit.refresh();
        commit.allowDuplicateProperty().set(allowDuplicate);
        commit.modeProperty().set(mode);
        commit.commit();
        assertThat(commit.stateProperty().get()).as(commit.problemProperty().get()).isEqualTo(CommitState.COMMITTED);
        return commit.resultProperty().get().batchId();
    }

    private RollbackPreview preview() {
        AtomicReference<RollbackPreview> preview = new AtomicReference<>();
        history.prepareRollback(preview::set);
        return preview.get();
    }

    @Test
    void readingCancelledInTheStatusBarSaysSoInsteadOfReadingForEverAndTheNextVisitReadsAgain() {
        target = SampleTarget.of(TestDatabases.Engine.H2, home);
        workbench.targetProperty().set(target.choice());
        HeldTasks held = new HeldTasks();
        TaskRunner heldTasks = HeldTasks.runner(held);
        history = new HistoryViewModel(workbench, heldTasks, dialogs, "tester");
        held.hold();
        history.refresh();
        assertThat(history.emptyTitleProperty().get()).isEqualTo("Reading the import history…");

        heldTasks.active().stream().filter(TaskHandle::visible).forEach(TaskHandle::cancel);
        held.runAll();

        assertThat(history.emptyTitleProperty().get()).isEqualTo(HistoryViewModel.READING_CANCELLED);
        assertThat(history.emptyTextProperty().get()).isEqualTo(HistoryViewModel.READ_AGAIN);

        history.refresh();

        assertThat(history.emptyTitleProperty().get()).isEqualTo(HistoryViewModel.NO_BATCHES);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void listsTheCommittedBatchWithItsProvenanceAndDecisions(TestDatabases.Engine engine) {
        open(engine);
        Path review = target.review("mixes");
        long approved = SampleTarget.approved(review);
        long batch = commit(review, ImportMode.INSERT, false);
        workbench.batchProperty().set(batch);

        history.refresh();

        assertThat(history.batches()).extracting(ImportBatch::id).containsExactly(batch);
        ImportBatch shown = history.selectedProperty().get();
        assertThat(shown.id()).isEqualTo(batch);
        assertThat(shown.status()).isEqualTo(BatchStatus.COMMITTED);
        assertThat(shown.counts().inserted()).isEqualTo(approved);
        assertThat(shown.sourceFile()).isEqualTo(SampleTarget.SAMPLE.fileName());
        assertThat(history.provenanceTotalProperty().get()).isEqualTo(approved);
        assertThat(history.provenance()).hasSize((int) Math.min(approved, HistoryViewModel.PAGE_SIZE));
        assertThat(history.provenance().get(0).targetKey()).startsWith("DS1-");
        assertThat(history.provenance().get(0).sourceRow()).isPositive();
        assertThat(history.decisions()).isNotEmpty();
        assertThat(workbench.batchProperty().get()).isNull();
    }

    @Test
    void saysItIsReadingThenThatThereIsNoBatchOnlyOnceTheTargetWasRead() {
        open(TestDatabases.Engine.H2);
        assertThat(history.emptyTitleProperty().get()).isEqualTo("Reading the import history…");
        assertThat(history.knownEmptyProperty().get()).as("no way to Commit offered before it is known").isFalse();

        history.refresh();

        assertThat(history.batches()).isEmpty();
        assertThat(history.emptyTitleProperty().get()).isEqualTo("No import batches yet");
        assertThat(history.knownEmptyProperty().get()).isTrue();
    }

    @Test
    void aTargetWhoseHistoryCannotBeReadSaysSoInsteadOfShowingAnotherTargetsBatches() {
        open(TestDatabases.Engine.H2);
        long batch = commit(target.review("mixes"), ImportMode.INSERT, false);
        history.refresh();
        assertThat(history.batches()).extracting(ImportBatch::id).containsExactly(batch);

        workbench.targetProperty().set(new TargetChoice("Nowhere", "jdbc:nosuchdriver:nowhere",
                "nobody", ""));

        assertThat(history.batches()).as("the embedded database's batches are not Nowhere's").isEmpty();
        assertThat(history.selectedProperty().get()).isNull();
        assertThat(history.emptyTitleProperty().get()).isEqualTo("Could not read the import history");
        assertThat(history.emptyTextProperty().get()).isNotBlank().isEqualTo(history.problemProperty().get());
        assertThat(history.knownEmptyProperty().get()).isFalse();

        workbench.targetProperty().set(target.choice());
        assertThat(history.batches()).extracting(ImportBatch::id).containsExactly(batch);
        assertThat(history.problemProperty().get()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void pagesThroughTheProvenance(TestDatabases.Engine engine) {
        open(engine);
        Path review = target.review("mixes");
        long approved = SampleTarget.approved(review);
        commit(review, ImportMode.INSERT, false);
        history.refresh();
        String first = history.provenance().get(0).targetKey();

        history.nextPage();

        assertThat(history.pageProperty().get()).isEqualTo(1);
        assertThat(history.provenance()).hasSize((int) Math.min(HistoryViewModel.PAGE_SIZE,
                approved - HistoryViewModel.PAGE_SIZE));
        assertThat(history.provenance().get(0).targetKey()).isNotEqualTo(first);
        history.previousPage();
        assertThat(history.provenance().get(0).targetKey()).isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void rollbackRestoresTheTableAsItWas(TestDatabases.Engine engine) throws Exception {
        open(engine);
        target.execute("INSERT INTO concrete_mix (mix_code, cement_kg, water_kg, coarse_agg_kg, fine_agg_kg,"
                + " age_days, strength_mpa) VALUES ('DS1-000001', 111, 99, 900, 800, 28, 30)");
        List<String> before = target.mixes();
        Path review = target.review("mixes");
        long batch = commit(review, ImportMode.UPSERT, false);
        assertThat(target.mixes()).isNotEqualTo(before);
        history.refresh();

        RollbackPreview preview = preview();
        assertThat(preview.needsCascade()).isFalse();
        assertThat(preview.toDelete()).isEqualTo(SampleTarget.approved(review) - preview.toRestore());
        assertThat(preview.consequences()).contains("batch " + batch).contains("will be deleted");
        history.rollback(batch, false);

        assertThat(target.mixes()).isEqualTo(before);
        assertThat(history.messageProperty().get()).startsWith("Rolled back batch " + batch + ":");
        assertThat(history.selectedProperty().get().status()).isEqualTo(BatchStatus.ROLLED_BACK);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void refusesToRollBackUnderALaterBatchUnlessCascading(TestDatabases.Engine engine) throws Exception {
        open(engine);
        List<String> before = target.mixes();
        Path first = target.review("first");
        long batch = commit(first, ImportMode.INSERT, false);
        // a change behind the steward's back, so that the upsert has rows to update (and its rollback to restore)
        target.execute("UPDATE concrete_mix SET water_kg = water_kg + 1");
        long later = commit(target.reviewApprovingAsIn("second", first), ImportMode.UPSERT, true);
        workbench.batchProperty().set(batch);
        history.refresh();

        RollbackPreview preview = preview();
        assertThat(preview.needsCascade()).isTrue();
        assertThat(preview.laterBatches()).containsExactly(later);
        assertThat(preview.refusal()).contains("later batch " + later);

        history.rollback(batch, false);
        assertThat(history.problemProperty().get()).contains("cannot be rolled back").contains(String.valueOf(later));
        assertThat(target.mixes()).isNotEqualTo(before);

        history.rollback(batch, true);
        assertThat(history.problemProperty().get()).isEmpty();
        assertThat(target.mixes()).isEqualTo(before);
        assertThat(history.batches()).extracting(ImportBatch::status)
                .containsOnly(BatchStatus.ROLLED_BACK);
    }

    @Test
    void asksBeforeRollingBackAndANoLeavesTheBatchInPlace() throws Exception {
        open(TestDatabases.Engine.H2);
        List<String> before = target.mixes();
        long batch = commit(target.review("mixes"), ImportMode.INSERT, false);
        history.refresh();
        List<String> committed = target.mixes();

        dialogs.declineNext();
        history.rollbackSelected();
        assertThat(dialogs.asked()).singleElement().satisfies(q -> {
            assertThat(q.header()).isEqualTo("Roll back batch " + batch + "?");
            assertThat(q.text()).contains("will be deleted");
        });
        assertThat(target.mixes()).isEqualTo(committed);
        assertThat(history.selectedProperty().get().status()).isEqualTo(BatchStatus.COMMITTED);

        history.rollbackSelected();
        assertThat(target.mixes()).isEqualTo(before);
        assertThat(history.selectedProperty().get().status()).isEqualTo(BatchStatus.ROLLED_BACK);
        assertThat(history.canRollBackBinding().get()).isFalse();
    }

    @Test
    void describesTheSelectedBatchAndPagesItsProvenance() {
        open(TestDatabases.Engine.H2);
        Path review = target.review("mixes");
        long approved = SampleTarget.approved(review);
        long batch = commit(review, ImportMode.INSERT, false);
        history.refresh();

        assertThat(history.subtitleBinding().get()).isEqualTo("1 import batch in " + target.choice().name()
                + ", newest first.");
        assertThat(history.selectedTitleBinding().get()).isEqualTo("Batch " + batch + " — committed");
        assertThat(history.selectedSummaryBinding().get()).startsWith(SampleTarget.SAMPLE.fileName())
                .contains("into concrete_mix with profile ").contains(" by tester. ")
                .contains(String.format(Locale.ROOT, "%,d approved", approved));
        assertThat(history.canRollBackBinding().get()).isTrue();
        assertThat(history.pageTextBinding().get()).isEqualTo(String.format(Locale.ROOT, "Rows 1–%,d of %,d",
                Math.min(approved, HistoryViewModel.PAGE_SIZE), approved));
        assertThat(history.hasNextPageBinding().get()).isEqualTo(approved > HistoryViewModel.PAGE_SIZE);
        history.goToCommit();
        assertThat(workbench.stepProperty().get()).isEqualTo(Step.COMMIT);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void showsEachTableOfARelatedBatchWithWhereEachOfItsRowsCameFrom(TestDatabases.Engine engine) {
        open(engine);
        RelatedCommitResult result = LabWorkbook.importInto(target.choice(), "tester");

        history.refresh();

        assertThat(history.selectedProperty().get().id()).isEqualTo(result.batchId());
        assertThat(history.relatedBinding().get()).isTrue();
        assertThat(history.tables()).extracting(t -> BatchText.tableName(t.table()))
                .containsExactlyElementsOf(LabWorkbook.TABLES);
        assertThat(history.tables()).extracting(BatchTableCounts::sheet)
                .containsExactly("Materials", "Suppliers", "Mixes", "Mixes", "Mixes");
        assertThat(history.tables()).extracting(t -> t.inserted() + "/" + t.updated() + "/" + t.skipped())
                .containsExactlyElementsOf(result.tables().stream().map(t -> t.inserted() + "/" + t.updated() + "/"
                        + t.skipped()).toList());
        assertThat(history.tables()).extracting(BatchTableCounts::inserted).allMatch(n -> n > 0);
        assertThat(history.selectedSummaryBinding().get()).contains(
                "into tables material, supplier, concrete_mix, mix_component, strength_test with profile");
        // source rows read, approved and rejected; the target rows the approved ones gave, apart
        assertThat(history.selectedSummaryBinding().get()).containsPattern("\\. [\\d,]+ source rows read, [\\d,]+"
                + " approved \\(" + String.format(Locale.ROOT, "%,d", result.inserted() + result.updated()
                + result.skipped()) + " target rows\\), [\\d,]+ rejected\\.");
        // the profile gives the parents skip-existing and the children insert: no one mode is the batch's
        assertThat(BatchText.mode(history.selectedProperty().get())).isEqualTo("per table");
        assertThat(BatchText.rejected(history.selectedProperty().get())).endsWith(" source");
        assertThat(history.provenanceTotalProperty().get())
                .isEqualTo(result.inserted() + result.updated() + result.skipped());
        assertThat(history.provenance().get(0)).satisfies(first -> {
            assertThat(BatchText.tableName(first.targetTable())).isEqualTo("material");
            assertThat(first.sourceSheet()).contains("Materials");
            assertThat(first.sourceRow()).isEqualTo(2);
        });
        while (history.provenance().stream().noneMatch(p -> p.targetTable().equalsIgnoreCase("mix_component")
                || p.targetTable().toLowerCase(Locale.ROOT).endsWith(".mix_component"))) {
            history.nextPage();
        }
        assertThat(history.provenance()).filteredOn(p -> BatchText.tableName(p.targetTable()).equals("mix_component"))
                .allMatch(p -> p.sourceSheet().orElseThrow().equals("Mixes") && p.sourceRow() >= 2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void rollingBackARelatedBatchNamesEachTableChildrenFirstAndEmptiesThemAll(TestDatabases.Engine engine)
            throws Exception {
        open(engine);
        Map<String, Integer> before = LabWorkbook.rowCounts(target.choice());
        RelatedCommitResult result = LabWorkbook.importInto(target.choice(), "tester");
        assertThat(LabWorkbook.rowCounts(target.choice())).isNotEqualTo(before);
        history.refresh();

        RollbackPreview preview = preview();
        assertThat(preview.tables()).hasSize(5);
        String text = preview.consequences();
        long components = result.tables().get(3).inserted();
        assertThat(text).startsWith("Batch " + result.batchId() + " wrote 5 tables. In one transaction, children"
                + " first").contains(String.format(Locale.ROOT, "mix_component: %,d rows deleted, 0 rows restored",
                components));
        assertThat(text.indexOf("strength_test:")).isLessThan(text.indexOf("mix_component:"));
        assertThat(text.indexOf("concrete_mix:")).isLessThan(text.indexOf("material:"));

        history.rollbackSelected();

        assertThat(dialogs.asked()).singleElement().satisfies(q -> assertThat(q.text()).isEqualTo(text));
        assertThat(LabWorkbook.rowCounts(target.choice())).isEqualTo(before);
        assertThat(history.selectedProperty().get().status()).isEqualTo(BatchStatus.ROLLED_BACK);
        assertThat(history.messageProperty().get()).startsWith("Rolled back batch " + result.batchId() + ": "
                + String.format(Locale.ROOT, "%,d inserted rows deleted", result.inserted()));
        assertThat(history.messageProperty().get().toLowerCase(Locale.ROOT))
                .as("the identity sentences of the rollback follow its counts")
                .contains("table mix_component's id numbering was set back to");
    }
}
