package io.sluice.desktop.review;

import io.sluice.core.review.ColumnStats;
import io.sluice.core.review.ColumnStats.ValueCount;
import io.sluice.core.review.RowFilter;
import io.sluice.core.usecase.ColumnStatistics;
import io.sluice.desktop.task.ErrorText;
import io.sluice.desktop.task.Latest;
import io.sluice.desktop.task.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The statistics of the column selected in the review grid: rows, blanks, distinct values, the most frequent values
 * a page at a time, value shapes, number and date ranges with a histogram. Counted in the background while the panel
 * is shown; a newer selection drops an older one's late result, and every change to the review counts again. A
 * value, a shape or a bar of the chart chosen by the steward shows only its rows in the grid, as a value filter of
 * {@link ReviewFilters}: the filter selects exactly the rows the figure counts.
 */
public final class ColumnStatsViewModel {

    /** Distinct values on one page of the list. */
    static final int PAGE = 20;

    /** One bar of the chart: the histogram of numbers or dates, else the most frequent values. */
    public record Bar(String label, long count) {
    }

    private final ReviewViewModel review;
    private final TaskRunner tasks;
    private final Latest requests = new Latest();
    private final StringProperty column = new SimpleStringProperty();
    private final ObjectProperty<ColumnStats> stats = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("Select a cell to see its column's statistics.");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private boolean shown;
    private boolean stale = true;
    private long offset;

    public ColumnStatsViewModel(ReviewViewModel review, TaskRunner tasks) {
        this.review = review;
        this.tasks = tasks;
        column.addListener((obs, o, n) -> {
            offset = 0;
            reload();
        });
        review.counts().versionProperty().addListener((obs, o, n) -> reload());
        review.fileProperty().addListener((obs, o, n) -> column.set(null));
        // another sheet of a workbook review has other columns
        review.workbookSheets().shownProperty().addListener((obs, o, n) -> column.set(null));
    }

    /** Whether the panel is on screen; nothing is counted while it is not. */
    public void setShown(boolean isShown) {
        shown = isShown;
        if (shown && stale) {
            load();
        }
    }

    /** The next page of distinct values, when there is one. */
    public void nextPage() {
        if (hasNextPage()) {
            offset += PAGE;
            reload();
        }
    }

    /** The previous page of distinct values, when there is one. */
    public void previousPage() {
        if (offset > 0) {
            offset = Math.max(0, offset - PAGE);
            reload();
        }
    }

    public boolean hasNextPage() {
        ColumnStats s = stats.get();
        return s != null && s.offset() + s.values().size() < s.distinct();
    }

    public boolean hasPreviousPage() {
        ColumnStats s = stats.get();
        return s != null && s.offset() > 0;
    }

    private void reload() {
        stale = true;
        if (shown) {
            load();
        }
    }

    private void load() {
        String header = column.get();
        ReviewAccess access = review.access();
        Latest.Request request = requests.next();
        stale = false;
        if (header == null || access == null) {
            stats.set(null);
            busy.set(false);
            status.set("Select a cell to see its column's statistics.");
            return;
        }
        busy.set(true);
        status.set("Counting the values of '" + header + "'…");
        ColumnStatistics.Request asked = ColumnStatistics.Request.of(header).page(offset, PAGE);
        request.track(tasks.run("Counting the values of '" + header + "'",
                ctx -> access.use(opened -> ColumnStatistics.of(opened, asked, ctx)),
                request.then(result -> {
                    busy.set(false);
                    stats.set(result);
                    status.set(summary(result));
                }), request.<Throwable>then(error -> {
                    busy.set(false);
                    stats.set(null);
                    status.set("Could not count the values of '" + header + "': "
                            + ErrorText.sentence(error));
                })));
    }

    /** One line above the figures, e.g. "'Supplier': 129 rows, 6 distinct values, 2 blank." */
    static String summary(ColumnStats s) {
        return String.format("'%s': %,d rows, %,d distinct value%s, %,d blank.", s.column(), s.rows(), s.distinct(),
                s.distinct() == 1 ? "" : "s", s.blanks());
    }

    /** What "sd" stands for, as its tooltip says. */
    static final String SD_TIP = "sample standard deviation";

    /**
     * The figures as label and value, in the order the panel lists them; a third element, when there is one, says
     * what an abbreviated label stands for.
     */
    public List<String[]> figures() {
        ColumnStats s = stats.get();
        List<String[]> lines = new ArrayList<>();
        if (s == null) {
            return lines;
        }
        lines.add(new String[] {"Rows", String.format("%,d", s.rows())});
        lines.add(new String[] {"Blank", String.format("%,d", s.blanks())});
        lines.add(new String[] {"Distinct values", String.format("%,d", s.distinct())});
        if (s.minLength() != null) {
            lines.add(new String[] {"Length", s.minLength().equals(s.maxLength()) ? s.minLength() + " characters"
                    : s.minLength() + " to " + s.maxLength() + " characters"});
        }
        if (s.numbers() != null) {
            ColumnStats.NumberStats n = s.numbers();
            lines.add(new String[] {"Numbers", String.format("%,d", n.count())});
            lines.add(new String[] {"Min / max", number(n.min()) + " / " + number(n.max())});
            lines.add(new String[] {"Mean", number(n.mean())});
            lines.add(new String[] {"sd", number(n.standardDeviation()), SD_TIP});
        }
        if (s.dates() != null) {
            ColumnStats.DateStats d = s.dates();
            lines.add(new String[] {"Dates", String.format("%,d", d.count())});
            lines.add(new String[] {"First / last", d.min() + " / " + d.max()});
            lines.add(new String[] {"Mean", String.valueOf(d.mean())});
        }
        lines.add(new String[] {"Value shapes", String.format("%,d", s.patternCount())});
        return lines;
    }

    /** "Values 1-20 of 57" over the list of values. */
    public String pageText() {
        ColumnStats s = stats.get();
        if (s == null || s.values().isEmpty()) {
            return s == null ? "" : "No values: every cell is blank.";
        }
        return String.format("Values %,d-%,d of %,d, most frequent first", s.offset() + 1,
                s.offset() + s.values().size(), s.distinct());
    }

    /** The values of this page, most frequent first. */
    public List<ValueCount> values() {
        ColumnStats s = stats.get();
        return s == null ? List.of() : s.values();
    }

    /** The most frequent value shapes (letters as A, digits as 9). */
    public List<ValueCount> shapes() {
        ColumnStats s = stats.get();
        return s == null ? List.of() : s.patterns();
    }

    /** What the chart draws: the histogram for a column mostly of numbers or dates, else this page's values. */
    public List<Bar> chart() {
        ColumnStats s = stats.get();
        List<Bar> bars = new ArrayList<>();
        switch (chartKind(s)) {
            case NUMBERS -> s.numbers().histogram().forEach(b -> bars.add(new Bar(number(b.from()) + "–"
                    + number(b.to()), b.count())));
            case DATES -> s.dates().histogram().forEach(b -> bars.add(new Bar(b.from().equals(b.to())
                    ? b.from().toString() : b.from() + "–" + b.to(), b.count())));
            case VALUES -> s.values().forEach(v -> bars.add(new Bar(v.value(), v.count())));
            case NONE -> { }
        }
        return bars;
    }

    /** The chart's title. */
    public String chartTitle() {
        return switch (chartKind(stats.get())) {
            case NUMBERS, DATES -> "Histogram";
            case VALUES -> "Most frequent values";
            case NONE -> "";
        };
    }

    /** What the chart's bars stand for. */
    private enum ChartKind { NONE, NUMBERS, DATES, VALUES }

    private static ChartKind chartKind(ColumnStats s) {
        if (s == null || s.rows() == s.blanks()) {
            return ChartKind.NONE;
        }
        if (mostly(s, s.numbers() == null ? 0 : s.numbers().count())) {
            return ChartKind.NUMBERS;
        }
        return mostly(s, s.dates() == null ? 0 : s.dates().count()) ? ChartKind.DATES : ChartKind.VALUES;
    }

    // ---- a click on a value, a shape or a bar shows only its rows in the grid

    /** Shows in the grid only the rows holding this value of the column on screen, besides the other filters. */
    public void showRowsOfValue(ValueCount value) {
        ColumnStats s = stats.get();
        ReviewAccess access = review.access();
        if (s != null && access != null && value != null) {
            review.filters().showOnly(access.value(s.column(), value.value()));
        }
    }

    /** Shows in the grid only the rows whose value has this shape. */
    public void showRowsOfShape(ValueCount shape) {
        ColumnStats s = stats.get();
        ReviewAccess access = review.access();
        if (s != null && access != null && shape != null) {
            review.filters().showOnly(access.shape(s.column(), shape.value()));
        }
    }

    /** Shows in the grid only the rows that the chart's bar at {@code index} counts (as {@link #chart} lists them). */
    public void showRowsOfBar(int index) {
        ColumnStats s = stats.get();
        ReviewAccess access = review.access();
        if (s == null || access == null || index < 0) {
            return;
        }
        RowFilter rows = switch (chartKind(s)) {
            case NUMBERS -> {
                List<ColumnStats.NumberBin> bins = s.numbers().histogram();
                yield index >= bins.size() ? null : access.numbers(s.column(), bins.get(index).from(),
                        bins.get(index).to(), index == bins.size() - 1);
            }
            case DATES -> {
                List<ColumnStats.DateBin> bins = s.dates().histogram();
                yield index >= bins.size() ? null : access.dates(s.column(), bins.get(index).from(),
                        bins.get(index).to());
            }
            case VALUES -> index >= s.values().size() ? null : access.value(s.column(), s.values().get(index).value());
            case NONE -> null;
        };
        if (rows != null) {
            review.filters().showOnly(rows);
        }
    }

    /** Whether at least half the non-blank values are of a kind, so that a histogram says more than the values. */
    private static boolean mostly(ColumnStats s, long ofKind) {
        return ofKind > 0 && ofKind * 2 >= s.rows() - s.blanks();
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%,.3f", value).replaceAll("0+$", "");
    }

    // ---- properties

    /** The column whose statistics are shown; set as the selection in the grid moves. */
    public StringProperty columnProperty() {
        return column;
    }

    /** The statistics on screen, or null while there are none. */
    public ObservableValue<ColumnStats> statsProperty() {
        return stats;
    }

    /** One line about the column, what is being counted, or why it could not be. */
    public ObservableValue<String> statusProperty() {
        return status;
    }

    public ObservableValue<Boolean> busyProperty() {
        return busy;
    }
}
