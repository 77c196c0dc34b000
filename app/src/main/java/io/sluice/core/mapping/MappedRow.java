package io.sluice.core.mapping;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One source row mapped onto the target columns of a {@link Mapper}, in table order. */
public final class MappedRow {

    private final long sourceRow;
    private final List<String> targets;
    /** The same names as {@link #targets}, shared by every row of a mapper. */
    private final String[] names;
    private final Map<String, Integer> index;
    private final MappedValue[] values;

    MappedRow(long sourceRow, List<String> targets, String[] names, Map<String, Integer> index,
              MappedValue[] values) {
        this.sourceRow = sourceRow;
        this.targets = targets;
        this.names = names;
        this.index = index;
        this.values = values;
    }

    /** 1-based source row number as the steward sees it. */
    public long sourceRow() {
        return sourceRow;
    }

    /** Mapped target column names, table order. */
    public List<String> targets() {
        return targets;
    }

    /** The value for a target column (case-insensitive), or null when that column is not mapped. */
    public MappedValue get(String target) {
        int i = indexOf(target);
        return i < 0 ? null : values[i];
    }

    /**
     * The position in {@link #targets()} of a target column (case-insensitive, as {@link #get(String)} finds it), or
     * -1 when it is not mapped: a caller reading many rows of one mapper finds its columns once.
     */
    public int indexOf(String target) {
        // rules name columns by the very strings the mapper made: comparing references finds them without hashing
        for (int j = 0; j < names.length; j++) {
            if (names[j] == target) {
                return j;
            }
        }
        Integer i = index.get(target);
        if (i == null) {
            i = index.get(Mapper.key(target));
        }
        return i == null ? -1 : i;
    }

    /** The value for the i-th target column of {@link #targets()}. */
    public MappedValue get(int i) {
        return values[i];
    }

    /** All values, in the order of {@link #targets()}. */
    public List<MappedValue> values() {
        return Arrays.asList(values.clone());
    }

    /**
     * This row with the value of one mapped target column (any case) replaced, e.g. to name the header cell an
     * unpivoted value came from; the row itself is unchanged.
     *
     * @throws IllegalArgumentException when that column is not mapped
     */
    public MappedRow with(String target, MappedValue value) {
        Integer i = index.get(target);
        if (i == null) {
            i = index.get(Mapper.key(target));
        }
        if (i == null) {
            throw new IllegalArgumentException("Column " + target + " is not mapped in " + targets);
        }
        MappedValue[] copy = values.clone();
        copy[i] = value;
        return new MappedRow(sourceRow, targets, names, index, copy);
    }

    /** Whether any value failed to convert. */
    public boolean hasErrors() {
        for (MappedValue v : values) {
            if (v.error() != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "MappedRow[" + sourceRow + ", " + Arrays.toString(values) + "]";
    }
}
