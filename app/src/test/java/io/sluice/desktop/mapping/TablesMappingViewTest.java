package io.sluice.desktop.mapping;

import io.sluice.desktop.Samples;
import io.sluice.desktop.Screenshots;
import io.sluice.desktop.Views;
import io.sluice.desktop.app.DesktopShell;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
class TablesMappingViewTest {

    @TempDir
    static Path home;

    private DesktopShell shell;

    @Start
    void start(Stage stage) {
        shell = DesktopShell.open(stage, home);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> shell.stage().hide());
    }

    private MappingViewModel model(FxRobot robot) {
        return ((MappingView) robot.lookup("#mapping-step").query().getUserData()).model();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the lab workbook in the Source step and goes on to Mapping once it has been read. */
    private void openWorkbookAndGoToMapping(FxRobot robot) throws Exception {
        int lab = Samples.all().indexOf(Samples.all().stream()
                .filter(s -> s.fileName().equals("ds4-lab-workbook.xlsx")).findFirst().orElseThrow());
        robot.clickOn("#sample-" + lab);
        TableView<?> preview = robot.lookup("#source-preview").queryAs(TableView.class);
        waitUntil(() -> !preview.getItems().isEmpty()
                && !robot.lookup("#next-mapping").queryButton().isDisabled());
        robot.clickOn("#next-mapping");
        waitUntil(() -> !model(robot).rows().isEmpty() && !model(robot).loadingProperty().get());
    }

    private void loadLabProfile(FxRobot robot) throws Exception {
        robot.clickOn("#load-suggested-profile");
        TablesMappingViewModel tables = model(robot).severalTables();
        waitUntil(() -> tables.parts().size() == 5 && !tables.loadingProperty().get());
    }

    @Test
    void theLabProfileShowsATabPerTableWithItsUnpivotReferencesAndPreviewInASmallWindow(FxRobot robot)
            throws Exception {
        openWorkbookAndGoToMapping(robot);
        loadLabProfile(robot);
        TablesMappingViewModel tables = model(robot).severalTables();

        assertThat(robot.lookup("#mapping-pane").query().isVisible()).isFalse();
        assertThat(robot.lookup("#tables-mapping").query().isVisible()).isTrue();
        TabPane tabs = robot.lookup("#tables-tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("material ← Materials",
                "supplier ← Suppliers", "concrete_mix ← Mixes", "mix_component ← Mixes", "strength_test ← Mixes");
        assertThat(robot.lookup("#tables-order").queryLabeled().getText()).isEqualTo("Written in this order:"
                + " material → supplier → concrete_mix → mix_component → strength_test");
        assertThat(robot.lookup("#tables-validate-review").queryButton().isDisabled()).isFalse();

        robot.interact(() -> tabs.getSelectionModel().select(3));
        waitUntil(() -> tables.parts().get(3).previewProperty().get() != null);
        ListView<String> unpivoted = robot.lookup("#unpivot-columns-3").queryAs(ListView.class);
        assertThat(unpivoted.getItems()).contains("Fly Ash (kg/m3)");
        assertThat(robot.lookup("#references-3").queryAs(TableView.class).getItems()).hasSize(2);
        TableView<?> preview = robot.lookup("#table-preview-3").queryAs(TableView.class);
        assertThat(preview.getItems().size()).isGreaterThan(TablesSources.PREVIEW_SOURCE_ROWS);
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "mapping-tables")).exists();

        robot.interact(() -> {
            shell.stage().setWidth(500);
            shell.stage().setHeight(400);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane scroll = robot.lookup("#step-scroll").queryAs(ScrollPane.class);
        ScrollPane tableScroll = robot.lookup("#table-scroll-3").queryAs(ScrollPane.class);
        for (String id : List.of("#sheet-3", "#natural-key-3", "#unpivot-on-3", "#unpivot-header-target-3",
                "#reference-from-fks-3", "#table-preview-3")) {
            Node control = robot.lookup(id).query();
            robot.interact(() -> {
                Views.ensureVisible(scroll, tableScroll);
                Views.ensureVisible(tableScroll, control);
            });
            WaitForAsyncUtils.waitForFxEvents();
            Bounds onScreen = control.localToScene(control.getBoundsInLocal());
            Bounds inTable = tableScroll.localToScene(tableScroll.getLayoutBounds());
            Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
            assertThat(inTable.intersects(onScreen) && viewport.intersects(onScreen))
                    .as(id + " at " + onScreen + " scrolled into view at " + inTable + " and " + viewport).isTrue();
        }
        for (String id : List.of("#tables-save-profile", "#table-picker-pane", "#tables-validate-review")) {
            Node control = robot.lookup(id).query();
            robot.interact(() -> Views.ensureVisible(scroll, control));
            WaitForAsyncUtils.waitForFxEvents();
            Bounds onScreen = control.localToScene(control.getBoundsInLocal());
            Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
            assertThat(viewport.contains(onScreen)).as(id + " at " + onScreen + " scrolled into view at " + viewport)
                    .isTrue();
        }
        Button validate = robot.lookup("#tables-validate-review").queryButton();
        assertThat(((javafx.scene.text.Text) validate.lookup(".text")).getText()).isEqualTo("Validate and review");
    }

    @Test
    void aCycleAmongTheReferencesIsOneSentenceAndHoldsTheReviewBack(FxRobot robot) throws Exception {
        openWorkbookAndGoToMapping(robot);
        loadLabProfile(robot);
        TablesMappingViewModel tables = model(robot).severalTables();

        robot.interact(() -> tables.parts().get(1).setReference("name", "concrete_mix", null));

        assertThat(robot.lookup("#tables-cycle").queryLabeled().getText()).isEqualTo("The references among tables"
                + " supplier, concrete_mix go round in a cycle (supplier → concrete_mix → supplier), so no table can"
                + " be written first: take one of these references away.");
        assertThat(robot.lookup("#tables-order").query().isVisible()).isFalse();
        assertThat(robot.lookup("#tables-validate-review").queryButton().isDisabled()).isTrue();
    }

    @Test
    void ctrlZUndoesAChangeInTheGridOfTheTableOnScreen(FxRobot robot) throws Exception {
        openWorkbookAndGoToMapping(robot);
        loadLabProfile(robot);
        TablesMappingViewModel tables = model(robot).severalTables();
        TabPane tabs = robot.lookup("#tables-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        TablePart mixes = tables.parts().get(2);
        MappingRow castDate = mixes.rows().stream().filter(r -> r.source().equals("Cast Date")).findFirst()
                .orElseThrow();
        String before = castDate.targetProperty().get();

        robot.interact(() -> mixes.edits().setTarget(castDate, null));
        assertThat(castDate.isMapped()).isFalse();
        assertThat(tables.profile().tables().get(2).columns()).noneMatch(c -> c.target().equals(before));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(castDate.targetProperty().get()).as("Ctrl+Z in the table's grid").isEqualTo(before);
        assertThat(model(robot).edits().canUndoProperty().get()).as("the one-table grid untouched").isFalse();
    }

    @Test
    void tablesTickedFromTheTargetGetATabEachWithPendingSuggestions(FxRobot robot) throws Exception {
        openWorkbookAndGoToMapping(robot);

        robot.clickOn("#map-several-tables");
        robot.clickOn("#pick-material");
        robot.clickOn("#pick-concrete_mix");
        robot.clickOn("#suggest-tables");
        TablesMappingViewModel tables = model(robot).severalTables();
        waitUntil(() -> tables.parts().size() == 2 && !tables.loadingProperty().get());

        assertThat(robot.lookup("#tables-tabs").queryAs(TabPane.class).getTabs()).hasSize(2)
                .allMatch(t -> t.getText().startsWith("⚠ "));
        assertThat(robot.lookup("#tables-blocker").queryLabeled().getText()).contains("confirm the ");
        robot.clickOn("#map-one-table");
        assertThat(robot.lookup("#mapping-pane").query().isVisible()).isTrue();
    }
}
