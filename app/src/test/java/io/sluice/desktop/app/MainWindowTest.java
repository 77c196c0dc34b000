package io.sluice.desktop.app;

import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.Screenshots;
import io.sluice.desktop.Step;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path home;

    private DesktopShell shell;

    @Start
    void start(Stage stage) {
        shell = DesktopShell.open(stage, home);
    }

    @Test
    void navigatesTheStepsByButtonAndByShortcut(FxRobot robot) {
        robot.clickOn("#step-history");
        assertThat(shell.context().workbench().stepProperty().get()).isEqualTo(Step.HISTORY);
        assertThat(robot.lookup("#step-history").queryAs(ToggleButton.class).isSelected()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2)
                .release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.context().workbench().stepProperty().get()).isEqualTo(Step.MAPPING);
    }

    @Test
    void showsARunningTaskWithProgressAndCancelsIt(FxRobot robot) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        robot.interact(() -> shell.context().tasks().run("Validating mixes.csv", ctx -> {
            ctx.expectRows(1000);
            ctx.rowsDone(250);
            while (!ctx.isCancelled()) {
                Thread.sleep(5);
            }
            stopped.countDown();
            return null;
        }, r -> { }));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "250 of 1,000 rows".equals(robot.lookup("#status-message").queryAs(Label.class).getText()));
        assertThat(robot.lookup("#status-task").queryAs(Label.class).getText()).isEqualTo("Validating mixes.csv");
        robot.clickOn("#status-cancel");
        assertThat(stopped.await(5, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shell.context().tasks().active().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#status-cancel").query().isVisible()).isFalse();
    }

    @Test
    void closingTheWindowWhileAChangeIsBeingSavedAsksWaitsByDefaultAndClosesOnceItIsSaved(FxRobot robot)
            throws Exception {
        CountDownLatch saved = new CountDownLatch(1);
        robot.interact(() -> shell.context().tasks().save("Approving valid rows", "982,413 approvals", ctx -> {
            saved.await(10, TimeUnit.SECONDS);
            return null;
        }, r -> { }, error -> { }));
        Platform.runLater(() -> shell.stage().fireEvent(
                new WindowEvent(shell.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#confirm-dialog").tryQuery().isPresent());
        DialogPane question = robot.lookup("#confirm-dialog").queryAs(DialogPane.class);
        assertThat(question.getHeaderText())
                .isEqualTo("A change is still being saved: 982,413 approvals. Sluice closes when it is saved.");
        Button wait = question.getButtonTypes().stream().map(type -> (Button) question.lookupButton(type))
                .filter(button -> "Wait".equals(button.getText())).findFirst().orElseThrow();
        assertThat(wait.isDefaultButton()).isTrue();
        robot.clickOn(wait);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.stage().isShowing()).as("waiting for the save").isTrue();
        assertThat(shell.stage().getTitle()).isEqualTo("Sluice closes once the change is saved: 982,413 approvals.");

        saved.countDown();
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !shell.stage().isShowing());
    }

    @Test
    void showsTheEmbeddedTargetInTheStatusBar(FxRobot robot) {
        assertThat(robot.lookup("#status-target").queryAs(Label.class).getText())
                .startsWith("Target: Embedded database");
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "main-window")).exists();
    }

    @Test
    void remembersAnOpenedFileAndReviewOnDiskAtOnceNotOnlyAtAQuit(FxRobot robot) throws Exception {
        Path source = Files.writeString(home.resolve("opened-now.csv"), "a,b\n1,2\n");
        Path review = home.resolve("reviews").resolve("kept-now.sluice");
        robot.interact(() -> shell.context().workbench().openSource(source));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> DesktopSettings.load(home.resolve("desktop.json"))
                .recentFiles().contains(source.toAbsolutePath().normalize()));
        robot.interact(() -> shell.context().workbench().reviewProperty().set(review));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> DesktopSettings.load(home.resolve("desktop.json"))
                .recentReviews().contains(review.toAbsolutePath().normalize()));
        robot.interact(() -> shell.context().workbench().reviewProperty().set(null));
    }
}
