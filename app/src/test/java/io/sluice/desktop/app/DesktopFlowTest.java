package io.sluice.desktop.app;

import io.sluice.desktop.Questions;
import io.sluice.testing.TemporaryProperty;
import io.sluice.desktop.Screenshots;
import io.sluice.core.database.SluiceHome;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.review.ReviewQuery.GridRow;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steward's whole day in one test, through the screens only: a sample file is loaded, mapped with its profile,
 * reviewed (reject with a reason, approve, edit, undo, bulk approve), committed into the embedded database, found in
 * the history and rolled back — and the table is as it was. It writes the README's screenshots on the way.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopFlowTest {

    @TempDir
    static Path home;

    private static TemporaryProperty ownHome;
    private DesktopShell shell;

    @BeforeAll
    static void ownDataDirectory() {
        // the embedded target lives in the data directory: this flow gets an empty one of its own
        ownHome = TemporaryProperty.set(SluiceHome.PROPERTY, home.toString());
    }

    @AfterAll
    static void restoreDataDirectory() {
        ownHome.close();
    }

    @Start
    void start(Stage stage) {
        shell = DesktopShell.open(stage, home);
    }

    @Test
    void loadsMapsReviewsCommitsAndRollsBackASampleWithoutATerminal(FxRobot robot) throws Exception {
        screenshot(robot, "0-start");
        robot.clickOn("#sample-0");
        waitFor(() -> !robot.lookup("#next-mapping").queryButton().isDisabled());
        screenshot(robot, "1-source");
        robot.clickOn("#next-mapping");

        waitFor(() -> robot.lookup("#load-suggested-profile").tryQuery()
                .map(n -> n.isVisible() && !n.isDisabled()).orElse(false));
        robot.clickOn("#load-suggested-profile");
        waitFor(() -> !robot.lookup("#validate-review").queryButton().isDisabled());
        screenshot(robot, "2-mapping");
        robot.clickOn("#validate-review");

        waitFor(() -> "Pending 200".equals(label(robot, "#count-pending")));
        TableView<GridRow> grid = robot.lookup("#review-grid").queryTableView();
        waitFor(() -> grid.getItems().size() == 200 && grid.getItems().get(2).row() > 0);
        select(robot, grid, 0);
        robot.type(KeyCode.R);
        robot.clickOn("#text-dialog-field").write("Supplier unknown").type(KeyCode.ENTER);
        waitFor(() -> "Rejected 1".equals(label(robot, "#count-rejected")));
        select(robot, grid, 1);
        robot.type(KeyCode.A);
        waitFor(() -> "Approved 1".equals(label(robot, "#count-approved")));
        select(robot, grid, 2);
        robot.type(KeyCode.F2);
        robot.clickOn("#cell-editor").type(KeyCode.END).eraseText(12).write("350").type(KeyCode.ENTER);
        waitFor(() -> "350".equals(grid.getItems().get(2).cells().get(1)));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitFor(() -> !"350".equals(grid.getItems().get(2).cells().get(1)));
        screenshot(robot, "3-review");

        robot.clickOn("#bulk-button").clickOn("Approve all valid pending rows");
        WaitForAsyncUtils.waitForFxEvents();
        Questions.confirm(robot);
        waitFor(() -> Long.parseLong(label(robot, "#count-approved").replaceAll("\\D", "")) > 100);
        long approved = Long.parseLong(label(robot, "#count-approved").replaceAll("\\D", ""));
        robot.interact(() -> robot.lookup("#review-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        waitFor(() -> !robot.lookup("#score-overall").queryAll().isEmpty());
        screenshot(robot, "4-dashboard");

        robot.clickOn("#step-commit");
        waitFor(() -> !"–".equals(label(robot, "#plan-insert")));
        assertThat(label(robot, "#plan-insert")).isEqualTo(String.format("%,d", approved));
        screenshot(robot, "5-commit");
        robot.clickOn("#commit-button");
        WaitForAsyncUtils.waitForFxEvents();
        Questions.confirm(robot);
        waitFor(() -> robot.lookup("#commit-result").query().isVisible());
        assertThat(label(robot, "#commit-result-text")).startsWith("Batch ")
                .contains(String.format("%,d inserted", approved));
        assertThat(mixesInTarget()).isEqualTo(approved);

        robot.clickOn("#show-in-history");
        TableView<?> batches = robot.lookup("#batches-table").queryAs(TableView.class);
        TableView<?> provenance = robot.lookup("#provenance-table").queryAs(TableView.class);
        waitFor(() -> batches.getItems().size() == 1 && !provenance.getItems().isEmpty());
        screenshot(robot, "6-history");
        robot.clickOn("#rollback-button");
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        Questions.confirm(robot);
        waitFor(() -> robot.lookup("#history-message").query().isVisible()
                && label(robot, "#history-message").startsWith("Rolled back batch"));
        assertThat(mixesInTarget()).isZero();
    }

    private static long mixesInTarget() throws SQLException {
        try (TargetDatabase db = TargetDatabase.openDefault();
             Statement s = db.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM concrete_mix")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void screenshot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Screenshots.take(robot, shell.stage().getScene(), name)).exists();
    }

    private static void select(FxRobot robot, TableView<GridRow> grid, int row) {
        robot.interact(() -> {
            TableColumn<GridRow, ?> column = grid.getColumns().stream()
                    .filter(c -> "col-1".equals(c.getId())).findFirst().orElseThrow();
            grid.getSelectionModel().clearAndSelect(row, column);
            grid.getFocusModel().focus(row, column);
            grid.requestFocus();
        });
    }

    private static String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitFor(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
