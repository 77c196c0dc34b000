package io.sluice.core.review;

import io.sluice.core.rules.Finding;

import java.util.List;

/**
 * A row validated again after one of its cells changed, for the ledger to store with the change.
 *
 * @param findings    the row's findings now, replacing the old ones; null leaves them as they were
 * @param filledCells how many of the row's mapped cells hold a value now; negative when not known
 * @param setAside    earlier findings that one row cannot judge again (unique within the file, the reader's notes)
 *                    on the changed cell: the change drops them, and they are kept with it so that its undo brings
 *                    them back
 */
public record RowRecheck(List<Finding> findings, int filledCells, List<Finding> setAside) {

    /** Nothing validated: the findings stay as they were. */
    public static final RowRecheck NONE = new RowRecheck(null, -1, List.of());

    public RowRecheck {
        findings = findings == null ? null : List.copyOf(findings);
        setAside = setAside == null ? List.of() : List.copyOf(setAside);
    }
}
