package io.sluice.desktop.review;

import io.sluice.core.review.ColumnStats.ValueCount;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The column statistics side panel: the figures, the most frequent values a page at a time, the value shapes and a
 * chart, all from {@link ColumnStatsViewModel}; it only draws, and hands a click (or Enter) on a value, a shape or a
 * bar to the view model, which shows that item's rows in the grid.
 */
final class ColumnStatsPanel {

    private final ColumnStatsViewModel vm;
    private final Label status = new Label();
    private final GridPane figures = new GridPane();
    private final Label pageLabel = new Label();
    private final Button previous = new Button("◀");
    private final Button next = new Button("▶");
    private final ListView<ValueCount> values = new ListView<>();
    private final ListView<ValueCount> shapes = new ListView<>();
    private final BarChart<Number, String> chart = new BarChart<>(new NumberAxis(), new CategoryAxis());

    ColumnStatsPanel(ColumnStatsViewModel vm, VBox box) {
        this.vm = vm;
        status.setId("stats-status");
        status.setWrapText(true);
        status.getStyleClass().add("muted");
        figures.setId("stats-figures");
        figures.setHgap(10);
        pageLabel.setId("stats-page");
        previous.setId("stats-previous");
        next.setId("stats-next");
        previous.setOnAction(e -> vm.previousPage());
        next.setOnAction(e -> vm.nextPage());
        values.setId("stats-values");
        shapes.setId("stats-shapes");
        values.setCellFactory(l -> new CountCell(vm::showRowsOfValue, "value"));
        shapes.setCellFactory(l -> new CountCell(vm::showRowsOfShape, "shape"));
        onEnter(values, vm::showRowsOfValue);
        onEnter(shapes, vm::showRowsOfShape);
        values.setPrefHeight(180);
        shapes.setPrefHeight(110);
        VBox.setVgrow(values, Priority.ALWAYS);
        chart.setId("stats-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefHeight(220);
        chart.setMinHeight(160);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox pager = new HBox(6, pageLabel, gap, previous, next);
        box.getChildren().setAll(status, figures, section("Values"), pager, values, section("Value shapes"), shapes,
                chart);
        vm.statsProperty().addListener((obs, o, n) -> show());
        vm.statusProperty().addListener((obs, o, n) -> status.setText(n));
        status.setText(vm.statusProperty().getValue());
        show();
    }

    private static void onEnter(ListView<ValueCount> list, Consumer<ValueCount> show) {
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && list.getSelectionModel().getSelectedItem() != null) {
                show.accept(list.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private void show() {
        figures.getChildren().clear();
        int row = 0;
        for (String[] line : vm.figures()) {
            Label name = new Label(line[0]);
            name.getStyleClass().add("muted");
            Label value = new Label(line[1]);
            if (line.length > 2) {
                name.setTooltip(new Tooltip(line[2]));
                value.setTooltip(new Tooltip(line[2]));
                name.setId("stats-figure-" + line[0]);
            }
            figures.addRow(row++, name, value);
        }
        pageLabel.setText(vm.pageText());
        previous.setDisable(!vm.hasPreviousPage());
        next.setDisable(!vm.hasNextPage());
        values.getItems().setAll(vm.values());
        shapes.getItems().setAll(vm.shapes());
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // a category axis lists bottom-up: the first (most frequent, or lowest bin) goes on top
        var bars = vm.chart();
        List<XYChart.Data<Number, String>> points = new ArrayList<>();
        for (int i = bars.size() - 1; i >= 0; i--) {
            XYChart.Data<Number, String> point = new XYChart.Data<>(bars.get(i).count(), bars.get(i).label());
            points.add(point);
            series.getData().add(point);
        }
        chart.setTitle(vm.chartTitle());
        chart.getData().setAll(series);
        // the chart makes a node per bar once the series is on it; each bar then filters the grid to its rows
        for (int i = 0; i < points.size(); i++) {
            int index = bars.size() - 1 - i;
            Node bar = points.get(i).getNode();
            if (bar != null) {
                bar.setId("stats-bar-" + index);
                // the chart lets a bar take the focus only for a screen reader; here Enter on a bar filters too
                bar.focusTraversableProperty().unbind();
                bar.setFocusTraversable(true);
                bar.setCursor(Cursor.HAND);
                bar.setOnMouseClicked(e -> vm.showRowsOfBar(index));
                bar.setOnKeyPressed(e -> {
                    if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                        vm.showRowsOfBar(index);
                        e.consume();
                    }
                });
                Tooltip.install(bar, new Tooltip(bars.get(index).label() + ": " + String.format("%,d",
                        bars.get(index).count()) + " rows. Click to show only these rows."));
            }
        }
        chart.setVisible(!bars.isEmpty());
        chart.setManaged(!bars.isEmpty());
    }

    /**
     * "NORD  36" with the count right-aligned; a blank-looking value is shown quoted. A click shows the item's rows
     * in the grid.
     */
    private static final class CountCell extends ListCell<ValueCount> {

        CountCell(Consumer<ValueCount> show, String what) {
            setOnMouseClicked(e -> {
                if (!isEmpty() && getItem() != null && e.getButton() == MouseButton.PRIMARY) {
                    show.accept(getItem());
                }
            });
            setTooltip(new Tooltip("Click, or press Enter, to show only the rows of this " + what + "."));
        }

        @Override
        protected void updateItem(ValueCount item, boolean isEmpty) {
            super.updateItem(item, isEmpty);
            if (isEmpty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label value = new Label(item.value().strip().equals(item.value()) ? item.value()
                    : "'" + item.value() + "'");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label count = new Label(String.format("%,d", item.count()));
            count.getStyleClass().add("muted");
            setText(null);
            setGraphic(new HBox(6, value, gap, count));
        }
    }
}
