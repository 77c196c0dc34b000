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
            case SOURCE -> new io.sluice.desktop.source.SourceView(context);
            case MAPPING -> new io.sluice.desktop.mapping.MappingView(context);
            case REVIEW -> unavailable(step);
            case COMMIT -> new io.sluice.desktop.commit.CommitView(context);
            case HISTORY -> new io.sluice.desktop.history.HistoryView(context);
        };
    }

    private static StepView unavailable(Step step) {
        StackPane pane = new StackPane(new Label(step.title()));
        return () -> (Node) pane;
    }
}
