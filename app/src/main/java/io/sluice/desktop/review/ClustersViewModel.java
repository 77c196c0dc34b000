package io.sluice.desktop.review;

import io.sluice.core.cleaning.ClusterMethod;
import io.sluice.core.cleaning.ValueCluster;
import io.sluice.core.cleaning.ValueCount;
import io.sluice.core.usecase.ClusterValues;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.Latest;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The clusters of one column's values that probably mean the same thing (fingerprint, n-gram, phonetic or nearest
 * neighbours), each with its values and counts and the value to keep, the most frequent unless the steward types
 * another. Merging the chosen clusters replaces their other values by the kept ones as one undoable step.
 */
public final class ClustersViewModel {

    /** One cluster as the dialog lists it: whether it is chosen for the merge, and the value to keep. */
    public static final class Row {
        private final ValueCluster cluster;
        private final BooleanProperty chosen = new SimpleBooleanProperty(true);
        private final StringProperty keep;

        Row(ValueCluster cluster) {
            this.cluster = cluster;
            this.keep = new SimpleStringProperty(cluster.keep());
        }

        public ValueCluster cluster() {
            return cluster;
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }

        /** The value every value of the cluster becomes; the most frequent to begin with. */
        public StringProperty keepProperty() {
            return keep;
        }

        /** "Hamburg-Harburg (29), Hamburg Harburg (5), HAMBURG-HARBURG (3)" */
        public String valuesText() {
            return cluster.values().stream().map(v -> String.format("%s (%,d)", v.value(), v.rows()))
                    .collect(Collectors.joining(", "));
        }
    }

    private final ReviewViewModel review;
    private final TaskRunner tasks;
    private final ValueFixesViewModel fixes;
    private final Latest requests = new Latest();
    private final String column;
    private final ObjectProperty<ClusterMethod> method = new SimpleObjectProperty<>(ClusterMethod.FINGERPRINT);
    private final IntegerProperty radius = new SimpleIntegerProperty(ClusterValues.DEFAULT_RADIUS);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");

    ClustersViewModel(ReviewViewModel review, TaskRunner tasks, ValueFixesViewModel fixes, String column) {
        this.review = review;
        this.tasks = tasks;
        this.fixes = fixes;
        this.column = column;
        method.addListener((obs, o, n) -> find());
        radius.addListener((obs, o, n) -> {
            if (method.get() == ClusterMethod.KNN) {
                find();
            }
        });
    }

    /** Finds the clusters with the chosen method, in the background. */
    public void find() {
        ReviewAccess current = review.access();
        Latest.Request request = requests.next();
        rows.clear();
        if (current == null) {
            status.set("No review is open.");
            return;
        }
        ClusterMethod how = method.get();
        int within = radius.get();
        status.set("Clustering the values of '" + column + "'…");
        request.track(tasks.run("Clustering the values of '" + column + "'", ctx -> current.use(opened ->
                        ClusterValues.run(opened, column, how, within)),
                request.then(outcome -> {
                    outcome.clusters().forEach(c -> rows.add(new Row(c)));
                    long affected = outcome.clusters().stream().mapToLong(ValueCluster::rowsAffected).sum();
                    status.set(outcome.clusters().isEmpty()
                            ? String.format("No values of '%s' cluster by %s among %,d distinct values.", column,
                            how.word(), outcome.distinctValues())
                            : String.format("%,d cluster%s among %,d distinct values; merging all changes %,d rows.",
                            outcome.clusters().size(), outcome.clusters().size() == 1 ? "" : "s",
                            outcome.distinctValues(), affected));
                }), request.<Throwable>then(error -> status.set("No clusters: " + ErrorText.sentence(error)))));
    }

    /** The replacements merging the chosen clusters makes: each other value by its cluster's kept value. */
    public Map<String, String> replacements() {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (Row row : rows) {
            String keep = row.keep.get();
            if (row.chosen.get() && keep != null && !keep.isBlank()) {
                for (ValueCount v : row.cluster.values()) {
                    if (!v.value().equals(keep)) {
                        pairs.put(v.value(), keep);
                    }
                }
            }
        }
        return pairs;
    }

    /** Merges the chosen clusters as one undoable replace; says so when none is chosen. */
    public void merge() {
        Map<String, String> pairs = replacements();
        if (pairs.isEmpty()) {
            review.actions().said("No cluster chosen: nothing changed.");
        } else {
            fixes.replace(column, pairs);
        }
    }

    public String column() {
        return column;
    }

    public ObjectProperty<ClusterMethod> methodProperty() {
        return method;
    }

    /** The edit distance of nearest neighbours (1 to 3); the key collisions ignore it. */
    public IntegerProperty radiusProperty() {
        return radius;
    }

    /** The clusters, largest first. */
    public ObservableList<Row> rows() {
        return rows;
    }

    /** How many clusters there are, what is being worked out, or why there are none. */
    public ObservableValue<String> statusProperty() {
        return status;
    }
}
