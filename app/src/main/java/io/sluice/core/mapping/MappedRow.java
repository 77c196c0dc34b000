package io.sluice.core.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One source row mapped onto the target columns of a {@link Mapper}, in table order. The row keeps its values, texts
 * and errors in arrays, one slot per column: {@link #value(int)}, {@link #text(int)} and {@link #error(int)} read
 * them without making an object per cell, which the rules do for every row; {@link #get(int)} hands out a
 * {@link MappedValue} with the cell's source column and reference.
 */
public final class MappedRow {

    private final long sourceRow;
    private final Layout layout;
    private final Object[] values;
    private final String[] texts;
    /** Null when no value of the row failed to convert, the usual case. */
    private final String[] errors;
    /** Values put in by {@link #with}, which may name another source cell; null when there are none. */
    private final MappedValue[] replaced;

    /**
     * What every row of one mapper shares: the target column names and where each column's value is read from.
     *
     * @param names         the same names as {@code targets}, compared by reference first
     * @param sourceNames   each column's source header (several joined with " + "); null for a constant
     * @param sourceIndexes each column's first source column, 0-based; -1 for a constant
     */
    record Layout(List<String> targets, String[] names, Map<String, Integer> index, String[] sourceNames,
                  int[] sourceIndexes) {
    }

    MappedRow(long sourceRow, Layout layout, Object[] values, String[] texts, String[] errors,
              MappedValue[] replaced) {
        this.sourceRow = sourceRow;
        this.layout = layout;
        this.values = values;
        this.texts = texts;
        this.errors = errors;
        this.replaced = replaced;
    }

    /** 1-based source row number as the steward sees it. */
    public long sourceRow() {
        return sourceRow;
    }

    /** Mapped target column names, table order. */
    public List<String> targets() {
        return layout.targets();
    }

    /** The number of mapped target columns. */
    public int size() {
        return values.length;
    }

    /** The value for a target column (case-insensitive), or null when that column is not mapped. */
    public MappedValue get(String target) {
        int i = indexOf(target);
        return i < 0 ? null : get(i);
    }

    /**
     * The position in {@link #targets()} of a target column (case-insensitive, as {@link #get(String)} finds it), or
     * -1 when it is not mapped: a caller reading many rows of one mapper finds its columns once.
     */
    public int indexOf(String target) {
        // rules name columns by the very strings the mapper made: comparing references finds them without hashing
        String[] names = layout.names();
        for (int j = 0; j < names.length; j++) {
            if (names[j] == target) {
                return j;
            }
        }
        Integer i = layout.index().get(target);
        if (i == null) {
            i = layout.index().get(Mapper.key(target));
        }
        return i == null ? -1 : i;
    }

    /** The position of a column in {@link #targets()}, or -1 when it is not mapped, as {@link #indexOf(String)}. */
    public int indexOf(MappedColumn column) {
        return column.indexIn(this, layout);
    }

    /** The value for the i-th target column of {@link #targets()}. */
    public MappedValue get(int i) {
        if (replaced != null && replaced[i] != null) {
            return replaced[i];
        }
        return MappedValue.at(values[i], texts[i], layout.sourceNames()[i], layout.sourceIndexes()[i], sourceRow,
                error(i));
    }

    /** The typed value of the i-th target column (as {@link MappedValue#value()}), without a MappedValue. */
    public Object value(int i) {
        return values[i];
    }

    /**
     * The typed value of a target column (any case), as {@code get(target).value()} gives it.
     *
     * @throws IllegalArgumentException when that column is not mapped
     */
    public Object value(String target) {
        int i = indexOf(target);
        if (i < 0) {
            throw new IllegalArgumentException("Column " + target + " is not mapped in " + targets());
        }
        return values[i];
    }

    /**
     * The typed value of a target column, as {@link #value(String)} gives it.
     *
     * @throws IllegalArgumentException when that column is not mapped
     */
    public Object value(MappedColumn column) {
        int i = indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("Column " + column.name() + " is not mapped in " + targets());
        }
        return values[i];
    }

    /** The text of the i-th target column after transforms (as {@link MappedValue#text()}). */
    public String text(int i) {
        return texts[i];
    }

    /** Why the i-th target column's text did not convert, or null when it did (as {@link MappedValue#error()}). */
    public String error(int i) {
        return errors == null ? null : errors[i];
    }

    /** All values, in the order of {@link #targets()}. */
    public List<MappedValue> values() {
        List<MappedValue> all = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            all.add(get(i));
        }
        return all;
    }

    /**
     * This row with the value of one mapped target column (any case) replaced, e.g. to name the header cell an
     * unpivoted value came from; the row itself is unchanged.
     *
     * @throws IllegalArgumentException when that column is not mapped
     */
    public MappedRow with(String target, MappedValue value) {
        Integer i = layout.index().get(target);
        if (i == null) {
            i = layout.index().get(Mapper.key(target));
        }
        if (i == null) {
            throw new IllegalArgumentException("Column " + target + " is not mapped in " + targets());
        }
        Object[] newValues = values.clone();
        String[] newTexts = texts.clone();
        String[] newErrors = errors != null ? errors.clone()
                : value.error() != null ? new String[values.length] : null;
        MappedValue[] newReplaced = replaced != null ? replaced.clone() : new MappedValue[values.length];
        newValues[i] = value.value();
        newTexts[i] = value.text();
        if (newErrors != null) {
            newErrors[i] = value.error();
        }
        newReplaced[i] = value;
        return new MappedRow(sourceRow, layout, newValues, newTexts, newErrors, newReplaced);
    }

    /** Whether any value failed to convert. */
    public boolean hasErrors() {
        if (errors == null) {
            return false;
        }
        for (String e : errors) {
            if (e != null) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "MappedRow[" + sourceRow + ", " + values() + "]";
    }
}
