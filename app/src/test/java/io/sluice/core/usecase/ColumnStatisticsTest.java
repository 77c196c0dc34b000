package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.review.ColumnStats;
import io.sluice.core.review.ColumnStats.DateBin;
import io.sluice.core.review.ColumnStats.ValueCount;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewInfo;
import io.sluice.core.review.RowWriter;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every figure of a column's statistics on a ten-row review with text, number and date cells, blanks and an edit. */
class ColumnStatisticsTest {

    @TempDir
    Path dir;

    private Path file;

    /** Rows 2..11 of column "Value"; row 4's "10" is edited to "30". */
    @BeforeEach
    void review() {
        file = dir.resolve("stats.sluice");
        List<Cell> values = List.of(Cell.text("ABC-123456"), Cell.text("ABC-123456"), Cell.text("10"),
                Cell.text("20.5"), Cell.number("1,000", new BigDecimal("1000")), Cell.text("2024-03-01"),
                Cell.text("31.03.2024"), Cell.date("01/04/2024", LocalDate.of(2024, 4, 1)), Cell.BLANK,
                Cell.text("   "));
        try (Review review = Review.create(file, ReviewInfo.of(Path.of("stats.csv"), null, SourceFormat.CSV,
                "stats.csv", 1), List.of("Key", "Value"))) {
            try (RowWriter writer = review.rowWriter()) {
                for (int i = 0; i < values.size(); i++) {
                    writer.append(new SourceRow(i + 2, List.of(Cell.text("K" + i), values.get(i)), List.of()));
                }
            }
            review.ledger().edit(4, 1, "30", null, "steward", Instant.parse("2026-03-01T10:00:00Z"), "Edit B4");
        }
    }

    @Test
    void countsRowsBlanksDistinctValuesAndLengthsOfTheEffectiveValues() {
        ColumnStats stats = ColumnStatistics.of(file, ColumnStatistics.Request.of("Value"), Progress.NONE);

        assertThat(stats.column()).isEqualTo("Value");
        assertThat(stats.rows()).isEqualTo(10);
        assertThat(stats.blanks()).isEqualTo(2);
        assertThat(stats.distinct()).isEqualTo(7);
        assertThat(stats.minLength()).isEqualTo(2);
        assertThat(stats.maxLength()).isEqualTo(10);
        assertThat(stats.values()).containsExactly(new ValueCount("ABC-123456", 2), new ValueCount("01/04/2024", 1),
                new ValueCount("1,000", 1), new ValueCount("20.5", 1), new ValueCount("2024-03-01", 1),
                new ValueCount("30", 1), new ValueCount("31.03.2024", 1));
    }

    @Test
    void pagesThroughTheDistinctValuesMostFrequentFirst() {
        ColumnStats page = ColumnStatistics.of(file, ColumnStatistics.Request.of("Value").page(1, 2), Progress.NONE);

        assertThat(page.offset()).isEqualTo(1);
        assertThat(page.values()).containsExactly(new ValueCount("01/04/2024", 1), new ValueCount("1,000", 1));
    }

    @Test
    void numbersGetRangeMeanAndHistogramFromTextAndNumberCells() {
        ColumnStats.NumberStats numbers = ColumnStatistics.of(file, ColumnStatistics.Request.of("Value"),
                Progress.NONE).numbers();

        assertThat(numbers.count()).isEqualTo(3);
        assertThat(numbers.min()).isEqualTo(20.5);
        assertThat(numbers.max()).isEqualTo(1000);
        assertThat(numbers.mean()).isCloseTo(1050.5 / 3, within(1e-9));
        assertThat(numbers.histogram()).hasSize(10);
        assertThat(numbers.histogram()).extracting(ColumnStats.NumberBin::count)
                .containsExactly(2L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 1L);
        assertThat(numbers.histogram().get(0).from()).isEqualTo(20.5);
        assertThat(numbers.histogram().get(9).to()).isEqualTo(1000);
    }

    @Test
    void numbersGetTheSampleStandardDeviation() {
        ColumnStats.NumberStats numbers = ColumnStatistics.of(file, ColumnStatistics.Request.of("Value"),
                Progress.NONE).numbers();

        double mean = (30 + 20.5 + 1000) / 3;
        double squares = Math.pow(30 - mean, 2) + Math.pow(20.5 - mean, 2) + Math.pow(1000 - mean, 2);
        assertThat(numbers.standardDeviation()).isCloseTo(Math.sqrt(squares / 2), within(1e-9));
        assertThat(numbers.standardDeviation()).isCloseTo(562.79, within(0.01));
    }

    @Test
    void datesGetRangeMeanAndHistogramFromIsoDottedAndDateCells() {
        ColumnStats.DateStats dates = ColumnStatistics.of(file, ColumnStatistics.Request.of("Value"),
                Progress.NONE).dates();

        assertThat(dates.count()).isEqualTo(3);
        assertThat(dates.min()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(dates.max()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(dates.mean()).isEqualTo(LocalDate.of(2024, 3, 21));
        assertThat(dates.histogram()).hasSize(10);
        assertThat(dates.histogram().get(0)).isEqualTo(new DateBin(LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 3, 4), 1));
        assertThat(dates.histogram().get(9)).isEqualTo(new DateBin(LocalDate.of(2024, 3, 30),
                LocalDate.of(2024, 4, 1), 2));
    }

    @Test
    void patternsShowLettersAsAAndDigitsAs9() {
        ColumnStats stats = ColumnStatistics.of(file, ColumnStatistics.Request.of("Value"), Progress.NONE);

        assertThat(stats.patternCount()).isEqualTo(7);
        assertThat(stats.patterns()).containsExactly(new ValueCount("AAA-999999", 2), new ValueCount("9,999", 1),
                new ValueCount("99", 1), new ValueCount("99.9", 1), new ValueCount("99.99.9999", 1),
                new ValueCount("99/99/9999", 1), new ValueCount("9999-99-99", 1));
    }

    @Test
    void aTextColumnHasNoNumberOrDateFigures() {
        ColumnStats stats = ColumnStatistics.of(file, ColumnStatistics.Request.of("Key"), Progress.NONE);

        assertThat(stats.numbers()).isNull();
        assertThat(stats.dates()).isNull();
        assertThat(stats.distinct()).isEqualTo(10);
        assertThat(stats.patterns()).containsExactly(new ValueCount("A9", 10));
    }

    @Test
    void unknownColumnIsRefusedNamingTheColumns() {
        assertThatThrownBy(() -> ColumnStatistics.of(file, ColumnStatistics.Request.of("value"), Progress.NONE))
                .isInstanceOf(SluiceException.class)
                .hasMessage("stats.sluice has no column 'value' (columns: Key, Value).");
    }

    @Test
    void cancelStopsTheCount() {
        Progress cancel = new Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };

        assertThatThrownBy(() -> ColumnStatistics.of(file, ColumnStatistics.Request.of("Value"), cancel))
                .isInstanceOf(CancellationException.class);
    }
}
