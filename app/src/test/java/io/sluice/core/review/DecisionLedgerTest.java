package io.sluice.core.review;

import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The store side of decisions and edits: what the file keeps, independent of the session on top. */
class DecisionLedgerTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private Review review(int rows) {
        Review review = Review.create(dir.resolve("r.sluice"), ReviewTestSupport.info(), List.of("A", "B"));
        try (RowWriter writer = review.rowWriter()) {
            for (long row = 2; row < rows + 2; row++) {
                writer.append(new SourceRow(row, List.of(Cell.text("a" + row), Cell.number("1", BigDecimal.ONE))));
            }
        }
        return review;
    }

    @Test
    void selectsRowsBeyondTheParameterLimitOfOneStatement() {
        try (Review review = review(40_000)) {
            List<Long> selection = LongStream.range(2, 40_002).boxed().toList();

            DecisionLedger.Recorded recorded = review.ledger().decide(RowFilter.rows(selection),
                    DecisionStatus.REJECTED, "all wrong", "eve", AT, "Reject selected rows");

            assertThat(recorded.rows()).isEqualTo(40_000);
            assertThat(review.ledger().decision(40_001)).contains(
                    new Decision(40_001, DecisionStatus.REJECTED, "all wrong", "eve", AT));
        }
    }

    @Test
    void effectiveRowTurnsEditedCellsIntoTextAndLeavesTheRawRow() {
        try (Review review = review(3)) {
            review.ledger().edit(3, 1, "2.5", null, "eve", AT, "Edit B3");

            SourceRow effective = review.ledger().effectiveRow(3).orElseThrow();

            assertThat(effective.cells()).containsExactly(Cell.text("a3"), Cell.text("2.5"));
            assertThat(review.row(3).orElseThrow().cell(1)).isEqualTo(Cell.number("1", BigDecimal.ONE));
            assertThat(review.ledger().edits(3)).isEqualTo(Map.of(1, "2.5"));
            assertThat(review.ledger().effectiveRow(99)).isEmpty();
        }
    }

    @Test
    void undoingADecisionCommandRestoresEarlierDecisionsWithTheirAuthors() {
        try (Review review = review(3)) {
            DecisionLedger ledger = review.ledger();
            ledger.decide(RowFilter.rows(List.of(2L)), DecisionStatus.REJECTED, "typo", "ann", AT, "Reject row 2");
            DecisionLedger.Recorded all = ledger.decide(RowFilter.all(), DecisionStatus.APPROVED, null, "bob",
                    AT.plusSeconds(60), "Approve all rows");

            ledger.undoDecision(all.command(), "bob", AT.plusSeconds(120));

            assertThat(ledger.decision(2)).contains(new Decision(2, DecisionStatus.REJECTED, "typo", "ann", AT));
            assertThat(ledger.decision(3)).isEmpty();
            assertThat(ledger.firstUndone()).get().extracting(StoredCommand::id).isEqualTo(all.command());
        }
    }

    @Test
    void listsRowsByDecisionInSourceOrderAndEveryEdit() {
        try (Review review = review(6)) {
            DecisionLedger ledger = review.ledger();
            ledger.decide(RowFilter.rows(List.of(6L, 3L, 4L)), DecisionStatus.APPROVED, null, "ann", AT, "Approve");
            ledger.decide(RowFilter.rows(List.of(5L)), DecisionStatus.REJECTED, "typo", "ann", AT, "Reject");
            ledger.edit(3, 0, "fixed", null, "ann", AT, "Edit A3");
            ledger.edit(5, 1, "7", null, "ann", AT, "Edit B5");

            assertThat(ledger.rowsWith(DecisionStatus.APPROVED)).containsExactly(3, 4, 6);
            assertThat(ledger.rowsWith(DecisionStatus.REJECTED)).containsExactly(5);
            assertThat(ledger.allEdits()).isEqualTo(Map.of(3L, Map.of(0, "fixed"), 5L, Map.of(1, "7")));
        }
    }
}
