package io.sluice.desktop.review;

import io.sluice.desktop.AppContext;
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

    private ReviewView(Node root, ReviewViewModel vm, ReviewController controller) {
        this.root = root;
        this.vm = vm;
        this.controller = controller;
    }

    /** Builds the screen, showing the workbench's review or the validation that makes one. */
    public static ReviewView create(AppContext context) {
        ReviewViewModel vm = new ReviewViewModel(context.workbench(), context.tasks(), context.validation(),
                context.dialogs(), context::showError);
        ReviewController controller = new ReviewController(context, vm);
        return new ReviewView(Views.load(controller, "review.fxml", "review.css"), vm, controller);
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
        vm.undo();
    }

    @Override
    public void redo() {
        vm.redo();
    }

    @Override
    public void close() {
        vm.close();
    }
}
