package io.sluice.desktop;

import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** For flows through a question: its confirming button is clicked, since Enter takes Cancel, the default. */
public final class Questions {

    private Questions() {
    }

    /** Waits for the question on screen and clicks its confirming button (the one that is not Cancel). */
    public static void confirm(FxRobot robot) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery()
                    .isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("No question was asked", e);
        }
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        ButtonType yes = pane.getButtonTypes().stream()
                .filter(t -> t.getButtonData() == ButtonBar.ButtonData.OK_DONE).findFirst().orElseThrow();
        Node button = pane.lookupButton(yes);
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
