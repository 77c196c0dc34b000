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
import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.scene.Node;
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
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the grid's columns for the open review: row number, decision status, then one column per source column
 * whose cells are coloured by their worst finding and edited in place. Sorting is done by the review, not by the
 * table: a header click only changes the view model's sort.
 */
final class ReviewGrid {

    /** A row with an error finding anywhere, on a cell or on the row as a whole (a cross-field rule). */
    private static final PseudoClass ROW_ERRORS = PseudoClass.getPseudoClass("errors");
    /*
     * A cell's marks are pseudo-classes, not style classes: changing a style class makes JavaFX look up the cell's
     * styles again (every selector of every stylesheet), a pseudo-class only switches between styles it has looked
     * up already, and every filter, search or page arriving changes the marks of the cells on screen.
     */
    /** A source cell with an error finding, or a row number of a row with one. */
    static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    /** A source cell with a warning (and no error), or a row number of a row with one. */
    static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    /** A cell whose row's page is being read: it shows "…". */
    static final PseudoClass LOADING = PseudoClass.getPseudoClass("loading");
    /** A source cell the steward edited. */
    static final PseudoClass EDITED = PseudoClass.getPseudoClass("edited");
    static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    static final PseudoClass APPROVED = PseudoClass.getPseudoClass("approved");
    static final PseudoClass REJECTED = PseudoClass.getPseudoClass("rejected");
    private static final List<PseudoClass> MARKS = List.of(ERROR, WARNING, LOADING, EDITED, PENDING, APPROVED,
            REJECTED);

    /** The grid's text size, the root's in sluice.css: the columns' widths are measured in it. */
    private static final double GRID_FONT_SIZE = 13;

    private final TableView<GridRow> table;
    private final ReviewViewModel vm;
    private boolean swappingItems;
    private final LateColumns<GridRow> columnsLater;

    ReviewGrid(TableView<GridRow> table, ReviewViewModel vm) {
        this.table = table;
        this.vm = vm;
        this.columnsLater = new LateColumns<>(table);
        table.setFixedCellSize(26);
        table.setSkin(new GridSkin<>(table));
        table.setEditable(true);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setSortPolicy(t -> true);
        table.setRowFactory(t -> new MarkedRow());
        table.setPlaceholder(new Label("No rows match the filter."));
        table.getSortOrder().addListener((ListChangeListener<TableColumn<GridRow, ?>>) c ->
                sortChanged());
        // JavaFX's header sorts on any button's release that did not move since its press, and on Linux the menu's
        // popup trigger is the press, so a right-click sorted as well as opening the header's menu. Only the
        // primary button reaches the header; the menu request is an event of its own and still arrives.
        EventHandler<MouseEvent> onlyPrimary = e -> {
            if (e.getButton() != MouseButton.PRIMARY && headerOf(e.getTarget(), table) != null) {
                e.consume();
            }
        };
        table.addEventFilter(MouseEvent.MOUSE_PRESSED, onlyPrimary);
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, onlyPrimary);
    }

    /** The column header that {@code target} is part of, within {@code grid}, or null when it is not in one. */
    static TableColumnHeader headerOf(EventTarget target, Node grid) {
        for (Node n = target instanceof Node node ? node : null; n != null && n != grid; n = n.getParent()) {
            if (n instanceof TableColumnHeader header) {
                return header;
            }
        }
        return null;
    }

    /** Replaces the columns with those of the review's source columns. */
    void build(List<String> headers) {
        table.getSortOrder().clear();
        List<TableColumn<GridRow, ?>> columns = new ArrayList<>();
        TableColumn<GridRow, GridRow> number = column("Row", 64, -1);
        number.setId("col-row");
        number.setCellFactory(c -> new RowNumberCell());
        TableColumn<GridRow, GridRow> status = column("Status", 84, -2);
        status.setId("col-status");
        status.setSortable(false);
        status.setCellFactory(c -> new StatusCell());
        columns.add(number);
        columns.add(status);
        Text measured = new Text();
        measured.setFont(Font.font(GRID_FONT_SIZE));
        List<Double> widths = ColumnWidths.of(headers, vm.firstPage(), text -> {
            measured.setText(text);
            return measured.getLayoutBounds().getWidth();
        });
        for (int i = 0; i < headers.size(); i++) {
            int index = i;
            TableColumn<GridRow, GridRow> column = column(headers.get(i), widths.get(i), i);
            column.setId("col-" + i);
            column.setEditable(true);
            column.setCellFactory(c -> new SourceCell(index, headers.get(index)));
            columns.add(column);
        }
        columnsLater.set(columns);
    }

    /**
     * Shows a new view's rows. TableView clears its sort order when its items are replaced; the sort order is the
     * view model's, so it is put back without sorting again.
     */
    void setItems(ObservableList<GridRow> rows) {
        if (rows == null || rows.isEmpty()) {
            // no rows to make: nothing to wait for
            columnsLater.addNow();
        }
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
     * A grid cell with marks (pseudo-classes) and a tooltip that is made when the pointer first rests on the cell and
     * kept: a cell shows many rows in turn, and a tooltip is a popup window with a scene of its own, which made for
     * every cell with a finding was a third of the JavaFX thread's work in showing a filter's first rows.
     */
    private abstract static class MarkedCell extends TableCell<GridRow, GridRow> {
        private Tooltip tooltip;
        private String tipText;

        MarkedCell() {
            // entered comes before the move that enters, and the tooltip's timer starts on moves: it shows as ever
            addEventHandler(MouseEvent.MOUSE_ENTERED, e -> showTip());
        }

        /** Gives the cell exactly these of the grid's marks. */
        final void mark(PseudoClass... on) {
            for (PseudoClass mark : MARKS) {
                boolean wanted = false;
                for (PseudoClass o : on) {
                    wanted |= o == mark;
                }
                pseudoClassStateChanged(mark, wanted);
            }
        }

        /** Shows {@code text} as the cell's tooltip when the pointer rests on it; none when null. */
        final void tip(String text) {
            tipText = text;
            if (getTooltip() != null || isHover()) {
                showTip();
            }
        }

        private void showTip() {
            if (tipText == null) {
                if (getTooltip() != null) {
                    setTooltip(null);
                }
                return;
            }
            if (tooltip == null) {
                tooltip = new Tooltip(tipText);
            } else if (!tipText.equals(tooltip.getText())) {
                tooltip.setText(tipText);
            }
            if (getTooltip() != tooltip) {
                setTooltip(tooltip);
            }
        }
    }

    /**
     * The row number, marked when the row has findings: red with "!" for errors, amber for warnings, every
     * finding of the row as tooltip — the only mark a finding on the row as a whole (no cell) gets.
     */
    private static final class RowNumberCell extends MarkedCell {
        RowNumberCell() {
            getStyleClass().add("row-number");
        }

        @Override
        protected void updateItem(GridRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                mark();
                tip(null);
                return;
            }
            if (PagedRows.isPlaceholder(row)) {
                setText("…");
                mark(LOADING);
                tip(null);
                return;
            }
            Severity severity = worst(row.findings());
            setText(severity == Severity.ERROR ? "! " + row.row() : String.valueOf(row.row()));
            mark(severity == null ? null : severity == Severity.ERROR ? ERROR : WARNING);
            tip(severity == null ? null : findingsText(row));
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

    private static final class StatusCell extends MarkedCell {
        @Override
        protected void updateItem(GridRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null || PagedRows.isPlaceholder(row)) {
                setText(empty || row == null ? null : "…");
                mark();
                tip(null);
                return;
            }
            DecisionStatus status = row.decision() == null ? null : row.decision().status();
            setText(status == null ? "pending" : status.label());
            mark(status == null ? PENDING : status == DecisionStatus.APPROVED ? APPROVED : REJECTED);
            tip(row.decision() == null ? null : row.decision().reason());
        }
    }

    /** A source cell: coloured by its worst finding, the messages as tooltip, edited in place. */
    private final class SourceCell extends MarkedCell {
        private final int column;
        private final String header;
        private TextField editor;

        SourceCell(int column, String header) {
            this.column = column;
            this.header = header;
            getStyleClass().add("source-cell");
        }

        @Override
        protected void updateItem(GridRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                mark();
                tip(null);
                return;
            }
            if (PagedRows.isPlaceholder(row)) {
                setText("…");
                mark(LOADING);
                tip(null);
                return;
            }
            if (!isEditing()) {
                setText(column < row.cells().size() ? oneLine(row.cells().get(column)) : "");
                setContentDisplay(ContentDisplay.TEXT_ONLY);
            }
            List<Finding> mine = row.findings().stream().filter(f -> header.equals(f.column())).toList();
            Severity severity = worst(mine);
            PseudoClass colour = severity == null ? null : severity == Severity.ERROR ? ERROR : WARNING;
            mark(colour, row.isEdited(column) ? EDITED : null);
            tip(severity == null ? null
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
