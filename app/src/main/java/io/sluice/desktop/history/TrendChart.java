package io.sluice.desktop.history;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

import java.time.Instant;
import java.util.List;

/**
 * Draws {@link QualityTrendViewModel}'s series on the History step's line chart: batch time on the x axis (as the
 * batch list writes it), a gate's threshold as a dashed line without points.
 */
final class TrendChart {

    private static final long HOUR = 3_600_000L;

    private TrendChart() {
    }

    static void bind(LineChart<Number, Number> chart, NumberAxis time, QualityTrendViewModel trend) {
        chart.titleProperty().bind(trend.titleProperty());
        time.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number millis) {
                return BatchText.when(Instant.ofEpochMilli(millis.longValue()));
            }

            @Override
            public Number fromString(String text) {
                return 0;
            }
        });
        trend.series().addListener((ListChangeListener<QualityTrendViewModel.Series>) change -> draw(chart, time,
                trend));
        draw(chart, time, trend);
    }

    private static void draw(LineChart<Number, Number> chart, NumberAxis time, QualityTrendViewModel trend) {
        chart.getData().clear();
        // the axis would spread a single batch time over months: show the hours around it instead
        List<Long> times = trend.series().stream().filter(s -> !s.threshold()).flatMap(s -> s.points().stream())
                .map(p -> p.at().toEpochMilli()).distinct().toList();
        time.setAutoRanging(times.size() != 1);
        if (times.size() == 1) {
            time.setLowerBound(times.get(0) - HOUR);
            time.setUpperBound(times.get(0) + HOUR);
            time.setTickUnit(HOUR / 2.0);
        }
        for (QualityTrendViewModel.Series s : trend.series()) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(s.name());
            for (QualityTrendViewModel.Point p : s.points()) {
                XYChart.Data<Number, Number> data = new XYChart.Data<>(p.at().toEpochMilli(), p.value());
                if (s.threshold()) {
                    // a threshold is a line, not two batches: no symbol to hover
                    Node none = new Region();
                    none.setVisible(false);
                    data.setNode(none);
                }
                series.getData().add(data);
            }
            chart.getData().add(series);
            if (s.threshold() && series.getNode() != null) {
                series.getNode().getStyleClass().add("trend-threshold");
            }
        }
    }
}
