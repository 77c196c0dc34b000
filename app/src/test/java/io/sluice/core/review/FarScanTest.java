package io.sluice.core.review;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A view in row order whose first rows hold too few matches reads the rest in two halves at once, the far half on a
 * second connection (decision 0078): the same rows in the same order as one scan, edits included, and a far read
 * that is not needed is stopped.
 */
class FarScanTest {

    private static final int ROWS = 12_000;
    /** Rows read one by one before the rest is split: the review is then read in two halves of about 5,900 rows. */
    private static final int AHEAD = 100;
    private static final List<String> SEARCHES = List.of("MIX-1199", "mix-11999", "MIX-1", "MIX-5", "NORD", "nord",
            "Äpfel", "äpfel", "café", "50%", "a_b", "1\\2", "\"q\"", "zz-none", "MIX-6000", "MIX-60", "x");

    @TempDir
    Path dir;

    private Review review;

    @BeforeEach
    void stage() {
        review = ReviewTestSupport.codesAndNotes(dir.resolve("s.sluice"), ROWS, n -> switch ((int) (n % 7)) {
            case 0 -> "Äpfel und Öl";
            case 1 -> "café noir";
            case 2 -> "50% a_b 1\\2";
            case 3 -> "say \"q\"";
            // a rare text: only in the last rows
            case 4 -> n > ROWS - 50 ? "NORD" : "";
            default -> "";
        });
    }

    @AfterEach
    void close() {
        review.close();
    }

    @Test
    void aViewReadInTwoHalvesHoldsTheRowsOfOneScanInTheSameOrder() {
        // more rows ahead than the review holds: one scan on the review's connection
        ReviewQuery oneScan = new ReviewQuery(review);
        List<List<Long>> forwards = SEARCHES.stream().map(text -> begun(oneScan, text, true)).toList();
        List<List<Long>> backwards = SEARCHES.stream().map(text -> begun(oneScan, text, false)).toList();
        assertThat(review.farScan().started()).isZero();

        ReviewQuery halves = new ReviewQuery(review, AHEAD);
        assertThat(SEARCHES.stream().map(text -> begun(halves, text, true)).toList()).isEqualTo(forwards);
        assertThat(SEARCHES.stream().map(text -> begun(halves, text, false)).toList()).isEqualTo(backwards);
        assertThat(review.farScan().started()).as("the rare texts were read in two halves").isPositive();
        assertThat(begun(halves, "NORD", true)).as("only in the last rows").hasSize(7)
                .containsExactly(11954L, 11961L, 11968L, 11975L, 11982L, 11989L, 11996L);
        assertThat(begun(halves, "MIX-1199", true)).as("one row in the near half, the rest in the far one")
                .containsExactly(1200L, 11991L, 11992L, 11993L, 11994L, 11995L, 11996L, 11997L, 11998L, 11999L,
                        12000L);
    }

    @Test
    void theFirstScreenComesFromTheNearHalfAloneWhenItHoldsEnoughMatches() {
        ReviewQuery halves = new ReviewQuery(review, AHEAD);
        // MIX-1, -10..19, -100 ahead (12 rows); -101..199 in the near half: 60 matches before the far half
        long shown = halves.selectFirst(RowFilter.containing(review, "MIX-1"), ReviewQuery.Sort.SOURCE_ORDER);

        assertThat(shown).isEqualTo(ReviewQuery.FIRST_MATCHES);
        assertThat(halves.counted()).isFalse();
        assertThat(review.farScan().started()).isEqualTo(1);
        assertThat(rows(halves, ReviewQuery.FIRST_MATCHES)).startsWith(2L, 11L, 12L).endsWith(149L);
        halves.completeOrder();
        assertThat(halves.size()).as("MIX-1, -10..19, -100..199, -1000..1999, -10000..12000").isEqualTo(3_112);
    }

    @Test
    void aSearchReadInTwoHalvesFindsEditedCellsAndForgetsThemAfterUndo() {
        ReviewQuery halves = new ReviewQuery(review, AHEAD);
        try (ReviewSession session = ReviewSession.open(review, null)) {
            assertThat(begun(halves, "wolkig", true)).isEmpty();
            session.edit(11_000, 1, "heiter bis wolkig");
            session.edit(3_000, 2, "Wolkig");
            assertThat(begun(halves, "WOLKIG", true)).as("one edit in each half").containsExactly(3_000L, 11_000L);
            assertThat(begun(halves, "MIX-10999", true)).as("the cell as read still matches").containsExactly(
                    11_000L);
            session.undo();
            session.undo();
            assertThat(begun(halves, "wolkig", true)).isEmpty();
        }
        assertThat(review.farScan().started()).isPositive();
    }

    @Test
    void aStoppedFarReadEndsAtOnceAndTheConnectionReadsAgain() throws SQLException {
        FarScan far = review.farScan();
        // a statement that would count for minutes
        FarScan.Read endless = far.start("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                + " WHERE i < 4000000000) SELECT max(i) FROM n", List.of());
        long stopping = System.nanoTime();
        endless.stop();
        assertThat((System.nanoTime() - stopping) / 1_000_000).as("ms to stop").isLessThan(5_000);
        assertThatThrownBy(endless::rows).isInstanceOf(CancellationException.class);

        FarScan.Read next = far.start("SELECT row_no FROM source_row WHERE row_no > ? ORDER BY row_no", List.of(
                ROWS - 2L));
        assertThat(next.rows()).containsExactly(ROWS - 1L, (long) ROWS, ROWS + 1L);
    }

    @Test
    void aViewSupersededWhileItsTwoHalvesAreReadStopsAndTheNextViewIsWhole() {
        ReviewQuery halves = new ReviewQuery(review, AHEAD);
        AtomicInteger checks = new AtomicInteger();
        // superseded once it has begun: it stops at SQLite's next check
        assertThatThrownBy(() -> halves.selectFirst(RowFilter.containing(review, "NORD"),
                ReviewQuery.Sort.SOURCE_ORDER, () -> checks.incrementAndGet() > 0))
                .isInstanceOf(CancellationException.class);
        assertThat(checks).hasPositiveValue();
        assertThat(halves.size()).isZero();

        assertThat(begun(halves, "NORD", true)).containsExactly(11954L, 11961L, 11968L, 11975L, 11982L, 11989L,
                11996L);
        assertThat(begun(halves, "MIX-1199", false)).containsExactly(12000L, 11999L, 11998L, 11997L, 11996L, 11995L,
                11994L, 11993L, 11992L, 11991L, 1200L);
    }

    @Test
    void aFarReadSeesTheLastCommitOfTheReviewsConnection() throws SQLException {
        try (Statement s = review.connection().createStatement()) {
            s.execute("UPDATE source_row SET c1 = 'spät' WHERE row_no = 11000");
        }
        FarScan.Read read = review.farScan().start("SELECT row_no FROM source_row WHERE c1 = ?", List.of("spät"));
        assertThat(read.rows()).containsExactly(11_000L);
    }

    /** The view as begun and then completed, in row order ({@code ascending}) or backwards. */
    private List<Long> begun(ReviewQuery on, String text, boolean ascending) {
        on.selectFirst(RowFilter.containing(review, text), new ReviewQuery.Sort(-1, ascending));
        List<Long> first = rows(on, ReviewQuery.FIRST_MATCHES);
        on.completeOrder();
        List<Long> whole = rows(on, ROWS + 10);
        assertThat(whole).startsWith(first.toArray(Long[]::new));
        return whole;
    }

    private static List<Long> rows(ReviewQuery on, int limit) {
        return on.page(0, limit).stream().map(ReviewQuery.GridRow::row).toList();
    }
}
