package io.sluice.desktop.review;

import io.sluice.core.Progress;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.review.ReviewQuery.GridRow;
import io.sluice.core.rules.RuleInfo;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.usecase.ValidateWorkbookReview;
import io.sluice.desktop.Screenshots;
import io.sluice.desktop.Step;
import io.sluice.desktop.Views;
import io.sluice.desktop.app.DesktopShell;
import io.sluice.desktop.commit.LabWorkbook;
import io.sluice.desktop.commit.SampleTarget;
import io.sluice.testing.TestDatabases;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Review step's sheet bar on a workbook review in a small window: the sheet chooser, every sheet's counts and the
 * workbook's reachable and whole, and another sheet chosen showing that sheet's rows and findings, each finding
 * naming the table it is about; the Rules step, entered from a sheet, opening on a table that sheet feeds.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbookSheetBarViewTest {

    @TempDir
    static Path home;

    private static SampleTarget target;
    private DesktopShell shell;

    @BeforeAll
    static void embeddedTarget() {
        // the embedded target lives in this test's own data directory, where the desktop looks for it
        target = SampleTarget.of(TestDatabases.Engine.H2, home);
    }

    @AfterAll
    static void closeTarget() {
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
    void theSheetBarStaysReachableAndWholeInASmallWindowAndASheetChosenShowsItsRowsAndFindings(FxRobot robot) {
        openTheLabReview(robot);
        waitFor(() -> robot.lookup("#review-sheet-bar").query().isVisible()
                && "Materials".equals(robot.lookup("#review-sheet").queryComboBox().getValue())
                && "Pending 7".equals(label(robot, "#count-pending")));

        robot.interact(() -> {
            shell.stage().setWidth(640);
            shell.stage().setHeight(480);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane scroll = robot.lookup("#step-scroll").queryAs(ScrollPane.class);
        for (String id : List.of("#review-sheet", "#workbook-counts", "#sheet-counts")) {
            Node control = robot.lookup(id).query();
            robot.interact(() -> Views.ensureVisible(scroll, control));
            WaitForAsyncUtils.waitForFxEvents();
            Bounds onScreen = control.localToScene(control.getBoundsInLocal());
            Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
            assertThat(viewport.intersects(onScreen) && onScreen.getWidth() > 0 && onScreen.getHeight() > 0)
                    .as(id + " at " + onScreen + " scrolled into view at " + viewport).isTrue();
        }
        assertThat(label(robot, "#workbook-counts")).startsWith("Workbook: 53 rows on 3 sheets, 0 approved,"
                + " 0 rejected, 53 pending; ");
        assertThat(drawnText(robot, "#workbook-counts")).as("the workbook's counts, not cut short")
                .isEqualTo(label(robot, "#workbook-counts"));
        assertThat(drawnText(robot, "#sheet-counts")).as("every sheet's line, not cut short").isEqualTo(
                label(robot, "#sheet-counts"));
        assertThat(label(robot, "#sheet-counts").split("\n")).hasSize(3);
        assertThat(label(robot, "#sheet-counts")).contains(
                "Mixes (concrete_mix, mix_component, strength_test): 40 rows");
        ComboBox<String> sheets = robot.lookup("#review-sheet").queryComboBox();
        assertThat(sheets.getWidth()).as("the chooser shows a sheet's name").isGreaterThanOrEqualTo(100);
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "review-sheet-bar-small")).exists();

        robot.interact(() -> sheets.setValue("Mixes"));
        waitFor(() -> robot.lookup("#review-content").query().isVisible()
                && label(robot, "#review-file").endsWith("sheet Mixes  ·  40 rows"));
        TableView<GridRow> grid = robot.lookup("#review-grid").queryTableView();
        waitFor(() -> grid.getItems().size() == 40 && grid.getItems().stream().allMatch(r -> r.row() > 0));
        assertThat(grid.getItems().get(0).cells().get(0)).isEqualTo("LAB-0001");
        int withReference = IntStream.range(0, grid.getItems().size()).filter(i -> grid.getItems().get(i).findings()
                .stream().anyMatch(f -> f.rule().equals("reference"))).findFirst().orElseThrow();
        robot.interact(() -> {
            grid.getSelectionModel().clearAndSelect(withReference);
            grid.scrollTo(withReference);
        });
        waitFor(() -> label(robot, "#row-findings").startsWith("Row " + grid.getItems().get(withReference).row()));
        assertThat(label(robot, "#row-findings")).as("the finding names its table")
                .contains("MIX_COMPONENT: Fly Ash (kg/m3) 'Fly ash' is neither in material");
        assertThat(label(robot, "#count-pending")).isEqualTo("Pending 40");
    }

    @Test
    void theRulesStepOpensOnATableOfTheSheetShownAndKeepsATableChosenInItsChooser(FxRobot robot) {
        openTheLabReview(robot);
        waitFor(() -> "Materials".equals(robot.lookup("#review-sheet").queryComboBox().getValue())
                && "Pending 7".equals(label(robot, "#count-pending")));
        ComboBox<String> sheets = robot.lookup("#review-sheet").queryComboBox();
        robot.interact(() -> sheets.setValue("Mixes"));
        waitFor(() -> label(robot, "#review-file").endsWith("sheet Mixes  ·  40 rows"));

        robot.interact(() -> shell.context().workbench().stepProperty().set(Step.RULES));
        ComboBox<String> tables = robot.lookup("#rules-table-chooser").queryComboBox();
        TableView<RuleInfo> rules = robot.lookup("#rules-table").queryTableView();
        waitFor(() -> tables.isVisible() && "concrete_mix".equals(tables.getValue())
                && rules.getItems().stream().anyMatch(r -> !r.editable()));
        assertThat(tables.getItems()).containsExactly("material", "supplier", "concrete_mix", "mix_component",
                "strength_test");

        robot.interact(() -> tables.getSelectionModel().select("mix_component"));
        waitFor(() -> rules.getItems().stream().anyMatch(r -> r.id().equals("check:CK_COMPONENT_DOSAGE")));
        robot.interact(() -> shell.context().workbench().stepProperty().set(Step.REVIEW));
        robot.interact(() -> shell.context().workbench().stepProperty().set(Step.RULES));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tables.getValue()).as("the steward's choice, the same sheet shown").isEqualTo("mix_component");

        robot.interact(() -> shell.context().workbench().stepProperty().set(Step.REVIEW));
        robot.interact(() -> sheets.setValue("Suppliers"));
        waitFor(() -> label(robot, "#review-file").endsWith("sheet Suppliers  ·  6 rows"));
        robot.interact(() -> shell.context().workbench().stepProperty().set(Step.RULES));
        waitFor(() -> "supplier".equals(tables.getValue())
                && rules.getItems().stream().noneMatch(r -> r.id().equals("check:CK_COMPONENT_DOSAGE")));
    }

    /** Stages the lab workbook into a new workbook review and shows it in the Review step. */
    private void openTheLabReview(FxRobot robot) {
        Path review = home.resolve("lab-" + System.nanoTime() + ".review");
        try (TargetDatabase db = target.choice().open()) {
            ValidateWorkbookReview.stage(LabWorkbook.FILE, SourceOptions.DEFAULTS, LabWorkbook.profile(),
                    LabWorkbook.PROFILE.toString(), review, db, null, Progress.NONE);
        }
        robot.interact(() -> {
            shell.context().workbench().openReview(review);
            shell.context().workbench().stepProperty().set(Step.REVIEW);
        });
    }

    /** The text a label draws: its text, or shortened with an ellipsis when it has not the room. */
    private static String drawnText(FxRobot robot, String id) {
        Label label = robot.lookup(id).queryAs(Label.class);
        Text text = (Text) label.lookup(".text");
        return text == null ? "" : text.getText();
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
