package io.sluice.desktop.review;

import io.sluice.core.review.ReviewQuery.GridRow;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ColumnWidthsTest {

    /** Ten pixels a letter: easy to count. */
    private static double measure(String text) {
        return text.length() * 10;
    }

    private static GridRow row(String... cells) {
        return new GridRow(0, 1, List.of(cells), null, List.of(), new boolean[cells.length]);
    }

    @Test
    void aColumnIsAsWideAsItsLongestFirstValueOrItsHeaderOnTwoLines() {
        List<Double> widths = ColumnWidths.of(List.of("Code", "Cement (kg/m3)", "w/c"),
                List.of(row("DS1-000001", "394.3", "0.5"), row("DS1-2", "1089.25", "0.616")), ColumnWidthsTest::measure);

        assertThat(widths).containsExactly(100 + ColumnWidths.CELL_PADDING, 70 + ColumnWidths.HEADER_PADDING,
                50 + ColumnWidths.CELL_PADDING);
    }

    @Test
    void aNarrowColumnIsStillWideEnoughForAShortValueAndTheSortArrow() {
        assertThat(ColumnWidths.of(List.of("A"), List.of(row("1")), ColumnWidthsTest::measure))
                .containsExactly(ColumnWidths.MIN);
    }

    @Test
    void aLongValueOrHeaderIsCapped() {
        List<Double> widths = ColumnWidths.of(List.of("Remarks", "Averylongheaderwithoutanyspaceatall"),
                List.of(row("x".repeat(200), "1")), ColumnWidthsTest::measure);

        assertThat(widths).containsExactly(ColumnWidths.MAX, ColumnWidths.MAX);
    }

    @Test
    void aColumnWithNoRowsYetIsSizedByItsHeader() {
        assertThat(ColumnWidths.of(List.of("Strength (MPa)"), List.of(), ColumnWidthsTest::measure))
                .containsExactly(80 + ColumnWidths.HEADER_PADDING);
    }
}
