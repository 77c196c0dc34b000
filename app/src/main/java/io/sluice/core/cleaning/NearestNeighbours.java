package io.sluice.core.cleaning;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Clusters values within {@code radius} edits of each other (Damerau-Levenshtein over the normal forms, so case and
 * accents cost nothing). The most frequent value gathers the values close to it, then the most frequent value left,
 * and so on: every value of a cluster is within the radius of the value kept, and values never chain (A close to B
 * and B to C does not put C with A unless C is close to A). Only values sharing a block are compared, and a pair
 * counts as close only when the edits leave most of the shorter value standing ("A1" and "B2" are two edits apart,
 * yet nothing alike). Blocks are {@link DeletionKeys} hashes of a
 * value's beginning and end, so 100,000 values need a few million comparisons, not five billion. A block shared by
 * more than {@link #LARGEST_BLOCK} values (fewer for a wider radius: thousands of codes with the same beginning and
 * end) is not searched; close values are found through their other blocks.
 */
public final class NearestNeighbours {

    /** The largest radius: beyond it nearly everything short is close to everything. */
    public static final int MAX_RADIUS = 3;
    static final int LARGEST_BLOCK = 1_000;

    private NearestNeighbours() {
    }

    /** The clusters of values within {@code radius} (1 to {@link #MAX_RADIUS}) edits, largest first. */
    public static List<ValueCluster> clusters(List<ValueCount> values, int radius) {
        if (radius < 1 || radius > MAX_RADIUS) {
            throw new IllegalArgumentException("The radius is 1 to " + MAX_RADIUS + ", not " + radius + ".");
        }
        if (values.size() >= DeletionKeys.MAX_VALUES) {
            throw new IllegalArgumentException("At most " + (DeletionKeys.MAX_VALUES - 1) + " values at once.");
        }
        String[] normal = new String[values.size()];
        long total = 0;
        for (int id = 0; id < normal.length; id++) {
            normal[id] = TextKeys.normal(values.get(id).value());
            total += blockHashes(normal[id], radius).length;
        }
        // counted first, so the one array is made at its size, not grown by copies twice as big
        long[] keys = new long[Math.toIntExact(total)];
        int size = 0;
        for (int id = 0; id < normal.length; id++) {
            for (long h : blockHashes(normal[id], radius)) {
                keys[size++] = DeletionKeys.key(h, id);
            }
        }
        Arrays.sort(keys, 0, size);
        DamerauLevenshteinDistance within = new DamerauLevenshteinDistance(radius);
        LetterCounts letters = new LetterCounts();
        ClosePairs pairs = new ClosePairs();
        for (int from = 0; from < size; ) {
            int to = DeletionKeys.end(keys, size, from);
            if (to - from > 1 && to - from <= largestBlock(radius)) {
                collectClose(keys, from, to, normal, within, letters, radius, pairs);
            }
            from = to;
        }
        return gathered(values, pairs);
    }

    /**
     * The most frequent value not yet in a cluster gathers its close values not yet in one, and so on down: every
     * value of a cluster is within the radius of the value kept, so a replacement never chains through a third value.
     */
    private static List<ValueCluster> gathered(List<ValueCount> values, ClosePairs pairs) {
        int n = values.size();
        int[][] adjacency = pairs.adjacency(n);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> {
            int byRows = Long.compare(values.get(y).rows(), values.get(x).rows());
            return byRows != 0 ? byRows : values.get(x).value().compareTo(values.get(y).value());
        });
        boolean[] taken = new boolean[n];
        List<ValueCluster> clusters = new ArrayList<>();
        for (int v : order) {
            if (taken[v]) {
                continue;
            }
            taken[v] = true;
            List<ValueCount> members = null;
            for (int w : adjacency[v]) {
                if (!taken[w]) {
                    taken[w] = true;
                    if (members == null) {
                        members = new ArrayList<>();
                        members.add(values.get(v));
                    }
                    members.add(values.get(w));
                }
            }
            if (members != null) {
                clusters.add(ValueCluster.of(members));
            }
        }
        clusters.sort(KeyCollision.LARGEST_FIRST);
        return clusters;
    }

    /** The blocks of a value: deletions of its beginning and, for a value longer than that, of its end. */
    private static long[] blockHashes(String normal, int radius) {
        long[] begin = DeletionKeys.hashes(normal, radius);
        if (normal.length() <= DeletionKeys.PREFIX) {
            return begin;
        }
        long[] end = DeletionKeys.endHashes(normal, radius);
        long[] both = Arrays.copyOf(begin, begin.length + end.length);
        System.arraycopy(end, 0, both, begin.length, end.length);
        return both;
    }

    /** Two deletions leave short texts that many values share; a pair that close shares many smaller blocks too. */
    static int largestBlock(int radius) {
        return radius == 1 ? LARGEST_BLOCK : LARGEST_BLOCK / (4 * radius);
    }

    private static void collectClose(long[] keys, int from, int to, String[] normal,
                                     DamerauLevenshteinDistance within, LetterCounts letters, int radius,
                                     ClosePairs pairs) {
        for (int i = from; i < to; i++) {
            int a = DeletionKeys.idOf(keys[i]);
            for (int j = i + 1; j < to; j++) {
                int b = DeletionKeys.idOf(keys[j]);
                if (Math.abs(normal[a].length() - normal[b].length()) > radius
                        || !letters.mayBeWithin(normal[a], normal[b], radius)) {
                    continue;
                }
                int distance = within.apply(normal[a], normal[b]);
                // two edits make any two-letter codes alike: an edit must leave most of the shorter value standing
                if (distance >= 0 && distance <= radius
                        && 2 * distance < Math.min(normal[a].length(), normal[b].length())) {
                    pairs.add(a, b);
                }
            }
        }
    }

    /** Close pairs, two value numbers packed in a {@code long}; a pair found in several blocks counts once. */
    private static final class ClosePairs {
        private long[] packed = new long[1024];
        private int size;

        void add(int a, int b) {
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, size * 2);
            }
            packed[size++] = ((long) Math.min(a, b) << 32) | Math.max(a, b);
        }

        /** Each value's close values. */
        int[][] adjacency(int values) {
            Arrays.sort(packed, 0, size);
            int[] degree = new int[values];
            for (int i = 0; i < size; i++) {
                if (i == 0 || packed[i] != packed[i - 1]) {
                    degree[(int) (packed[i] >>> 32)]++;
                    degree[(int) packed[i]]++;
                }
            }
            int[][] adjacency = new int[values][];
            for (int v = 0; v < values; v++) {
                adjacency[v] = degree[v] == 0 ? EMPTY : new int[degree[v]];
                degree[v] = 0;
            }
            for (int i = 0; i < size; i++) {
                if (i == 0 || packed[i] != packed[i - 1]) {
                    int a = (int) (packed[i] >>> 32);
                    int b = (int) packed[i];
                    adjacency[a][degree[a]++] = b;
                    adjacency[b][degree[b]++] = a;
                }
            }
            return adjacency;
        }
    }

    private static final int[] EMPTY = new int[0];
}
