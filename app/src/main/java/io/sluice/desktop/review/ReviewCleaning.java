package io.sluice.desktop.review;

import io.sluice.desktop.DialogService;
import io.sluice.desktop.Workbench;
import io.sluice.desktop.task.TaskRunner;

import java.util.function.BiConsumer;

/**
 * The review's cleaning tools beside its decisions: the column statistics, the value fixes, the fix suggestions and
 * the clusters, all acting on the review a {@link ReviewViewModel} has open and undone by its Undo.
 */
public final class ReviewCleaning {

    private final ReviewViewModel review;
    private final TaskRunner tasks;
    private final ColumnStatsViewModel stats;
    private final ValueFixesViewModel fixes;
    private final SuggestionsViewModel suggestions;
    private final SaveFixesViewModel saveFixes;

    private ReviewCleaning(ReviewViewModel review, Workbench workbench, TaskRunner tasks, DialogService dialogs,
                           BiConsumer<String, Throwable> showError) {
        this.review = review;
        this.tasks = tasks;
        this.stats = new ColumnStatsViewModel(review, tasks);
        this.fixes = new ValueFixesViewModel(review, tasks, dialogs, showError);
        this.suggestions = new SuggestionsViewModel(review, workbench, tasks, dialogs, fixes);
        this.saveFixes = new SaveFixesViewModel(review, workbench, tasks, dialogs, showError);
    }

    /** Builds the tools for this review screen; failures of the fixes go to {@code showError}. */
    public static ReviewCleaning of(ReviewViewModel review, Workbench workbench, TaskRunner tasks,
                                    DialogService dialogs, BiConsumer<String, Throwable> showError) {
        return new ReviewCleaning(review, workbench, tasks, dialogs, showError);
    }

    public ColumnStatsViewModel stats() {
        return stats;
    }

    public ValueFixesViewModel fixes() {
        return fixes;
    }

    public SuggestionsViewModel suggestions() {
        return suggestions;
    }

    /** "Save fixes into the profile". */
    public SaveFixesViewModel saveFixes() {
        return saveFixes;
    }

    /** The clusters of one column's values, found when {@link ClustersViewModel#find} is called. */
    public ClustersViewModel clusters(String column) {
        return new ClustersViewModel(review, tasks, fixes, column);
    }
}
