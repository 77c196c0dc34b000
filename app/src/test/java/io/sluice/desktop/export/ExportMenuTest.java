package io.sluice.desktop.export;

import io.sluice.desktop.app.DesktopShell;
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

import java.nio.file.Path;

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
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        Menu export = bar.getMenus().get(0).getItems().stream()
                .filter(item -> "exportMenu".equals(item.getId()) || item instanceof Menu m
                        && "_Export".equals(m.getText()))
                .map(Menu.class::cast).findFirst().orElseThrow();
        assertThat(export.getItems()).extracting(MenuItem::getId)
                .containsExactly("export-approved-rows", "export-rejected-rows", "export-findings",
                        "export-return-workbook", "export-report");
        assertThat(export.isDisable()).isTrue();

        robot.interact(() -> shell.context().workbench().reviewProperty().set(home.resolve("mixes.sluice")));
        assertThat(export.isDisable()).isFalse();
    }
}
