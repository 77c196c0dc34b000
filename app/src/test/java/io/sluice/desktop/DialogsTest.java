package io.sluice.desktop;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared dialogs take only what they can use: a reason of spaces alone cannot be confirmed. */
@ExtendWith(ApplicationExtension.class)
class DialogsTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void aReasonOfSpacesAloneCannotBeConfirmedSoOkNeverClosesTheDialogHavingDoneNothing(FxRobot robot)
            throws TimeoutException {
        AtomicReference<Optional<String>> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(Dialogs.askText(stage, "Reject row 6", "Why?", "")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#text-dialog-field").tryQuery()
                .isPresent());
        TextField field = robot.lookup("#text-dialog-field").queryAs(TextField.class);
        Button ok = (Button) ((DialogPane) field.getScene().getRoot()).lookupButton(ButtonType.OK);

        robot.interact(() -> field.setText("   "));
        assertThat(ok.isDisabled()).isTrue();

        robot.interact(() -> field.setText("  Wrong supplier "));
        assertThat(ok.isDisabled()).isFalse();
        robot.interact(ok::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> answer.get() != null);
        assertThat(answer.get()).contains("Wrong supplier");
    }

    @Test
    void enterOnAQuestionBeforeSomethingThatCannotBeTakenBackCancelsInsteadOfConfirming(FxRobot robot)
            throws TimeoutException {
        AtomicReference<Boolean> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(Dialogs.confirm(stage, "Close Sluice without saving the profile?",
                "Profile 'mixes' has changes that are in no profile file.", "Close without saving")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#confirm-dialog").tryQuery()
                .isPresent());
        DialogPane pane = robot.lookup("#confirm-dialog").queryAs(DialogPane.class);
        Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
        Button confirm = pane.getButtonTypes().stream().filter(t -> t != ButtonType.CANCEL)
                .map(t -> (Button) pane.lookupButton(t)).findFirst().orElseThrow();
        assertThat(cancel.isDefaultButton()).as("Enter keeps the work").isTrue();
        assertThat(confirm.isDefaultButton()).isFalse();

        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> answer.get() != null);

        assertThat(answer.get()).isFalse();
    }
}
