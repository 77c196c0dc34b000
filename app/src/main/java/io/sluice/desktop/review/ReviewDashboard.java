package io.sluice.desktop.review;

import io.sluice.desktop.task.TaskRunner;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.function.Supplier;

/**
 * The figures of the review's quality dashboard (scores, findings per rule and column, worst rows), read in the
 * background. While the dashboard is on screen, every decision, edit, undo and redo reads them again, so its scores
 * never lag behind the rows; while it is hidden, nothing is read.
 */
public final class ReviewDashboard {

    private final TaskRunner tasks;
    private final Supplier<ReviewAccess> review;
    private final ReadOnlyObjectWrapper<ReviewAccess.Quality> quality = new ReadOnlyObjectWrapper<>();
    private boolean shown;

    ReviewDashboard(TaskRunner tasks, Supplier<ReviewAccess> review) {
        this.tasks = tasks;
        this.review = review;
    }

    /** Whether the dashboard is on screen: showing it reads its figures again. */
    public void setShown(boolean shown) {
        this.shown = shown;
        if (shown) {
            refresh();
        }
    }

    /** Reads the figures of the open review again. */
    public void refresh() {
        ReviewAccess current = review.get();
        if (current != null) {
            tasks.quiet("Reading the quality figures", ctx -> current.quality(), q -> {
                if (current == review.get()) {
                    quality.set(q);
                }
            });
        }
    }

    /** The rows changed, or another review or sheet is shown: the figures are read if the dashboard is on screen. */
    void changed() {
        if (shown) {
            refresh();
        }
    }

    /** Another review was opened: its figures come after its first rows. */
    void clear() {
        quality.set(null);
    }

    /** The figures; null until read. */
    ReadOnlyObjectProperty<ReviewAccess.Quality> qualityProperty() {
        return quality.getReadOnlyProperty();
    }
}
