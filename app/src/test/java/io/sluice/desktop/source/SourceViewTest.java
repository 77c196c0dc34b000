package io.sluice.desktop.source;

import io.sluice.desktop.Screenshots;
import io.sluice.desktop.Step;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.app.DesktopShell;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class SourceViewTest {

    @TempDir
    static Path home;

    private DesktopShell shell;

    @Start
    void start(Stage stage) {
        shell = DesktopShell.open(stage, home);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> shell.stage().hide());
    }

    private SourceViewModel model(FxRobot robot) {
        return ((SourceView) robot.lookup("#source-step").query().getUserData()).model();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether the node and all its parents are visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theStartPageOffersToOpenAFileOrASample(FxRobot robot) {
        assertThat(robot.lookup("#source-start").query().isVisible()).isTrue();
        assertThat(robot.lookup("#open-file-button").query().isVisible()).isTrue();
        assertThat(robot.lookup("#drop-zone").query().isVisible()).isTrue();
        for (int i = 0; i < 4; i++) {
            assertThat(robot.lookup("#sample-" + i).query().isVisible()).isTrue();
        }
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "source-start")).exists();
    }

    @Test
    void readsASampleWorkbookLetsTheStewardMoveTheHeaderRowAndGoesOnToMapping(FxRobot robot) throws Exception {
        Workbench workbench = shell.context().workbench();
        robot.clickOn("#sample-2");
        TableView<?> preview = robot.lookup("#source-preview").queryAs(TableView.class);
        waitUntil(() -> !preview.getItems().isEmpty() && !model(robot).loadingProperty().get());

        assertThat(robot.lookup("#sheet-choice").queryAs(ComboBox.class).getValue()).isEqualTo("Mixes");
        Spinner<Integer> headerRow = robot.lookup("#header-row").queryAs(Spinner.class);
        assertThat(headerRow.getValue()).isEqualTo(4);
        assertThat(robot.lookup("#source-issues").queryAs(ListView.class).getItems()).isNotEmpty();
        assertThat(shown(robot.lookup("#delimiter-choice").query())).isFalse();
        assertThat(workbench.profileFileProperty().get().getFileName().toString()).isEqualTo("ds3.profile.json");

        robot.interact(() -> headerRow.getValueFactory().setValue(5));
        waitUntil(() -> model(robot).previewProperty().get() != null
                && model(robot).previewProperty().get().inspection().headerRow() == 5);
        robot.interact(() -> headerRow.getValueFactory().setValue(4));
        waitUntil(() -> model(robot).previewProperty().get() != null
                && model(robot).previewProperty().get().inspection().headerRow() == 4);
        assertThat(robot.lookup(".header-row").queryAll()).isNotEmpty();
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "source")).exists();

        robot.clickOn("#next-mapping");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(workbench.stepProperty().get()).isEqualTo(Step.MAPPING);
        assertThat(workbench.sourceOptionsProperty().get().headerRow()).isEqualTo(4);
        assertThat(workbench.sourceOptionsProperty().get().sheet()).isEqualTo("Mixes");
    }

    @Test
    void showsTheCsvOptionsForACsvFile(FxRobot robot) throws Exception {
        robot.clickOn("#sample-1");
        waitUntil(() -> model(robot).previewProperty().get() != null);

        assertThat(shown(robot.lookup("#delimiter-choice").query())).isTrue();
        assertThat(robot.lookup("#source-summary").queryLabeled().getText()).contains("windows-1252", "semicolon");
    }

    @Test
    void inASmallWindowTheReadingOptionsKeepTheirNamesWhole(FxRobot robot) throws Exception {
        robot.interact(() -> {
            shell.stage().setWidth(1024);
            shell.stage().setHeight(700);
        });
        robot.clickOn("#sample-1");
        waitUntil(() -> model(robot).previewProperty().get() != null);

        List<Label> names = robot.lookup(".options-bar .label").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).toList();
        assertThat(names).extracting(Label::getText).contains("_Sheet", "_Header row", "_Encoding", "_Delimiter");
        assertThat(names).allSatisfy(label -> assertThat(label.getWidth()).as(label.getText())
                .isGreaterThanOrEqualTo(label.prefWidth(-1) - 0.5));
        Label summary = robot.lookup("#source-summary").queryAs(Label.class);
        assertThat(summary.getHeight()).as("the summary wraps rather than cutting the row count off")
                .isGreaterThanOrEqualTo(summary.prefHeight(summary.getWidth()) - 0.5);
    }

    @Test
    void atEightHundredBySixHundredTheOptionsAndTheNextButtonAreOnScreen(FxRobot robot) throws Exception {
        robot.interact(() -> {
            shell.stage().setWidth(800);
            shell.stage().setHeight(600);
        });
        robot.clickOn("#sample-1");
        waitUntil(() -> model(robot).previewProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        double window = shell.stage().getScene().getWidth();
        for (String id : List.of("#delimiter-choice", "#encoding-choice", "#next-mapping")) {
            Node node = robot.lookup(id).query();
            assertThat(node.localToScene(node.getLayoutBounds()).getMaxX()).as(id).isLessThanOrEqualTo(window);
        }
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "source-800")).exists();
    }
}
