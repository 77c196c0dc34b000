package io.sluice.desktop.review;

import io.sluice.core.profile.ProfileIO;
import io.sluice.desktop.Samples;
import io.sluice.desktop.Step;
import io.sluice.desktop.app.DesktopShell;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Review step's toolbar and filter bar in a 640x480 window: the step is no wider than the window (nothing
 * scrolls sideways) and every button and filter lies inside it; at 1280x800 (the headless screen's size) each bar is
 * one line.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewToolbarViewTest {

    private static final List<String> BAR_CONTROLS = List.of("#approve-button", "#reject-button", "#bulk-button",
            "#fix-button", "#undo-button", "#redo-button", "#status-filter", "#finding-filter", "#search-field",
            "#count-shown");

    @TempDir
    Path home;

    private DesktopShell shell;

    @Start
    void start(Stage stage) {
        shell = DesktopShell.open(stage, home);
        stage.setWidth(1280);
        stage.setHeight(800);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> shell.close());
    }

    @Test
    void theToolbarAndFiltersFitA640By480WindowAndStayOneLineEachInALargeOne(FxRobot robot) {
        openTheSample(robot);

        resize(robot, 640, 480);
        ScrollPane scroll = robot.lookup("#step-scroll").queryAs(ScrollPane.class);
        Node content = robot.lookup("#review-content").query();
        double viewport = scroll.getViewportBounds().getWidth();
        assertThat(content.getLayoutBounds().getWidth()).as("the review step is no wider than the window's room")
                .isLessThanOrEqualTo(viewport + 0.5);
        Bounds room = scroll.localToScene(scroll.getLayoutBounds());
        for (String id : BAR_CONTROLS) {
            Bounds control = bounds(robot, id);
            assertThat(control.getWidth()).as(id + " is drawn").isGreaterThan(0);
            assertThat(control.getMinX()).as(id + " starts inside the window").isGreaterThanOrEqualTo(room.getMinX());
            assertThat(control.getMaxX()).as(id + " ends inside the window").isLessThanOrEqualTo(room.getMaxX() + 0.5);
        }
        assertThat(bounds(robot, "#redo-button").getMinY()).as("the toolbar wraps onto a second line")
                .isGreaterThan(bounds(robot, "#approve-button").getMaxY());

        resize(robot, 1280, 800);
        for (String bar : List.of("#review-toolbar", "#review-filters")) {
            Parent parent = robot.lookup(bar).queryAs(Parent.class);
            double top = parent.getChildrenUnmodifiable().get(0).getBoundsInParent().getMinY();
            double height = parent.getChildrenUnmodifiable().stream().filter(Node::isManaged)
                    .mapToDouble(n -> n.getBoundsInParent().getHeight()).max().orElseThrow();
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (child.isManaged()) {
                    assertThat(child.getBoundsInParent().getMinY()).as(bar + ": " + child + " on the first line")
                            .isLessThan(top + height);
                }
            }
        }
        assertThat(robot.lookup("#review-content").query().getLayoutBounds().getWidth())
                .as("a large window's room is used").isGreaterThan(1000);
    }

    private void openTheSample(FxRobot robot) {
        Samples.Sample ds1 = Samples.all().get(0);
        Path source = Samples.extract(ds1, home);
        robot.interact(() -> {
            shell.context().workbench().sourceFileProperty().set(source);
            shell.context().workbench().profileProperty().set(ProfileIO.read(Samples.profileOf(ds1, home)));
            shell.context().validation().start();
            shell.context().workbench().stepProperty().set(Step.REVIEW);
        });
        waitFor(() -> "Pending 200".equals(robot.lookup("#count-pending").queryAs(Label.class).getText()));
        waitFor(() -> robot.lookup("#review-content").query().isVisible());
    }

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            shell.stage().setWidth(width);
            shell.stage().setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds bounds(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node.localToScene(node.getLayoutBounds());
    }

    private static void waitFor(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for the screen", e);
        }
    }
}
