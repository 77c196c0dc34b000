package io.sluice.core.cleaning;

/**
 * A cheap test that rules out most pairs before an edit distance is computed: every edit (insertion, deletion,
 * substitution) changes the letters a value holds by at most one on each side, and a swap changes none, so two values
 * whose letters differ by more than {@code k} on one side are more than {@code k} edits apart. Counts ASCII
 * characters only (normal forms are mostly ASCII); a pair with other characters is let through. Not thread-safe: one
 * instance per thread.
 */
final class LetterCounts {

    private final int[] counts = new int[128];

    /** False when {@code a} and {@code b} are surely more than {@code k} edits apart. */
    boolean mayBeWithin(String a, String b, int k) {
        int n = a.length();
        int m = b.length();
        for (int i = 0; i < n; i++) {
            char c = a.charAt(i);
            if (c >= 128) {
                clear(a, i);
                return true;
            }
            counts[c]++;
        }
        for (int i = 0; i < m; i++) {
            char c = b.charAt(i);
            if (c >= 128) {
                clear(a, n);
                clear(b, i);
                return true;
            }
            counts[c]--;
        }
        int onlyInA = 0;
        int onlyInB = 0;
        for (int i = 0; i < n; i++) {
            char c = a.charAt(i);
            if (counts[c] > 0) {
                onlyInA += counts[c];
            } else if (counts[c] < 0) {
                onlyInB -= counts[c];
            }
            counts[c] = 0;
        }
        for (int i = 0; i < m; i++) {
            char c = b.charAt(i);
            if (counts[c] < 0) {
                onlyInB -= counts[c];
            }
            counts[c] = 0;
        }
        return Math.max(onlyInA, onlyInB) <= k;
    }

    private void clear(String s, int end) {
        for (int i = 0; i < end; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c] = 0;
            }
        }
    }
}
