package io.sluice.desktop.commit;

import io.sluice.core.profile.GateSpec;
import io.sluice.core.validate.GateResult;
import io.sluice.desktop.Questions;
import io.sluice.desktop.Step;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.app.DesktopShell;
import io.sluice.testing.TestDatabases;
import io.sluice.desktop.Screenshots;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import static io.sluice.desktop.commit.CommitViewTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class CommitGatesViewTest {

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
    void aBlockingGateRefusesTheCommitAndALowerGateLetsItGo(FxRobot robot) throws Exception {
        Workbench workbench = shell.context().workbench();
        Path strict = target.reviewWithGates("strict", List.of(completeness(98)));
        robot.interact(() -> {
            workbench.reviewProperty().set(strict);
            workbench.stepProperty().set(Step.COMMIT);
        });
        // the gates table is hidden, and so not found, until the gates are measured: a busy machine is slower
        waitFor(() -> robot.lookup("#gates-table").tryQuery().isPresent() && gates(robot).getItems().size() == 1
                && robot.lookup("#commit-problem").tryQuery().isPresent() && !text(robot, "#commit-problem").isEmpty());
        assertThat(text(robot, "#gates-verdict")).startsWith("The commit is blocked: completeness is 93.6%"
                + " (needs at least 98%)");
        assertThat(gates(robot).getItems().get(0).status().code()).isEqualTo("blocked");
        assertThat(robot.lookup("#commit-button").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(text(robot, "#commit-problem")).startsWith("The import is refused by a blocking quality gate");
        assertThat(target.mixes()).isEmpty();

        Path lowered = target.reviewWithGates("lowered", List.of(completeness(90)));
        robot.interact(() -> {
            workbench.stepProperty().set(Step.REVIEW);
            workbench.reviewProperty().set(lowered);
            workbench.stepProperty().set(Step.COMMIT);
        });
        waitFor(() -> !gates(robot).getItems().isEmpty() && !robot.lookup("#commit-button")
                .queryAs(Button.class).isDisabled());
        assertThat(text(robot, "#gates-verdict")).isEqualTo("The quality gate passes.");
        robot.clickOn("#commit-button");
        WaitForAsyncUtils.waitForFxEvents();
        Questions.confirm(robot);
        waitFor(() -> robot.lookup("#commit-result").query().isVisible());
        assertThat(target.mixes()).hasSize((int) SampleTarget.approved(lowered));
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "commit-gates")).exists();

        robot.clickOn("#show-in-history");
        waitFor(() -> !robot.lookup("#batch-gates-table").queryAs(TableView.class).getItems().isEmpty());
        assertThat(robot.lookup("#batch-gates-table").queryAs(TableView.class).getItems()).hasSize(1);
        robot.clickOn("Quality trend");
        waitFor(() -> !trend(robot).getData().isEmpty());
        assertThat(trend(robot).getData()).extracting(XYChart.Series::getName)
                .containsExactly("completeness", "validity", "uniqueness", "overall");
        assertThat(trend(robot).getData().get(0).getData()).singleElement()
                .satisfies(point -> assertThat(point.getYValue().doubleValue()).isEqualTo(93.6));
        assertThat(trend(robot).getTitle()).contains("rolled-back batches left out");
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "history-trend")).exists();
    }

    @SuppressWarnings("unchecked")
    private static LineChart<Number, Number> trend(FxRobot robot) {
        return robot.lookup("#trend-chart").queryAs(LineChart.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<GateResult> gates(FxRobot robot) {
        return robot.lookup("#gates-table").queryAs(TableView.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static GateSpec completeness(int min) {
        return new GateSpec("completeness", BigDecimal.valueOf(min), null, null, "block");
    }
}
