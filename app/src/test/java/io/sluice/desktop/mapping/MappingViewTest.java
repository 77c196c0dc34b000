package io.sluice.desktop.mapping;

import io.sluice.core.profile.Profile;
import io.sluice.desktop.Screenshots;
import io.sluice.desktop.Step;
import io.sluice.desktop.Views;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.app.DesktopShell;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class MappingViewTest {

    @TempDir
    static Path home;

    private DesktopShell shell;

    @Start
    void start(Stage stage) {
        shell = DesktopShell.open(stage, home);
        // the stage is shared by the tests, and one of them makes it small
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
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the first sample (ds1, CSV) in the Source step and goes on to Mapping once it has been read. */
    private void openSampleAndGoToMapping(FxRobot robot) throws Exception {
        robot.clickOn("#sample-0");
        TableView<?> preview = robot.lookup("#source-preview").queryAs(TableView.class);
        waitUntil(() -> !preview.getItems().isEmpty()
                && !robot.lookup("#next-mapping").queryButton().isDisabled());
        robot.clickOn("#next-mapping");
        waitUntil(() -> !model(robot).rows().isEmpty() && !model(robot).loadingProperty().get()
                && model(robot).previewProperty().get() != null);
    }

    @Test
    void asksForASourceFirstAndLeadsBackToIt(FxRobot robot) {
        robot.interact(() -> shell.context().workbench().stepProperty().set(Step.MAPPING));

        assertThat(robot.lookup("#mapping-empty").query().isVisible()).isTrue();
        robot.clickOn("#go-source");

        assertThat(shell.context().workbench().stepProperty().get()).isEqualTo(Step.SOURCE);
    }

    @Test
    void confirmsSuggestionsChangesOneSavesTheProfileAndHandsItToReview(FxRobot robot) throws Exception {
        Workbench workbench = shell.context().workbench();
        openSampleAndGoToMapping(robot);
        MappingViewModel model = model(robot);

        assertThat(robot.lookup("#table-choice").queryAs(ComboBox.class).getValue().toString())
                .isEqualToIgnoringCase("concrete_mix");
        assertThat(robot.lookup("#validate-review").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#mapping-blocker").queryLabeled().getText()).contains("pending");
        assertThat(robot.lookup("#load-suggested-profile").queryButton().getText()).isEqualTo("Load ds1.profile.json");

        robot.clickOn("#confirm-all");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.rows()).filteredOn(r -> r.isMapped() && !r.isLowConfidence())
                .allMatch(r -> r.confirmedProperty().get());
        TableView<?> grid = robot.lookup("#mapping-table").queryAs(TableView.class);
        int low = model.rows().indexOf(model.rows().stream().filter(MappingRow::isLowConfidence).findFirst()
                .orElse(model.rows().get(0)));
        robot.interact(() -> grid.scrollTo(Math.max(0, low - 6)));
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "mapping")).exists();

        int supplier = model.rows().indexOf(model.rows().stream().filter(r -> r.source().equals("Supplier"))
                .findFirst().orElseThrow());
        int mappedBefore = model.previewProperty().get().columns().size();
        robot.interact(() -> grid.scrollTo(supplier));
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<String> target = robot.lookup("#target-" + supplier).queryAs(ComboBox.class);
        // chosen in the picker's popup: it applies as the popup closes
        robot.interact(() -> {
            target.show();
            target.setValue("(not mapped)");
            target.hide();
        });
        waitUntil(() -> model.previewProperty().get().columns().size() == mappedBefore - 1);
        assertThat(model.previewProperty().get().columns()).noneMatch(c -> c.equalsIgnoreCase("supplier_code"));

        robot.interact(() -> grid.scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        while (robot.lookup(".cell-button").match(n -> n instanceof Button b && "Confirm".equals(b.getText())
                && b.isVisible()).tryQuery().isPresent()) {
            robot.clickOn(robot.lookup(".cell-button").match(n -> n instanceof Button b
                    && "Confirm".equals(b.getText()) && b.isVisible()).queryButton());
            WaitForAsyncUtils.waitForFxEvents();
        }
        waitUntil(() -> !robot.lookup("#validate-review").queryButton().isDisabled());

        Path saved = home.resolve("ds1-mine.profile.json");
        robot.interact(() -> model.saveProfile(saved));
        waitUntil(() -> Files.exists(saved) && saved.equals(workbench.profileFileProperty().get()));
        robot.clickOn("#validate-review");
        WaitForAsyncUtils.waitForFxEvents();

        Profile profile = workbench.profileProperty().get();
        assertThat(profile.table()).isEqualToIgnoringCase("concrete_mix");
        assertThat(profile.columns()).noneMatch(c -> c.target().equalsIgnoreCase("supplier_code"));
        assertThat(workbench.profileFileProperty().get()).isEqualTo(saved);
        assertThat(workbench.stepProperty().get()).isEqualTo(Step.REVIEW);
        // the Review step validates with the new profile into a review of its own
        waitUntil(() -> workbench.reviewProperty().get() != null);
        assertThat(workbench.reviewProperty().get().getFileName().toString()).startsWith("ds1-concrete-mix-");
    }

    @Test
    void keepsEveryControlReachableInASmallWindowAndButtonLabelsWholeBesideAWarning(FxRobot robot)
            throws Exception {
        openSampleAndGoToMapping(robot);
        Button validate = robot.lookup("#validate-review").queryButton();
        robot.interact(() -> {
            shell.stage().setWidth(1280);
            shell.stage().setHeight(800);
            // two warnings at once: a required column nothing fills, and why validation has to wait
            model(robot).edits().setTarget(model(robot).rows().get(0), null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#missing-required").queryLabeled().isVisible()).isTrue();
        for (String id : List.of("#validate-review", "#confirm-all", "#load-profile", "#save-profile",
                "#load-suggested-profile")) {
            Button button = robot.lookup(id).queryButton();
            assertThat(shownText(button)).as(id).isEqualTo(button.getText().replace("_", ""));
        }

        robot.interact(() -> {
            shell.stage().setWidth(500);
            shell.stage().setHeight(400);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane scroll = robot.lookup("#step-scroll").queryAs(ScrollPane.class);
        for (String id : List.of("#table-choice", "#validate-review")) {
            Node control = robot.lookup(id).query();
            robot.interact(() -> Views.ensureVisible(scroll, control));
            WaitForAsyncUtils.waitForFxEvents();
            Bounds onScreen = control.localToScene(control.getBoundsInLocal());
            Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
            assertThat(viewport.contains(onScreen)).as(id + " scrolled into view at " + viewport).isTrue();
        }
        assertThat(shownText(validate)).isEqualTo("Validate and review");
        robot.clickOn("#table-choice");
        assertThat(robot.lookup("#table-choice").queryAs(ComboBox.class).isShowing()).isTrue();
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void atEightHundredBySixHundredTheStepFitsTheWindowWithNothingHiddenAtEitherSide(FxRobot robot)
            throws Exception {
        robot.interact(() -> {
            shell.stage().setWidth(800);
            shell.stage().setHeight(600);
        });
        openSampleAndGoToMapping(robot);
        WaitForAsyncUtils.waitForFxEvents();

        ScrollPane scroll = robot.lookup("#step-scroll").queryAs(ScrollPane.class);
        Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
        // wider than the window, the step would scroll sideways to whichever control the keyboard reaches
        assertThat(scroll.getContent().getLayoutBounds().getWidth()).as("the step's width")
                .isLessThanOrEqualTo(scroll.getViewportBounds().getWidth());
        for (String id : List.of("#mapping-table", "#target-embedded", "#map-several-tables", "#save-profile",
                "#table-choice", "#confirm-all", "#validate-review")) {
            Node node = robot.lookup(id).query();
            Bounds onScreen = node.localToScene(node.getBoundsInLocal());
            assertThat(onScreen.getMinX()).as(id + " left edge, viewport " + viewport)
                    .isGreaterThanOrEqualTo(viewport.getMinX());
            assertThat(onScreen.getMaxX()).as(id + " right edge, viewport " + viewport)
                    .isLessThanOrEqualTo(viewport.getMaxX());
            if (node instanceof Button button) {
                assertThat(shownText(button)).as(id).isEqualTo(button.getText().replace("_", ""));
            }
        }
        robot.interact(() -> {
            shell.stage().setWidth(1280);
            shell.stage().setHeight(800);
        });
    }

    /** The text a button draws: its label unless it had to be cut short with an ellipsis. */
    private static String shownText(Button button) {
        return ((Text) button.lookup(".text")).getText();
    }

    @Test
    void typingInTheOpenTableListFiltersItAndEnterChoosesTheTableLeft(FxRobot robot) throws Exception {
        openSampleAndGoToMapping(robot);
        MappingViewModel model = model(robot);
        ComboBox<String> tables = robot.lookup("#table-choice").queryAs(ComboBox.class);

        robot.clickOn("#table-choice");
        robot.write("suppl");
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.ENTER);
        waitUntil(() -> !model.loadingProperty().get() && model.targetColumns().size() == 3);

        assertThat(tables.getValue()).isEqualToIgnoringCase("supplier");
        assertThat(model.tableProperty().get()).isEqualToIgnoringCase("supplier");
        assertThat(tables.getItems()).as("every table offered again once chosen").hasSizeGreaterThan(1);
    }

    @Test
    void afterSwitchingTablesEveryMappedColumnCanBeConfirmedAndValidationIsReachable(FxRobot robot)
            throws Exception {
        openSampleAndGoToMapping(robot);
        MappingViewModel model = model(robot);
        ComboBox<String> tables = robot.lookup("#table-choice").queryAs(ComboBox.class);
        String mixes = tables.getValue();
        String suppliers = tables.getItems().stream().filter(t -> t.equalsIgnoreCase("supplier")).findFirst()
                .orElseThrow();

        robot.interact(() -> tables.setValue(suppliers));
        waitUntil(() -> !model.loadingProperty().get() && model.targetColumns().size() == 3);
        robot.interact(() -> tables.setValue(mixes));
        waitUntil(() -> !model.loadingProperty().get() && model.targetColumns().size() > 3);

        ComboBox<String> cementTarget = robot.lookup("#target-1").queryAs(ComboBox.class);
        assertThat(cementTarget.getItems()).as("the picker offers the new table's columns")
                .containsAll(model.targetColumns());
        assertThat(robot.lookup("#confirm-1").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#transforms-1").queryButton().isVisible()).isTrue();
        robot.clickOn("#confirm-all");
        WaitForAsyncUtils.waitForFxEvents();
        for (MappingRow low : model.rows().stream().filter(MappingRow::isLowConfidence).toList()) {
            int index = model.rows().indexOf(low);
            robot.interact(() -> robot.lookup("#mapping-table").queryAs(TableView.class).scrollTo(index));
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("#confirm-" + index);
        }
        waitUntil(() -> !robot.lookup("#validate-review").queryButton().isDisabled());
    }

    @Test
    void arrowKeysInATargetPickerApplyNothingUntilEnterAndATakenTargetIsAskedAbout(FxRobot robot)
            throws Exception {
        openSampleAndGoToMapping(robot);
        MappingViewModel model = model(robot);
        MappingRow cement = model.rows().get(1);
        String before = cement.targetProperty().get();
        List<String> targetsBefore = model.rows().stream().map(r -> r.targetProperty().get()).toList();

        robot.interact(() -> robot.lookup("#target-1").query().requestFocus());
        robot.type(KeyCode.DOWN, 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.rows().stream().map(r -> r.targetProperty().get()).toList())
                .as("nothing applied on the way").isEqualTo(targetsBefore);

        robot.type(KeyCode.ENTER);
        DialogPane question = robot.lookup("#confirm-dialog")
                .queryAs(DialogPane.class);
        assertThat(question.getHeaderText()).endsWith(" already fills "
                + robot.lookup("#target-1").queryAs(ComboBox.class).getValue() + ".");
        robot.clickOn(question.lookupButton(ButtonType.CANCEL));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.rows().stream().map(r -> r.targetProperty().get()).toList()).isEqualTo(targetsBefore);
        assertThat(robot.lookup("#target-1").queryAs(ComboBox.class).getValue()).isEqualTo(before);

        robot.interact(() -> model.edits().setTarget(cement, null));
        assertThat(cement.isMapped()).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cement.targetProperty().get()).as("Ctrl+Z in the Mapping step").isEqualTo(before);
        robot.press(KeyCode.CONTROL, KeyCode.Y).release(KeyCode.Y, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cement.isMapped()).isFalse();
    }

    @Test
    void aLoadedProfilesTransformsShowWithoutScrolling(FxRobot robot) throws Exception {
        openSampleAndGoToMapping(robot);
        robot.clickOn("#load-suggested-profile");
        waitUntil(() -> !model(robot).keptRulesProperty().get().isEmpty());

        MappingViewModel model = model(robot);
        int withTransforms = model.rows().indexOf(model.rows().stream()
                .filter(r -> !r.transformsProperty().get().isEmpty()).findFirst().orElseThrow());
        Button edit = robot.lookup("#transforms-" + withTransforms).queryButton();
        Label summary = (Label) edit.getParent().getChildrenUnmodifiable().get(0);
        assertThat(summary.getText()).isEqualTo(TransformSettings.describe(
                model.rows().get(withTransforms).transformsProperty().get())).isNotEqualTo("none");
    }

    @Test
    void loadsTheSuggestedProfileInOneClick(FxRobot robot) throws Exception {
        openSampleAndGoToMapping(robot);

        robot.clickOn("#load-suggested-profile");
        waitUntil(() -> !model(robot).keptRulesProperty().get().isEmpty());

        assertThat(robot.lookup("#kept-rules").queryLabeled().getText()).isEqualTo("7 profile rules kept; the Rules step lists and changes them.");
        assertThat(robot.lookup("#validate-review").queryButton().isDisabled()).isFalse();
    }

    @Test
    void thePostgresFormSaysWhatIsMissingInline(FxRobot robot) throws Exception {
        openSampleAndGoToMapping(robot);

        robot.clickOn("#target-postgres");
        assertThat(robot.lookup("#postgres-form").query().isVisible()).isTrue();
        robot.clickOn("#pg-test");

        assertThat(robot.lookup("#pg-result").queryLabeled().getText()).isEqualTo("Fill in the database, user first.");
        assertThat(Screenshots.take(robot, shell.stage().getScene(), "mapping-postgres")).exists();
    }

    @Test
    void editsAColumnsTransformsInADialogAndThePreviewFollows(FxRobot robot) throws Exception {
        openSampleAndGoToMapping(robot);
        MappingViewModel model = model(robot);
        MappingRow cement = model.rows().get(1);
        assertThat(cement.source()).isEqualTo("Cement (kg/m3)");

        robot.clickOn("#transforms-1");
        robot.clickOn("#transform-default");
        robot.write("0");
        robot.clickOn("#transform-trim");
        assertThat(Screenshots.take(robot, robot.lookup("#transform-dialog").query().getScene(),
                "mapping-transforms")).exists();
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(TransformSettings.describe(cement.transformsProperty().get())).isEqualTo("trim, default '0'");
        assertThat(cement.confirmedProperty().get()).isFalse();
        waitUntil(() -> model.previewProperty().get() != null && model.previewErrorProperty().get() == null);
    }
}
