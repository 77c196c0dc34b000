package io.sluice.desktop;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * One step's screen as the main window hosts it. The Edit menu's undo and redo act on the step shown, so a step
 * with an undo history overrides them; a step that holds a file or connection open releases it in {@link #close}.
 */
public interface StepView {

    /** The screen's root node, built once. */
    Node root();

    /** Called each time the step is brought to the front; refresh what may have changed elsewhere. */
    default void shown() {
    }

    default ObservableBooleanValue canUndo() {
        return Bindings.createBooleanBinding(() -> false);
    }

    default ObservableBooleanValue canRedo() {
        return Bindings.createBooleanBinding(() -> false);
    }

    /** What undo would take back, e.g. "Approve row 3"; null or empty when there is nothing to name. */
    default ObservableValue<String> undoDescription() {
        return new SimpleStringProperty();
    }

    /** What redo would do again; null or empty when there is nothing to name. */
    default ObservableValue<String> redoDescription() {
        return new SimpleStringProperty();
    }

    default void undo() {
    }

    default void redo() {
    }

    /** Called once when the window closes, after background work has stopped: release files and connections. */
    default void close() {
    }
}
