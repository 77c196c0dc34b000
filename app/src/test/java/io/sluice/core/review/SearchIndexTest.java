package io.sluice.core.review;

import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchIndexTest {

    private static final int ROWS = 12_000;
    /** Texts whose answers must be the same with the index as without: case, accents, symbols, across cells. */
    private static final List<String> SEARCHES = List.of("mix-1234", "MIX-1234", "Mix-99", "ab", "x", "Äpfel",
            "äpfel", "apfel", "Öl", "café", "CAFÉ", "50%", "a_b", "1\\2", "\"q\"", "12 NORD", "nord", "11999",
            "-1", "zz-none", "über Grün", "ÜBER");

    @TempDir
    Path dir;

    private Review review;
    private ReviewQuery query;

    @BeforeEach
    void stage() {
        review = ReviewTestSupport.codesAndNotes(dir.resolve("s.sluice"), ROWS, n -> switch ((int) (n % 9)) {
            case 0 -> "Äpfel und Öl";
            case 1 -> "café noir";
            case 2 -> "50% a_b 1\\2";
            case 3 -> "say \"q\"";
            case 4 -> "über Grün";
            case 5 -> "";
            default -> "NORD";
        });
        query = new ReviewQuery(review);
    }

    @AfterEach
    void close() {
        review.close();
    }

    @Test
    void aSearchFindsTheSameRowsWithTheIndexAsByReadingEveryRow() {
        List<List<Long>> scanned = SEARCHES.stream().map(this::found).toList();
        assertThat(review.searchIndexed()).isFalse();

        buildIndex();

        assertThat(review.searchIndexed()).isTrue();
        assertThat(SEARCHES.stream().map(this::found).toList()).isEqualTo(scanned);
        assertThat(found("Äpfel")).hasSize(ROWS / 9);
        assertThat(found("äpfel")).as("the case of non-ASCII letters counts, as without the index").isEmpty();
        assertThat(found("apfel")).as("so do accents").isEmpty();
        assertThat(found("mix-1234")).containsExactly(1235L);
    }

    @Test
    void aViewBegunWithItsFirstMatchesIsTheSameWhetherTheyComeFromTheRowsReadFirstOrFromTheIndex() {
        ReviewQuery scanned = new ReviewQuery(review);
        List<List<Long>> before = SEARCHES.stream().map(text -> begun(scanned, text, true)).toList();
        List<List<Long>> backwards = SEARCHES.stream().map(text -> begun(scanned, text, false)).toList();
        buildIndex();
        // the first 1,000 rows are read one by one, the rest through the index
        ReviewQuery split = new ReviewQuery(review, 1_000);
        assertThat(SEARCHES.stream().map(text -> begun(split, text, true)).toList()).isEqualTo(before);
        assertThat(SEARCHES.stream().map(text -> begun(split, text, false)).toList()).isEqualTo(backwards);
        assertThat(begun(split, "MIX-1199", true)).as("only beyond the rows read first")
                .containsExactly(1200L, 11991L, 11992L, 11993L, 11994L, 11995L, 11996L, 11997L, 11998L, 11999L,
                        12000L);
    }

    @Test
    void aSearchWithTheIndexFindsEditedCellsAndForgetsThemAfterUndo() {
        buildIndex();
        try (ReviewSession session = ReviewSession.open(review, null)) {
            assertThat(found("wolkig")).isEmpty();
            session.edit(500, 1, "heiter bis wolkig");
            assertThat(found("WOLKIG")).containsExactly(500L);
            assertThat(found("MIX-499")).as("the cell as read still matches, as without the index")
                    .contains(500L);
            session.undo();
            assertThat(found("wolkig")).isEmpty();
            session.redo();
            assertThat(found("wolkig")).containsExactly(500L);
        }
    }

    @Test
    void anIndexBuiltPartWayIsNotUsedAndGoesOnFromWhereItStopped() {
        assertThat(review.indexSearchNext()).as("more than one slice of rows").isTrue();
        assertThat(review.searchIndexed()).isFalse();
        assertThat(found("MIX-11999")).as("rows beyond the slice still found").containsExactly(12_000L);
        review.close();

        review = Review.open(dir.resolve("s.sluice"));
        query = new ReviewQuery(review);
        assertThat(review.searchIndexed()).isFalse();
        buildIndex();
        review.close();
        review = Review.open(dir.resolve("s.sluice"));
        query = new ReviewQuery(review);
        assertThat(review.searchIndexed()).as("kept in the file").isTrue();
        assertThat(found("MIX-11999")).containsExactly(12_000L);
        assertThat(found("mix-1 ")).isEmpty();
        assertThat(found("MIX-1")).as("MIX-1, -10..19, -100..199, -1000..1999, -10000..12000").hasSize(3_112);
    }

    @Test
    void rowsAddedAfterTheIndexWasBuiltAreSearchedByReadingEveryRowUntilIndexed() {
        buildIndex();
        try (RowWriter writer = review.rowWriter()) {
            writer.append(new SourceRow(ROWS + 2, List.of(Cell.text("LATE-1"), Cell.text("Äpfel"), Cell.text("1")),
                    List.of()), List.of());
        }
        assertThat(review.searchIndexed()).isFalse();
        assertThat(found("late-1")).containsExactly((long) ROWS + 2);
        buildIndex();
        assertThat(review.searchIndexed()).isTrue();
        assertThat(found("late-1")).containsExactly((long) ROWS + 2);
    }

    @Test
    void aSliceThatGivesWayWritesNothingAndTheNextCallWritesIt() {
        assertThat(review.indexSearchNext(() -> true)).as("rows left").isTrue();
        assertThat(indexedUpTo()).as("the slice was undone").isNull();
        assertThat(found("MIX-11999")).containsExactly(12_000L);

        assertThat(review.indexSearchNext(() -> false)).isTrue();
        assertThat(indexedUpTo()).isEqualTo("5001");
        buildIndex();
        assertThat(review.searchIndexed()).isTrue();
        assertThat(found("MIX-1199")).containsExactly(1200L, 11991L, 11992L, 11993L, 11994L, 11995L, 11996L, 11997L,
                11998L, 11999L, 12000L);
    }

    @Test
    void anEmptyReviewHasAnIndexAtOnce() {
        try (Review empty = Review.create(dir.resolve("e.sluice"), ReviewTestSupport.info(), List.of("A"))) {
            assertThat(empty.indexSearchNext()).isFalse();
            assertThat(empty.searchIndexed()).isTrue();
            assertThat(new ReviewQuery(empty).select(RowFilter.containing(empty, "abc"),
                    ReviewQuery.Sort.SOURCE_ORDER)).isZero();
        }
    }

    private String indexedUpTo() {
        try (var s = review.connection().prepareStatement("SELECT value FROM review_meta WHERE key = ?")) {
            s.setString(1, "search_index_rows");
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void buildIndex() {
        int slices = 0;
        while (review.indexSearchNext()) {
            slices++;
        }
        assertThat(slices).isLessThan(ROWS);
    }

    /** The view as begun and then completed, in row order ({@code ascending}) or backwards. */
    private List<Long> begun(ReviewQuery on, String text, boolean ascending) {
        on.selectFirst(RowFilter.containing(review, text), new ReviewQuery.Sort(-1, ascending));
        List<Long> first = on.page(0, ReviewQuery.FIRST_MATCHES).stream().map(ReviewQuery.GridRow::row).toList();
        on.completeOrder();
        List<Long> whole = on.page(0, ROWS + 10).stream().map(ReviewQuery.GridRow::row).toList();
        assertThat(whole).startsWith(first.toArray(Long[]::new));
        return whole;
    }

    private List<Long> found(String text) {
        query.select(RowFilter.containing(review, text), ReviewQuery.Sort.SOURCE_ORDER);
        return query.page(0, ROWS + 10).stream().map(ReviewQuery.GridRow::row).toList();
    }
}
