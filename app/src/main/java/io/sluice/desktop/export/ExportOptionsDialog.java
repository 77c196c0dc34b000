package io.sluice.desktop.export;

import io.sluice.core.export.CsvOptions;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Asks how to write an export: for a CSV its delimiter, byte order mark for Excel and formula guard (on by default);
 * for the rejected rows and the back-to-sender workbook whether to show the source value of cells the steward's
 * fixes and edits changed (off by default).
 */
final class ExportOptionsDialog {

    /** What the steward chose: the CSV options (the defaults for the workbook) and the original values. */
    record Choice(CsvOptions csv, boolean originalValues) {
    }

    private static final Map<String, Character> DELIMITERS = new LinkedHashMap<>();

    static {
        DELIMITERS.put("Comma  ,", ',');
        DELIMITERS.put("Semicolon  ;", ';');
        DELIMITERS.put("Tab", '\t');
        DELIMITERS.put("Pipe  |", '|');
    }

    private ExportOptionsDialog() {
    }

    /** The options chosen, or empty when the steward cancelled. */
    static Optional<Choice> ask(Window owner, ExportKind kind) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Sluice");
        dialog.setHeaderText("Export " + kind.what() + (kind.usesCsvOptions() ? " as CSV" : ""));
        ComboBox<String> delimiter = new ComboBox<>();
        delimiter.setId("export-delimiter");
        delimiter.getItems().setAll(DELIMITERS.keySet());
        delimiter.getSelectionModel().selectFirst();
        CheckBox bom = new CheckBox("Start with a _byte order mark (Excel then reads accents correctly)");
        bom.setId("export-bom");
        CheckBox guard = new CheckBox("_Guard against formulas");
        guard.setId("export-formula-guard");
        guard.setSelected(true);
        Label explanation = new Label("Cells starting with = + - @ get a leading ' so a spreadsheet shows them as"
                + " text instead of running them.");
        explanation.setWrapText(true);
        explanation.setMaxWidth(420);
        explanation.getStyleClass().add("muted");
        CheckBox originals = new CheckBox(kind == ExportKind.RETURN_WORKBOOK
                ? "Show the sender's _original values, with what Sluice changed them to as a comment"
                : "Add a column with the _original value of each cell a fix or an edit changed");
        originals.setId("export-original-values");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(12, 12, 4, 12));
        int line = 0;
        if (kind.usesCsvOptions()) {
            Label delimiterLabel = new Label("_Delimiter:");
            delimiterLabel.setMnemonicParsing(true);
            delimiterLabel.setLabelFor(delimiter);
            grid.add(delimiterLabel, 0, line);
            grid.add(delimiter, 1, line++);
            grid.add(bom, 0, line++, 2, 1);
            grid.add(guard, 0, line++, 2, 1);
            grid.add(explanation, 0, line++, 2, 1);
        }
        if (kind.showsOriginalValues()) {
            grid.add(originals, 0, line, 2, 1);
        }
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setId("export-options");
        ButtonType next = new ButtonType("Choose file…", ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().setAll(next, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button != next ? null : new Choice(CsvOptions.DEFAULTS
                .withDelimiter(DELIMITERS.get(delimiter.getValue()))
                .withBom(bom.isSelected())
                .withGuardFormulas(guard.isSelected()), originals.isSelected()));
        return dialog.showAndWait();
    }
}
