package io.sluice.core.review;

import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A bulk decision on a large review runs inside SQLite; the session never pages rows into the heap. */
class BulkDecisionScaleTest {

    private static final int ROWS = 100_000;

    @TempDir
    Path dir;

    @Test
    void bulkApprovesHundredThousandRowsAndUndoesInOneStep() {
        Path file = dir.resolve("large.sluice");
        try (Review review = Review.create(file, ReviewInfo.of(Path.of("large.csv"), null, SourceFormat.CSV,
                "large.csv", 1), List.of("Code", "Value"))) {
            try (RowWriter writer = review.rowWriter()) {
                for (long row = 2; row < ROWS + 2; row++) {
                    List<Finding> findings = row % 10 == 0 ? List.of(new Finding(row, "Value", "B" + row, null,
                            "range", Severity.ERROR, "Out of range.", "-1")) : List.of();
                    writer.append(new SourceRow(row, List.of(Cell.text("C" + row), Cell.text("1"))), findings);
                }
            }
            try (ReviewSession session = ReviewSession.open(review, null)) {
                assertThat(session.approveAll(RowFilter.valid())).isEqualTo(90_000);
                assertThat(session.rejectAll(RowFilter.pending(), "Out of range")).isEqualTo(10_000);
                assertThat(session.counts()).isEqualTo(new DecisionCounts(0, 90_000, 10_000));

                session.undo();
                session.undo();

                assertThat(session.counts()).isEqualTo(new DecisionCounts(ROWS, 0, 0));
            }
        }
    }
}
