package io.sluice.core.cleaning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Clusters by key collision, as OpenRefine does: values whose key (fingerprint, n-gram fingerprint, phonetic code) is
 * the same form one cluster. Linear in the number of values; a value whose key is empty (only punctuation) stays
 * alone.
 */
public final class KeyCollision {

    /** Bigger clusters first, then more rows affected, then by the value kept. */
    static final Comparator<ValueCluster> LARGEST_FIRST = Comparator
            .comparingInt((ValueCluster c) -> c.values().size()).reversed()
            .thenComparing(Comparator.comparingLong(ValueCluster::rowsAffected).reversed())
            .thenComparing(ValueCluster::keep);

    private KeyCollision() {
    }

    /** The clusters of two or more values that share a key, largest first. */
    public static List<ValueCluster> clusters(List<ValueCount> values, Function<String, String> key) {
        Map<String, List<ValueCount>> byKey = new HashMap<>();
        for (ValueCount v : values) {
            String k = key.apply(v.value());
            if (!k.isEmpty()) {
                byKey.computeIfAbsent(k, x -> new ArrayList<>(1)).add(v);
            }
        }
        List<ValueCluster> clusters = new ArrayList<>();
        for (List<ValueCount> members : byKey.values()) {
            if (members.size() > 1) {
                clusters.add(ValueCluster.of(members));
            }
        }
        clusters.sort(LARGEST_FIRST);
        return clusters;
    }

    /** The key function of a key-collision method. */
    public static Function<String, String> keyOf(ClusterMethod method) {
        return switch (method) {
            case FINGERPRINT -> TextKeys::fingerprint;
            case NGRAM -> text -> TextKeys.ngramFingerprint(text, 2);
            case PHONETIC -> TextKeys::phonetic;
            case KNN -> throw new IllegalArgumentException("Nearest neighbours compare values; they have no key.");
        };
    }
}
