package io.sluice.desktop.history;

import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.desktop.Questions;
import io.sluice.desktop.Screenshots;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Views;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.app.DesktopShell;
import io.sluice.desktop.commit.CommitState;
import io.sluice.desktop.commit.CommitViewModel;
import io.sluice.desktop.commit.SampleTarget;
import io.sluice.desktop.task.SyncTasks;
import io.sluice.testing.TestDatabases;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class HistoryViewTest {

    @TempDir
    static Path home;

    private static SampleTarget target;
    private static List<String> before;
    private static long batch;
    private static long approved;
    private DesktopShell shell;

    @BeforeAll
    static void oneCommittedBatch() throws Exception {
        target = SampleTarget.of(TestDatabases.Engine.H2, home);
        before = target.mixes();
        Workbench workbench = new Workbench();
        Path review = target.review("mixes");
        approved = SampleTarget.approved(review);
        workbench.reviewProperty().set(review);
        CommitViewModel commit = new CommitViewModel(workbench, SyncTasks.runner(), new ScriptedDialogs(), "tester");
        commit.refresh();
        commit.commit();
        assertThat(commit.stateProperty().get()).isEqualTo(CommitState.COMMITTED);
        batch = commit.resultProperty().get().batchId();
    }

    @AfterAll
    static void restoreHome() {
        target.close();
    }

    @Start
    void start(Stage stage) {
        shell = DesktopShell.open(stage, home);
        // the stage is shared by the tests, and one of them makes it small
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @Test
    void inASmallWindowTheWholeSummaryTheRollbackButtonAndTheProvenanceCanBeScrolledTo(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            shell.stage().setWidth(640);
            shell.stage().setHeight(480);
        });
        robot.clickOn("#step-history");
        TableView<?> batches = robot.lookup("#batches-table").queryAs(TableView.class);
        TableView<?> provenance = robot.lookup("#provenance-table").queryAs(TableView.class);
        waitFor(() -> batches.getItems().size() == 1 && !provenance.getItems().isEmpty());

        ScrollPane details = robot.lookup("#batch-details-scroll")
                .queryAs(ScrollPane.class);
        Label summary = robot.lookup("#batch-summary").queryAs(Label.class);
        assertThat(summary.getHeight()).as("the summary is not cut short")
                .isGreaterThanOrEqualTo(summary.prefHeight(summary.getWidth()) - 1);
        for (String id : List.of("#rollback-button", "#provenance-next", "#provenance-table")) {
            Node control = robot.lookup(id).query();
            robot.interact(() -> Views.ensureVisible(details, control));
            WaitForAsyncUtils.waitForFxEvents();
            Bounds onScreen = control.localToScene(control.getBoundsInLocal());
            Bounds viewport = details.localToScene(details.getLayoutBounds());
            assertThat(onScreen.getMinY()).as(id + " top in view").isGreaterThanOrEqualTo(viewport.getMinY() - 1);
            assertThat(onScreen.getMinY() + Math.min(onScreen.getHeight(), 24)).as(id + " visible")
                    .isLessThanOrEqualTo(viewport.getMaxY() + 1);
        }
        assertThat(provenance.getHeight()).as("the provenance keeps rows to read").isGreaterThan(100);
    }

    @Test
    void showsTheBatchWithItsProvenanceAndRollsItBackAfterConfirmation(FxRobot robot) throws Exception {
        robot.clickOn("#step-history");
        TableView<?> batches = robot.lookup("#batches-table").queryAs(TableView.class);
        TableView<?> provenance = robot.lookup("#provenance-table").queryAs(TableView.class);
        waitFor(() -> batches.getItems().size() == 1 && !provenance.getItems().isEmpty());
        assertThat(((ImportBatch) batches.getItems().get(0)).id()).isEqualTo(batch);
        assertThat(text(robot, "#batch-title")).isEqualTo("Batch " + batch + " — committed");
        assertThat(text(robot, "#provenance-page")).isEqualTo(String.format("Rows 1–100 of %,d", approved));
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "history")).exists();

        robot.clickOn("#provenance-next");
        waitFor(() -> text(robot, "#provenance-page").startsWith("Rows 101–"));
        robot.clickOn("#decisions-tab .tab-label");
        TableView<?> decisions = robot.lookup("#decisions-table").queryAs(TableView.class);
        waitFor(() -> !decisions.getItems().isEmpty());

        robot.clickOn("#rollback-button");
        waitFor(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .content").queryAs(Label.class).getText())
                .contains(String.format("%,d rows that batch %d inserted will be deleted", approved, batch));
        Questions.confirm(robot);
        waitFor(() -> robot.lookup("#history-message").query().isVisible());
        assertThat(text(robot, "#history-message")).startsWith("Rolled back batch " + batch + ":");
        waitFor(() -> ((ImportBatch) batches.getItems().get(0)).status() == BatchStatus.ROLLED_BACK);
        assertThat(target.mixes()).isEqualTo(before);
        assertThat(robot.lookup("#rollback-button").query().isDisabled()).isTrue();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
