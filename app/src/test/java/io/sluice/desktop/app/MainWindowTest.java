package io.sluice.desktop.app;

import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.export.CsvOptions;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.FxDialogService;
import io.sluice.desktop.Screenshots;
import io.sluice.desktop.ScriptedDialogs;
import io.sluice.desktop.Step;
import io.sluice.desktop.commit.SampleTarget;
import io.sluice.desktop.export.ExportKind;
import io.sluice.desktop.export.ExportViewModel;
import io.sluice.desktop.history.HistoryViewModel;
import io.sluice.desktop.task.Change;
import io.sluice.desktop.task.GatedTasks;
import io.sluice.desktop.task.TaskRunner;
import io.sluice.testing.TestDatabases;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
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
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path home;

    private DesktopShell shell;
    private final GatedTasks background = new GatedTasks();
    private SampleTarget target;

    @Start
    void start(Stage stage) {
        shell = DesktopShell.open(stage, home, new FxDialogService(() -> stage),
                new TaskRunner(Platform::runLater, background));
    }

    @AfterEach
    void openTheGate() {
        background.open();
        if (target != null) {
            target.close();
        }
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
    void closingTheWindowWhileAnExportIsWrittenNamesItAndClosesOnceTheFileIsWritten(FxRobot robot) throws Exception {
        target = SampleTarget.of(TestDatabases.Engine.H2, home);
        Path review = target.review("exported");
        Path out = home.resolve("exported-findings.csv");
        ExportViewModel exports = new ExportViewModel(shell.context().workbench(), shell.context().tasks(),
                new ScriptedDialogs());
        robot.interact(() -> shell.context().workbench().reviewProperty().set(review));
        WaitForAsyncUtils.waitForFxEvents();
        background.shut();
        robot.interact(() -> exports.export(ExportKind.FINDINGS, CsvOptions.DEFAULTS, out));

        DialogPane question = askToClose(robot);

        assertThat(question.getHeaderText()).isEqualTo("A change is still being saved: the export of findings to"
                + " exported-findings.csv. Sluice closes when it is saved.");
        assertThat(question.getContentText()).endsWith("the export is abandoned: the files it writes keep what they"
                + " held before, and the next export to them clears what it left half written.");
        robot.clickOn(answer(question, "Wait"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.stage().isShowing()).as("waiting for the export").isTrue();
        assertThat(shell.stage().getTitle())
                .isEqualTo("Sluice closes once the change is saved: the export of findings to exported-findings.csv.");
        assertThat(out).doesNotExist();

        background.open();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !shell.stage().isShowing());
        assertThat(Files.readAllLines(out)).hasSizeGreaterThan(1);
    }

    @Test
    void closingTheWindowAnywayWhileABatchIsRolledBackSaysTheBatchStaysCommittedIfItDoesNotEnd(FxRobot robot)
            throws Exception {
        target = SampleTarget.of(TestDatabases.Engine.H2, home);
        long batch = target.committedBatch("rolled-back");
        HistoryViewModel history = new HistoryViewModel(shell.context().workbench(), shell.context().tasks(),
                new ScriptedDialogs(), "tester");
        background.shut();
        robot.interact(() -> history.rollback(batch, false));

        DialogPane question = askToClose(robot);

        assertThat(question.getHeaderText()).isEqualTo("A change is still being saved: the rollback of batch " + batch
                + ". Sluice closes when it is saved.");
        assertThat(question.getContentText()).endsWith("if it has not ended by then, the database undoes the rollback"
                + " as a whole and batch " + batch + " stays committed.");
        robot.clickOn(answer(question, "Close anyway"));

        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !shell.stage().isShowing());
        // closing gave the rollback its seconds more, and it ended in them
        assertThat(RollbackKilledMidway.status(target.choice(), batch)).isEqualTo(BatchStatus.ROLLED_BACK);
    }

    @Test
    void stoppedByTheSystemWithoutACloseRequestSluiceFinishesTheWriteBeingSavedFirst(FxRobot robot) {
        AtomicBoolean written = new AtomicBoolean();
        background.shut();
        robot.interact(() -> shell.context().tasks().save("Saving profile ds1.json",
                Change.file("the profile ds1.json", "the profile file ds1.json"), ctx -> {
                    Thread.sleep(200);
                    written.set(true);
                    return null;
                }, r -> { }, error -> { }));
        Thread opener = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            background.open();
        });
        opener.start();

        robot.interact(shell::stopping);

        assertThat(written).as("saved before Sluice stopped").isTrue();
        robot.interact(() -> shell.stage().hide());
    }

    private DialogPane askToClose(FxRobot robot) throws Exception {
        Platform.runLater(() -> shell.stage().fireEvent(
                new WindowEvent(shell.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#confirm-dialog").tryQuery().isPresent());
        return robot.lookup("#confirm-dialog").queryAs(DialogPane.class);
    }

    private static Button answer(DialogPane question, String label) {
        return question.getButtonTypes().stream().map(type -> (Button) question.lookupButton(type))
                .filter(button -> label.equals(button.getText())).findFirst().orElseThrow();
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
