package io.sluice.desktop.app;

import io.sluice.core.review.Steward;
import io.sluice.desktop.DesktopSettings;
import io.sluice.desktop.Step;
import io.sluice.desktop.StepView;
import io.sluice.desktop.commit.CommitGatesViewModel;
import io.sluice.desktop.commit.CommitView;
import io.sluice.desktop.commit.CommitViewModel;
import io.sluice.desktop.history.HistoryView;
import io.sluice.desktop.history.HistoryViewModel;
import io.sluice.desktop.history.QualityTrendViewModel;
import io.sluice.desktop.mapping.ConnectionView;
import io.sluice.desktop.mapping.ConnectionViewModel;
import io.sluice.desktop.mapping.MappingView;
import io.sluice.desktop.mapping.MappingViewModel;
import io.sluice.desktop.review.ReviewCleaning;
import io.sluice.desktop.review.ReviewView;
import io.sluice.desktop.review.ReviewViewModel;
import io.sluice.desktop.rules.RulesView;
import io.sluice.desktop.rules.RulesViewModel;
import io.sluice.desktop.source.SourceView;
import io.sluice.desktop.task.AfterPulse;
import io.sluice.desktop.task.Debounce;
import io.sluice.desktop.source.SourceViewModel;

/**
 * The composition root of the steps: builds each step's view model with exactly what it needs, and its view around
 * it. The main window asks once per step, when the step is first shown.
 */
final class StepViews {

    private final AppContext context;
    private final String steward;

    StepViews(AppContext context) {
        this.context = context;
        this.steward = Steward.current().name();
    }

    StepView create(Step step) {
        return switch (step) {
            case SOURCE -> source();
            case MAPPING -> mapping();
            case RULES -> rules();
            case REVIEW -> review();
            case COMMIT -> commit();
            case HISTORY -> history();
        };
    }

    private DesktopSettings settings() {
        return context.settings().settings();
    }

    private SourceView source() {
        return new SourceView(new SourceViewModel(context.workbench(), context.tasks(), context.settings(),
                context.home()), settings());
    }

    private MappingView mapping() {
        MappingViewModel model = new MappingViewModel(context.workbench(), context.tasks(), context.dialogs(),
                context.validation());
        ConnectionView connection = new ConnectionView(new ConnectionViewModel(context.workbench(), context.tasks(),
                context.settings()));
        return new MappingView(model, connection, settings());
    }

    private RulesView rules() {
        return new RulesView(new RulesViewModel(context.workbench(), context.tasks(), context.dialogs(),
                Debounce.fxTimer()), settings());
    }

    private ReviewView review() {
        ReviewViewModel model = new ReviewViewModel(context.workbench(), context.tasks(), context.validation(),
                context.dialogs(), context.showError(), null, AfterPulse.fx());
        return new ReviewView(model, ReviewCleaning.of(model, context.workbench(), context.tasks(), context.dialogs(),
                context.showError()), settings());
    }

    private CommitView commit() {
        CommitGatesViewModel gates = new CommitGatesViewModel(context.workbench(), context.tasks(),
                context.dialogs());
        return new CommitView(new CommitViewModel(context.workbench(), context.tasks(), context.dialogs(), steward,
                gates));
    }

    private HistoryView history() {
        HistoryViewModel model = new HistoryViewModel(context.workbench(), context.tasks(), context.dialogs(), steward);
        QualityTrendViewModel trend = new QualityTrendViewModel(context.workbench(), context.tasks(), model.batches(),
                model.selectedProperty());
        return new HistoryView(model, trend, settings());
    }
}
