package io.sluice.desktop;

import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A divider is remembered where the steward puts it, not where a small window pushes it. */
@ExtendWith(ApplicationExtension.class)
class ViewsDividerTest {

    private final DesktopSettings settings = new DesktopSettings();
    private SplitPane split;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Region left = new Region();
        Region right = new Region();
        right.setMinWidth(300);
        split = new SplitPane(left, right);
        split.setDividerPositions(0.6);
        Views.rememberDivider(split, "test", settings);
        stage.setScene(new Scene(split, 1000, 400));
        stage.show();
    }

    @Test
    void aSmallWindowPushesTheDividerAsideWithoutItBeingRemembered(FxRobot robot) {
        robot.interact(() -> stage.setWidth(400));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(split.getDividers().get(0).getPosition()).as("pushed aside by the window").isLessThan(0.5);
        assertThat(settings.divider("test", -1)).as("nothing remembered").isEqualTo(-1);

        robot.interact(() -> {
            stage.setWidth(1000);
            split.getDividers().get(0).setPosition(0.4);
            Node divider = split.lookup(".split-pane-divider");
            Event.fireEvent(divider, new MouseEvent(MouseEvent.MOUSE_RELEASED, 0, 0, 0, 0, MouseButton.PRIMARY, 1,
                    false, false, false, false, false, false, false, false, false, false, null));
        });
        assertThat(settings.divider("test", -1)).as("where the steward dragged it").isEqualTo(0.4);
    }

    @Test
    void aWindowWideAgainPutsTheDividerBackWhereItWas(FxRobot robot) {
        robot.interact(() -> stage.setWidth(400));
        WaitForAsyncUtils.waitForFxEvents();

        robot.interact(() -> stage.setWidth(1000));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(split.getDividers().get(0).getPosition()).isCloseTo(0.6, within(0.01));
    }
}
