package io.sluice.desktop.review;

import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.ReviewQuery.GridRow;
import io.sluice.desktop.Samples;
import io.sluice.desktop.Screenshots;
import io.sluice.desktop.Step;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.app.DesktopShell;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ReviewViewTest {

    @TempDir
    Path home;

    private DesktopShell shell;

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
    void explainsTheNextStepWhenNothingIsMapped(FxRobot robot) {
        robot.interact(() -> workbench().stepProperty().set(Step.REVIEW));
        assertThat(robot.lookup("#review-empty").query().isVisible()).isTrue();
        assertThat(label(robot, "#review-empty-title")).isEqualTo("Map a source first");
        robot.clickOn("#go-mapping");
        assertThat(workbench().stepProperty().get()).isEqualTo(Step.MAPPING);
    }

    @Test
    void aLaptopWindowShowsAsManyColumnsAsTheirHeadersAndFirstValuesNeed(FxRobot robot) {
        robot.interact(() -> {
            shell.stage().setWidth(1024);
            shell.stage().setHeight(700);
        });
        validateTheSample(robot);
        TableView<GridRow> grid = robot.lookup("#review-grid").queryTableView();
        double right = 0;
        int whole = 0;
        for (TableColumn<GridRow, ?> column : grid.getColumns()) {
            right += column.getWidth();
            whole += right <= grid.getWidth() ? 1 : 0;
        }
        TableColumn<GridRow, ?> code = grid.getColumns().get(2);
        TableColumn<GridRow, ?> superplasticizer = grid.getColumns().get(9);

        assertThat(grid.getWidth()).as("the side panel at its narrowest").isGreaterThan(500);
        assertThat(whole - 2).as("source columns wholly on screen").isGreaterThanOrEqualTo(4);
        // "DS1-000001" fits, and a long header is capped rather than widening its column of short values
        assertThat(code.getWidth()).isBetween(70.0, 110.0);
        assertThat(superplasticizer.getText()).isEqualTo("Superplasticizer (kg/m3)");
        assertThat(superplasticizer.getWidth()).isLessThanOrEqualTo(170.0);
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "review-1024")).exists();
    }

    @Test
    void anEightHundredPixelWindowStillShowsTheDecisionCountsWhole(FxRobot robot) {
        robot.interact(() -> {
            shell.stage().setWidth(800);
            shell.stage().setHeight(600);
        });
        validateTheSample(robot);

        for (String id : List.of("#count-pending", "#count-approved", "#count-rejected")) {
            Label badge = robot.lookup(id).queryAs(Label.class);
            assertThat(((Text) badge.lookup(".text")).getText()).as(id).isEqualTo(badge.getText());
        }
    }

    @Test
    void reviewsTheSampleWithTheKeyboardAndUndoesAnEdit(FxRobot robot) {
        validateTheSample(robot);

        robot.clickOn("#finding-filter").clickOn("Rows with errors");
        waitFor(() -> !label(robot, "#count-shown").startsWith("Showing 200 "));
        long shown = Long.parseLong(label(robot, "#count-shown").split(" ")[1]);
        assertThat(shown).isBetween(1L, 199L);

        TableView<GridRow> grid = robot.lookup("#review-grid").queryTableView();
        selectCell(robot, grid, 0, "col-1");
        robot.type(KeyCode.R);
        robot.clickOn("#text-dialog-field").write("Wrong supplier").type(KeyCode.ENTER);
        waitFor(() -> label(robot, "#count-rejected").equals("Rejected 1"));

        selectCell(robot, grid, 1, "col-1");
        robot.type(KeyCode.A);
        robot.clickOn("Approve anyway");
        waitFor(() -> label(robot, "#count-approved").equals("Approved 1"));
        // the grid reads its rows again after the decision: an edit begun before they arrive may lose its cell
        waitFor(() -> WaitForAsyncUtils.asyncFx(() -> grid.getItems().get(1).decision() != null).get());

        selectCell(robot, grid, 2, "col-1");
        robot.type(KeyCode.F2);
        robot.clickOn("#cell-editor").type(KeyCode.END).eraseText(12).write("350").type(KeyCode.ENTER);
        waitFor(() -> label(robot, "#last-action").startsWith("Row "));
        waitFor(() -> grid.getItems().get(2).cells().get(1).equals("350"));
        assertThat(robot.lookup("#undo-button").queryButton().getText()).startsWith("Undo: Edit B");
        MenuBar menus = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertThat(menus.getMenus().get(1).getItems().get(0).getText()).startsWith("_Undo: Edit B");

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitFor(() -> label(robot, "#last-action").startsWith("Undone: Edit B"));
        waitFor(() -> !grid.getItems().get(2).cells().get(1).equals("350"));

        assertThat(label(robot, "#count-pending")).isEqualTo("Pending 198");
        assertThat(label(robot, "#count-approved")).isEqualTo("Approved 1");
        assertThat(label(robot, "#count-rejected")).isEqualTo("Rejected 1");
        assertThat(robot.lookup("#undo-button").queryButton().getText()).isEqualTo("Undo: Approve row "
                + grid.getItems().get(1).row());
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "review")).exists();
    }

    @Test
    void marksARowWhoseOnlyErrorIsOnTheWholeRowAndAsksBeforeApprovingIt(FxRobot robot) {
        validateTheSample(robot);
        robot.clickOn("#finding-filter").clickOn(node -> node instanceof ListCell<?> cell
                && cell.getText() != null && cell.getText().startsWith("Rule: wc-ratio-plausible"));
        waitFor(() -> !label(robot, "#count-shown").startsWith("Showing 200 "));
        TableView<GridRow> grid = robot.lookup("#review-grid").queryTableView();
        waitFor(() -> grid.getItems().size() > 0 && grid.getItems().get(0).row() > 0);
        int position = IntStream.range(0, Math.min(20, grid.getItems().size()))
                .filter(i -> grid.getItems().get(i).findings().stream().allMatch(f -> f.cell() == null))
                .findFirst().orElseThrow(() -> new AssertionError("the sample has a row with only a row finding"));
        GridRow row = grid.getItems().get(position);
        robot.interact(() -> grid.scrollTo(position));
        WaitForAsyncUtils.waitForFxEvents();

        TableCell<?, ?> number = robot.lookup(".row-number").match(node ->
                node instanceof TableCell<?, ?> c && c.getItem() == row).query();
        assertThat(number.getPseudoClassStates()).extracting(Object::toString).contains("error");
        assertThat(number.getText()).isEqualTo("! " + row.row());
        robot.moveTo(number);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(number.getTooltip().getText()).contains("whole row: Water/cement ratio");
        assertThat(number.getParent().getPseudoClassStates()).extracting(Object::toString).contains("errors");

        selectCell(robot, grid, position, "col-1");
        robot.type(KeyCode.A);
        Node question = robot.lookup("#confirm-dialog").query();
        assertThat(((DialogPane) question).getHeaderText())
                .isEqualTo("Approve row " + row.row() + "? It has errors.");
        robot.clickOn(((DialogPane) question).lookupButton(
                ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(label(robot, "#count-approved")).isEqualTo("Approved 0");
        assertThat(label(robot, "#last-action")).isEqualTo("Nothing approved.");

        selectCell(robot, grid, position, "col-1");
        robot.type(KeyCode.A);
        robot.clickOn("Approve anyway");
        waitFor(() -> label(robot, "#count-approved").equals("Approved 1"));
    }

    @Test
    void sortsNumericallyWhenAColumnHeaderIsClicked(FxRobot robot) {
        validateTheSample(robot);
        TableView<GridRow> grid = robot.lookup("#review-grid").queryTableView();
        // the grid's header is laid out in a later pulse than its rows: wait for it rather than look it up once
        Predicate<Node> cementHeader = node -> node instanceof TableColumnHeader h && h.getTableColumn() != null
                && "col-1".equals(h.getTableColumn().getId());
        waitFor(() -> robot.lookup(".column-header").match(cementHeader).tryQuery().isPresent());
        Node header = robot.lookup(".column-header").match(cementHeader).query();
        robot.clickOn(header);
        waitFor(() -> firstRowsLoaded(grid) && !grid.getItems().get(0).cells().get(0).equals("DS1-000001"));
        assertThat(cementOnScreen(grid)).hasSizeGreaterThan(10).isSorted();
        double smallest = cementOnScreen(grid).get(0);
        robot.clickOn(header);
        waitFor(() -> grid.getSortOrder().get(0).getSortType() == TableColumn.SortType.DESCENDING);
        waitFor(() -> firstRowsLoaded(grid) && cementOnScreen(grid).get(0) > smallest);
        assertThat(cementOnScreen(grid)).hasSizeGreaterThan(10)
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void jumpsDeepIntoTheRowsAndGoesOnFromThereWithTheKeyboard(FxRobot robot) {
        validateTheSample(robot);
        TableView<GridRow> grid = robot.lookup("#review-grid").queryTableView();
        robot.interact(() -> grid.scrollTo(150));
        waitFor(() -> rowsShown(robot).contains(150));
        assertThat(rowsShown(robot)).as("the row jumped to is at the top").first().isIn(149, 150);
        assertThat(rowsShown(robot)).contains(150, 160);

        selectCell(robot, grid, 160, "col-1");
        robot.type(KeyCode.DOWN);
        assertThat(grid.getFocusModel().getFocusedIndex()).isEqualTo(161);
        robot.press(KeyCode.CONTROL, KeyCode.END).release(KeyCode.END, KeyCode.CONTROL);
        waitFor(() -> rowsShown(robot).contains(199));
        assertThat(grid.getFocusModel().getFocusedIndex()).isEqualTo(199);

        robot.interact(() -> grid.scrollTo(0));
        waitFor(() -> rowsShown(robot).get(0) == 0);
    }

    @Test
    void showsTheColumnsRightOfTheWindowWhenScrolledTo(FxRobot robot) {
        validateTheSample(robot);
        TableView<GridRow> grid = robot.lookup("#review-grid").queryTableView();
        waitFor(() -> grid.getColumns().size() == 2 + grid.getItems().get(0).cells().size());
        TableColumn<GridRow, ?> last = grid.getColumns().get(grid.getColumns().size() - 1);
        robot.interact(() -> grid.scrollToColumn(last));

        // the grid scrolls, and then lays its rows out again, in the pulses after the request
        GridRow top = grid.getItems().get(rowsShown(robot).get(0));
        Predicate<Node> lastCellOfTop = node -> node instanceof TableCell<?, ?> c && c.getTableColumn() == last
                && c.getItem() == top && c.isVisible();
        waitFor(() -> robot.lookup("#review-grid .table-cell").match(lastCellOfTop).tryQuery().isPresent());
        TableCell<?, ?> cell = robot.lookup("#review-grid .table-cell").match(lastCellOfTop).query();
        assertThat(cell.getText()).isEqualTo(top.cells().get(top.cells().size() - 1));
        assertThat(cell.localToScene(cell.getBoundsInLocal()).getMaxX())
                .as("on screen").isLessThanOrEqualTo(grid.getScene().getWidth());
    }

    /** The positions of the grid rows on screen, top to bottom. */
    private static List<Integer> rowsShown(FxRobot robot) {
        return robot.lookup("#review-grid .table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TableRow<?> r && r.isVisible() && r.getIndex() >= 0 && r.getItem() != null)
                .map(n -> ((TableRow<?>) n).getIndex()).sorted().toList();
    }

    private static boolean firstRowsLoaded(TableView<GridRow> grid) {
        return grid.getItems().size() > 20
                && IntStream.range(0, 20).allMatch(i -> grid.getItems().get(i).row() > 0);
    }

    /** The numeric Cement values of the first 20 rows, in grid order. */
    private static List<Double> cementOnScreen(TableView<GridRow> grid) {
        return IntStream.range(0, 20).mapToObj(i -> grid.getItems().get(i).cells().get(1))
                .filter(t -> t.matches("[0-9]+(\\.[0-9]+)?")).map(Double::valueOf).toList();
    }

    @Test
    void showsTheQualityDashboard(FxRobot robot) {
        validateTheSample(robot);
        robot.interact(() -> robot.lookup("#review-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        waitFor(() -> !robot.lookup("#score-overall").queryAll().isEmpty());
        assertThat(robot.lookup("#rule-chart").query().isVisible()).isTrue();
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "dashboard")).exists();
    }

    private void validateTheSample(FxRobot robot) {
        Samples.Sample ds1 = Samples.all().get(0);
        Path source = Samples.extract(ds1, home);
        robot.interact(() -> {
            workbench().sourceFileProperty().set(source);
            workbench().profileProperty().set(ProfileIO.read(Samples.profileOf(ds1, home)));
            shell.context().validation().start();
            workbench().stepProperty().set(Step.REVIEW);
        });
        waitFor(() -> label(robot, "#count-pending").equals("Pending 200"));
        waitFor(() -> robot.lookup("#review-content").query().isVisible());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void selectCell(FxRobot robot, TableView<GridRow> grid, int row, String columnId) {
        robot.interact(() -> {
            TableColumn<GridRow, ?> column = grid.getColumns().stream()
                    .filter(c -> columnId.equals(c.getId())).findFirst().orElseThrow();
            grid.getSelectionModel().clearAndSelect(row, column);
            grid.getFocusModel().focus(row, column);
            grid.requestFocus();
        });
    }

    private Workbench workbench() {
        return shell.context().workbench();
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitFor(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for the screen", e);
        }
    }
}
