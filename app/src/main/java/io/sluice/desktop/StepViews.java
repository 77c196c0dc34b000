package io.sluice.desktop;

import io.sluice.desktop.commit.CommitView;
import io.sluice.desktop.history.HistoryView;
import io.sluice.desktop.mapping.MappingView;
import io.sluice.desktop.review.ReviewView;
import io.sluice.desktop.source.SourceView;

/** Builds the screen for each step; the main window asks once per step, when it is first shown. */
final class StepViews {

    private StepViews() {
    }

    static StepView create(Step step, AppContext context) {
        return switch (step) {
            case SOURCE -> new SourceView(context);
            case MAPPING -> new MappingView(context);
            case REVIEW -> ReviewView.create(context);
            case COMMIT -> new CommitView(context);
            case HISTORY -> new HistoryView(context);
        };
    }
}
