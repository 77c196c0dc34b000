package io.sluice.desktop.review;

import io.sluice.core.cleaning.Candidate;
import io.sluice.core.cleaning.Correction;
import io.sluice.core.review.ReviewQuery.GridRow;
import io.sluice.core.source.SourceOptions;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.ReviewValidation;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.commit.LabWorkbook;
import io.sluice.desktop.commit.SampleTarget;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.desktop.task.HeldTasks;
import io.sluice.desktop.task.TaskRunner;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    private ReviewValidation validation;
    /** The runner of {@link #reopenWithHeldWork}. */
    private TaskRunner runner;

    @BeforeEach
    void validateTheWorkbook() {
        target = SampleTarget.of(TestDatabases.Engine.H2, home);
        workbench.targetProperty().set(target.choice());
        workbench.sourceFileProperty().set(LabWorkbook.FILE);
        // what the Source step chose for the sheet it showed: the profile names each table's sheet instead
        workbench.sourceOptionsProperty().set(new SourceOptions("Materials", 1, false, null, null));
        workbench.profileProperty().set(LabWorkbook.profile());
        var tasks = SyncTasks.runner(failures);
        validation = new ReviewValidation(workbench, tasks, new DesktopSettings(),
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
        assertThat(workbench.reviewedSheetProperty().get()).as("for the Rules step").isEqualTo("Materials");
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
        assertThat(workbench.reviewedSheetProperty().get()).isEqualTo("Mixes");
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

    @Test
    void aRejectionWithTheTargetOutOfReachIsSavedAndSaysTheReferencesWereNotCheckedAgain() {
        long mixesWithErrors = mixesWithErrors();
        vm.close();
        // a server nobody listens on; the review opens without it, as it connects only to check
        workbench.targetProperty().set(new TargetChoice("Offline", "jdbc:postgresql://127.0.0.1:1/bench", "bench",
                "bench"));
        vm = new ReviewViewModel(workbench, SyncTasks.runner(failures), validation, new ScriptedDialogs(),
                (title, error) -> failures.add(error));

        vm.actions().reject(List.of(positionOf("Cement")), "Withdrawn supplier grade");

        assertThat(vm.counts().rejectedProperty().getValue().longValue()).isOne();
        assertThat(vm.actions().lastActionProperty().getValue()).startsWith("Rejected row ")
                .contains(". The change is saved, but the references between the sheets were not checked again,"
                        + " because the target could not be reached (Cannot connect to ")
                .endsWith("; validating the review again, or its import, checks them.");
        assertThat(vm.importProperty().getValue()).startsWith("Import: cannot tell: ");
        vm.showSheet("Mixes");
        assertThat(mixesWithErrors()).as("the references keep their findings").isEqualTo(mixesWithErrors);
    }

    @Test
    void rejectingTheCementRowOnMaterialsShowsTheMixesRowsNewFindingsWhenSwitchingToMixes() {
        long mixesWithErrors = mixesWithErrors();
        int cement = positionOf("Cement");

        vm.actions().reject(List.of(cement), "Withdrawn supplier grade");
        vm.showSheet("Mixes");

        assertThat(vm.counts().findingsProperty().getValue().rowsWithErrors()).isGreaterThan(mixesWithErrors);
        assertThat(vm.counts().rejectedProperty().getValue().longValue()).as("Mixes rejected nothing").isZero();
        assertThat(loadedRows()).anySatisfy(row -> assertThat(row.findings()).anyMatch(f
                -> f.rule().equals("reference") && f.message().contains("Cement")));
        assertThat(vm.workbookSheets().sheetCounts().get(0)).contains(", 1 rejected, ");
    }

    @Test
    void undoAfterSwitchingSheetsTakesBackTheLastChangeOfTheSheetShownOnly() {
        vm.actions().edit(FLY_ASH_POSITION, 0, "Fly ash");
        vm.showSheet("Mixes");
        vm.actions().approveAllValid();
        long approved = vm.counts().approvedProperty().getValue().longValue();
        assertThat(approved).isPositive();

        vm.showSheet("Materials");
        assertThat(vm.counts().approvedProperty().getValue().longValue()).isZero();
        vm.actions().undo();

        assertThat(vm.rowsProperty().getValue().get(FLY_ASH_POSITION).cells().get(0)).isEqualTo("Fly-ash");
        assertThat(vm.counts().canUndo().get()).isFalse();
        vm.showSheet("Mixes");
        assertThat(vm.counts().approvedProperty().getValue().longValue()).as("the Mixes approval stays")
                .isEqualTo(approved);
        assertThat(vm.counts().canUndo().get()).isTrue();
    }

    @Test
    void switchingSheetsShowsEveryRowOfTheNewSheetWithTheFiltersReset() {
        vm.filters().searchEntered("Cement");
        vm.filters().statusFilterProperty().set(StatusFilter.PENDING);
        assertThat(vm.shownProperty().getValue().longValue()).isLessThan(7);

        vm.showSheet("Mixes");

        assertThat(vm.filters().searchTextProperty().get()).isEmpty();
        assertThat(vm.filters().statusFilterProperty().get()).isEqualTo(StatusFilter.ALL);
        assertThat(vm.shownProperty().getValue().longValue()).isEqualTo(40);
    }

    @Test
    void aDecisionAskedOnOneSheetWhoseWorkRunsAfterTheSwitchToAnotherDecidesTheSheetItWasAskedOn() {
        HeldTasks held = reopenWithHeldWork();
        int cement = positionOf("Cement");

        held.hold();
        vm.actions().reject(List.of(cement), "Withdrawn supplier grade");
        vm.showSheet("Mixes");
        held.release();
        // the pool runs the sheet switch before the rejection asked on Materials
        held.waiting().get(1).run();
        held.waiting().get(0).run();

        assertThat(vm.workbookSheets().shownProperty().get()).isEqualTo("Mixes");
        assertThat(vm.counts().rejectedProperty().getValue().longValue()).as("no Mixes row rejected").isZero();
        assertThat(vm.workbookSheets().sheetCounts().get(0)).startsWith("Materials (material): 7 rows, 0 approved,"
                + " 1 rejected, ");
        assertThat(loadedRows()).anySatisfy(row -> assertThat(row.findings()).anyMatch(f
                -> f.rule().equals("reference") && f.message().contains("Cement")));
    }

    @Test
    void aValueFixWhosePreviewComesBackAfterAnotherSheetWasChosenChangesNothingAndSaysSo() {
        HeldTasks held = reopenWithHeldWork();
        ValueFixesViewModel fixes = new ValueFixesViewModel(vm, runner, new ScriptedDialogs(),
                (title, error) -> failures.add(error));

        held.hold();
        fixes.fix(ValueFixesViewModel.Kind.TRIM, "Material", null);
        vm.showSheet("Mixes");
        held.release();
        held.waiting().get(1).run();
        held.waiting().get(0).run();

        assertThat(vm.actions().lastActionProperty().getValue()).isEqualTo("Nothing changed: 'Trim the values'"
                + " was asked on sheet Materials, and sheet Mixes was chosen before it was worked out.");
        assertThat(vm.counts().canUndo().get()).isFalse();
    }

    /** The review opened again with a pool whose work the test runs in an order of its own. */
    private HeldTasks reopenWithHeldWork() {
        vm.close();
        HeldTasks held = new HeldTasks();
        runner = new TaskRunner(Runnable::run, held);
        runner.setFailureHandler((title, error) -> failures.add(error));
        vm = new ReviewViewModel(workbench, runner, validation, new ScriptedDialogs(),
                (title, error) -> failures.add(error));
        return held;
    }

    @Test
    void aSheetChosenWhileAnotherIsOpeningIsShownOnceThatOneIs() {
        HeldTasks held = reopenWithHeldWork();

        held.hold();
        vm.showSheet("Suppliers");
        vm.showSheet("Mixes");
        held.release();
        held.waiting().get(0).run();

        assertThat(vm.workbookSheets().shownProperty().get()).isEqualTo("Mixes");
        assertThat(vm.columns()).startsWith("Mix Code");
        assertThat(vm.counts().totalProperty().getValue().longValue()).isEqualTo(40);
        assertThat(vm.stateProperty().getValue()).isEqualTo(ReviewViewModel.State.READY);
    }

    @Test
    void theColumnStatisticsShownForAMaterialsColumnAreForgottenWhenMixesIsChosen() {
        ColumnStatsViewModel stats = new ColumnStatsViewModel(vm, SyncTasks.runner(failures));
        stats.setShown(true);
        stats.columnProperty().set("Material");
        assertThat(stats.statusProperty().getValue()).startsWith("'Material': 7 rows");

        vm.showSheet("Mixes");

        assertThat(stats.columnProperty().get()).isNull();
        assertThat(stats.statusProperty().getValue()).isEqualTo("Select a cell to see its column's statistics.");
    }

    @Test
    void theClustersOfAMixesColumnAreFoundOnThatSheetAndMergedAsOneUndoableStep() {
        vm.showSheet("Mixes");
        long before = mixesWithErrors();
        String supplier = supplierOfFirstRow();
        String lower = supplier.toLowerCase(Locale.ROOT);
        vm.actions().edit(0, 1, lower);
        assertThat(supplierOfFirstRow()).isEqualTo(lower);

        ReviewCleaning cleaning = ReviewCleaning.of(vm, workbench, SyncTasks.runner(failures), new ScriptedDialogs(),
                (title, error) -> failures.add(error));
        ClustersViewModel clusters = cleaning.clusters("Supplier");
        clusters.find();

        assertThat(clusters.rows()).singleElement().satisfies(row -> {
            assertThat(row.keepProperty().get()).isEqualTo(supplier);
            assertThat(row.valuesText()).contains(lower + " (1)");
        });
        clusters.merge();
        assertThat(supplierOfFirstRow()).isEqualTo(supplier);
        assertThat(vm.counts().undoDescriptionProperty().getValue()).contains("Supplier");
        assertThat(mixesWithErrors()).isEqualTo(before);

        vm.actions().undo();
        assertThat(supplierOfFirstRow()).isEqualTo(lower);
    }

    @Test
    void theSuggestionsOfTheMixesSheetComeFromItsTablesAndTheSuppliersSheetAndAreAcceptedThroughTheWorkbook() {
        vm.showSheet("Mixes");
        long before = mixesWithErrors();
        // a code near one in the target (CEMS), one near a code only the Suppliers sheet brings (HOLC)
        vm.actions().edit(0, 1, "CEMX");
        vm.actions().edit(1, 1, "HOLX");
        assertThat(mixesWithErrors()).isEqualTo(before + 2);
        ScriptedDialogs dialogs = new ScriptedDialogs();
        ReviewCleaning cleaning = ReviewCleaning.of(vm, workbench, SyncTasks.runner(failures), dialogs,
                (title, error) -> failures.add(error));
        SuggestionsViewModel suggestions = cleaning.suggestions();

        suggestions.setShown(true);

        assertThat(suggestions.corrections()).extracting(c -> c.column() + " " + c.value() + " -> "
                + c.candidates().get(0).value()).contains("Supplier CEMX -> CEMS", "Supplier HOLX -> HOLC");
        assertThat(suggestions.statusProperty().getValue()).contains(" have suggestions.")
                .contains("The reference findings of 'Fly Ash (kg/m3)' name their parent by the column's header");
        suggestions.acceptAll(70);
        assertThat(dialogs.asked()).last().satisfies(q -> assertThat(q.text()).contains("Supplier: 'CEMX' → 'CEMS'",
                "Supplier: 'HOLX' → 'HOLC'"));
        assertThat(supplierOfFirstRow()).isEqualTo("CEMS");
        assertThat(vm.rowsProperty().getValue().get(1).cells().get(1)).isEqualTo("HOLC");
        assertThat(mixesWithErrors()).isEqualTo(before);
        assertThat(vm.counts().undoDescriptionProperty().getValue()).contains("Supplier");
        assertThat(suggestions.corrections()).noneMatch(c -> c.column().equals("Supplier"));

        vm.actions().undo();
        assertThat(supplierOfFirstRow()).isEqualTo("CEMX");
        assertThat(mixesWithErrors()).isEqualTo(before + 2);

        // a parent row rejected on Suppliers is no valid value any more; the Mixes list follows when shown again
        vm.showSheet("Suppliers");
        vm.actions().reject(List.of(positionOf("HOLC")), "Unknown supplier");
        assertThat(suggestions.corrections()).isEmpty();
        // the Suppliers sheet has no bad value: accepting Mixes suggestions there changes nothing and says so
        Correction cemx = new Correction("Supplier", "reference", "supplier", "CEMX", 1,
                List.of(new Candidate("CEMS", 92, "one letter different")));
        suggestions.setShown(false);
        vm.showSheet("Mixes");
        suggestions.setShown(true);
        assertThat(suggestions.corrections()).anySatisfy(c -> {
            assertThat(c.value()).isEqualTo("HOLX");
            assertThat(c.candidates()).noneMatch(candidate -> candidate.value().equals("HOLC"));
        });
        suggestions.setShown(false);
        vm.showSheet("Materials");
        suggestions.accept(cemx, cemx.candidates().get(0));
        assertThat(vm.actions().lastActionProperty().getValue()).isEqualTo("Nothing changed: these suggestions are"
                + " of sheet Mixes, and sheet Materials is shown now; its suggestions follow in a moment.");
        vm.showSheet("Mixes");
        assertThat(supplierOfFirstRow()).isEqualTo("CEMX");
    }

    /** The Supplier cell of the grid's first row, as the grid draws it. */
    private String supplierOfFirstRow() {
        return vm.rowsProperty().getValue().get(0).cells().get(1);
    }

    private int positionOf(String material) {
        List<GridRow> rows = loadedRows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).cells().get(0).equals(material)) {
                return i;
            }
        }
        throw new AssertionError("no row " + material + " in " + rows);
    }

    /** The grid's rows, as it draws them: a page changed on disk is read again. */
    private List<GridRow> loadedRows() {
        List<GridRow> rows = new ArrayList<>();
        for (int i = 0; i < vm.rowsProperty().getValue().size(); i++) {
            rows.add(vm.rowsProperty().getValue().get(i));
        }
        return rows;
    }

    private long mixesWithErrors() {
        return vm.access().totals().sheets().stream().filter(s -> s.sheet().equals("Mixes")).findFirst()
                .orElseThrow().findings().rowsWithErrors();
    }
}
