package io.sluice.desktop.review;

import io.sluice.core.review.ReviewQuery.GridRow;
import io.sluice.desktop.task.Latest;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The rows the review grid shows: a view begun from its first rows, completed in the background (counted, or
 * ordered), and its pages read from disk as the grid scrolls to them. Only the pages near the screen are held.
 */
final class ShownRows {

    private final TaskRunner tasks;
    private final Latest queries;
    private final Supplier<ReviewAccess> access;
    private final BiConsumer<String, Throwable> showError;
    private final ReviewCounts counts;
    private final Executor afterShown;

    private final ObjectProperty<PagedRows> rows = new SimpleObjectProperty<>(new PagedRows(0, n -> { }));
    private final IntegerProperty pageVersion = new SimpleIntegerProperty();
    private final LongProperty shown = new SimpleLongProperty();
    /** Whether {@link #shown} is the count of the rows the filter matches, or only those found so far. */
    private final BooleanProperty counted = new SimpleBooleanProperty(true);

    /**
     * {@code queries} is the review's: a newer view, sheet or review makes the pages of this one stale.
     * {@code afterShown} runs the completion of a new view once the grid has drawn its first rows.
     */
    ShownRows(TaskRunner tasks, Latest queries, Supplier<ReviewAccess> access, ReviewCounts counts,
              BiConsumer<String, Throwable> showError, Executor afterShown) {
        this.tasks = tasks;
        this.afterShown = afterShown;
        this.queries = queries;
        this.access = access;
        this.counts = counts;
        this.showError = showError;
    }

    /**
     * Shows a new view from its first rows, then completes it in the background: the rest of a column sort's order,
     * or the rest of the matches of a view in row order, which the grid gains when they are counted. The completion
     * starts once the grid has drawn the first rows, so that it does not take a processor from that pulse; a view
     * superseded by then is not completed.
     */
    void show(ReviewAccess.FirstRows first) {
        Latest.Request request = queries.next();
        PagedRows[] list = new PagedRows[1];
        list[0] = new PagedRows(first.rows(), page -> fetch(request, list[0], page), first.firstPage());
        shown.set(first.rows());
        counted.set(first.counted());
        rows.set(list[0]);
        ReviewAccess current = access.get();
        if (current == null) {
            return;
        }
        afterShown.execute(() -> {
            if (request.isCurrent() && list[0] == rows.get() && current == access.get()) {
                complete(first.counted(), current, request, list[0]);
            }
        });
    }

    private void complete(boolean ordering, ReviewAccess current, Latest.Request request, PagedRows list) {
        tasks.quiet(ordering ? "Ordering the remaining rows" : "Counting the rows shown",
                ctx -> current.completeView(), count -> {
                    if (request.isCurrent() && list == rows.get()) {
                        list.grow(count);
                        shown.set(count);
                        counted.set(true);
                    }
                }, error -> {
                    if (request.isCurrent() && list == rows.get()) {
                        showError.accept("Could not count the rows shown", error);
                    }
                });
    }

    /** Rows changed on disk under the same view: the pages held are read again when next drawn. */
    void changedOnDisk() {
        rows.get().markStale();
        pageVersion.set(pageVersion.get() + 1);
    }

    /** A page read, or why it could not be: a failed page is asked for again when it is next shown. */
    private record PageRead(List<GridRow> rows, RuntimeException error) {
    }

    private void fetch(Latest.Request request, PagedRows list, int page) {
        ReviewAccess current = access.get();
        if (current == null) {
            return;
        }
        tasks.quiet("Reading rows", ctx -> {
            try {
                return new PageRead(current.page((long) page * PagedRows.PAGE, PagedRows.PAGE), null);
            } catch (RuntimeException e) {
                return new PageRead(List.of(), e);
            }
        }, read -> {
            if (read.error() != null) {
                list.pageFailed(page);
                showError.accept("Could not read rows of the review", read.error());
            } else if (request.isCurrent() && list == rows.get()) {
                list.pageArrived(page, read.rows());
                pageVersion.set(pageVersion.get() + 1);
            }
        });
    }

    /** The row at a grid position if it is loaded, else null (nothing is read). */
    GridRow loaded(int position) {
        PagedRows list = rows.get();
        return position >= 0 && position < list.size() ? list.loaded(position) : null;
    }

    /**
     * The most rows the filter may show: their count, or while they are counted the rows of the review, which a
     * question before a bulk action states as "up to".
     */
    long atMost() {
        return counted.get() ? shown.get() : counts.totalProperty().getValue().longValue();
    }

    /** "Showing 12 of 1,250 rows"; while the rows shown are counted, "Showing 60+ of 1,250 rows (counting…)". */
    StringBinding shownTextBinding() {
        return Bindings.createStringBinding(() -> String.format(counted.get() ? "Showing %,d of %,d rows"
                : "Showing %,d+ of %,d rows (counting…)", shown.get(), counts.totalProperty().getValue().longValue()),
                shown, counted, counts.totalProperty());
    }

    ObservableValue<PagedRows> rowsProperty() {
        return rows;
    }

    ObservableValue<Number> pageVersionProperty() {
        return pageVersion;
    }

    ObservableValue<Number> shownProperty() {
        return shown;
    }

    ObservableValue<Boolean> countedProperty() {
        return counted;
    }
}
