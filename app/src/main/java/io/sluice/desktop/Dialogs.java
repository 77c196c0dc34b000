package io.sluice.desktop;

import io.sluice.desktop.task.ErrorText;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Alert;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * Asks before something that cannot be taken back; true when the user confirmed. Cancel is the default button
     * and has the focus, so Enter (or Space) pressed out of habit keeps the work; the confirming button is clicked
     * or reached with Tab.
     */
    public static boolean confirm(Window owner, String header, String text, String confirmLabel) {
        return confirm(owner, header, text, confirmLabel, ButtonType.CANCEL);
    }

    /** As {@link #confirm(Window, String, String, String)}, the default answer labelled {@code declineLabel}. */
    public static boolean confirm(Window owner, String header, String text, String confirmLabel,
                                  String declineLabel) {
        return confirm(owner, header, text, confirmLabel,
                new ButtonType(declineLabel, ButtonType.CANCEL.getButtonData()));
    }

    private static boolean confirm(Window owner, String header, String text, String confirmLabel, ButtonType no) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonType.OK.getButtonData());
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, yes, no);
        alert.initOwner(owner);
        alert.setTitle("Sluice");
        alert.setHeaderText(header);
        alert.getDialogPane().setId("confirm-dialog");
        ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        Button cancel = (Button) alert.getDialogPane().lookupButton(no);
        cancel.setDefaultButton(true);
        alert.setOnShown(shown -> cancel.requestFocus());
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
        // spaces alone are no answer: OK would close the dialog and nothing would happen
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(Bindings.createBooleanBinding(
                () -> dialog.getEditor().getText().isBlank(), dialog.getEditor().textProperty()));
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    /** Asks for a few values at once (text fields and choices); the answers in order, empty when cancelled. */
    public static Optional<List<String>> askForm(Window owner, String header, String text,
                                                 List<DialogService.Field> fields) {
        return askForm(owner, header, text, fields, ButtonType.OK);
    }

    /**
     * Asks for a few values at once, the confirming button labelled {@code confirmLabel}; the answers in order, empty
     * when cancelled.
     */
    public static Optional<List<String>> askForm(Window owner, String header, String text,
                                                 List<DialogService.Field> fields, String confirmLabel) {
        return askForm(owner, header, text, fields, new ButtonType(confirmLabel, ButtonType.OK.getButtonData()));
    }

    private static Optional<List<String>> askForm(Window owner, String header, String text,
                                                  List<DialogService.Field> fields, ButtonType yes) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Sluice");
        dialog.setHeaderText(header);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        List<Control> inputs = new ArrayList<>();
        for (DialogService.Field field : fields) {
            Control input;
            if (field.choices().isEmpty()) {
                TextField line = new TextField(field.initial());
                line.setPrefColumnCount(24);
                input = line;
            } else {
                ChoiceBox<String> choice = new ChoiceBox<>();
                choice.getItems().setAll(field.choices());
                choice.setValue(field.initial());
                input = choice;
            }
            input.setId("form-field-" + inputs.size());
            Label label = new Label(field.label());
            label.setLabelFor(input);
            grid.addRow(inputs.size(), label, input);
            inputs.add(input);
        }
        if (text != null && !text.isEmpty()) {
            Label note = new Label(text);
            note.setWrapText(true);
            note.setMaxWidth(420);
            grid.add(note, 0, inputs.size(), 2, 1);
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(yes, ButtonType.CANCEL);
        dialog.getDialogPane().setId("form-dialog");
        return dialog.showAndWait().filter(yes::equals).map(ok -> inputs.stream()
                .map(input -> input instanceof TextField line ? line.getText()
                        : String.valueOf(((ChoiceBox<?>) input).getValue()))
                .toList());
    }
}
