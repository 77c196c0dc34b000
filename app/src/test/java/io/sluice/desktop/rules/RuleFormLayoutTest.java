package io.sluice.desktop.rules;

import io.sluice.core.database.SluiceHome;
import io.sluice.testing.TemporaryProperty;
import io.sluice.desktop.Screenshots;
import io.sluice.desktop.Step;
import io.sluice.desktop.app.DesktopShell;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule form fits the window's width, for every kind of rule, at 1280x800 and at 800x600. */
@ExtendWith(ApplicationExtension.class)
class RuleFormLayoutTest {

    @TempDir
    static Path home;

    private static TemporaryProperty ownHome;
    private DesktopShell shell;
    private Stage stage;

    @BeforeAll
    static void ownDataDirectory() {
        ownHome = TemporaryProperty.set(SluiceHome.PROPERTY, home.toString());
    }

    @AfterAll
    static void restoreDataDirectory() {
        ownHome.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shell = DesktopShell.open(stage, home);
    }

    @ParameterizedTest
    @CsvSource({"1280, 800", "800, 600"})
    void everyKindOfRuleFitsTheWindowsWidth(int width, int height, FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        robot.clickOn("#sample-0");
        waitFor(() -> !robot.lookup("#next-mapping").queryButton().isDisabled());
        robot.clickOn("#next-mapping");
        waitFor(() -> robot.lookup("#load-suggested-profile").tryQuery()
                .map(n -> n.isVisible() && !n.isDisabled()).orElse(false));
        robot.clickOn("#load-suggested-profile");
        waitFor(() -> !robot.lookup("#validate-review").queryButton().isDisabled());
        robot.clickOn("#validate-review");
        waitFor(() -> shell.context().workbench().reviewProperty().get() != null);
        robot.interact(() -> shell.context().workbench().stepProperty().set(Step.RULES));
        waitFor(() -> robot.lookup("#rules-main").query().isVisible());

        MenuButton menu = robot.lookup("#rules-add").queryAs(MenuButton.class);
        ScrollPane scroll = robot.lookup("#rules-form-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> menu.getItems().stream().filter(i -> i.getId() != null
                && i.getId().startsWith("rules-add-")).findFirst().orElseThrow().fire());
        RulesViewModel model = ((RulesView) robot.lookup("#rules-step").query().getUserData()).model();
        RuleForm form = model.form();
        for (RuleKind kind : RuleKind.values()) {
            robot.interact(() -> form.kindProperty().set(kind));
            fits(robot, scroll, kind + " at " + width + "x" + height, "rule-form-" + width + "-" + kind.name());
        }
        robot.interact(() -> {
            form.kindProperty().set(RuleKind.REQUIRED_WHEN);
            form.columnProperty().set("SUPERPLASTICIZER_KG");
            form.whenColumnProperty().set("SUPERPLASTICIZER_KG");
            form.whenOperatorProperty().set(RuleCondition.OPERATORS.get(RuleCondition.OPERATORS.size() - 1));
        });
        fits(robot, scroll, "a built condition at " + width + "x" + height, "rule-form-" + width + "-built");
        robot.interact(() -> {
            form.conditionTypedProperty().set(true);
            form.whenProperty().set("superplasticizer_kg != null and (fly_ash_kg > 0 or slag_kg > 0) and age_d");
        });
        fits(robot, scroll, "a typed condition at " + width + "x" + height, "rule-form-" + width + "-typed");
        ScrollPane marker = robot.lookup("#rule-when-marker-strip").queryAs(ScrollPane.class);
        assertThat(marker.getHvalue()).as("the marker's strip follows its caret to the word 'and'").isPositive();
        robot.interact(() -> {
            form.kindProperty().set(RuleKind.EXPRESSION);
            form.expressionProperty().set("(water_kg + superplasticizer_kg) / (cement_kg + fly_ash_kg + slag_kg"
                    + " + coarse_agg_kg + fine_agg_kg) >");
            robot.lookup("#rule-functions").queryAs(javafx.scene.control.TitledPane.class).setExpanded(true);
            model.expressionTryout().rowToTryProperty().set("2");
            model.expressionTryout().evaluateOnRow();
        });
        fits(robot, scroll, "an expression at " + width + "x" + height, "rule-form-" + width + "-expression-open");
        robot.interact(() -> {
            form.kindProperty().set(RuleKind.ALLOWED);
            form.columnProperty().set("SUPPLIER_CODE");
            form.valuesProperty().set("NORD\nALPC\nCEMS");
            model.readColumnValues();
        });
        waitFor(() -> !model.columnValues().isEmpty());
        fits(robot, scroll, "allowed values at " + width + "x" + height, "rule-form-" + width + "-allowed-read");
    }

    private void fits(FxRobot robot, ScrollPane scroll, String what, String shot) {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.take(robot, stage.getScene(), shot.toLowerCase(java.util.Locale.ROOT));
        assertThat(across(scroll)).as("%s needs no horizontal scrolling", what).isFalse();
        assertThat(scroll.getContent().getBoundsInParent().getWidth()).as("%s is as wide as its viewport", what)
                .isLessThanOrEqualTo(scroll.getViewportBounds().getWidth() + 0.5);
    }

    /** Whether the scroll pane shows its own horizontal scroll bar (not one of a strip inside it). */
    private static boolean across(ScrollPane scroll) {
        return scroll.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar bar
                && bar.getParent() == scroll && bar.getOrientation() == Orientation.HORIZONTAL && bar.isVisible());
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }
}
