package io.sluice.desktop.export;

import io.sluice.desktop.app.DesktopShell;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class ExportMenuTest {

    @TempDir
    static Path home;

    private DesktopShell shell;

    @Start
    void start(Stage stage) {
        shell = DesktopShell.open(stage, home);
    }

    @Test
    void offersOneItemPerExportKindWhileAReviewIsOpen(FxRobot robot) {
        Menu export = exportMenu(robot);
        assertThat(export.getItems()).extracting(MenuItem::getId)
                .containsExactly("export-approved-rows", "export-rejected-rows", "export-findings",
                        "export-return-workbook", "export-report");
        assertThat(export.isDisable()).isTrue();

        robot.interact(() -> shell.context().workbench().reviewProperty().set(home.resolve("mixes.sluice")));
        assertThat(export.isDisable()).isFalse();
    }

    @Test
    void offersTheOriginalValuesForTheRejectedRowsAndTheWorkbookOnly(FxRobot robot) throws TimeoutException {
        Menu export = exportMenu(robot);
        robot.interact(() -> shell.context().workbench().reviewProperty().set(home.resolve("mixes.sluice")));

        openOptions(robot, export, "export-rejected-rows");
        assertThat(robot.lookup("#export-delimiter").tryQuery()).isPresent();
        CheckBox originals = robot.lookup("#export-original-values").queryAs(CheckBox.class);
        assertThat(originals.isSelected()).isFalse();
        assertThat(originals.getText()).contains("original value");
        cancel(robot);

        openOptions(robot, export, "export-return-workbook");
        assertThat(robot.lookup("#export-delimiter").tryQuery()).isEmpty();
        assertThat(robot.lookup("#export-original-values").queryAs(CheckBox.class).getText())
                .contains("original values");
        cancel(robot);

        openOptions(robot, export, "export-findings");
        assertThat(robot.lookup("#export-original-values").tryQuery()).isEmpty();
        cancel(robot);
    }

    private static void cancel(FxRobot robot) throws TimeoutException {
        DialogPane pane = robot.lookup("#export-options").queryAs(DialogPane.class);
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#export-options").tryQuery().isEmpty());
    }

    private static void openOptions(FxRobot robot, Menu export, String itemId) throws TimeoutException {
        MenuItem item = export.getItems().stream().filter(i -> itemId.equals(i.getId())).findFirst().orElseThrow();
        // the dialog waits for an answer: fired later, so that the robot can answer it
        Platform.runLater(item::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#export-options").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Menu exportMenu(FxRobot robot) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return bar.getMenus().get(0).getItems().stream()
                .filter(item -> "exportMenu".equals(item.getId()) || item instanceof Menu m
                        && "_Export".equals(m.getText()))
                .map(Menu.class::cast).findFirst().orElseThrow();
    }
}
