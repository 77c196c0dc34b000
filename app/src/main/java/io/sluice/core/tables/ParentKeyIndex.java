package io.sluice.core.tables;

import java.nio.charset.StandardCharsets;

/**
 * The natural keys of one parent table met so far in a workbook, each with the source row that made it first, in 12
 * bytes per key (a 64-bit hash and an int row), so that the parents of a large sheet fit in a small heap. Two
 * different keys share a 64-bit hash with negligible probability (about 1 in 10^7 for a billion pairs).
 */
final class ParentKeyIndex {

    private static final long EMPTY = 0L;

    private long[] hashes = new long[1 << 10];
    private int[] rows = new int[1 << 10];
    private int size;

    /** Records the key for a source row unless it is already there (the first row keeps it). */
    void put(String key, long row) {
        long h = hash(key);
        int i = slot(h, hashes);
        while (hashes[i] != EMPTY) {
            if (hashes[i] == h) {
                return;
            }
            i = (i + 1) & (hashes.length - 1);
        }
        hashes[i] = h;
        rows[i] = (int) row;
        if (++size * 10 > hashes.length * 7) {
            grow();
        }
    }

    /** The source row that made the key, or -1 when no row did. */
    long rowOf(String key) {
        long h = hash(key);
        int i = slot(h, hashes);
        while (hashes[i] != EMPTY) {
            if (hashes[i] == h) {
                return Integer.toUnsignedLong(rows[i]);
            }
            i = (i + 1) & (hashes.length - 1);
        }
        return -1;
    }

    int size() {
        return size;
    }

    private static int slot(long h, long[] table) {
        return (int) (h ^ (h >>> 32)) & (table.length - 1);
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldRows = rows;
        hashes = new long[oldHashes.length * 2];
        rows = new int[oldHashes.length * 2];
        for (int j = 0; j < oldHashes.length; j++) {
            long h = oldHashes[j];
            if (h != EMPTY) {
                int i = slot(h, hashes);
                while (hashes[i] != EMPTY) {
                    i = (i + 1) & (hashes.length - 1);
                }
                hashes[i] = h;
                rows[i] = oldRows[j];
            }
        }
    }

    /** 64-bit FNV-1a over UTF-8 bytes with a final avalanche; never 0 (0 marks an empty slot). */
    private static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
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
        return "ParentKeyIndex[" + size + " keys]";
    }
}
