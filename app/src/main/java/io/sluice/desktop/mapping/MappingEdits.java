package io.sluice.desktop.mapping;

import io.sluice.core.profile.TransformSpec;
import io.sluice.desktop.DialogService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

import java.util.List;
import java.util.Objects;

/**
 * The steward's changes to the mapping grid, each one undoable step: a target chosen by hand (asking before it takes
 * a target another column fills), a confirmation, confirming every high-confidence suggestion, transforms.
 */
public final class MappingEdits {

    private final List<MappingRow> rows;
    private final DialogService dialogs;
    private final MappingHistory history = new MappingHistory();

    MappingEdits(List<MappingRow> rows, DialogService dialogs) {
        this.rows = rows;
        this.dialogs = dialogs;
    }

    /** Starts a new history: another file was read. */
    void clear() {
        history.clear();
    }

    /** Makes a change that moves the grid and what {@code screen} shows beside it (a profile loaded) one step. */
    void record(String description, MappingHistory.Screen screen, Runnable change) {
        history.record(description, rows, screen, change);
    }

    /** Confirms one suggested mapping. */
    public void confirm(MappingRow row) {
        if (row.isMapped()) {
            history.record("Confirm " + row.source(), rows, () -> row.confirmedProperty().set(true));
        }
    }

    /** Confirms every pending suggestion at or above {@link MappingRow#HIGH_CONFIDENCE}; returns how many. */
    public int confirmAllHighConfidence() {
        List<MappingRow> high = rows.stream().filter(r -> r.pendingProperty().get() && !r.isLowConfidence())
                .toList();
        history.record("Confirm " + high.size() + " high-confidence mappings", rows,
                () -> high.forEach(r -> r.confirmedProperty().set(true)));
        return high.size();
    }

    /** Whether any pending suggestion is confident enough for "Confirm all high-confidence". */
    boolean anyHighConfidencePending() {
        return rows.stream().anyMatch(r -> r.pendingProperty().get() && !r.isLowConfidence());
    }

    /**
     * Maps a source column onto a target column chosen by hand (null: not mapped), which confirms it. A target
     * feeds from one column only: when another column fills it, the steward is asked first, and a yes swaps the
     * two columns' targets (or unmaps the other one when this column had none). False when nothing changed.
     */
    public boolean setTarget(MappingRow row, String target) {
        String previous = row.targetProperty().get();
        if (Objects.equals(previous, target)) {
            return false;
        }
        MappingRow holder = target == null ? null : rows.stream()
                .filter(r -> r != row && target.equals(r.targetProperty().get())).findFirst().orElse(null);
        if (holder != null && !dialogs.confirm("'" + holder.source() + "' already fills " + target + ".",
                previous == null
                        ? "'" + row.source() + "' fills " + target + " instead, and '" + holder.source()
                        + "' is then not mapped."
                        : "Swap: '" + row.source() + "' fills " + target + " and '" + holder.source() + "' fills "
                        + previous + ".", previous == null ? "Move the mapping" : "Swap")) {
            return false;
        }
        history.record(target == null ? "Unmap " + row.source() : "Map " + row.source() + " onto " + target, rows,
                () -> {
            if (holder != null) {
                holder.assign(previous, previous == null ? List.of() : holder.transformsProperty().get(), null,
                        previous == null ? "its target went to '" + row.source() + "'"
                                : "swapped with '" + row.source() + "'", previous != null);
            }
            row.assign(target, target == null ? List.of() : row.transformsProperty().get(), null,
                    target == null ? "not mapped by choice" : "chosen by hand", target != null);
        });
        return true;
    }

    public void setTransforms(MappingRow row, List<TransformSpec> transforms) {
        history.record("Transforms of " + row.source(), rows,
                () -> row.transformsProperty().set(List.copyOf(transforms)));
    }

    /** Takes the last change to the mapping back. */
    public void undo() {
        history.undo(rows);
    }

    /** Makes the last undone change to the mapping again. */
    public void redo() {
        history.redo(rows);
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    /** What undo would take back, e.g. "Map Water onto WATER_KG"; "" when nothing. */
    public ReadOnlyStringProperty undoDescriptionProperty() {
        return history.undoDescriptionProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return history.redoDescriptionProperty();
    }
}
