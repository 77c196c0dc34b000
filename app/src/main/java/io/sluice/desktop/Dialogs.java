package io.sluice.desktop;

import io.sluice.desktop.task.ErrorText;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

import java.util.Optional;

/** The few dialogs every screen needs, all owned by the main window and styled with it. */
public final class Dialogs {

    private Dialogs() {
    }

    /** One sentence, with the stack trace behind "Show details" — never a raw trace in the user's face. */
    public static void error(Window owner, String title, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner);
        alert.setTitle("Sluice");
        alert.setHeaderText(title);
        alert.setContentText(ErrorText.sentence(error));
        TextArea details = new TextArea(ErrorText.details(error));
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(14);
        alert.getDialogPane().setExpandableContent(details);
        alert.getDialogPane().setId("error-dialog");
        alert.show();
    }

    /** Asks before something that cannot be taken back; true when the user confirmed. */
    public static boolean confirm(Window owner, String header, String text, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonType.OK.getButtonData());
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, yes, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Sluice");
        alert.setHeaderText(header);
        alert.getDialogPane().setId("confirm-dialog");
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    /** Says something that needs no answer. */
    public static void inform(Window owner, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle("Sluice");
        alert.setHeaderText(header);
        alert.showAndWait();
    }

    /** Asks for a non-blank line of text, e.g. a reject reason; empty when cancelled. */
    public static Optional<String> askText(Window owner, String header, String prompt, String initial) {
        TextInputDialog dialog = new TextInputDialog(initial);
        dialog.initOwner(owner);
        dialog.setTitle("Sluice");
        dialog.setHeaderText(header);
        dialog.setContentText(prompt);
        dialog.getEditor().setId("text-dialog-field");
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(dialog.getEditor().textProperty().isEmpty());
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }
}
