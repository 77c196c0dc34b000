package io.sluice.desktop.review;

import io.sluice.core.cleaning.Correction;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.review.ReviewQuery.GridRow;
import io.sluice.desktop.Samples;
import io.sluice.desktop.Screenshots;
import io.sluice.desktop.Step;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.app.DesktopShell;
import io.sluice.core.review.ColumnStats.ValueCount;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.ContextMenuEvent;
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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** The cleaning tools of the Review screen on the March deliveries sample, driven as a steward would. */
@ExtendWith(ApplicationExtension.class)
class ReviewCleaningViewTest {

    /** Supplier and Plant, the 14th and 16th source columns of ds4-deliveries-march.csv. */
    private static final String SUPPLIER = "col-13";
    private static final String PLANT = "col-15";
    /** Cement (kg/m3), the 2nd column: numbers, drawn as a histogram. */
    private static final String CEMENT = "col-1";

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
    void showsAColumnsStatisticsAcceptsASuggestionMergesAClusterAndUndoes(FxRobot robot) {
        validateTheSample(robot);
        TableView<GridRow> grid = robot.lookup("#review-grid").queryTableView();
        long findingsAtFirst = findings(robot);

        focus(robot, grid, SUPPLIER);
        robot.clickOn("#stats-tab");
        waitFor(() -> label(robot, "#stats-status").startsWith("'Supplier': 120 rows, 11 distinct values"));
        assertThat(robot.lookup("#stats-values").queryListView().getItems()).hasSize(11);
        assertThat(robot.lookup("#stats-chart").query().isVisible()).isTrue();
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "review-column-statistics")).exists();

        robot.clickOn("#suggestions-tab");
        ListView<Correction> suggestions = robot.lookup("#suggestion-list").queryListView();
        waitFor(() -> suggestions.getItems().stream().anyMatch(c -> c.value().equals("NRD")));
        robot.interact(() -> suggestions.getSelectionModel().select(suggestions.getItems().stream()
                .filter(c -> c.value().equals("NRD")).findFirst().orElseThrow()));
        robot.clickOn("#accept-suggestion");
        waitFor(() -> label(robot, "#last-action").equals("Replace 'NRD' by 'NORD' in 'Supplier': 15 cells changed."));
        long afterSuggestion = findings(robot);
        assertThat(afterSuggestion).isLessThan(findingsAtFirst);

        focus(robot, grid, PLANT);
        robot.clickOn("#fix-button").clickOn("Cluster values…");
        TableView<ClustersViewModel.Row> clusters = robot.lookup("#cluster-table").queryTableView();
        waitFor(() -> clusters.getItems().stream().anyMatch(r -> r.valuesText().contains("Hamburg Harburg")));
        robot.interact(() -> clusters.getItems().forEach(r -> r.chosenProperty().set(
                r.valuesText().contains("Hamburg Harburg"))));
        robot.clickOn("Merge chosen clusters");
        waitFor(() -> label(robot, "#last-action").contains("in 'Plant': "));
        assertThat(findings(robot)).as("Plant has no rule: its spellings raise no findings").isEqualTo(
                afterSuggestion);
        robot.clickOn("#stats-tab");
        waitFor(() -> label(robot, "#stats-status").startsWith("'Plant': 120 rows, 7 distinct values"));

        robot.clickOn("#undo-button");
        waitFor(() -> label(robot, "#last-action").startsWith("Undone: Replace ")
                && label(robot, "#stats-status").startsWith("'Plant': 120 rows, 10 distinct values"));
        robot.clickOn("#undo-button");
        waitFor(() -> label(robot, "#last-action").equals("Undone: Replace 'NRD' by 'NORD' in 'Supplier'."));
        waitFor(() -> findings(robot) == findingsAtFirst);
        robot.clickOn("#redo-button");
        waitFor(() -> label(robot, "#last-action").startsWith("Redone: "));
        waitFor(() -> findings(robot) == afterSuggestion);
        robot.clickOn("#redo-button");
        waitFor(() -> label(robot, "#stats-status").startsWith("'Plant': 120 rows, 7 distinct values"));
        assertThat(findings(robot)).isLessThan(findingsAtFirst);
    }

    @Test
    void aSourceColumnsHeaderOffersTheFixesOfThatColumnWhenAskedForItsMenu(FxRobot robot) {
        validateTheSample(robot);
        TableView<GridRow> grid = robot.lookup("#review-grid").queryTableView();
        TableColumn<GridRow, ?> cement = grid.getColumns().stream().filter(c -> CEMENT.equals(c.getId()))
                .findFirst().orElseThrow();
        assertThat(cement.getContextMenu()).as("made when first asked for").isNull();
        TableColumnHeader header = robot.lookup(n -> n instanceof TableColumnHeader h
                && h.getTableColumn() == cement).query();

        robot.interact(() -> {
            Bounds on = header.localToScreen(header.getBoundsInLocal());
            header.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5,
                    on.getMinX() + 5, on.getMinY() + 5, false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(cement.getContextMenu()).isNotNull();
        assertThat(cement.getContextMenu().isShowing()).isTrue();
        assertThat(cement.getContextMenu().getItems()).extracting(MenuItem::getText).contains("Cluster values…");
        robot.interact(() -> cement.getContextMenu().hide());
        TableColumn<GridRow, ?> status = grid.getColumns().stream().filter(c -> "col-status".equals(c.getId()))
                .findFirst().orElseThrow();
        assertThat(status.getContextMenu()).as("the status column has no fixes").isNull();
    }

    @Test
    void aRightClickOnAHeaderOpensItsMenuWithoutSortingWhileALeftClickSorts(FxRobot robot) {
        validateTheSample(robot);
        TableView<GridRow> grid = robot.lookup("#review-grid").queryTableView();
        TableColumn<GridRow, ?> cement = grid.getColumns().stream().filter(c -> CEMENT.equals(c.getId()))
                .findFirst().orElseThrow();
        TableColumnHeader header = robot.lookup(n -> n instanceof TableColumnHeader h
                && h.getTableColumn() == cement).query();

        rightClick(robot, header);
        assertThat(cement.getContextMenu().isShowing()).isTrue();
        assertThat(grid.getSortOrder()).as("a right-click only opens the menu").isEmpty();
        robot.interact(() -> cement.getContextMenu().hide());
        rightClick(robot, header);
        assertThat(grid.getSortOrder()).as("nor does a second one").isEmpty();
        robot.interact(() -> cement.getContextMenu().hide());
        robot.clickOn(header, MouseButton.MIDDLE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(grid.getSortOrder()).as("nor a middle click").isEmpty();

        robot.clickOn(header);
        waitFor(() -> grid.getSortOrder().equals(List.of(cement)));
    }

    /** A right-click as the platform gives it: the secondary button pressed and released, and a menu request. */
    private static void rightClick(FxRobot robot, TableColumnHeader header) {
        robot.clickOn(header, MouseButton.SECONDARY);
        robot.interact(() -> {
            Bounds on = header.localToScreen(header.getBoundsInLocal());
            header.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5,
                    on.getMinX() + 5, on.getMinY() + 5, false, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingAValueOrABarOfTheStatisticsFiltersTheGridUntilCleared(FxRobot robot) {
        validateTheSample(robot);
        TableView<GridRow> grid = robot.lookup("#review-grid").queryTableView();

        focus(robot, grid, SUPPLIER);
        robot.clickOn("#stats-tab");
        waitFor(() -> label(robot, "#stats-status").startsWith("'Supplier': 120 rows"));
        ListView<ValueCount> values = robot.lookup("#stats-values").queryListView();
        waitFor(() -> cellOf(robot, "NRD") != null);
        ListCell<?> wrong = cellOf(robot, "NRD");
        reveal(robot, wrong);
        robot.clickOn(wrong);

        waitFor(() -> label(robot, "#count-shown").equals("Showing 15 of 120 rows"));
        waitFor(() -> grid.getItems().size() == 15 && grid.getItems().stream()
                .allMatch(r -> r != null && r.cells().get(13).equals("NRD")));
        assertThat(label(robot, "#value-filter")).isEqualTo("Rows where Supplier is 'NRD'");
        assertThat(robot.lookup("#value-filter-box").query().isVisible()).isTrue();
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "review-value-filter")).exists();

        robot.clickOn("#clear-value-filter");
        waitFor(() -> label(robot, "#count-shown").equals("Showing 120 of 120 rows"));
        assertThat(robot.lookup("#value-filter-box").query().isVisible()).isFalse();

        // the keyboard: Enter on the focused value of the list
        robot.interact(() -> {
            values.requestFocus();
            values.getSelectionModel().select(values.getItems().stream().filter(v -> v.value().equals(" EVIA "))
                    .findFirst().orElseThrow());
        });
        robot.type(KeyCode.ENTER);
        waitFor(() -> label(robot, "#count-shown").equals("Showing 1 of 120 rows"));
        robot.clickOn("#clear-value-filter");

        focus(robot, grid, CEMENT);
        waitFor(() -> label(robot, "#stats-status").startsWith("'Cement (kg/m3)': 120 rows"));
        waitFor(() -> robot.lookup("#stats-bar-0").tryQuery().isPresent());
        Label sd = robot.lookup("#stats-figure-sd").queryAs(Label.class);
        assertThat(sd.getText()).isEqualTo("sd");
        assertThat(sd.getTooltip().getText()).isEqualTo("sample standard deviation");
        long barCount = Arrays.stream(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}).mapToObj(i -> "#stats-bar-" + i)
                .filter(id -> robot.lookup(id).tryQuery().isPresent()).count();
        assertThat(barCount).isPositive();
        Node bar = robot.lookup("#stats-bar-0").query();
        long counted = countOfBar(robot, 0);
        reveal(robot, bar);
        robot.clickOn(bar);
        waitFor(() -> label(robot, "#count-shown").equals(String.format("Showing %,d of 120 rows", counted)));
        assertThat(label(robot, "#value-filter")).startsWith("Rows where Cement (kg/m3) is a number from ");
        robot.clickOn("#clear-value-filter");
        waitFor(() -> label(robot, "#count-shown").equals("Showing 120 of 120 rows"));
    }

    /** The cell of the statistics' values list that shows {@code value}, or null while there is none. */
    private static ListCell<?> cellOf(FxRobot robot, String value) {
        return robot.lookup("#stats-values .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() instanceof ValueCount v && v.value().equals(value)).findFirst()
                .orElse(null);
    }

    /** The rows the bar at {@code index} of the statistics chart counts, as the chart draws it. */
    @SuppressWarnings("unchecked")
    private static long countOfBar(FxRobot robot, int index) {
        BarChart<Number, String> chart = robot.lookup("#stats-chart").queryAs(BarChart.class);
        List<XYChart.Data<Number, String>> data = chart.getData().get(0).getData();
        return data.get(data.size() - 1 - index).getXValue().longValue();
    }

    /** Scrolls the side panel so that {@code node} is on screen, for the robot to click it. */
    private static void reveal(FxRobot robot, Node node) {
        robot.interact(() -> {
            ScrollPane scroll = robot.lookup("#stats-scroll").queryAs(ScrollPane.class);
            double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
            if (contentHeight > viewport) {
                scroll.setVvalue(Math.max(0, Math.min(1, (y - viewport / 3) / (contentHeight - viewport))));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Findings of the review, as the findings panel lists them per rule. */
    private static long findings(FxRobot robot) {
        ListView<FindingFilter> rules = robot.lookup("#rule-list").queryListView();
        return rules.getItems().stream().mapToLong(FindingFilter::count).sum();
    }

    private void validateTheSample(FxRobot robot) {
        Samples.Sample ds4 = Samples.all().stream().filter(s -> s.fileName().equals("ds4-deliveries-march.csv"))
                .findFirst().orElseThrow();
        Path source = Samples.extract(ds4, home);
        robot.interact(() -> {
            workbench().sourceFileProperty().set(source);
            workbench().profileProperty().set(ProfileIO.read(Samples.profileOf(ds4, home)));
            shell.context().validation().start();
            workbench().stepProperty().set(Step.REVIEW);
        });
        waitFor(() -> label(robot, "#count-pending").equals("Pending 120"));
        waitFor(() -> robot.lookup("#review-content").query().isVisible());
        // the findings per rule are counted after the first screen: the test compares against them
        waitFor(() -> findings(robot) > 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void focus(FxRobot robot, TableView<GridRow> grid, String columnId) {
        robot.interact(() -> {
            TableColumn<GridRow, ?> column = grid.getColumns().stream()
                    .filter(c -> columnId.equals(c.getId())).findFirst().orElseThrow();
            grid.getSelectionModel().clearAndSelect(0, column);
            grid.getFocusModel().focus(0, column);
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
