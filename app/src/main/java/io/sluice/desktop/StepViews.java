package io.sluice.desktop;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/** Builds the screen for each step; the main window asks once per step, when it is first shown. */
final class StepViews {

    private StepViews() {
    }

    static StepView create(Step step, AppContext context) {
        return switch (step) {
            case REVIEW -> io.sluice.desktop.review.ReviewView.create(context);
            case SOURCE, MAPPING, COMMIT, HISTORY -> unavailable(step);
        };
    }

    private static StepView unavailable(Step step) {
        StackPane pane = new StackPane(new Label(step.title()));
        return () -> (Node) pane;
    }
}
