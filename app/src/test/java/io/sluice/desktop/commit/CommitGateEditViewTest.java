package io.sluice.desktop.commit;

import io.sluice.core.validate.GateResult;
import io.sluice.desktop.Step;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.app.DesktopShell;
import io.sluice.testing.TestDatabases;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
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

import static io.sluice.desktop.commit.CommitViewTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/** A quality gate added and edited in the Commit step's card decides the commit at once, on the sample review. */
@ExtendWith(ApplicationExtension.class)
class CommitGateEditViewTest {

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
    void aGateSetInTheCardRefusesTheCommitWithItsSentenceAndLoweringItLetsTheCommitGo(FxRobot robot)
            throws Exception {
        Workbench workbench = shell.context().workbench();
        Path review = target.reviewWithGates("set-here", List.of());
        robot.interact(() -> {
            workbench.reviewProperty().set(review);
            workbench.stepProperty().set(Step.COMMIT);
        });
        waitFor(() -> text(robot, "#gates-verdict").equals(CommitGatesViewModel.NO_GATES) && !commitButton(robot)
                .isDisabled());

        robot.clickOn("#gate-add");
        fillValueAndConfirm(robot, "98");

        waitFor(() -> commitButton(robot).isDisabled() && text(robot, "#gates-verdict").startsWith("The commit is"
                + " blocked") && text(robot, "#commit-problem").startsWith("The import is refused"));
        assertThat(text(robot, "#gates-verdict")).startsWith("The commit is blocked: completeness is 93.6%"
                + " (needs at least 98%)");
        assertThat(text(robot, "#commit-problem")).startsWith("The import is refused by a blocking quality gate")
                .contains("completeness 93.6% (needs at least 98%)");

        robot.interact(() -> gates(robot).getSelectionModel().select(0));
        robot.clickOn("#gate-edit");
        fillValueAndConfirm(robot, "90");

        waitFor(() -> !commitButton(robot).isDisabled());
        assertThat(text(robot, "#gates-verdict")).isEqualTo("The quality gate passes.");
        assertThat(gates(robot).getItems()).singleElement().satisfies(g -> assertThat(g.threshold())
                .isEqualTo("at least 90%"));
    }

    /** In the open gate form, sets the value and presses OK; the other fields keep what they show. */
    private static void fillValueAndConfirm(FxRobot robot, String value) throws Exception {
        waitFor(() -> robot.lookup("#form-dialog").tryQuery().isPresent());
        DialogPane form = robot.lookup("#form-dialog").queryAs(DialogPane.class);
        robot.interact(() -> robot.lookup("#form-field-2").queryAs(TextField.class).setText(value));
        robot.clickOn(form.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Button commitButton(FxRobot robot) {
        return robot.lookup("#commit-button").queryAs(Button.class);
    }

    @SuppressWarnings("unchecked")
    private static TableView<GateResult> gates(FxRobot robot) {
        return robot.lookup("#gates-table").queryAs(TableView.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
