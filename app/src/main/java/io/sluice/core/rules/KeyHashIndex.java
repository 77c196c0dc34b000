package io.sluice.core.rules;

/**
 * Remembers which keys were seen and in which row, in 12 bytes per distinct key (a 64-bit hash and an int row
 * number), so that uniqueness within a million-row file fits in a small heap. Two different keys share a 64-bit hash
 * with negligible probability (about 1 in 10^7 for a billion pairs).
 */
public final class KeyHashIndex {

    private static final long EMPTY = 0L;

    private long[] hashes = new long[1 << 12];
    private int[] rows = new int[1 << 12];
    private int size;

    /** Records the key for a row; returns the row that had it first, or -1 when it is new. */
    public long putIfAbsent(String key, long row) {
        long h = hash(key);
        int i = slot(h);
        if (hashes[i] == h) {
            return Integer.toUnsignedLong(rows[i]);
        }
        hashes[i] = h;
        rows[i] = (int) row;
        if (++size * 10 > hashes.length * 7) {
            grow();
        }
        return -1;
    }

    /** The row that recorded the key, or -1 when none did. */
    public long rowOf(String key) {
        long h = hash(key);
        int i = slot(h);
        return hashes[i] == h ? Integer.toUnsignedLong(rows[i]) : -1;
    }

    /** The slot holding {@code h}, or the empty slot where it would go ({@link #hash} is never {@link #EMPTY}). */
    private int slot(long h) {
        int mask = hashes.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (hashes[i] != EMPTY && hashes[i] != h) {
            i = (i + 1) & mask;
        }
        return i;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldRows = rows;
        hashes = new long[oldHashes.length * 2];
        rows = new int[oldHashes.length * 2];
        int mask = hashes.length - 1;
        for (int j = 0; j < oldHashes.length; j++) {
            long h = oldHashes[j];
            if (h != EMPTY) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (hashes[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                hashes[i] = h;
                rows[i] = oldRows[j];
            }
        }
    }

    /**
     * 64-bit FNV-1a over the key's UTF-16 chars with a final avalanche; never 0 (0 marks an empty slot). Equal
     * strings have equal chars, so nothing is lost against hashing their UTF-8 bytes, and no byte array is made per
     * key of every row.
     */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0, n = key.length(); i < n; i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == EMPTY ? 1 : h;
    }

    @Override
    public String toString() {
        return "KeyHashIndex[" + size + " keys]";
    }
}
