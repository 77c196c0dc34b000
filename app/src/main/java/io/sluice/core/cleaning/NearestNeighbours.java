package io.sluice.core.cleaning;

import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Clusters values within {@code radius} edits of each other (Damerau-Levenshtein over the normal forms, so case and
 * accents cost nothing), joined into groups: if A is close to B and B to C, all three form one cluster. Only values
 * sharing a block are compared, and a pair counts as close only when the edits leave most of the shorter value
 * standing ("A1" and "B2" are two edits apart, yet nothing alike). Blocks are {@link DeletionKeys} hashes of a
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
        int[] parent = new int[normal.length];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        DamerauLevenshteinDistance within = new DamerauLevenshteinDistance(radius);
        LetterCounts letters = new LetterCounts();
        for (int from = 0; from < size; ) {
            int to = DeletionKeys.end(keys, size, from);
            if (to - from > 1 && to - from <= largestBlock(radius)) {
                joinClose(keys, from, to, normal, parent, within, letters, radius);
            }
            from = to;
        }
        Map<Integer, List<ValueCount>> groups = new HashMap<>();
        for (int id = 0; id < normal.length; id++) {
            groups.computeIfAbsent(find(parent, id), r -> new ArrayList<>(1)).add(values.get(id));
        }
        List<ValueCluster> clusters = new ArrayList<>();
        for (List<ValueCount> members : groups.values()) {
            if (members.size() > 1) {
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

    private static void joinClose(long[] keys, int from, int to, String[] normal, int[] parent,
                                  DamerauLevenshteinDistance within, LetterCounts letters, int radius) {
        for (int i = from; i < to; i++) {
            int a = DeletionKeys.idOf(keys[i]);
            for (int j = i + 1; j < to; j++) {
                int b = DeletionKeys.idOf(keys[j]);
                int rootA = find(parent, a);
                int rootB = find(parent, b);
                if (rootA == rootB || Math.abs(normal[a].length() - normal[b].length()) > radius
                        || !letters.mayBeWithin(normal[a], normal[b], radius)) {
                    continue;
                }
                int distance = within.apply(normal[a], normal[b]);
                // two edits make any two-letter codes alike: an edit must leave most of the shorter value standing
                boolean close = distance >= 0 && distance <= radius
                        && 2 * distance < Math.min(normal[a].length(), normal[b].length());
                if (close) {
                    parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
                }
            }
        }
    }

    private static int find(int[] parent, int id) {
        int root = id;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[id] != root) {
            int next = parent[id];
            parent[id] = root;
            id = next;
        }
        return root;
    }
}
