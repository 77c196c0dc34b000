package io.sluice.desktop.review;

import io.sluice.desktop.DialogService;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.TaskRunner;

import java.util.function.BiConsumer;

/**
 * The review's cleaning tools beside its decisions: the column statistics, the value fixes and the fix suggestions,
 * all acting on the review a {@link ReviewViewModel} has open and undone by its Undo.
 */
public record ReviewCleaning(ColumnStatsViewModel stats, ValueFixesViewModel fixes,
                             SuggestionsViewModel suggestions) {

    /** Builds the tools for this review screen; failures of the fixes go to {@code showError}. */
    public static ReviewCleaning of(ReviewViewModel review, Workbench workbench, TaskRunner tasks,
                                    DialogService dialogs, BiConsumer<String, Throwable> showError) {
        ValueFixesViewModel fixes = new ValueFixesViewModel(review, tasks, dialogs, showError);
        return new ReviewCleaning(new ColumnStatsViewModel(review, tasks), fixes,
                new SuggestionsViewModel(review, workbench, tasks, dialogs, fixes));
    }
}
