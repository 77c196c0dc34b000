package io.sluice.core.cleaning;

import java.util.Arrays;

/**
 * Blocking for edit distance without comparing every pair: two values within {@code k} edits (insertions, deletions,
 * substitutions, swaps of neighbours) of each other can both be turned into the same text by deleting at most
 * {@code k} characters from each, and that holds for their first {@link #PREFIX} characters too. So each value gets
 * the hashes of all such deletions of its beginning, and only values sharing a hash are compared. Keys pack the hash
 * (upper 40 bits) with the value's number (lower 24 bits) in one {@code long}, so a sorted array of them is the
 * whole index: no per-value objects.
 */
final class DeletionKeys {

    /** Characters of a value's beginning that its keys are made from. */
    static final int PREFIX = 8;
    /** Values an index can hold: the number is kept in 24 bits. */
    static final int MAX_VALUES = 1 << 24;
    private static final int ID_BITS = 24;
    private static final long ID_MASK = (1L << ID_BITS) - 1;
    private static final long HASH_MASK = (1L << (64 - ID_BITS)) - 1;
    /** Keeps the keys of a value's end apart from those of a beginning that happens to read the same. */
    private static final long END_SALT = 0x5a5a5a5a5aL;

    private DeletionKeys() {
    }

    /** The distinct deletion hashes of {@code text}'s beginning with at most {@code edits} (0-3) deletions. */
    static long[] hashes(String text, int edits) {
        int n = Math.min(PREFIX, text.length());
        char[] chars = text.substring(0, n).toCharArray();
        int max = Math.min(edits, n);
        long[] out = new long[count(n, max)];
        int size = 0;
        out[size++] = hash(chars, -1, -1, -1);
        for (int i = 0; i < n && max >= 1; i++) {
            out[size++] = hash(chars, i, -1, -1);
            for (int j = i + 1; j < n && max >= 2; j++) {
                out[size++] = hash(chars, i, j, -1);
                for (int k = j + 1; k < n && max >= 3; k++) {
                    out[size++] = hash(chars, i, j, k);
                }
            }
        }
        Arrays.sort(out, 0, size);
        int distinct = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[distinct++] = out[i];
            }
        }
        return Arrays.copyOf(out, distinct);
    }

    /** A key of the index: the hash and the value's number. */
    static long key(long hash, int id) {
        return (hash << ID_BITS) | id;
    }

    static long hashOf(long key) {
        return key >>> ID_BITS;
    }

    static int idOf(long key) {
        return (int) (key & ID_MASK);
    }

    /** The position after the last key with the same hash as the key at {@code from}. */
    static int end(long[] keys, int size, int from) {
        long hash = hashOf(keys[from]);
        int to = from + 1;
        while (to < size && hashOf(keys[to]) == hash) {
            to++;
        }
        return to;
    }

    /** The hashes of the deletions of the end of {@code text} (its last {@link #PREFIX} characters, reversed). */
    static long[] endHashes(String text, int edits) {
        long[] hashes = hashes(new StringBuilder(text.substring(Math.max(0, text.length() - PREFIX))).reverse()
                .toString(), edits);
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = (hashes[i] ^ END_SALT) & HASH_MASK;
        }
        return hashes;
    }

    private static int count(int n, int edits) {
        int total = 1;
        int choose = 1;
        for (int e = 1; e <= edits; e++) {
            choose = choose * (n - e + 1) / e;
            total += choose;
        }
        return total;
    }

    /** FNV-1a over the characters left after deleting positions a, b and c (-1: none), cut to 40 bits. */
    private static long hash(char[] chars, int a, int b, int c) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < chars.length; i++) {
            if (i == a || i == b || i == c) {
                continue;
            }
            h ^= chars[i];
            h *= 0x100000001b3L;
        }
        h ^= h >>> 29;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 32;
        return h >>> ID_BITS;
    }
}
