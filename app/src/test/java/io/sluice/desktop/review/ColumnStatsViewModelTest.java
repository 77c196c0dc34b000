package io.sluice.desktop.review;

import io.sluice.core.review.ColumnStats.ValueCount;
import io.sluice.desktop.task.HeldTasks;
import io.sluice.desktop.task.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnStatsViewModelTest {

    @TempDir
    Path home;

    private Ds4Review review;
    private ColumnStatsViewModel stats;

    @BeforeEach
    void openTheSample() {
        review = new Ds4Review(home);
        stats = new ColumnStatsViewModel(review.vm, review.tasks);
    }

    @AfterEach
    void close() {
        review.close();
        assertThat(review.failures).isEmpty();
    }

    @Test
    void countsNothingUntilThePanelIsShown() {
        stats.columnProperty().set("Supplier");
        assertThat(stats.statsProperty().getValue()).isNull();
        stats.setShown(true);
        assertThat(stats.statsProperty().getValue().column()).isEqualTo("Supplier");
    }

    @Test
    void showsTheSelectedColumnsFiguresValuesShapesAndChart() {
        stats.setShown(true);
        stats.columnProperty().set("Supplier");

        assertThat(stats.statusProperty().getValue()).isEqualTo("'Supplier': 120 rows, 11 distinct values, 0 blank.");
        assertThat(stats.figures()).extracting(f -> f[0] + "=" + f[1])
                .contains("Rows=120", "Distinct values=11", "Length=3 to 6 characters");
        assertThat(stats.values()).startsWith(new ValueCount("NORD", 28), new ValueCount("RHEI", 22));
        assertThat(stats.shapes()).first().isEqualTo(new ValueCount("AAAA", 102));
        assertThat(stats.chartTitle()).isEqualTo("Most frequent values");
        assertThat(stats.chart()).first().isEqualTo(new ColumnStatsViewModel.Bar("NORD", 28));
        assertThat(stats.pageText()).isEqualTo("Values 1-11 of 11, most frequent first");
        assertThat(stats.hasNextPage()).isFalse();
    }

    @Test
    void aNumberColumnDrawsItsHistogram() {
        stats.setShown(true);
        stats.columnProperty().set("Cement (kg/m3)");
        assertThat(stats.chartTitle()).isEqualTo("Histogram");
        assertThat(stats.chart()).hasSize(10);
        assertThat(stats.chart().stream().mapToLong(ColumnStatsViewModel.Bar::count).sum())
                .isEqualTo(stats.statsProperty().getValue().numbers().count());
        assertThat(stats.figures()).extracting(f -> f[0]).contains("Numbers", "Min / max", "Mean", "sd");
        String[] sd = stats.figures().stream().filter(f -> f[0].equals("sd")).findFirst().orElseThrow();
        assertThat(sd[2]).isEqualTo("sample standard deviation");
        double expected = stats.statsProperty().getValue().numbers().standardDeviation();
        assertThat(expected).isPositive();
        assertThat(Double.parseDouble(sd[1].replace(",", ""))).isCloseTo(expected, org.assertj.core.data.Offset
                .offset(0.001));
    }

    @Test
    void pagesThroughTheDistinctValues() {
        stats.setShown(true);
        stats.columnProperty().set("Remarks");
        long distinct = stats.statsProperty().getValue().distinct();
        stats.columnProperty().set("Mix Code");
        assertThat(stats.values()).hasSize(ColumnStatsViewModel.PAGE);
        assertThat(stats.hasPreviousPage()).isFalse();
        stats.nextPage();
        assertThat(stats.pageText()).startsWith("Values 21-40 of ");
        assertThat(stats.hasPreviousPage()).isTrue();
        stats.previousPage();
        assertThat(stats.pageText()).startsWith("Values 1-20 of ");
        assertThat(distinct).isPositive();
    }

    @Test
    void countsAgainAfterAChangeToTheReview() {
        stats.setShown(true);
        stats.columnProperty().set("Supplier");
        ValueFixesViewModel fixes = new ValueFixesViewModel(review.vm, review.tasks, review.dialogs,
                (title, error) -> review.failures.add(error));
        fixes.fix(ValueFixesViewModel.Kind.TRIM, "Supplier", null);
        assertThat(stats.statusProperty().getValue()).isEqualTo("'Supplier': 120 rows, 8 distinct values, 0 blank.");
    }

    @Test
    void aLateResultOfAnEarlierSelectionNeverReplacesTheNewerOne() {
        HeldTasks held = new HeldTasks();
        held.hold();
        List<Runnable> queued = held.waiting();
        ColumnStatsViewModel deferred = new ColumnStatsViewModel(review.vm, new TaskRunner(Runnable::run, held));
        deferred.setShown(true);
        deferred.columnProperty().set("Supplier");
        deferred.columnProperty().set("Plant");
        assertThat(deferred.busyProperty().getValue()).isTrue();
        assertThat(queued).hasSize(2);

        queued.get(1).run();
        queued.get(0).run();

        assertThat(deferred.statsProperty().getValue().column()).isEqualTo("Plant");
        assertThat(deferred.busyProperty().getValue()).isFalse();
    }

    @Test
    void aColumnWithNoValuesSaysSoAndDrawsNoChart() {
        ValueFixesViewModel fixes = new ValueFixesViewModel(review.vm, review.tasks, review.dialogs,
                (title, error) -> review.failures.add(error));
        review.dialogs.formNext("(?s).*", "", "Regular expression", "The whole cell");
        fixes.fix(ValueFixesViewModel.Kind.FIND_REPLACE, "Remarks", null);
        stats.setShown(true);
        stats.columnProperty().set("Remarks");

        assertThat(stats.statusProperty().getValue()).isEqualTo("'Remarks': 120 rows, 0 distinct values, 120 blank.");
        assertThat(stats.pageText()).isEqualTo("No values: every cell is blank.");
        assertThat(stats.values()).isEmpty();
        assertThat(stats.chart()).isEmpty();
        assertThat(stats.chartTitle()).isEmpty();
        assertThat(stats.figures()).extracting(f -> f[0]).doesNotContain("Length", "Numbers", "Dates");
    }

    @Test
    void anUnknownColumnSaysSoInOneSentence() {
        stats.setShown(true);
        stats.columnProperty().set("No such column");
        assertThat(stats.statsProperty().getValue()).isNull();
        assertThat(stats.statusProperty().getValue()).startsWith("Could not count the values of 'No such column': ")
                .doesNotContain("Exception");
    }

    // ---- a value, a shape or a bar filters the grid

    @Test
    void aValueShowsExactlyItsRowsAlongsideTheOtherFiltersUntilCleared() {
        stats.setShown(true);
        stats.columnProperty().set("Supplier");

        stats.showRowsOfValue(value("NRD"));
        assertThat(shown()).isEqualTo(15);
        assertThat(review.vm.filters().valueFilterText().get()).isEqualTo("Rows where Supplier is 'NRD'");
        assertThat(review.vm.shownTextBinding().get()).isEqualTo("Showing 15 of 120 rows");

        review.vm.filters().statusFilterProperty().set(StatusFilter.APPROVED);
        assertThat(shown()).isZero();
        assertThat(review.vm.currentFilter().description())
                .isEqualTo("approved rows and rows where Supplier is 'NRD'");
        review.vm.filters().statusFilterProperty().set(StatusFilter.ALL);
        assertThat(shown()).isEqualTo(15);

        review.vm.filters().clearValueFilter();
        assertThat(shown()).isEqualTo(120);
        assertThat(review.vm.filters().valueFilterText().get()).isEmpty();
    }

    @Test
    void aValueWithSpacesAroundItIsNotTheValueWithout() {
        stats.setShown(true);
        stats.columnProperty().set("Supplier");

        stats.showRowsOfValue(value(" EVIA "));
        assertThat(shown()).isEqualTo(1);
        stats.showRowsOfValue(value("EVIA"));
        assertThat(shown()).isEqualTo(17);
    }

    @Test
    void aValueWithQuotesAndWildcardsOfSqlMatchesOnlyItself() {
        stats.setShown(true);
        stats.columnProperty().set("Remarks");
        ValueCount quoted = stats.values().stream().filter(v -> v.value().contains("\"B-7\"")).findFirst()
                .orElseThrow();
        ValueCount percent = stats.values().stream().filter(v -> v.value().contains("95 %")).findFirst()
                .orElseThrow();

        stats.showRowsOfValue(quoted);
        assertThat(shown()).isEqualTo(quoted.count());
        stats.showRowsOfValue(percent);
        assertThat(shown()).isEqualTo(percent.count());
        ValueCount twoLines = stats.values().stream().filter(v -> v.value().contains("\n")).findFirst()
                .orElseThrow();
        stats.showRowsOfValue(twoLines);
        assertThat(shown()).isEqualTo(twoLines.count());
        assertThat(review.vm.filters().valueFilterText().get()).contains(" ↵ ").doesNotContain("\n");
        assertThat(stats.statsProperty().getValue().blanks()).isEqualTo(70);
    }

    @Test
    void aShapeShowsTheRowsItCounts() {
        stats.setShown(true);
        stats.columnProperty().set("Supplier");

        for (ValueCount shape : stats.shapes()) {
            stats.showRowsOfShape(shape);
            assertThat(shown()).as(shape.value()).isEqualTo(shape.count());
        }
    }

    @Test
    void eachBarOfAHistogramShowsTheRowsItCounts() {
        stats.setShown(true);
        stats.columnProperty().set("Cement (kg/m3)");
        List<ColumnStatsViewModel.Bar> bars = stats.chart();

        for (int i = 0; i < bars.size(); i++) {
            stats.showRowsOfBar(i);
            assertThat(shown()).as(bars.get(i).label()).isEqualTo(bars.get(i).count());
        }
        assertThat(review.vm.filters().valueFilterText().get())
                .startsWith("Rows where Cement (kg/m3) is a number from ");
    }

    @Test
    void eachBarOfADateHistogramShowsTheRowsItCounts() {
        ValueFixesViewModel fixes = new ValueFixesViewModel(review.vm, review.tasks, review.dialogs,
                (title, error) -> review.failures.add(error));
        review.dialogs.formNext("^(\\d\\d)/(\\d\\d)/(\\d{4})$", "$3-$2-$1", "Regular expression", "The whole cell");
        fixes.fix(ValueFixesViewModel.Kind.FIND_REPLACE, "Cast Date", null);
        stats.setShown(true);
        stats.columnProperty().set("Cast Date");
        assertThat(stats.statsProperty().getValue().dates()).isNotNull();
        List<ColumnStatsViewModel.Bar> bars = stats.chart();

        for (int i = 0; i < bars.size(); i++) {
            stats.showRowsOfBar(i);
            assertThat(shown()).as(bars.get(i).label()).isEqualTo(bars.get(i).count());
        }
        assertThat(review.vm.filters().valueFilterText().get()).startsWith("Rows where Cast Date is a date from ");
    }

    @Test
    void aBarOfAColumnWithoutNumbersIsAValue() {
        stats.setShown(true);
        stats.columnProperty().set("Supplier");
        assertThat(stats.statsProperty().getValue().numbers()).isNull();

        stats.showRowsOfBar(0);
        assertThat(shown()).isEqualTo(28);
        assertThat(review.vm.filters().valueFilterText().get()).isEqualTo("Rows where Supplier is 'NORD'");
    }

    @Test
    void theFilterRunsAgainAfterAFixAndItsUndo() {
        stats.setShown(true);
        stats.columnProperty().set("Supplier");
        stats.showRowsOfValue(value("NRD"));
        assertThat(shown()).isEqualTo(15);

        ValueFixesViewModel fixes = new ValueFixesViewModel(review.vm, review.tasks, review.dialogs,
                (title, error) -> review.failures.add(error));
        review.dialogs.formNext("NRD", "NORD");
        fixes.fix(ValueFixesViewModel.Kind.REPLACE, "Supplier", "NRD");
        assertThat(shown()).isZero();
        assertThat(review.vm.rowsProperty().getValue().size()).isZero();

        review.vm.actions().undo();
        assertThat(shown()).isEqualTo(15);
        assertThat(review.vm.rowsProperty().getValue().size()).isEqualTo(15);
    }

    @Test
    void anEditThatChangesTheValueTakesTheRowOutButADecisionKeepsTheRowsOnScreen() {
        stats.setShown(true);
        stats.columnProperty().set("Supplier");
        stats.showRowsOfValue(value("NRD"));
        PagedRows shownRows = review.vm.rowsProperty().getValue();
        shownRows.get(0);

        review.vm.actions().approve(List.of(0));
        assertThat(review.vm.rowsProperty().getValue()).isSameAs(shownRows);
        assertThat(review.vm.counts().approvedProperty().getValue().longValue()).isEqualTo(1);

        review.vm.actions().edit(0, review.vm.columns().indexOf("Supplier"), "NORD");
        assertThat(shown()).isEqualTo(14);
        review.vm.actions().undo();
        assertThat(shown()).isEqualTo(15);
    }

    @Test
    void openingTheReviewAgainStartsWithoutTheValueFilter() {
        stats.setShown(true);
        stats.columnProperty().set("Supplier");
        stats.showRowsOfValue(value("NRD"));
        java.nio.file.Path file = review.vm.fileProperty().getValue();

        review.vm.open(file);
        assertThat(shown()).isEqualTo(120);
        assertThat(review.vm.filters().valueFilterText().get()).isEmpty();
    }

    private ValueCount value(String text) {
        return stats.values().stream().filter(v -> v.value().equals(text)).findFirst().orElseThrow();
    }

    private long shown() {
        return review.vm.shownProperty().getValue().longValue();
    }
}
