package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.review.ColumnStats;
import io.sluice.core.review.ColumnStats.DateBin;
import io.sluice.core.review.ColumnStats.NumberBin;
import io.sluice.core.review.ColumnStats.ValueCount;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewInfo;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.RowWriter;
import io.sluice.core.review.ValueFix;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A filter on a value, a shape, a blank or a histogram bar matches exactly the rows the column statistics count for
 * it, as read, after an edit, after a value fix and after its undo, and on a column kept beyond the wide ones.
 */
class StatisticsFilterTest {

    /** Values of column "Value" for rows 2, 3, ...: spaces around, quotes, LIKE wildcards, numbers, dates, blanks. */
    private static final List<Cell> VALUES = List.of(Cell.text("NRD"), Cell.text("NRD"), Cell.text(" NRD"),
            Cell.text("NRD "), Cell.text("NORD"), Cell.text("a%b"), Cell.text("a_b"), Cell.text("axb"),
            Cell.text("it's \"x\""), Cell.text("10"), Cell.text("12.5"), Cell.text("20"), Cell.text("30"),
            Cell.number("1,000", new BigDecimal("1000")), Cell.text("-5"), Cell.text("2024-03-01"),
            Cell.text("31.03.2024"), Cell.date("01/04/2024", LocalDate.of(2024, 4, 1)), Cell.BLANK, Cell.text("   "),
            Cell.text(""));

    @TempDir
    Path dir;

    private OpenReview review;

    @BeforeEach
    void open() {
        Path file = dir.resolve("filters.sluice");
        try (Review created = Review.create(file, ReviewInfo.of(Path.of("filters.csv"), null, SourceFormat.CSV,
                "filters.csv", 1), List.of("Key", "Value"))) {
            try (RowWriter writer = created.rowWriter()) {
                for (int i = 0; i < VALUES.size(); i++) {
                    writer.append(new SourceRow(i + 2, List.of(Cell.text("K" + i), VALUES.get(i)), List.of()));
                }
            }
        }
        review = OpenReview.open(file, null);
    }

    @AfterEach
    void close() {
        review.close();
    }

    @Test
    void everyValueShapeBlankAndBarFiltersToTheRowsItCounts() {
        ColumnStats stats = stats("Value");

        assertThat(stats.values()).contains(new ValueCount("NRD", 2), new ValueCount(" NRD", 1),
                new ValueCount("a%b", 1));
        assertEveryFigureFiltersToItsCount("Value");
        assertEveryFigureFiltersToItsCount("Key");
    }

    @Test
    void aValueMatchesExactlyWithoutTrimmingNorWildcards() {
        assertThat(count(review.value("Value", "NRD"))).isEqualTo(2);
        assertThat(count(review.value("Value", " NRD"))).isEqualTo(1);
        assertThat(count(review.value("Value", "nrd"))).isZero();
        assertThat(count(review.value("Value", "a_b"))).isEqualTo(1);
        assertThat(count(review.value("Value", "a%b"))).isEqualTo(1);
        assertThat(count(review.value("Value", "%"))).isZero();
        assertThat(count(review.value("Value", "it's \"x\""))).isEqualTo(1);
        assertThat(count(review.shape("Value", "A_A"))).isEqualTo(1);
    }

    @Test
    void aBlankValueAsksForTheBlankRows() {
        RowFilter blank = review.value("Value", "  ");

        assertThat(count(blank)).isEqualTo(3).isEqualTo(stats("Value").blanks());
        assertThat(blank.description()).isEqualTo("rows where Value is blank");
    }

    @Test
    void theFiltersFollowAnEditAFixAndItsUndo() {
        review.session().edit(2, 1, "NORD");
        assertEveryFigureFiltersToItsCount("Value");
        assertThat(count(review.value("Value", "NRD"))).isEqualTo(1);

        review.session().fix(1, RowFilter.all(), new ValueFix.Replace(Map.of("NORD", "40", "a%b", "  ")),
                Progress.NONE);
        assertEveryFigureFiltersToItsCount("Value");
        assertThat(count(review.value("Value", "40"))).isEqualTo(2);
        assertThat(count(review.blank("Value"))).isEqualTo(4);

        review.session().undo();
        assertEveryFigureFiltersToItsCount("Value");
        assertThat(count(review.value("Value", "NORD"))).isEqualTo(2);
        assertThat(count(review.value("Value", "40"))).isZero();
    }

    @Test
    void theFiltersSayInWordsWhichRowsTheyMatch() {
        assertThat(review.value("Value", "NRD").description()).isEqualTo("rows where Value is 'NRD'");
        assertThat(review.shape("Value", "AAA-999").description())
                .isEqualTo("rows where Value has the shape 'AAA-999'");
        assertThat(review.numbers("Value", 10.0, 20.0, false).description())
                .isEqualTo("rows where Value is a number from 10 to under 20");
        assertThat(review.numbers("Value", 0.5, null, false).description())
                .isEqualTo("rows where Value is a number of 0.5 or more");
        assertThat(review.numbers("Value", null, 20.0, true).description())
                .isEqualTo("rows where Value is a number up to 20");
        assertThat(review.dates("Value", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31)).description())
                .isEqualTo("rows where Value is a date from 2024-03-01 to 2024-03-31");
    }

    @Test
    void openBoundsAndRangesCountTheNumbersTheyHold() {
        assertThat(count(review.numbers("Value", 10.0, 20.0, false))).isEqualTo(2);
        assertThat(count(review.numbers("Value", 10.0, 20.0, true))).isEqualTo(3);
        assertThat(count(review.numbers("Value", null, 0.0, false))).isEqualTo(1);
        assertThat(count(review.numbers("Value", 30.0, null, false))).isEqualTo(2);
    }

    @Test
    void anUnknownColumnAValueForAShapeAndAnEmptyRangeAreOneSentenceEach() {
        assertThatThrownBy(() -> review.value("value", "NRD")).isInstanceOf(SluiceException.class)
                .hasMessage("filters.sluice has no column 'value' (columns: Key, Value).");
        assertThatThrownBy(() -> review.shape("Value", "ABC-123")).isInstanceOf(SluiceException.class)
                .hasMessage("'ABC-123' is not a value shape: a shape writes every letter as A and every digit as 9,"
                        + " e.g. AAA-999.");
        assertThatThrownBy(() -> review.numbers("Value", 20.0, 10.0, false)).isInstanceOf(SluiceException.class)
                .hasMessage("The range 20..10 holds no number: its start must be below its end.");
    }

    @Test
    void aColumnNoCellOfWhichIsANumberHasNoHistogramAndNoNumberRows() {
        assertThat(stats("Key").numbers()).isNull();
        assertThat(count(review.numbers("Key", null, null, false))).isZero();
    }

    private void assertEveryFigureFiltersToItsCount(String column) {
        ColumnStats stats = stats(column);
        assertThat(count(review.blank(column))).as("blank").isEqualTo(stats.blanks());
        for (ValueCount value : stats.values()) {
            assertThat(count(review.value(column, value.value()))).as("value '%s'", value.value())
                    .isEqualTo(value.count());
        }
        for (ValueCount shape : stats.patterns()) {
            assertThat(count(review.shape(column, shape.value()))).as("shape '%s'", shape.value())
                    .isEqualTo(shape.count());
        }
        if (stats.numbers() != null) {
            List<NumberBin> bins = stats.numbers().histogram();
            long total = 0;
            for (int i = 0; i < bins.size(); i++) {
                NumberBin bin = bins.get(i);
                long matched = count(review.numbers(column, bin.from(), bin.to(), i == bins.size() - 1));
                assertThat(matched).as("bar %s", bin).isEqualTo(bin.count());
                total += matched;
            }
            assertThat(total).isEqualTo(stats.numbers().count());
        }
        if (stats.dates() != null) {
            for (DateBin bin : stats.dates().histogram()) {
                assertThat(count(review.dates(column, bin.from(), bin.to()))).as("bar %s", bin)
                        .isEqualTo(bin.count());
            }
        }
    }

    private ColumnStats stats(String column) {
        return ColumnStatistics.of(review, new ColumnStatistics.Request(column, 0, 100, 7, 100), Progress.NONE);
    }

    private long count(RowFilter filter) {
        return review.count(filter);
    }

    /** Statistics and filters reach a column whose cells live beside the wide ones, in the side table. */
    @Test
    void aColumnBeyondTheWideOnesFiltersToTheRowsItCounts() {
        int columns = 505;
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            headers.add("h" + i);
        }
        Path file = dir.resolve("wide.sluice");
        try (Review created = Review.create(file, ReviewInfo.of(Path.of("wide.csv"), null, SourceFormat.CSV,
                "wide.csv", 1), headers)) {
            try (RowWriter writer = created.rowWriter()) {
                for (int r = 0; r < VALUES.size(); r++) {
                    List<Cell> cells = new ArrayList<>();
                    for (int i = 0; i < columns - 1; i++) {
                        cells.add(Cell.text("x"));
                    }
                    cells.add(VALUES.get(r));
                    writer.append(new SourceRow(r + 2, cells, List.of()));
                }
            }
        }
        review.close();
        review = OpenReview.open(file, null);
        String last = "h" + (columns - 1);
        assertEveryFigureFiltersToItsCount(last);
        review.session().fix(columns - 1, RowFilter.all(), new ValueFix.Trim(), Progress.NONE);
        assertEveryFigureFiltersToItsCount(last);
        assertThat(count(review.value(last, "NRD"))).isEqualTo(4);
        review.session().undo();
        assertEveryFigureFiltersToItsCount(last);
    }
}
