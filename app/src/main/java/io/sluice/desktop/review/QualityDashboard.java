package io.sluice.desktop.review;

import io.sluice.core.review.FindingCounts;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.desktop.Views;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fills the quality dashboard: score tiles from the validation summary, findings per rule and per column (the
 * current counts, so edits show), rows by number of findings, and the decisions so far.
 */
final class QualityDashboard {

    /** Bars beyond this many would be unreadable; the rest are summed into one "other" bar. */
    private static final int MAX_BARS = 12;

    @FXML private HBox scoreTiles;
    @FXML private BarChart<Number, String> ruleChart;
    @FXML private BarChart<Number, String> columnChart;
    @FXML private BarChart<String, Number> rowChart;
    @FXML private PieChart decisionChart;
    private Node root;

    private QualityDashboard() {
    }

    /**
     * Makes the dashboard's tiles and charts (review-dashboard.fxml), styled by the review step's stylesheet once
     * in its tab. Made when the tab is first chosen: the charts are not needed for the first screen of a review.
     */
    static QualityDashboard load() {
        QualityDashboard dashboard = new QualityDashboard();
        dashboard.root = Views.load(dashboard, "review-dashboard.fxml");
        return dashboard;
    }

    /** The dashboard's content, for its tab. */
    Node root() {
        return root;
    }

    @FXML
    private void initialize() {
        for (Axis<Number> axis : List.of(ruleChart.getXAxis(), columnChart.getXAxis(),
                rowChart.getYAxis())) {
            if (axis instanceof NumberAxis numbers) {
                numbers.setTickLabelFormatter(WHOLE_NUMBERS);
            }
        }
    }

    /** Counts are whole numbers: a tick at 0.5 findings would only puzzle. */
    private static final StringConverter<Number> WHOLE_NUMBERS = new StringConverter<>() {
        @Override
        public String toString(Number n) {
            double value = n.doubleValue();
            return value == Math.rint(value) ? String.format("%,d", (long) value) : "";
        }

        @Override
        public Number fromString(String text) {
            return Long.parseLong(text.replace(",", ""));
        }
    };

    void showQuality(ReviewAccess.Quality quality) {
        scoreTiles.getChildren().clear();
        if (quality == null) {
            rowChart.getData().clear();
            return;
        }
        ValidationSummary summary = quality.summary().orElse(null);
        if (summary == null) {
            scoreTiles.getChildren().add(tile("Scores", "—", "validation did not finish"));
        } else {
            ValidationSummary.FileScores s = summary.scores();
            scoreTiles.getChildren().addAll(tile("Overall", s.overall(), "mean of the three"),
                    tile("Completeness", s.completeness(), "mapped cells filled"),
                    tile("Validity", s.validity(), "mapped cells without an error"),
                    tile("Uniqueness", s.uniqueness(), "rows with a key of their own"),
                    tile("Rows", String.format("%,d", summary.rows()),
                            String.format("%,d valid, %,d with errors", summary.valid(), summary.withErrors())));
        }
        XYChart.Series<String, Number> rows = new XYChart.Series<>();
        for (Map.Entry<Integer, Long> e : quality.findingsPerRow().entrySet()) {
            String label = e.getKey() == ReviewAccess.ROW_BUCKETS - 1 ? e.getKey() + "+" : String.valueOf(e.getKey());
            rows.getData().add(new XYChart.Data<>(label, e.getValue()));
        }
        rowChart.getData().setAll(List.of(rows));
    }

    void showFindings(FindingCounts counts) {
        ruleChart.getData().setAll(List.of(bars(counts == null ? Map.of() : counts.byRule())));
        columnChart.getData().setAll(List.of(bars(counts == null ? Map.of() : counts.byColumn())));
    }

    void showDecisions(long pending, long approved, long rejected) {
        decisionChart.setData(FXCollections.observableArrayList(
                new PieChart.Data(String.format("Pending %,d", pending), pending),
                new PieChart.Data(String.format("Approved %,d", approved), approved),
                new PieChart.Data(String.format("Rejected %,d", rejected), rejected)));
    }

    /** Most frequent at the top (a horizontal chart draws its first category at the bottom). */
    private static XYChart.Series<Number, String> bars(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        long other = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i < MAX_BARS - 1 || sorted.size() == MAX_BARS) {
                series.getData().add(0, new XYChart.Data<>(sorted.get(i).getValue(), sorted.get(i).getKey()));
            } else {
                other += sorted.get(i).getValue();
            }
        }
        if (other > 0) {
            series.getData().add(0, new XYChart.Data<>(other, "(other)"));
        }
        return series;
    }

    private static VBox tile(String title, double score, String hint) {
        return tile(title, String.format("%.1f", score), hint);
    }

    private static VBox tile(String title, String value, String hint) {
        Label name = new Label(title);
        name.getStyleClass().add("section-title");
        Label number = new Label(value);
        number.getStyleClass().add("score-value");
        Label note = new Label(hint);
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        VBox box = new VBox(2, name, number, note);
        box.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.getStyleClass().add("score-tile");
        box.setId("score-" + title.toLowerCase(Locale.ROOT));
        return box;
    }
}
