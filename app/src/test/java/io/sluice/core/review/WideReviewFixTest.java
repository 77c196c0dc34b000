package io.sluice.core.review;

import io.sluice.core.Progress;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Statistics and fixes of a column beyond the wide ones, whose cells live in {@code source_cell_extra}. */
class WideReviewFixTest {

    private static final int COLUMNS = ReviewSchema.WIDE_COLUMNS + 5;
    private static final int LAST = COLUMNS - 1;

    @TempDir
    Path dir;

    @Test
    void fixAndStatisticsReachCellsBeyondTheWideColumns() {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < COLUMNS; i++) {
            headers.add("h" + i);
        }
        try (Review review = Review.create(dir.resolve("wide.sluice"), ReviewTestSupport.info(), headers)) {
            try (RowWriter writer = review.rowWriter()) {
                long row = 2;
                for (String value : List.of("a", " b", "a")) {
                    List<Cell> cells = new ArrayList<>();
                    for (int i = 0; i < LAST; i++) {
                        cells.add(Cell.text("x"));
                    }
                    cells.add(Cell.text(value));
                    writer.append(new SourceRow(row++, cells, List.of()));
                }
            }
            ReviewSession session = ReviewSession.open(review, null);
            long second = 3;

            assertThat(review.columnStats(LAST, 0, 10, 10, 10, Progress.NONE).distinct()).isEqualTo(2);
            FixOutcome outcome = session.fix(LAST, RowFilter.all(), new ValueFix.Trim(), Progress.NONE);

            assertThat(outcome.cells()).isEqualTo(1);
            assertThat(session.effectiveRow(second).cell(LAST).text()).isEqualTo("b");
            assertThat(review.columnStats(LAST, 0, 10, 10, 10, Progress.NONE).values())
                    .containsExactly(new ColumnStats.ValueCount("a", 2), new ColumnStats.ValueCount("b", 1));
            session.undo();
            assertThat(session.effectiveRow(second).cell(LAST).text()).isEqualTo(" b");
        }
    }
}
