package io.sluice.core.mapping;

/**
 * A target column that a rule reads on every row: found among a mapper's columns (case-insensitive, as
 * {@link MappedRow#get(String)} finds it) once for all the rows of that mapper, then read by position.
 */
public final class MappedColumn {

    private final String name;
    /** The columns last looked in and the position found there, replaced whole: threads never see half of one. */
    private Found found;

    private record Found(MappedRow.Layout layout, int index) {
    }

    /** The column of this name (any case) in whichever mapper's rows it is read from. */
    public MappedColumn(String name) {
        this.name = name;
    }

    /** The name the column was given. */
    public String name() {
        return name;
    }

    int indexIn(MappedRow row, MappedRow.Layout layout) {
        Found f = found;
        if (f == null || f.layout() != layout) {
            f = new Found(layout, row.indexOf(name));
            found = f;
        }
        return f.index();
    }

    @Override
    public String toString() {
        return name;
    }
}
