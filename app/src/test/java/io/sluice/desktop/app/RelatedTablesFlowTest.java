package io.sluice.desktop.app;

import io.sluice.core.review.ReviewQuery.GridRow;
import io.sluice.desktop.Questions;
import io.sluice.desktop.Screenshots;
import io.sluice.desktop.commit.LabWorkbook;
import io.sluice.desktop.commit.SampleTarget;
import io.sluice.desktop.review.FindingFilter;
import io.sluice.testing.TestDatabases;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lab workbook onto five related tables through the screens, on a fresh embedded database: the sample and its
 * profile loaded in the Source and Mapping steps, the workbook review
 * one sheet at a time, the misspelt material fixed by editing its cell on the Materials sheet (the Mixes sheet's
 * reference findings go), the valid rows of every sheet approved, one batch committed with its dry run per table,
 * the batch's tables in History, and a rollback that leaves the tables as they were.
 */
@ExtendWith(ApplicationExtension.class)
class RelatedTablesFlowTest {

    /** Grid position of Materials row 4 ({@code Fly-ash}): data rows start at row 2. */
    private static final int FLY_ASH_POSITION = 2;

    @TempDir
    static Path home;

    private static SampleTarget target;
    private DesktopShell shell;

    @BeforeAll
    static void embeddedTarget() {
        // the embedded target lives in this test's own data directory
        target = SampleTarget.of(TestDatabases.Engine.H2, home);
    }

    @AfterAll
    static void restoreHome() {
        target.close();
    }

    @Start
    void start(Stage stage) {
        shell = DesktopShell.open(stage, home);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> shell.close());
    }

    @Test
    void reviewsTheWorkbookFixesAMaterialCommitsFiveTablesAndRollsThemBack(FxRobot robot) throws Exception {
        Map<String, Integer> before = LabWorkbook.rowCounts(target.choice());
        validateTheWorkbook(robot);
        ComboBox<String> sheets = robot.lookup("#review-sheet").queryComboBox();
        assertThat(sheets.getItems()).containsExactly("Materials", "Suppliers", "Mixes");
        assertThat(label(robot, "#workbook-counts")).startsWith("Workbook: 53 rows on 3 sheets, 0 approved");
        TableView<GridRow> grid = robot.lookup("#review-grid").queryTableView();

        show(robot, sheets, "Mixes", 40);
        long referencesAtFirst = findings(robot, "reference");
        assertThat(referencesAtFirst).as("the fly-ash components name a material no row has").isPositive();
        screenshot(robot, "related-1-mixes");

        show(robot, sheets, "Materials", 7);
        waitFor(() -> grid.getItems().size() == 7 && "Fly-ash".equals(grid.getItems().get(FLY_ASH_POSITION)
                .cells().get(0)));
        select(robot, grid, FLY_ASH_POSITION, "col-0");
        robot.type(KeyCode.F2);
        TextField editor = robot.lookup("#cell-editor").queryAs(TextField.class);
        // the whole text replaced, wherever the caret was put
        robot.interact(() -> editor.setText("Fly ash"));
        robot.clickOn(editor).type(KeyCode.ENTER);
        waitFor(() -> label(robot, "#last-action").equals("Row 4 edited: no findings now."));
        waitFor(() -> "Fly ash".equals(grid.getItems().get(FLY_ASH_POSITION).cells().get(0)));

        show(robot, sheets, "Mixes", 40);
        waitFor(() -> findings(robot, "reference") < referencesAtFirst);
        waitFor(() -> grid.getItems().size() == 40 && grid.getItems().stream().allMatch(r -> r.row() > 0));
        assertThat(List.copyOf(grid.getItems())).allSatisfy(row -> assertThat(row.findings())
                .noneMatch(f -> f.rule().equals("reference") && f.message().contains("Fly ash")));
        screenshot(robot, "related-2-fixed");

        for (String sheet : List.of("Materials", "Suppliers", "Mixes")) {
            show(robot, sheets, sheet, -1);
            robot.clickOn("#bulk-button").clickOn("Approve all valid pending rows");
            waitFor(() -> approved(robot) > 0);
        }
        assertThat(label(robot, "#workbook-counts")).doesNotContain(" 0 approved");

        robot.clickOn("#step-commit");
        TableView<?> plan = robot.lookup("#plan-tables-table").queryAs(TableView.class);
        waitFor(() -> !"–".equals(label(robot, "#plan-insert")) && plan.getItems().size() == 5);
        screenshot(robot, "related-3-commit");
        robot.clickOn("#commit-button");
        WaitForAsyncUtils.waitForFxEvents();
        Questions.confirm(robot);
        waitFor(() -> robot.lookup("#commit-result").query().isVisible());
        assertThat(label(robot, "#commit-result-text")).startsWith("Batch ").contains(" over 5 tables in ");
        Map<String, Integer> committed = LabWorkbook.rowCounts(target.choice());
        assertThat(committed.get("material")).isEqualTo(7);
        assertThat(committed.get("concrete_mix")).isPositive();
        assertThat(committed.get("mix_component")).isPositive();

        robot.clickOn("#show-in-history");
        waitFor(() -> robot.lookup("#batch-tables-table").tryQuery().isPresent()
                && robot.lookup("#provenance-table").tryQuery().isPresent());
        TableView<?> tables = robot.lookup("#batch-tables-table").queryAs(TableView.class);
        TableView<?> provenance = robot.lookup("#provenance-table").queryAs(TableView.class);
        waitFor(() -> tables.getItems().size() == 5 && !provenance.getItems().isEmpty());
        assertThat(label(robot, "#batch-summary")).contains("into tables material, supplier, concrete_mix,"
                + " mix_component, strength_test");
        screenshot(robot, "related-4-history");
        robot.clickOn("#rollback-button");
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        Questions.confirm(robot);
        waitFor(() -> robot.lookup("#history-message").query().isVisible()
                && label(robot, "#history-message").startsWith("Rolled back batch"));
        assertThat(LabWorkbook.rowCounts(target.choice())).isEqualTo(before);
    }

    /**
     * The Source and Mapping steps: the lab workbook from the samples, its profile onto five tables loaded in the
     * several-tables mapping, then "Validate and review" into a new workbook review.
     */
    private void validateTheWorkbook(FxRobot robot) {
        robot.clickOn("#sample-6");
        waitFor(() -> !robot.lookup("#next-mapping").queryButton().isDisabled());
        robot.clickOn("#next-mapping");
        waitFor(() -> robot.lookup("#load-suggested-profile").tryQuery()
                .map(n -> n.isVisible() && !n.isDisabled()).orElse(false));
        robot.clickOn("#load-suggested-profile");
        waitFor(() -> robot.lookup("#tables-validate-review").tryQuery()
                .map(n -> n.isVisible() && !n.isDisabled()).orElse(false));
        screenshot(robot, "related-0-mapping");
        robot.clickOn("#tables-validate-review");
        waitFor(() -> robot.lookup("#review-sheet-bar").query().isVisible()
                && "Materials".equals(robot.lookup("#review-sheet").queryComboBox().getValue())
                && "Pending 7".equals(label(robot, "#count-pending")));
    }

    /** Chooses a sheet in the sheet chooser and waits for its rows ({@code rows} -1: any number). */
    private static void show(FxRobot robot, ComboBox<String> sheets, String sheet, int rows) {
        robot.interact(() -> sheets.setValue(sheet));
        waitFor(() -> robot.lookup("#review-content").query().isVisible()
                && (rows < 0 || label(robot, "#review-file").endsWith(String.format("%,d rows", rows))));
    }

    private static long approved(FxRobot robot) {
        return Long.parseLong(label(robot, "#count-approved").replaceAll("\\D", ""));
    }

    /** The findings panel's count for one rule, 0 when it has none. */
    private static long findings(FxRobot robot, String rule) {
        ListView<FindingFilter> rules = robot.lookup("#rule-list").queryListView();
        return List.copyOf(rules.getItems()).stream().filter(f -> f.value().equals(rule))
                .mapToLong(FindingFilter::count).sum();
    }

    private static void select(FxRobot robot, TableView<GridRow> grid, int row, String columnId) {
        robot.interact(() -> {
            TableColumn<GridRow, ?> column = grid.getColumns().stream()
                    .filter(c -> columnId.equals(c.getId())).findFirst().orElseThrow();
            grid.getSelectionModel().clearAndSelect(row, column);
            grid.getFocusModel().focus(row, column);
            grid.requestFocus();
        });
    }

    private void screenshot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Screenshots.take(robot, shell.stage().getScene(), name)).exists();
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitFor(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for the screen", e);
        }
    }
}
