package io.sluice.desktop.commit;

import io.sluice.desktop.Questions;
import io.sluice.desktop.app.DesktopShell;
import io.sluice.desktop.Screenshots;
import io.sluice.desktop.Step;
import io.sluice.desktop.Workbench;
import io.sluice.testing.TestDatabases;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableView;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommitViewTest {

    @TempDir
    static Path home;

    private static SampleTarget target;
    private DesktopShell shell;

    @BeforeAll
    static void embeddedTarget() {
        target = SampleTarget.of(TestDatabases.Engine.H2, home);
    }

    @AfterAll
    static void restoreHome() {
        target.close();
    }

    @Start
    void start(Stage stage) {
        shell = DesktopShell.open(stage, home);
    }

    @Test
    void explainsTheNextStepWhenNoReviewIsOpen(FxRobot robot) {
        robot.clickOn("#step-commit");
        assertThat(robot.lookup("#commit-empty").query().isVisible()).isTrue();
        robot.clickOn("#commit-go-review");
        assertThat(shell.context().workbench().stepProperty().get()).isEqualTo(Step.REVIEW);
    }

    @Test
    void commitsTheApprovedRowsAfterADryRunAndShowsTheBatch(FxRobot robot) throws Exception {
        Path review = target.review("mixes");
        long approved = SampleTarget.approved(review);
        Workbench workbench = shell.context().workbench();
        robot.interact(() -> {
            workbench.reviewProperty().set(review);
            workbench.stepProperty().set(Step.COMMIT);
        });
        waitFor(() -> !"–".equals(text(robot, "#plan-insert")));
        assertThat(text(robot, "#plan-insert")).isEqualTo(String.format("%,d", approved));
        assertThat(robot.lookup("#mode-insert").queryAs(RadioButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#commit-button").queryAs(Button.class).getText())
                .isEqualTo(String.format("Commit %,d approved rows", approved));

        robot.clickOn("#mode-skip");
        waitFor(() -> !"–".equals(text(robot, "#plan-insert")));
        assertThat(text(robot, "#plan-skip")).isEqualTo("0");
        robot.clickOn("#mode-insert");
        waitFor(() -> !"–".equals(text(robot, "#plan-insert")));
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "commit")).exists();

        robot.clickOn("#commit-button");
        WaitForAsyncUtils.waitForFxEvents();
        Questions.confirm(robot);
        waitFor(() -> robot.lookup("#commit-result").query().isVisible());
        assertThat(text(robot, "#commit-result-text")).startsWith("Batch ")
                .contains(String.format("%,d inserted", approved));
        assertThat(target.mixes()).hasSize((int) approved);
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "commit-result")).exists();

        robot.clickOn("#show-in-history");
        assertThat(workbench.stepProperty().get()).isEqualTo(Step.HISTORY);
        waitFor(() -> !robot.lookup("#batches-table").queryAs(TableView.class).getItems().isEmpty());
        assertThat(robot.lookup("#batches-table").queryAs(TableView.class).getSelectionModel().getSelectedIndex())
                .isZero();
    }

    @Test
    @Order(1) // before the commit test, which takes the sample's keys
    void theStepFitsAnEightHundredPixelWindowsWidth(FxRobot robot) throws Exception {
        Workbench workbench = shell.context().workbench();
        Path review = target.review("mixes-800");
        double width = shell.stage().getWidth();
        double height = shell.stage().getHeight();
        try {
            robot.interact(() -> {
                shell.stage().setWidth(800);
                shell.stage().setHeight(600);
                workbench.reviewProperty().set(review);
                workbench.stepProperty().set(Step.COMMIT);
            });
            waitFor(() -> !"–".equals(text(robot, "#plan-insert")));
            assertThat(Screenshots.take(robot, shell.stage().getScene(), "commit-800")).exists();
            ScrollPane main = robot.lookup("#commit-main").queryAs(ScrollPane.class);
            assertThat(main.lookupAll(".scroll-bar").stream().filter(n -> n.getParent() == main
                    && n instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL)
                    .anyMatch(Node::isVisible)).as("no sideways scrolling").isFalse();
            assertThat(main.getContent().getBoundsInParent().getWidth())
                    .isLessThanOrEqualTo(main.getViewportBounds().getWidth() + 0.5);
        } finally {
            // the window is the same for every test of the class
            robot.interact(() -> {
                shell.stage().setWidth(width);
                shell.stage().setHeight(height);
            });
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    static void waitFor(BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
