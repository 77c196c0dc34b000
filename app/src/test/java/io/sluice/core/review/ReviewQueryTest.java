package io.sluice.core.review;

import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewQueryTest {

    /** Rows 2..3001: code, a number as text, a typed number; every 10th row has an error on "Amount". */
    private static final int ROWS = 3000;

    @TempDir
    Path dir;

    private Review review;
    private ReviewQuery query;

    @BeforeEach
    void stage() {
        review = Review.create(dir.resolve("q.sluice"), ReviewTestSupport.info(), List.of("Code", "Amount", "Typed"));
        try (RowWriter writer = review.rowWriter()) {
            for (long row = 2; row < ROWS + 2; row++) {
                long n = row - 1;
                String amount = n % 7 == 0 ? "" : String.valueOf((n * 37) % 1000);
                Cell typed = Cell.number(String.format("%,d", n * 100), BigDecimal.valueOf(n * 100));
                List<Finding> findings = n % 10 == 0
                        ? List.of(new Finding(row, "Amount", "B" + row, "amount", "range", Severity.ERROR,
                        "Amount is out of range.", amount))
                        : n % 15 == 1 ? List.of(new Finding(row, "Code", "A" + row, "code", "pattern",
                        Severity.WARNING, "Code looks odd.", "X")) : List.of();
                writer.append(new SourceRow(row, List.of(Cell.text("MIX-" + n), Cell.text(amount), typed),
                        List.of()), findings);
            }
        }
        query = new ReviewQuery(review);
    }

    @AfterEach
    void close() {
        review.close();
    }

    @Test
    void pagesAllRowsInSourceOrderByPosition() {
        assertThat(query.select(RowFilter.all(), ReviewQuery.Sort.SOURCE_ORDER)).isEqualTo(ROWS);
        List<ReviewQuery.GridRow> page = query.page(1000, 200);
        assertThat(page).hasSize(200);
        assertThat(page.get(0).position()).isEqualTo(1000);
        assertThat(page.get(0).row()).isEqualTo(1002);
        assertThat(page.get(0).cells().get(0)).isEqualTo("MIX-1001");
        assertThat(query.page(ROWS - 10, 200)).hasSize(10);
    }

    @Test
    void carriesFindingsDecisionsAndEditsOfEachRow() {
        try (ReviewSession session = ReviewSession.open(review, null)) {
            session.reject(11, "Amount typed wrong");
            session.edit(12, 0, "MIX-FIXED");
        }
        query.select(RowFilter.all(), ReviewQuery.Sort.SOURCE_ORDER);
        List<ReviewQuery.GridRow> page = query.page(9, 2);
        ReviewQuery.GridRow withError = page.get(0);
        assertThat(withError.row()).isEqualTo(11);
        assertThat(withError.findings()).extracting(Finding::rule).containsExactly("range");
        assertThat(query.columnOf(withError.findings().get(0))).isEqualTo(1);
        assertThat(withError.decision().status()).isEqualTo(DecisionStatus.REJECTED);
        assertThat(withError.decision().reason()).isEqualTo("Amount typed wrong");
        ReviewQuery.GridRow edited = page.get(1);
        assertThat(edited.cells().get(0)).isEqualTo("MIX-FIXED");
        assertThat(edited.isEdited(0)).isTrue();
        assertThat(edited.isEdited(1)).isFalse();
        assertThat(edited.decision()).isNull();
    }

    @Test
    void filtersByFindingsStatusAndText() {
        assertThat(query.select(RowFilter.withErrors(), ReviewQuery.Sort.SOURCE_ORDER)).isEqualTo(ROWS / 10);
        assertThat(query.page(0, 3)).extracting(ReviewQuery.GridRow::row).containsExactly(11L, 21L, 31L);
        assertThat(query.select(RowFilter.withRule("pattern"), ReviewQuery.Sort.SOURCE_ORDER)).isEqualTo(ROWS / 15);
        assertThat(query.select(RowFilter.onColumn("Amount"), ReviewQuery.Sort.SOURCE_ORDER)).isEqualTo(ROWS / 10);
        assertThat(query.select(RowFilter.valid(), ReviewQuery.Sort.SOURCE_ORDER)).isEqualTo(ROWS - ROWS / 10);
        assertThat(query.select(RowFilter.containing(review, "mix-123"), ReviewQuery.Sort.SOURCE_ORDER))
                .as("MIX-123 and MIX-1230..1239").isEqualTo(11);
        assertThat(query.select(RowFilter.containing(review, "50%"), ReviewQuery.Sort.SOURCE_ORDER)).isZero();
        assertThat(query.select(RowFilter.containing(review, "mix_123"), ReviewQuery.Sort.SOURCE_ORDER))
                .as("an underscore is a character searched for, not any character").isZero();

        try (ReviewSession session = ReviewSession.open(review, null)) {
            session.approveAll(RowFilter.withRule("pattern"));
            session.reject(11, "bad");
        }
        assertThat(query.select(RowFilter.withStatus(DecisionStatus.APPROVED), ReviewQuery.Sort.SOURCE_ORDER))
                .isEqualTo(ROWS / 15);
        assertThat(query.select(RowFilter.withStatus(DecisionStatus.REJECTED).and(RowFilter.withErrors()),
                ReviewQuery.Sort.SOURCE_ORDER)).isEqualTo(1);
    }

    @Test
    void sortsNumbersNumericallyWithBlanksLast() {
        query.select(RowFilter.all(), new ReviewQuery.Sort(1, true));
        List<ReviewQuery.GridRow> first = query.page(0, 30);
        List<Long> amounts = first.stream().map(r -> r.cells().get(1)).filter(s -> !s.isEmpty())
                .map(Long::parseLong).toList();
        assertThat(amounts).isSorted().hasSize(30);
        assertThat(query.page(ROWS - 1, 1).get(0).cells().get(1)).as("blanks last").isEmpty();

        query.select(RowFilter.all(), new ReviewQuery.Sort(1, false));
        assertThat(query.page(0, 1).get(0).cells().get(1)).isEqualTo("999");
        assertThat(query.page(ROWS - 1, 1).get(0).cells().get(1)).as("blanks last either way").isEmpty();
    }

    @Test
    void ordersTheFirstRowsOfABigSortAtOnceAndTheRestInTheSameOrderLater() {
        assertThat(ROWS).isGreaterThan(ReviewQuery.FIRST_ROWS);
        query.select(RowFilter.all(), ReviewQuery.Sort.SOURCE_ORDER);
        List<Long> whole = new ArrayList<>();
        for (ReviewQuery.GridRow row : query.page(0, ROWS)) {
            whole.add(row.row());
        }
        whole.sort(Comparator.comparing((Long r) -> amountOf(r).isEmpty())
                .thenComparing(r -> amountOf(r).isEmpty() ? 0L : Long.parseLong(amountOf(r)))
                .thenComparing(r -> r));

        assertThat(query.select(RowFilter.all(), new ReviewQuery.Sort(1, true))).isEqualTo(ROWS);
        assertThat(query.orderPending()).isTrue();
        List<Long> firstPage = query.page(0, 100).stream().map(ReviewQuery.GridRow::row).toList();
        assertThat(query.orderPending()).as("the first page needs only the first rows").isTrue();
        assertThat(query.completeOrder()).isTrue();
        assertThat(query.orderPending()).isFalse();
        List<Long> all = query.page(0, ROWS).stream().map(ReviewQuery.GridRow::row).toList();

        assertThat(firstPage).isEqualTo(whole.subList(0, 100));
        assertThat(all).isEqualTo(whole);
    }

    @Test
    void aDeepPageOfAPendingSortOrdersTheRestFirst() {
        query.select(RowFilter.all(), new ReviewQuery.Sort(1, false));
        List<ReviewQuery.GridRow> last = query.page(ROWS - 1, 1);
        assertThat(query.orderPending()).isFalse();
        assertThat(last.get(0).cells().get(1)).as("blanks last").isEmpty();
        assertThat(query.completeOrder()).as("nothing left to do").isFalse();
    }

    @Test
    void aViewInRowOrderStopsAtItsFirstMatchesAndAddsTheRestAfterThemWhenCounted() {
        long all = query.select(RowFilter.all(), ReviewQuery.Sort.SOURCE_ORDER);
        List<Long> every = query.page(0, ROWS).stream().map(ReviewQuery.GridRow::row).toList();
        RowFilter amounts = RowFilter.containing(review, "7");
        long matching = query.select(amounts, ReviewQuery.Sort.SOURCE_ORDER);
        List<Long> whole = query.page(0, ROWS).stream().map(ReviewQuery.GridRow::row).toList();
        assertThat(matching).isGreaterThan(ReviewQuery.FIRST_MATCHES).isLessThan(all);

        assertThat(query.selectFirst(amounts, ReviewQuery.Sort.SOURCE_ORDER)).isEqualTo(ReviewQuery.FIRST_MATCHES);
        assertThat(query.counted()).isFalse();
        List<Long> first = query.page(0, 200).stream().map(ReviewQuery.GridRow::row).toList();
        assertThat(first).as("only the first matches, nothing beyond").isEqualTo(
                whole.subList(0, ReviewQuery.FIRST_MATCHES));
        assertThat(query.completeOrder()).isTrue();
        assertThat(query.counted()).isTrue();
        assertThat(query.size()).isEqualTo(matching);
        assertThat(query.page(0, ROWS)).extracting(ReviewQuery.GridRow::row).isEqualTo(whole);
        assertThat(query.completeOrder()).as("nothing left to do").isFalse();

        List<Long> backwards = new ArrayList<>(every);
        Collections.reverse(backwards);
        query.selectFirst(RowFilter.all(), new ReviewQuery.Sort(-1, false));
        query.completeOrder();
        assertThat(query.page(0, ROWS)).extracting(ReviewQuery.GridRow::row).isEqualTo(backwards);
    }

    @Test
    void aViewWithFewerMatchesThanAScreenIsCountedAtOnce() {
        assertThat(query.selectFirst(RowFilter.containing(review, "mix-123"), ReviewQuery.Sort.SOURCE_ORDER))
                .isEqualTo(11);
        assertThat(query.counted()).isTrue();
        assertThat(query.completeOrder()).isFalse();
        assertThat(query.size()).isEqualTo(11);
    }

    @Test
    void aColumnSortBegunWithItsFirstRowsIsCountedAtOnce() {
        assertThat(query.selectFirst(RowFilter.all(), new ReviewQuery.Sort(1, true))).isEqualTo(ROWS);
        assertThat(query.counted()).isTrue();
        assertThat(query.orderPending()).isTrue();
    }

    private String amountOf(long row) {
        long n = row - 1;
        return n % 7 == 0 ? "" : String.valueOf((n * 37) % 1000);
    }

    @Test
    void sortsTypedNumbersByValueNotByDisplayedText() {
        query.select(RowFilter.all(), new ReviewQuery.Sort(2, false));
        assertThat(query.page(0, 2)).extracting(r -> r.cells().get(2)).containsExactly("300,000", "299,900");
    }

    @Test
    void countsRowsByNumberOfFindings() {
        Map<Integer, Long> histogram = query.findingsPerRow(3);
        assertThat(histogram).containsEntry(1, (long) (ROWS / 10 + ROWS / 15))
                .containsEntry(2, 0L)
                .containsEntry(0, (long) ROWS - (ROWS / 10 + ROWS / 15));
    }
}
