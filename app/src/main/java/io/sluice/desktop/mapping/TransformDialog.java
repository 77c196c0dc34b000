package io.sluice.desktop.mapping;

import io.sluice.core.profile.TransformSpec;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.List;
import java.util.Optional;

/** Edits one column's transforms: trim, case, null markers, number format, date patterns, default. */
final class TransformDialog {

    private TransformDialog() {
    }

    /** Shows the dialog; the new transform list, or empty when cancelled. */
    static Optional<List<TransformSpec>> edit(Window owner, MappingRow row) {
        TransformSettings current = TransformSettings.of(row.transformsProperty().get());
        Dialog<List<TransformSpec>> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Sluice");
        dialog.setHeaderText("Transforms for '" + row.source() + "' → " + row.targetProperty().get());
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setId("transform-dialog");

        CheckBox trim = new CheckBox("_Trim surrounding spaces");
        trim.setId("transform-trim");
        trim.setSelected(current.trim());
        ComboBox<String> letterCase = new ComboBox<>();
        letterCase.setId("transform-case");
        letterCase.getItems().setAll(TransformSettings.CASES);
        letterCase.setConverter(new StringConverter<>() {
            @Override
            public String toString(String c) {
                return TransformSettings.caseLabel(c);
            }

            @Override
            public String fromString(String text) {
                return null;
            }
        });
        letterCase.setValue(current.letterCase());
        TextField markers = field("transform-null-markers", String.join(", ", current.nullMarkers()),
                "N/A, -, n.a.");
        CheckBox comma = new CheckBox("Decimal _comma (1.234,5)");
        comma.setId("transform-decimal-comma");
        comma.setSelected(current.decimalComma());
        TextField locale = field("transform-locale", current.numberLocale(), "e.g. de-CH");
        TextField patterns = field("transform-date", String.join(" | ", current.datePatterns()),
                "dd.MM.yyyy | yyyy-MM-dd");
        TextField fallback = field("transform-default", current.defaultValue(), "used when the cell is empty");

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.addRow(0, new Label("Text"), trim);
        grid.addRow(1, new Label("Letter case"), letterCase);
        grid.addRow(2, new Label("No value when"), markers);
        grid.addRow(3, new Label("Numbers"), comma);
        grid.addRow(4, new Label("Number locale"), locale);
        grid.addRow(5, new Label("Date patterns"), patterns);
        grid.addRow(6, new Label("Default"), fallback);
        if (!current.others().isEmpty()) {
            grid.addRow(7, new Label("Also kept"), new Label(TransformSettings.describe(current.others())));
        }
        dialog.getDialogPane().setContent(grid);
        dialog.setResultConverter(button -> button != ButtonType.OK ? null : new TransformSettings(
                trim.isSelected(), letterCase.getValue(), TransformSettings.split(markers.getText(), ','),
                comma.isSelected(), locale.getText(), TransformSettings.split(patterns.getText(), '|'),
                fallback.getText(), current.others()).toSpecs());
        return dialog.showAndWait();
    }

    private static TextField field(String id, String text, String prompt) {
        TextField field = new TextField(text == null ? "" : text);
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(24);
        return field;
    }
}
