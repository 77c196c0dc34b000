package io.sluice.desktop.review;

import io.sluice.core.review.ColumnStats.ValueCount;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The column statistics side panel: the figures, the most frequent values a page at a time, the value shapes and a
 * chart, all from {@link ColumnStatsViewModel}; it only draws.
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
        values.setCellFactory(l -> new CountCell());
        shapes.setCellFactory(l -> new CountCell());
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
            figures.addRow(row++, name, new Label(line[1]));
        }
        pageLabel.setText(vm.pageText());
        previous.setDisable(!vm.hasPreviousPage());
        next.setDisable(!vm.hasNextPage());
        values.getItems().setAll(vm.values());
        shapes.getItems().setAll(vm.shapes());
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        // a category axis lists bottom-up: the first (most frequent, or lowest bin) goes on top
        var bars = vm.chart();
        for (int i = bars.size() - 1; i >= 0; i--) {
            series.getData().add(new XYChart.Data<>(bars.get(i).count(), bars.get(i).label()));
        }
        chart.setTitle(vm.chartTitle());
        chart.getData().setAll(series);
        chart.setVisible(!bars.isEmpty());
        chart.setManaged(!bars.isEmpty());
    }

    /** "NORD  36" with the count right-aligned; a blank-looking value is shown quoted. */
    private static final class CountCell extends ListCell<ValueCount> {
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
