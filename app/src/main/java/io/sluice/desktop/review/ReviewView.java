package io.sluice.desktop.review;

import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.StepView;
import io.sluice.desktop.Views;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/**
 * The review step as the main window hosts it: the grid of rows with their findings and decisions, the findings
 * panel and the quality dashboard. Its undo and redo are the review's own history.
 */
public final class ReviewView implements StepView {

    private final Node root;
    private final ReviewViewModel vm;
    private final ReviewController controller;

    /**
     * Builds the screen, showing the workbench's review or the validation that makes one; {@code settings} keep
     * where the steward left the split between grid and side panel.
     */
    public ReviewView(ReviewViewModel vm, ReviewCleaning cleaning, DesktopSettings settings) {
        this.vm = vm;
        this.controller = new ReviewController(vm, cleaning, settings);
        this.root = Views.load(controller, "review.fxml", "review.css");
    }

    /** The screen's view model, for tests and for steps that want to know the open review. */
    public ReviewViewModel viewModel() {
        return vm;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void shown() {
        controller.refreshDashboard();
    }

    @Override
    public ObservableBooleanValue canUndo() {
        return vm.counts().canUndo();
    }

    @Override
    public ObservableBooleanValue canRedo() {
        return vm.counts().canRedo();
    }

    @Override
    public ObservableValue<String> undoDescription() {
        return vm.counts().undoDescriptionProperty();
    }

    @Override
    public ObservableValue<String> redoDescription() {
        return vm.counts().redoDescriptionProperty();
    }

    @Override
    public void undo() {
        vm.actions().undo();
    }

    @Override
    public void redo() {
        vm.actions().redo();
    }

    @Override
    public void close() {
        vm.close();
    }
}
