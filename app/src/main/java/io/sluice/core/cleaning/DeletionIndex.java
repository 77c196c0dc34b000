package io.sluice.core.cleaning;

import java.util.Arrays;

/**
 * The values sharing each {@link DeletionKeys} hash, found in one probe: the packed keys sorted by hash, and an
 * open-addressing table from each hash to its run of keys. Primitive arrays only, so a million values cost a few
 * tens of megabytes and no objects per value.
 */
final class DeletionIndex {

    private final long[] keys;
    private final long[] slotHash;
    private final int[] slotFrom;
    private final int[] slotTo;
    private final int mask;

    /** An index over the first {@code size} packed keys of {@code keys} (sorted here, in place). */
    DeletionIndex(long[] keys, int size) {
        this.keys = keys;
        Arrays.sort(keys, 0, size);
        int runs = 0;
        for (int i = 0; i < size; i = DeletionKeys.end(keys, size, i)) {
            runs++;
        }
        int slots = Integer.highestOneBit(Math.max(4, runs * 2 - 1)) << 1;
        this.mask = slots - 1;
        this.slotHash = new long[slots];
        this.slotFrom = new int[slots];
        this.slotTo = new int[slots];
        Arrays.fill(slotFrom, -1);
        for (int from = 0; from < size; ) {
            int to = DeletionKeys.end(keys, size, from);
            long hash = DeletionKeys.hashOf(keys[from]);
            int slot = slot(hash);
            while (slotFrom[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slotHash[slot] = hash;
            slotFrom[slot] = from;
            slotTo[slot] = to;
            from = to;
        }
    }

    /** The position of the first key with {@code hash}, or -1 when no value has it. */
    int from(long hash) {
        int slot = find(hash);
        return slot < 0 ? -1 : slotFrom[slot];
    }

    /** The position after the last key with {@code hash}; only after {@link #from} found it. */
    int to(long hash) {
        return slotTo[find(hash)];
    }

    /** The value number of the key at {@code position}. */
    int idAt(int position) {
        return DeletionKeys.idOf(keys[position]);
    }

    private int find(long hash) {
        int slot = slot(hash);
        while (slotFrom[slot] >= 0) {
            if (slotHash[slot] == hash) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private int slot(long hash) {
        long h = hash * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
