package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.cleaning.ClusterMethod;
import io.sluice.core.cleaning.KeyCollision;
import io.sluice.core.cleaning.NearestNeighbours;
import io.sluice.core.cleaning.Replacement;
import io.sluice.core.cleaning.ValueCluster;
import io.sluice.core.cleaning.ValueCount;
import io.sluice.core.review.ColumnValues;
import io.sluice.core.review.Review;
import io.sluice.core.review.WorkbookMembers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Clusters the distinct values of one column of a review that probably mean the same thing, as OpenRefine does: by
 * fingerprint, n-gram fingerprint or phonetic key (key collision), or by edit distance (nearest neighbours). The
 * values are those the steward sees now, edits laid over the raw cells; blank cells are left out. Nothing changes;
 * {@link Outcome#replacements} lists what making every cluster its kept value would change.
 */
public final class ClusterValues {

    /** Distinct values one column may have for clustering; every one is held while the clusters are found. */
    public static final int MAX_DISTINCT_VALUES = 1_000_000;
    /** The radius nearest neighbours use unless told otherwise. */
    public static final int DEFAULT_RADIUS = 1;

    /**
     * The clusters.
     *
     * @param column         the source column header
     * @param method         how the values were clustered
     * @param radius         the edit distance of nearest neighbours; 0 for a key collision
     * @param distinctValues distinct non-blank values of the column
     * @param clusters       the clusters, largest first
     */
    public record Outcome(String column, ClusterMethod method, int radius, int distinctValues,
                          List<ValueCluster> clusters) {

        public Outcome {
            clusters = List.copyOf(clusters);
        }

        /** Every value of every cluster that is not the kept one, as a replacement by the kept one. */
        public List<Replacement> replacements() {
            List<Replacement> all = new ArrayList<>();
            for (ValueCluster cluster : clusters) {
                all.addAll(cluster.replacements(column));
            }
            return all;
        }
    }

    private ClusterValues() {
    }

    /** Clusters the values of source column {@code column}; {@code radius} counts for nearest neighbours only. */
    public static Outcome run(Path reviewFile, String column, ClusterMethod method, int radius) {
        checkRadius(method, radius);
        try (Review review = Review.open(reviewFile)) {
            WorkbookMembers.requireOneSheet(review, "clustering values");
            return run(review, ReviewColumns.index(review, column), reviewFile.getFileName().toString(), method,
                    radius);
        }
    }

    /**
     * As {@link #run(Path, String, ClusterMethod, int)}, on a review already open: one sheet of a workbook review
     * ({@link OpenWorkbookReview#sheet}), whose rows are read as they are now.
     */
    public static Outcome run(OpenReview review, String column, ClusterMethod method, int radius) {
        checkRadius(method, radius);
        return run(review.review(), review.columnIndexIgnoringCase(column), review.name(), method, radius);
    }

    private static void checkRadius(ClusterMethod method, int radius) {
        if (method == ClusterMethod.KNN && (radius < 1 || radius > NearestNeighbours.MAX_RADIUS)) {
            throw SluiceException.input("The radius of nearest neighbours is an edit distance of 1 to "
                    + NearestNeighbours.MAX_RADIUS + ", not " + radius + ".");
        }
    }

    private static Outcome run(Review review, int index, String name, ClusterMethod method, int radius) {
        String header = review.columns().get(index);
        List<ValueCount> values = new ArrayList<>();
        ColumnValues.forEachValue(review, index, (value, rows) -> {
            if (!value.isBlank()) {
                if (values.size() == MAX_DISTINCT_VALUES) {
                    throw SluiceException.input("Column '" + header + "' of " + name + " holds more than "
                            + MAX_DISTINCT_VALUES + " distinct values, too many to cluster; values that many are"
                            + " identifiers, not categories.");
                }
                values.add(new ValueCount(value, rows));
            }
        });
        List<ValueCluster> clusters = method == ClusterMethod.KNN ? NearestNeighbours.clusters(values, radius)
                : KeyCollision.clusters(values, KeyCollision.keyOf(method));
        return new Outcome(header, method, method == ClusterMethod.KNN ? radius : 0, values.size(), clusters);
    }
}
