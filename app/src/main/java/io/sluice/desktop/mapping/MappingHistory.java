package io.sluice.desktop.mapping;

import io.sluice.core.profile.TransformSpec;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The undo and redo history of the mapping grid: each change the steward makes (a target chosen, a swap, a
 * confirmation, transforms) is kept as the grid before and after it, so undo puts every row back exactly. A change
 * that also moves what lies beyond the grid (loading a profile: the table, the rules, the name) keeps that as well,
 * through the {@link Screen} it is recorded with: choosing another table, loading a profile. Reading another file
 * starts a new history.
 */
final class MappingHistory {

    /** What a change moves beside the grid's rows: captured before and after it, put back by undo and redo. */
    interface Screen {
        Object capture();

        void restore(Object state);
    }

    /** One row's mapping at a moment. */
    private record RowState(String target, List<TransformSpec> transforms, Integer confidence, String reason,
                            boolean confirmed) {
    }

    private record Change(String description, List<RowState> before, List<RowState> after, Screen screen,
                          Object screenBefore, Object screenAfter) {

        void restore(List<MappingRow> rows, boolean undone) {
            if (screen != null) {
                screen.restore(undone ? screenBefore : screenAfter);
            }
            MappingHistory.restore(rows, undone ? before : after);
        }
    }

    private final Deque<Change> undo = new ArrayDeque<>();
    private final Deque<Change> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper("");

    /** Makes {@code change} to the rows as one undoable step named {@code description}; no step when nothing moved. */
    void record(String description, List<MappingRow> rows, Runnable change) {
        record(description, rows, null, change);
    }

    /** Like {@link #record(String, List, Runnable)}, keeping what {@code screen} shows besides the rows as well. */
    void record(String description, List<MappingRow> rows, Screen screen, Runnable change) {
        List<RowState> before = capture(rows);
        Object screenBefore = screen == null ? null : screen.capture();
        change.run();
        List<RowState> after = capture(rows);
        Object screenAfter = screen == null ? null : screen.capture();
        if (!before.equals(after) || !Objects.equals(screenBefore, screenAfter)) {
            undo.push(new Change(description, before, after, screen, screenBefore, screenAfter));
            redo.clear();
            update();
        }
    }

    /** Takes the last change back; false when there is none. */
    boolean undo(List<MappingRow> rows) {
        Change change = undo.poll();
        if (change == null || change.before().size() != rows.size()) {
            return false;
        }
        change.restore(rows, true);
        redo.push(change);
        update();
        return true;
    }

    /** Makes the last undone change again; false when there is none. */
    boolean redo(List<MappingRow> rows) {
        Change change = redo.poll();
        if (change == null || change.after().size() != rows.size()) {
            return false;
        }
        change.restore(rows, false);
        undo.push(change);
        update();
        return true;
    }

    void clear() {
        undo.clear();
        redo.clear();
        update();
    }

    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    ReadOnlyStringProperty undoDescriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoDescription.set(undo.isEmpty() ? "" : undo.peek().description());
        redoDescription.set(redo.isEmpty() ? "" : redo.peek().description());
    }

    private static List<RowState> capture(List<MappingRow> rows) {
        return rows.stream().map(r -> new RowState(r.targetProperty().get(), r.transformsProperty().get(),
                r.confidenceProperty().get(), r.reasonProperty().get(), r.confirmedProperty().get())).toList();
    }

    private static void restore(List<MappingRow> rows, List<RowState> states) {
        for (int i = 0; i < rows.size(); i++) {
            RowState s = states.get(i);
            rows.get(i).assign(s.target(), s.transforms(), s.confidence(), s.reason(), s.confirmed());
        }
    }
}
