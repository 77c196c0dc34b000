package io.sluice.desktop.review;

import io.sluice.core.source.SourceOptions;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.commit.LabWorkbook;
import io.sluice.desktop.commit.SampleTarget;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Review step on a workbook review of the lab workbook (a profile onto five related tables): one sheet at a time,
 * parents' sheets first, every sheet's counts and the workbook's, and a change on the Materials sheet that takes the
 * Mixes sheet's reference findings away at once.
 */
class WorkbookReviewViewModelTest {

    /** Grid position of Materials row 4 ({@code Fly-ash}): data rows start at row 2. */
    private static final int FLY_ASH_POSITION = 2;

    @TempDir
    Path home;

    private final Workbench workbench = new Workbench();
    private final List<Throwable> failures = new ArrayList<>();
    private SampleTarget target;
    private ReviewViewModel vm;

    @BeforeEach
    void validateTheWorkbook() {
        target = SampleTarget.of(TestDatabases.Engine.H2, home);
        workbench.targetProperty().set(target.choice());
        workbench.sourceFileProperty().set(LabWorkbook.FILE);
        // what the Source step chose for the sheet it showed: the profile names each table's sheet instead
        workbench.sourceOptionsProperty().set(new SourceOptions("Materials", 1, false, null, null));
        workbench.profileProperty().set(LabWorkbook.profile());
        var tasks = SyncTasks.runner(failures);
        ReviewValidation validation = new ReviewValidation(workbench, tasks, new DesktopSettings(),
                home.resolve("reviews"), (title, error) -> failures.add(error));
        vm = new ReviewViewModel(workbench, tasks, validation, new ScriptedDialogs(),
                (title, error) -> failures.add(error));
        validation.start();
        assertThat(failures).isEmpty();
    }

    @AfterEach
    void close() {
        vm.close();
        target.close();
        assertThat(failures).isEmpty();
    }

    @Test
    void opensAWorkbookReviewOnItsFirstParentSheetWithEverySheetsCountsAndTheWorkbooks() {
        WorkbookSheets sheets = vm.workbookSheets();

        assertThat(vm.stateProperty().getValue()).isEqualTo(ReviewViewModel.State.READY);
        assertThat(vm.fileProperty().getValue()).isEqualTo(workbench.reviewProperty().get());
        assertThat(sheets.sheets()).containsExactly("Materials", "Suppliers", "Mixes");
        assertThat(sheets.workbookBinding().get()).isTrue();
        assertThat(sheets.shownProperty().get()).isEqualTo("Materials");
        assertThat(vm.columns()).startsWith("Material", "Class");
        assertThat(vm.counts().totalProperty().getValue().longValue()).isEqualTo(7);
        assertThat(sheets.sheetCounts()).hasSize(3);
        assertThat(sheets.sheetCounts().get(0)).startsWith("Materials (material): 7 rows, 0 approved, 0 rejected,"
                + " 7 pending");
        assertThat(sheets.sheetCounts().get(2)).startsWith("Mixes (concrete_mix, mix_component, strength_test): 40"
                + " rows, 0 approved");
        assertThat(sheets.workbookCountsProperty().get()).startsWith("Workbook: 53 rows on 3 sheets, 0 approved,"
                + " 0 rejected, 53 pending; ");
    }

    @Test
    void anEditOnTheMaterialsSheetTakesTheMixesReferenceFindingsAwayAndUndoBringsThemBack() {
        long mixesWithErrors = mixesWithErrors();
        assertThat(vm.loadedRow(FLY_ASH_POSITION).cells().get(0)).isEqualTo("Fly-ash");

        vm.actions().edit(FLY_ASH_POSITION, 0, "Fly ash");

        long fixed = mixesWithErrors();
        assertThat(fixed).as("the fly-ash components now find their material").isLessThan(mixesWithErrors)
                .isPositive();
        assertThat(vm.workbookSheets().sheetCounts().get(2)).endsWith(", " + fixed + " rows with errors");
        vm.showSheet("Mixes");
        assertThat(vm.workbookSheets().shownProperty().get()).isEqualTo("Mixes");
        assertThat(vm.columns()).startsWith("Mix Code");
        assertThat(vm.counts().totalProperty().getValue().longValue()).isEqualTo(40);
        assertThat(vm.counts().findingsProperty().getValue().rowsWithErrors()).isEqualTo(fixed);
        assertThat(vm.rowsProperty().getValue().get(0).findings()).noneMatch(f -> f.rule().equals("reference")
                && f.message().contains("Fly ash"));

        vm.showSheet("Materials");
        assertThat(vm.rowsProperty().getValue().get(FLY_ASH_POSITION).cells().get(0)).isEqualTo("Fly ash");
        vm.actions().undo();

        assertThat(vm.rowsProperty().getValue().get(FLY_ASH_POSITION).cells().get(0)).isEqualTo("Fly-ash");
        assertThat(mixesWithErrors()).isEqualTo(mixesWithErrors);
    }

    @Test
    void approvingTheValidRowsOfEachSheetCountsThemForTheWorkbook() {
        long approved = 0;
        for (String sheet : List.of("Materials", "Suppliers", "Mixes")) {
            vm.showSheet(sheet);
            long valid = vm.counts().pendingProperty().getValue().longValue()
                    - vm.counts().findingsProperty().getValue().rowsWithErrors();
            vm.actions().approveAllValid();
            assertThat(vm.counts().approvedProperty().getValue().longValue()).isEqualTo(valid);
            approved += valid;
        }
        assertThat(approved).isPositive();
        assertThat(vm.workbookSheets().workbookCountsProperty().get()).startsWith(String.format(
                "Workbook: 53 rows on 3 sheets, %d approved, 0 rejected, %d pending; ", approved, 53 - approved));
    }

    private long mixesWithErrors() {
        return vm.access().totals().sheets().stream().filter(s -> s.sheet().equals("Mixes")).findFirst()
                .orElseThrow().findings().rowsWithErrors();
    }
}
