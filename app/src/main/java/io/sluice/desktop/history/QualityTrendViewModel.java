package io.sluice.desktop.history;

import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.bookkeeping.QualityScores;
import io.sluice.core.profile.GateSpec;
import io.sluice.core.profile.Profile;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.Latest;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The quality trend of the selected batch's target table: each score of its committed batches over time, with the
 * current profile's score gates as horizontal lines. Rolled-back batches are left out, because their rows are no
 * longer in the table. The series are built in the background from the batches the history has read.
 */
public final class QualityTrendViewModel {

    /** The four scores, in the order the chart lists them. */
    static final Map<String, Function<QualityScores, BigDecimal>> SCORES = scores();

    /** What the legend says about batches not drawn. */
    static final String LEFT_OUT = "rolled-back batches left out";

    private static final String SELECT = "Select a batch to see the quality trend of its table.";

    /** A threshold line reaches this far beyond the only batch of a table, so that it shows as a line. */
    private static final Duration PAD = Duration.ofHours(1);

    private final Workbench workbench;
    private final TaskRunner tasks;
    private final ObservableList<ImportBatch> batches;
    private final ObservableValue<ImportBatch> selected;
    private final Latest builds = new Latest();

    private final ObservableList<Series> series = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty caption = new SimpleStringProperty(SELECT);

    /** One point: a batch's time and its score in percent. */
    public record Point(Instant at, double value) {
    }

    /** A score over time, or a gate's threshold ({@code threshold} true) as a line across the chart. */
    public record Series(String name, boolean threshold, List<Point> points) {
    }

    /** Follows the history's batches and selection, and the workbench's profile for its gates. */
    public QualityTrendViewModel(Workbench workbench, TaskRunner tasks, ObservableList<ImportBatch> batches,
                                 ObservableValue<ImportBatch> selected) {
        this.workbench = workbench;
        this.tasks = tasks;
        this.batches = batches;
        this.selected = selected;
        selected.addListener((obs, old, now) -> {
            if (now == null || old == null || !now.targetTable().equals(old.targetTable())) {
                rebuild();
            }
        });
        batches.addListener((ListChangeListener<ImportBatch>) change -> rebuild());
        workbench.profileProperty().addListener((obs, old, now) -> rebuild());
    }

    /** Builds the series again for the selected batch's table. */
    public void rebuild() {
        Latest.Request request = builds.next();
        ImportBatch batch = selected.getValue();
        if (batch == null) {
            series.clear();
            title.set("");
            caption.set(SELECT);
            return;
        }
        List<ImportBatch> all = List.copyOf(batches);
        String table = batch.targetTable();
        Profile profile = workbench.profileProperty().get();
        // a profile onto several tables names no one table, and measures no scores to draw gates on
        List<GateSpec> gates = profile != null && profile.table() != null
                && BatchText.tableName(profile.table()).equals(BatchText.tableName(table)) ? profile.gates() : List.of();
        tasks.quiet("Building the quality trend", ctx -> seriesOf(all, table, gates), request.then(built -> {
            series.setAll(built);
            String name = BatchText.tableName(table);
            long drawn = committedInto(all, table).size();
            title.set("Quality of " + name + " (" + LEFT_OUT + ")");
            caption.set(String.format(Locale.ROOT, "Scores of the %,d committed batch%s into %s, in percent, by"
                    + " batch time; %s%s.", drawn, drawn == 1 ? "" : "es", name, LEFT_OUT,
                    built.stream().anyMatch(Series::threshold) ? "; the straight lines are the loaded profile's gates"
                            : profile == null ? "; load a profile to draw its score gates" : ""));
        }));
    }

    /** The score series of the committed batches into {@code table}, oldest first, then one line per score gate. */
    static List<Series> seriesOf(List<ImportBatch> all, String table, List<GateSpec> gates) {
        List<ImportBatch> drawn = committedInto(all, table);
        List<Series> out = new ArrayList<>();
        SCORES.forEach((metric, score) -> {
            List<Point> points = new ArrayList<>();
            for (ImportBatch b : drawn) {
                BigDecimal value = score.apply(b.scores());
                if (value != null) {
                    points.add(new Point(b.startedAt(), value.doubleValue()));
                }
            }
            out.add(new Series(metric, false, points));
        });
        if (drawn.isEmpty()) {
            return out;
        }
        Instant first = drawn.get(0).startedAt();
        Instant last = drawn.get(drawn.size() - 1).startedAt();
        if (first.equals(last)) {
            first = first.minus(PAD);
            last = last.plus(PAD);
        }
        for (GateSpec gate : gates) {
            if (!SCORES.containsKey(gate.metric())) {
                continue;
            }
            if (gate.min() != null) {
                out.add(line(gate, "≥ ", gate.min(), first, last));
            }
            if (gate.max() != null) {
                out.add(line(gate, "≤ ", gate.max(), first, last));
            }
        }
        return out;
    }

    private static Series line(GateSpec gate, String bound, BigDecimal value, Instant first, Instant last) {
        String name = gate.metric() + " gate " + bound + value.stripTrailingZeros().toPlainString() + "% ("
                + ("block".equals(gate.action()) ? "blocks" : "warns") + ")";
        return new Series(name, true, List.of(new Point(first, value.doubleValue()),
                new Point(last, value.doubleValue())));
    }

    private static List<ImportBatch> committedInto(List<ImportBatch> all, String table) {
        return all.stream().filter(b -> b.targetTable().equals(table) && b.status() == BatchStatus.COMMITTED)
                .sorted(Comparator.comparing(ImportBatch::startedAt).thenComparing(ImportBatch::id)).toList();
    }

    private static Map<String, Function<QualityScores, BigDecimal>> scores() {
        Map<String, Function<QualityScores, BigDecimal>> scores = new LinkedHashMap<>();
        scores.put("completeness", QualityScores::completeness);
        scores.put("validity", QualityScores::validity);
        scores.put("uniqueness", QualityScores::uniqueness);
        scores.put("overall", QualityScores::overall);
        return Collections.unmodifiableMap(scores);
    }

    /** The score lines and the gate lines, rebuilt when the batches, the selected table or the profile change. */
    public ObservableList<Series> series() {
        return series;
    }

    /** The chart's title: the table, and which batches are left out. */
    public StringProperty titleProperty() {
        return title;
    }

    /** One sentence under the chart: how many batches are drawn, what the lines are. */
    public StringProperty captionProperty() {
        return caption;
    }
}
