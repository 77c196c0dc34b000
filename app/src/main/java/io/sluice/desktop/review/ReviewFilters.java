package io.sluice.desktop.review;

import io.sluice.core.review.ReviewQuery;
import io.sluice.core.review.RowFilter;
import io.sluice.desktop.task.Debounce;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;

/**
 * Which rows the review grid shows and in what order: the decision status, the finding (a rule, a column, valid or
 * with errors), the text searched in every cell, a column's value chosen in the statistics panel, and the sort.
 * Typed search text counts once typing pauses, or at once on Enter. Any change asks the grid's rows again, through
 * the listener given.
 */
public final class ReviewFilters {

    /** How long typing must pause before the search runs. */
    static final Duration TYPING_PAUSE = Duration.millis(350);

    private final ObjectProperty<StatusFilter> status = new SimpleObjectProperty<>(StatusFilter.ALL);
    private final ObjectProperty<FindingFilter> finding = new SimpleObjectProperty<>(FindingFilter.ALL);
    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<RowFilter> valueFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<ReviewQuery.Sort> sort = new SimpleObjectProperty<>(ReviewQuery.Sort.SOURCE_ORDER);
    private final Debounce<String> typing;

    ReviewFilters(Debounce.Delay delay, Runnable changed) {
        typing = new Debounce<>(TYPING_PAUSE, delay, searchText::set);
        status.addListener((obs, o, n) -> {
            if (n != null) {
                changed.run();
            }
        });
        finding.addListener((obs, o, n) -> {
            if (n != null && !n.sameAs(o)) {
                changed.run();
            }
        });
        searchText.addListener((obs, o, n) -> changed.run());
        valueFilter.addListener((obs, o, n) -> changed.run());
        sort.addListener((obs, o, n) -> changed.run());
    }

    /** The filter as the bulk "what the filter shows" actions apply it; {@code access} answers the search. */
    RowFilter rowFilter(ReviewAccess access) {
        StatusFilter s = status.get() == null ? StatusFilter.ALL : status.get();
        FindingFilter f = finding.get() == null ? FindingFilter.ALL : finding.get();
        RowFilter filter = s.toRowFilter().and(f.toRowFilter());
        if (valueFilter.get() != null) {
            filter = filter.and(valueFilter.get());
        }
        String text = searchText.get() == null ? "" : searchText.get().strip();
        return text.isEmpty() || access == null ? filter : filter.and(access.containing(text));
    }

    /** Whether the filter shows only valid rows, so none of the rows shown has errors. */
    boolean onlyValid() {
        return finding.get() != null && finding.get().kind() == FindingFilter.Kind.VALID;
    }

    /** Back to every row in source order; the caller keeps the change from asking the rows again. */
    void reset() {
        typing.cancel();
        status.set(StatusFilter.ALL);
        finding.set(FindingFilter.ALL);
        searchText.set("");
        valueFilter.set(null);
        sort.set(ReviewQuery.Sort.SOURCE_ORDER);
    }

    /** The steward typed in the search field: it searches once typing pauses. */
    public void searchTyped(String text) {
        if (!text.equals(searchText.get()) || typing.isPending()) {
            typing.offer(text);
        }
    }

    /** The steward pressed Enter in the search field: it searches now. */
    public void searchEntered(String text) {
        typing.cancel();
        searchText.set(text);
    }

    /** Shows only the rows of a column's value, shape or histogram bar, besides the other filters. */
    void showOnly(RowFilter rows) {
        valueFilter.set(rows);
    }

    /** Shows the rows of every value again; the other filters stay. */
    public void clearValueFilter() {
        valueFilter.set(null);
    }

    /** Whether the grid shows only the rows of a value chosen in the statistics panel. */
    boolean hasValueFilter() {
        return valueFilter.get() != null;
    }

    /** The value filter in words for the filter bar, e.g. "Rows where Supplier is 'NRD'"; "" when there is none. */
    public StringBinding valueFilterText() {
        return Bindings.createStringBinding(() -> {
            if (valueFilter.get() == null) {
                return "";
            }
            // a value that spans lines stays on the bar's one line
            String words = valueFilter.get().description().replaceAll("\\R", " ↵ ");
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }, valueFilter);
    }

    public ObjectProperty<StatusFilter> statusFilterProperty() {
        return status;
    }

    public ObjectProperty<FindingFilter> findingFilterProperty() {
        return finding;
    }

    /** Substring searched in every cell; set it when the steward has finished typing. */
    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<ReviewQuery.Sort> sortProperty() {
        return sort;
    }
}
