package io.sluice.core.review;

/**
 * One undoable step of a steward's work on a review, in the manner of Scene Builder's {@code Job}: it is executed
 * once, then undone and redone any number of times, alternately. Each step writes through to the review file.
 */
public interface UndoableCommand {

    /** Does the work for the first time. */
    void execute();

    /** Reverts what {@link #execute} or {@link #redo} did. */
    void undo();

    /** Does the work again after an {@link #undo}. */
    void redo();

    /** What the step does, in words for an "Undo ..." menu item. */
    String description();
}
