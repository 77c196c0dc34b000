package io.sluice.desktop.mapping;

import io.sluice.core.mapping.MappedValue;
import io.sluice.core.profile.TableReference;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One table's tab in the mapping onto several tables: its sheet, natural key and commit mode, its first problem, the
 * mapping grid (the single-table grid's cells), the unpivot editor, the references to the other tables and the
 * preview of the rows the first source rows make. Built in code because there is one per table; ids end in the
 * table's position.
 */
final class TablePartPane {

    private final TablesMappingViewModel model;
    private final TablePart part;
    private final int index;
    private final Supplier<Window> window;
    private final VBox root = new VBox(10);

    TablePartPane(TablesMappingViewModel model, TablePart part, int index, Supplier<Window> window) {
        this.model = model;
        this.part = part;
        this.index = index;
        this.window = window;
        root.setPadding(new Insets(10, 0, 0, 0));
        root.getChildren().addAll(settings(), warnings(), grid(), unpivot(), references(), preview());
    }

    Node root() {
        return root;
    }

    private Node settings() {
        ComboBox<String> sheet = new ComboBox<>(model.sheets());
        sheet.setId("sheet-" + index);
        sheet.valueProperty().bindBidirectional(part.sheetProperty());
        TextField key = new TextField(String.join(", ", part.naturalKey()));
        key.setId("natural-key-" + index);
        key.setPrefColumnCount(18);
        key.setPromptText("e.g. mix_code");
        // applies when the steward leaves the field or presses Enter, not at each keystroke
        key.setOnAction(e -> part.setNaturalKey(key.getText()));
        key.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                part.setNaturalKey(key.getText());
            }
        });
        part.naturalKey().addListener((ListChangeListener<String>) c -> {
            if (!key.isFocused()) {
                key.setText(String.join(", ", part.naturalKey()));
            }
        });
        ComboBox<String> mode = new ComboBox<>(FXCollections.observableArrayList(TablePart.COMMIT_MODES));
        mode.setId("commit-mode-" + index);
        mode.valueProperty().bindBidirectional(part.commitModeProperty());
        FlowPane row = new FlowPane(10, 8, labelled("Sheet", sheet), labelled("Natural key", key),
                labelled("Commit mode", mode));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Node labelled(String text, Node control) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        label.setMinWidth(Label.USE_PREF_SIZE);
        HBox box = new HBox(6, label, control);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node warnings() {
        Label problem = wrapping("table-problem-" + index, "mapping-blocker");
        problem.textProperty().bind(Bindings.createStringBinding(() -> part.problemProperty().get() == null ? ""
                : part.problemProperty().get(), part.problemProperty()));
        Label notes = wrapping("table-notes-" + index, "mapping-warning");
        notes.textProperty().bind(part.notesProperty());
        Label required = wrapping("table-required-" + index, "mapping-warning");
        required.textProperty().bind(part.missingRequiredProperty());
        VBox box = new VBox(2, problem, notes, required);
        for (Label label : List.of(problem, notes, required)) {
            label.managedProperty().bind(label.textProperty().isNotEmpty());
            label.visibleProperty().bind(label.managedProperty());
        }
        return box;
    }

    private static Label wrapping(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        return label;
    }

    private Node grid() {
        ObservableList<String> choices = FXCollections.observableArrayList();
        Runnable fill = () -> {
            List<String> all = new ArrayList<>();
            all.add(MappingCells.NOT_MAPPED);
            all.addAll(part.targetColumns());
            choices.setAll(all);
        };
        fill.run();
        part.targetColumns().addListener((ListChangeListener<String>) c -> fill.run());
        TableView<MappingRow> grid = new TableView<>(part.rows());
        grid.setId("table-grid-" + index);
        grid.setPrefHeight(230);
        grid.setMinHeight(120);
        grid.setRowFactory(t -> new MappingCells.StyledRow());
        grid.setPlaceholder(new Label("The sheet feeding this table could not be read."));
        TableColumn<MappingRow, String> source = column("Source column", 170, r -> new ReadOnlyStringWrapper(
                r.source()));
        TableColumn<MappingRow, String> samples = column("Sample values", 170, r -> new ReadOnlyStringWrapper(
                r.samples()));
        TableColumn<MappingRow, String> target = column("Target column", 180, MappingRow::targetProperty);
        target.setCellFactory(c -> new MappingCells.TargetCell(part.edits(), choices));
        TableColumn<MappingRow, String> transforms = column("Transforms", 180, MappingRow::transformsSummaryProperty);
        transforms.setCellFactory(c -> new MappingCells.TransformCell(part.edits(), window));
        TableColumn<MappingRow, MappingRow.Status> status = new TableColumn<>("Status");
        status.setPrefWidth(110);
        status.setCellValueFactory(c -> c.getValue().statusProperty());
        status.setCellFactory(c -> new MappingCells.StatusCell(part.edits()));
        List<TableColumn<MappingRow, ?>> columns = List.of(source, samples, target, transforms, status);
        columns.forEach(c -> c.setSortable(false));
        grid.getColumns().setAll(columns);
        Button confirmAll = new Button("Confirm all _high-confidence");
        confirmAll.setId("table-confirm-all-" + index);
        confirmAll.setOnAction(e -> part.edits().confirmAllHighConfidence());
        confirmAll.disableProperty().bind(Bindings.createBooleanBinding(() -> !part.edits()
                .anyHighConfidencePending(), part.rows()));
        Label title = new Label("Columns");
        title.getStyleClass().add("section-title");
        HBox header = new HBox(10, title, grow(new Label()), confirmAll);
        header.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, header, grid);
    }

    private static <T> TableColumn<T, String> column(String title, double width,
            javafx.util.Callback<T, javafx.beans.value.ObservableValue<String>> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> value.call(c.getValue()));
        return column;
    }

    private static Node grow(Node node) {
        HBox.setHgrow(node, Priority.ALWAYS);
        return node;
    }

    private Node unpivot() {
        UnpivotEditor editor = part.unpivot();
        CheckBox on = new CheckBox("One row per non-blank cell");
        on.setId("unpivot-on-" + index);
        on.selectedProperty().bindBidirectional(editor.enabledProperty());
        ListView<String> columns = new ListView<>(part.sheetColumns());
        columns.setId("unpivot-columns-" + index);
        columns.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        columns.setPrefHeight(170);
        columns.setPrefWidth(240);
        columns.setCellFactory(CheckBoxListCell.forListView(column -> {
            javafx.beans.property.BooleanProperty chosen = new javafx.beans.property.SimpleBooleanProperty(
                    editor.isChosen(column));
            chosen.addListener((obs, was, now) -> editor.choose(column, now));
            return chosen;
        }));
        editor.columns().addListener((ListChangeListener<String>) c -> columns.refresh());

        ComboBox<String> headerTarget = new ComboBox<>(part.targetColumns());
        headerTarget.setId("unpivot-header-target-" + index);
        headerTarget.valueProperty().bindBidirectional(editor.headerTargetProperty());
        TableView<UnpivotEditor.HeaderValue> values = new TableView<>(editor.headerValues());
        values.setId("unpivot-header-values-" + index);
        values.setEditable(true);
        values.setPrefHeight(170);
        values.setPlaceholder(new Label("Tick the columns to unpivot."));
        TableColumn<UnpivotEditor.HeaderValue, String> header = column("Header", 190,
                h -> new ReadOnlyStringWrapper(h.header()));
        TableColumn<UnpivotEditor.HeaderValue, String> value = column("Becomes (empty: the header)", 190,
                UnpivotEditor.HeaderValue::valueProperty);
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        value.setEditable(true);
        value.setOnEditCommit(e -> editor.setHeaderValue(e.getRowValue().header(), e.getNewValue()));
        values.getColumns().setAll(List.of(header, value));
        values.getColumns().forEach(c -> c.setSortable(false));

        ComboBox<String> valueTarget = new ComboBox<>(part.targetColumns());
        valueTarget.setId("unpivot-value-target-" + index);
        valueTarget.valueProperty().bindBidirectional(editor.valueTargetProperty());
        Label transforms = new Label();
        transforms.textProperty().bind(Bindings.createStringBinding(() -> TransformSettings.describe(
                editor.valueTransformsProperty().get()), editor.valueTransformsProperty()));
        Button edit = new Button("Transforms…");
        edit.setId("unpivot-value-transforms-" + index);
        edit.setOnAction(e -> {
            MappingRow cell = new MappingRow("each cell", "");
            cell.assign(editor.valueTargetProperty().get(), editor.valueTransformsProperty().get(), null, "", true);
            TransformDialog.edit(window.get(), cell).ifPresent(editor.valueTransformsProperty()::set);
        });
        VBox where = new VBox(8, labelled("Header goes to", headerTarget), values,
                labelled("Cell goes to", valueTarget), new HBox(8, transforms, edit));
        FlowPane body = new FlowPane(16, 10, new VBox(6, new Label("Columns to unpivot"), columns), where);
        body.disableProperty().bind(editor.enabledProperty().not());
        TitledPane pane = new TitledPane("Unpivot", new VBox(8, on, body));
        pane.setId("unpivot-" + index);
        pane.setExpanded(editor.enabledProperty().get());
        return pane;
    }

    private Node references() {
        TableView<TableReference> table = new TableView<>(part.references());
        table.setId("references-" + index);
        table.setPrefHeight(120);
        table.setPlaceholder(new Label("No column of this table refers to another table of the mapping."));
        TableColumn<TableReference, String> column = column("Column", 160, r -> new ReadOnlyStringWrapper(
                r.column()));
        TableColumn<TableReference, String> parent = column("Parent table", 160, r -> new ReadOnlyStringWrapper(
                r.table()));
        TableColumn<TableReference, String> key = column("Looked up through", 200, r -> new ReadOnlyStringWrapper(
                model.parentKeyOf(r)));
        table.getColumns().setAll(List.of(column, parent, key));
        table.getColumns().forEach(c -> c.setSortable(false));

        ComboBox<String> newColumn = new ComboBox<>(part.targetColumns());
        newColumn.setId("reference-column-" + index);
        newColumn.setPromptText("column");
        ComboBox<String> newParent = new ComboBox<>();
        newParent.setId("reference-parent-" + index);
        newParent.setPromptText("parent table");
        newParent.setOnShowing(e -> newParent.getItems().setAll(model.parentChoices(part)));
        ComboBox<String> newKey = new ComboBox<>();
        newKey.setId("reference-key-" + index);
        newKey.setPromptText("through its natural key");
        newKey.setOnShowing(e -> newKey.getItems().setAll(model.keyChoices(newParent.getValue())));
        newParent.valueProperty().addListener((obs, old, now) -> newKey.setValue(null));
        Button set = new Button("Refer");
        set.setId("reference-set-" + index);
        set.disableProperty().bind(newColumn.valueProperty().isNull().or(newParent.valueProperty().isNull()));
        set.setOnAction(e -> part.setReference(newColumn.getValue(), newParent.getValue(), newKey.getValue()));
        Button remove = new Button("Remove");
        remove.setId("reference-remove-" + index);
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> part.setReference(table.getSelectionModel().getSelectedItem().column(), null, null));
        Button fromTarget = new Button("Add from the target's foreign keys");
        fromTarget.setId("reference-from-fks-" + index);
        fromTarget.setOnAction(e -> model.addForeignKeyReferences(part));
        FlowPane actions = new FlowPane(8, 8, newColumn, new Label("holds a key of"), newParent, newKey, set,
                remove, fromTarget);
        actions.setAlignment(Pos.CENTER_LEFT);
        TitledPane pane = new TitledPane("References to other tables", new VBox(8, table, actions));
        pane.setId("references-pane-" + index);
        pane.setExpanded(!part.references().isEmpty());
        return pane;
    }

    private Node preview() {
        TableView<MappingPreview.Row> table = new TableView<>();
        table.setId("table-preview-" + index);
        table.setPrefHeight(200);
        table.setMinHeight(90);
        Label placeholder = new Label();
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("muted");
        table.setPlaceholder(placeholder);
        Runnable show = () -> {
            MappingPreview preview = part.previewProperty().get();
            placeholder.setText(part.previewErrorProperty().get() != null ? part.previewErrorProperty().get()
                    : "Map a column to see the rows this table gets.");
            List<TableColumn<MappingPreview.Row, ?>> columns = new ArrayList<>();
            if (preview != null) {
                columns.add(column("Source row", 90, r -> new ReadOnlyStringWrapper(String.valueOf(r.number()))));
                for (int i = 0; i < preview.columns().size(); i++) {
                    int at = i;
                    TableColumn<MappingPreview.Row, MappedValue> c = new TableColumn<>(preview.columns().get(i));
                    c.setPrefWidth(130);
                    c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().values().get(at)));
                    c.setCellFactory(x -> new MappingCells.PreviewCell());
                    columns.add(c);
                }
            }
            columns.forEach(c -> c.setSortable(false));
            table.getColumns().setAll(columns);
            table.getItems().setAll(preview == null ? List.of() : preview.rows());
        };
        part.previewProperty().addListener((obs, old, now) -> show.run());
        part.previewErrorProperty().addListener((obs, old, now) -> show.run());
        show.run();
        Label title = new Label("Preview");
        title.getStyleClass().add("section-title");
        Label hint = new Label("the rows of this table the first " + TablesSources.PREVIEW_SOURCE_ROWS
                + " source rows make");
        hint.getStyleClass().add("muted");
        HBox header = new HBox(8, title, hint);
        header.setAlignment(Pos.BASELINE_LEFT);
        return new VBox(6, header, table);
    }
}
