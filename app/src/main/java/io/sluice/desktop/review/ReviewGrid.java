package io.sluice.desktop.review;

import io.sluice.core.Severity;
import io.sluice.core.review.DecisionStatus;
import io.sluice.core.review.ReviewQuery.GridRow;
import io.sluice.core.review.ReviewQuery;
import io.sluice.core.rules.Finding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the grid's columns for the open review: row number, decision status, then one column per source column
 * whose cells are coloured by their worst finding and edited in place. Sorting is done by the review, not by the
 * table: a header click only changes the view model's sort.
 */
final class ReviewGrid {

    private static final String[] CELL_STYLES = {"severity-error", "severity-warning", "cell-loading",
            "cell-edited", "status-approved", "status-rejected", "status-pending", "row-error", "row-warning"};
    /** A row with an error finding anywhere, on a cell or on the row as a whole (a cross-field rule). */
    private static final PseudoClass ROW_ERRORS = PseudoClass.getPseudoClass("errors");
    private static final Set<String> CELL_STYLE_SET = Set.of(CELL_STYLES);

    private final TableView<GridRow> table;
    private final ReviewViewModel vm;
    private boolean swappingItems;

    ReviewGrid(TableView<GridRow> table, ReviewViewModel vm) {
        this.table = table;
        this.vm = vm;
        table.setFixedCellSize(26);
        table.setEditable(true);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setSortPolicy(t -> true);
        table.setRowFactory(t -> new MarkedRow());
        table.setPlaceholder(new Label("No rows match the filter."));
        table.getSortOrder().addListener((ListChangeListener<TableColumn<GridRow, ?>>) c ->
                sortChanged());
    }

    /** Replaces the columns with those of the review's source columns. */
    void build(List<String> headers) {
        table.getSortOrder().clear();
        table.getColumns().clear();
        TableColumn<GridRow, GridRow> number = column("Row", 64, -1);
        number.setId("col-row");
        number.setCellFactory(c -> new RowNumberCell());
        TableColumn<GridRow, GridRow> status = column("Status", 96, -2);
        status.setId("col-status");
        status.setSortable(false);
        status.setCellFactory(c -> new StatusCell());
        table.getColumns().add(number);
        table.getColumns().add(status);
        for (int i = 0; i < headers.size(); i++) {
            int index = i;
            TableColumn<GridRow, GridRow> column = column(headers.get(i), Math.max(110, Math.min(220,
                    headers.get(i).length() * 8 + 24)), i);
            column.setId("col-" + i);
            column.setEditable(true);
            column.setCellFactory(c -> new SourceCell(index, headers.get(index)));
            table.getColumns().add(column);
        }
    }

    /**
     * Shows a new view's rows. TableView clears its sort order when its items are replaced; the sort order is the
     * view model's, so it is put back without sorting again.
     */
    void setItems(ObservableList<GridRow> rows) {
        List<TableColumn<GridRow, ?>> order = List.copyOf(table.getSortOrder());
        swappingItems = true;
        try {
            table.setItems(rows);
            table.getSortOrder().setAll(order);
        } finally {
            swappingItems = false;
        }
    }

    /** The distinct grid positions of the selected cells, in order. */
    List<Integer> selectedPositions() {
        return table.getSelectionModel().getSelectedCells().stream().map(TablePosition::getRow).distinct().sorted()
                .collect(Collectors.toList());
    }

    /** Starts editing the focused cell, when it is a source cell. */
    void editFocused() {
        TablePosition<GridRow, ?> focused = table.getFocusModel().getFocusedCell();
        if (focused != null && focused.getTableColumn() != null && focused.getRow() >= 0
                && focused.getTableColumn().getUserData() instanceof Integer column && column >= 0) {
            table.edit(focused.getRow(), focused.getTableColumn());
        }
    }

    private TableColumn<GridRow, GridRow> column(String title, double width, int sourceIndex) {
        TableColumn<GridRow, GridRow> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setUserData(sourceIndex);
        column.setEditable(false);
        column.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        column.sortTypeProperty().addListener((obs, o, n) -> sortChanged());
        return column;
    }

    private void sortChanged() {
        if (swappingItems) {
            return;
        }
        if (table.getSortOrder().isEmpty()) {
            vm.filters().sortProperty().set(ReviewQuery.Sort.SOURCE_ORDER);
            return;
        }
        TableColumn<GridRow, ?> first = table.getSortOrder().get(0);
        int index = first.getUserData() instanceof Integer i ? i : -1;
        vm.filters().sortProperty().set(new ReviewQuery.Sort(Math.max(index, -1),
                first.getSortType() == TableColumn.SortType.ASCENDING));
    }

    /** The worst finding on a column of a row: errors before warnings. */
    static Severity worst(List<Finding> findings) {
        return findings.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElse(null);
    }

    private static String oneLine(String text) {
        return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text : text.replaceAll("\\R", " ⏎ ");
    }

    /**
     * Gives a cell exactly these of the grid's changing style classes (nulls ignored), touching its style classes only
     * when they differ: a page of rows arriving re-reads every visible cell, and each style change costs a CSS pass.
     */
    private static void restyle(TableCell<?, ?> cell, String... wanted) {
        List<String> want = Arrays.stream(wanted).filter(Objects::nonNull).toList();
        List<String> have = cell.getStyleClass().stream().filter(CELL_STYLE_SET::contains).toList();
        if (have.size() != want.size() || !have.containsAll(want)) {
            cell.getStyleClass().removeAll(CELL_STYLES);
            cell.getStyleClass().addAll(want);
        }
    }

    /** Sets a cell's tooltip text, keeping the tooltip it has when the text is the same. */
    private static void tip(TableCell<?, ?> cell, String text) {
        Tooltip current = cell.getTooltip();
        if (text == null) {
            if (current != null) {
                cell.setTooltip(null);
            }
        } else if (current == null || !text.equals(current.getText())) {
            cell.setTooltip(new Tooltip(text));
        }
    }

    /**
     * The row number, marked when the row has findings: red with "!" for errors, amber for warnings, every
     * finding of the row as tooltip — the only mark a finding on the row as a whole (no cell) gets.
     */
    private static final class RowNumberCell extends TableCell<GridRow, GridRow> {
        RowNumberCell() {
            getStyleClass().add("row-number");
        }

        @Override
        protected void updateItem(GridRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || PagedRows.isPlaceholder(row)) {
                setText(empty || row == null ? null : "…");
                restyle(this, empty || row == null ? null : "cell-loading");
                tip(this, null);
                return;
            }
            Severity severity = worst(row.findings());
            setText(severity == Severity.ERROR ? "! " + row.row() : String.valueOf(row.row()));
            restyle(this, severity == null ? null : severity == Severity.ERROR ? "row-error" : "row-warning");
            tip(this, severity == null ? null : findingsText(row));
        }
    }

    /** Every finding of a row, one a line, with its column or "whole row" when it is on no cell. */
    static String findingsText(GridRow row) {
        return row.findings().stream().map(f -> (f.severity() == Severity.ERROR ? "Error" : "Warning") + " · "
                + (f.cell() == null ? "whole row" : f.cell()) + ": " + f.message())
                .collect(Collectors.joining("\n"));
    }

    /** A grid row that carries the "errors" mark, so the whole row shows it has errors. */
    private static final class MarkedRow extends TableRow<GridRow> {
        @Override
        protected void updateItem(GridRow row, boolean empty) {
            super.updateItem(row, empty);
            pseudoClassStateChanged(ROW_ERRORS, !empty && row != null && !PagedRows.isPlaceholder(row)
                    && ReviewActions.hasErrors(row));
        }
    }

    private static final class StatusCell extends TableCell<GridRow, GridRow> {
        @Override
        protected void updateItem(GridRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || PagedRows.isPlaceholder(row)) {
                setText(empty || row == null ? null : "…");
                restyle(this);
                tip(this, null);
                return;
            }
            DecisionStatus status = row.decision() == null ? null : row.decision().status();
            setText(status == null ? "pending" : status.label());
            restyle(this, status == null ? "status-pending" : "status-" + status.label());
            tip(this, row.decision() == null ? null : row.decision().reason());
        }
    }

    /** A source cell: coloured by its worst finding, the messages as tooltip, edited in place. */
    private final class SourceCell extends TableCell<GridRow, GridRow> {
        private final int column;
        private final String header;
        private TextField editor;

        SourceCell(int column, String header) {
            this.column = column;
            this.header = header;
        }

        @Override
        protected void updateItem(GridRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                restyle(this);
                tip(this, null);
                return;
            }
            if (PagedRows.isPlaceholder(row)) {
                setText("…");
                restyle(this, "cell-loading");
                tip(this, null);
                return;
            }
            if (!isEditing()) {
                setText(column < row.cells().size() ? oneLine(row.cells().get(column)) : "");
                setContentDisplay(ContentDisplay.TEXT_ONLY);
            }
            List<Finding> mine = row.findings().stream().filter(f -> header.equals(f.column())).toList();
            Severity severity = worst(mine);
            String colour = severity == null ? null
                    : severity == Severity.ERROR ? "severity-error" : "severity-warning";
            restyle(this, colour, row.isEdited(column) ? "cell-edited" : null);
            tip(this, severity == null ? null
                    : mine.stream().map(Finding::message).collect(Collectors.joining("\n")));
        }

        @Override
        public void startEdit() {
            GridRow row = getItem();
            if (row == null || PagedRows.isPlaceholder(row)) {
                return;
            }
            super.startEdit();
            if (!isEditing()) {
                return;
            }
            editor = new TextField(column < row.cells().size() ? row.cells().get(column) : "");
            editor.setId("cell-editor");
            editor.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    String text = editor.getText();
                    int position = getIndex();
                    cancelEdit();
                    vm.actions().edit(position, column, text);
                    e.consume();
                } else if (e.getCode() == KeyCode.ESCAPE) {
                    cancelEdit();
                    e.consume();
                }
            });
            editor.focusedProperty().addListener((obs, was, focused) -> {
                if (!focused && isEditing()) {
                    cancelEdit();
                }
            });
            setGraphic(editor);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            editor.requestFocus();
            editor.selectAll();
        }

        @Override
        public void cancelEdit() {
            super.cancelEdit();
            setGraphic(null);
            setContentDisplay(ContentDisplay.TEXT_ONLY);
            editor = null;
            table.requestFocus();
        }
    }
}
