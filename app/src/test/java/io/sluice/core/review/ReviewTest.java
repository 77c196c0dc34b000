package io.sluice.core.review;

import io.sluice.core.SluiceException;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceIssue;
import io.sluice.core.source.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewTest {

    @TempDir
    Path dir;

    @Test
    void restoresEveryKindOfCellAfterReopening() {
        Path file = dir.resolve("cells.sluice");
        List<Cell> cells = CellCodecTest.cells().toList();
        List<String> columns = IntStream.range(0, cells.size()).mapToObj(i -> "C" + i).toList();
        SourceRow row = new SourceRow(7, cells);
        try (Review review = Review.create(file, ReviewTestSupport.info(), columns);
             RowWriter writer = review.rowWriter()) {
            writer.append(row);
        }

        try (Review review = Review.open(file)) {
            assertThat(review.columns()).isEqualTo(columns);
            assertThat(review.row(7)).contains(row);
        }
    }

    @Test
    void keepsInfoProfileAndMetaAcrossReopening() {
        Path file = dir.resolve("nested/folders/info.sluice");
        ReviewInfo info = ReviewTestSupport.info().withTargetUrl("jdbc:postgresql://db/lab?user=a&password=secret");
        try (Review review = Review.create(file, info, List.of("Mix"))) {
            review.setProfile("{\"version\":1}");
            review.putMeta("grid.widths", "120,80");
            review.putMeta("grid.widths", "140,80");
            review.putMeta("removed", "x");
            review.putMeta("removed", null);
        }

        try (Review review = Review.open(file)) {
            assertThat(review.info()).isEqualTo(info.withProfileJson("{\"version\":1}"));
            assertThat(review.info().targetUrl()).isEqualTo("jdbc:postgresql://db/lab?user=a");
            assertThat(review.meta("grid.widths")).contains("140,80");
            assertThat(review.meta("removed")).isEmpty();
        }
    }

    @Test
    void pagesRowsInSourceOrderWhateverTheGapsInRowNumbers() {
        Path file = dir.resolve("paging.sluice");
        List<SourceRow> written = new ArrayList<>();
        try (Review review = Review.create(file, ReviewTestSupport.info(), SampleRows.columns());
             RowWriter writer = review.rowWriter()) {
            for (long n = 2; n < 60; n += 1 + n % 3) {
                SourceRow row = SampleRows.fresh(n);
                written.add(row);
                writer.append(row);
            }
        }

        try (Review review = Review.open(file)) {
            assertThat(review.rowCount()).isEqualTo(written.size());
            assertThat(review.rows(0, 10)).isEqualTo(written.subList(0, 10));
            assertThat(review.rows(10, 10)).isEqualTo(written.subList(10, 20));
            assertThat(review.rows(20, 100)).isEqualTo(written.subList(20, written.size()));
            assertThat(review.rows(written.size(), 10)).isEmpty();
            assertThat(review.row(written.get(5).number())).contains(written.get(5));
            assertThat(review.row(4)).isEmpty();
        }
    }

    @Test
    void keepsRowAndSheetIssuesApart() {
        Path file = dir.resolve("issues.sluice");
        SourceIssue ragged = new SourceIssue("ragged-row", 5, null, "Row 5 has 3 cells where the header has 2.");
        SourceIssue error = new SourceIssue("error-cell", 5, "B", "Cell B5 holds the error #DIV/0!.");
        SourceIssue merged = new SourceIssue("merged-cells", 1, "A", "Cells A1:C1 are merged.");
        SourceRow plain = new SourceRow(4, List.of(Cell.text("a"), Cell.text("b")));
        SourceRow flagged = new SourceRow(5, List.of(Cell.text("a"), Cell.error("#DIV/0!"), Cell.text("extra")),
                List.of(ragged, error));
        try (Review review = Review.create(file, ReviewTestSupport.info(), List.of("First", "Second"))) {
            review.addSourceIssues(List.of(merged));
            try (RowWriter writer = review.rowWriter()) {
                writer.append(plain);
                writer.append(flagged);
            }
        }

        try (Review review = Review.open(file)) {
            assertThat(review.sourceIssues()).containsExactly(merged);
            assertThat(review.rows(0, 10)).containsExactly(plain, flagged);
        }
    }

    @Test
    void keepsShortRowsShortAndRowsWiderThanTheStoredColumns() {
        Path file = dir.resolve("wide.sluice");
        int width = ReviewSchema.WIDE_COLUMNS + 40;
        List<String> columns = IntStream.range(0, width).mapToObj(i -> "Col" + i).toList();
        List<Cell> wideCells = IntStream.range(0, width)
                .mapToObj(i -> i % 3 == 0 ? Cell.number(i + ".0", new BigDecimal(i + ".0")) : Cell.text("t" + i))
                .toList();
        SourceRow full = new SourceRow(2, wideCells);
        SourceRow shortRow = new SourceRow(3, List.of(Cell.text("only"), Cell.BLANK));
        SourceRow alsoFull = new SourceRow(4, wideCells);
        try (Review review = Review.create(file, ReviewTestSupport.info(), columns);
             RowWriter writer = review.rowWriter()) {
            writer.append(full);
            writer.append(shortRow);
            writer.append(alsoFull);
        }

        try (Review review = Review.open(file); RowCursor cursor = review.cursor()) {
            assertThat(cursor).toIterable().containsExactly(full, shortRow, alsoFull);
        }
    }

    @Test
    void aCursorOverSomeColumnsReadsThoseExactlyAndLeavesTheOthersBlank() {
        Path file = dir.resolve("some-columns.sluice");
        int width = ReviewSchema.WIDE_COLUMNS + 2;
        List<String> columns = IntStream.range(0, width).mapToObj(i -> "Col" + i).toList();
        List<Cell> wideCells = IntStream.range(0, width)
                .mapToObj(i -> i % 2 == 0 ? Cell.number(i + ".50", new BigDecimal(i + ".50")) : Cell.text("t" + i))
                .toList();
        SourceRow shortRow = new SourceRow(3, List.of(Cell.text("only")));
        try (Review review = Review.create(file, ReviewTestSupport.info(), columns);
             RowWriter writer = review.rowWriter()) {
            writer.append(new SourceRow(2, wideCells));
            writer.append(shortRow);
        }

        try (Review review = Review.open(file); RowCursor cursor = review.cursor(Set.of(1, 4, 7))) {
            SourceRow first = cursor.next();
            assertThat(first.number()).isEqualTo(2);
            for (int i = 0; i < ReviewSchema.WIDE_COLUMNS; i++) {
                assertThat(first.cell(i)).as("column %d", i)
                        .isEqualTo(Set.of(1, 4, 7).contains(i) ? wideCells.get(i) : Cell.BLANK);
            }
            // the rare cells beyond the stored columns come as stored
            assertThat(first.cell(width - 1)).isEqualTo(wideCells.get(width - 1));
            SourceRow second = cursor.next();
            assertThat(second.number()).isEqualTo(3);
            assertThat(second.cell(0)).isEqualTo(Cell.BLANK);
            assertThat(second.cell(1)).isEqualTo(Cell.BLANK);
            assertThat(cursor.hasNext()).isFalse();
        }
    }

    @Test
    void streamsEveryRowWithACursor() {
        Path file = dir.resolve("cursor.sluice");
        try (Review review = Review.create(file, ReviewTestSupport.info(), SampleRows.columns());
             RowWriter writer = review.rowWriter()) {
            for (long n = 2; n <= 12_001; n++) {
                writer.append(SampleRows.row(n));
            }
        }

        long expected = 2;
        try (Review review = Review.open(file); RowCursor cursor = review.cursor()) {
            while (cursor.hasNext()) {
                assertThat(cursor.next()).isEqualTo(SampleRows.row(expected++));
            }
        }
        assertThat(expected).isEqualTo(12_002);
    }

    @Test
    void continuesStagingWhereAnEarlierWriterStopped() {
        Path file = dir.resolve("resume.sluice");
        try (Review review = Review.create(file, ReviewTestSupport.info(), SampleRows.columns());
             RowWriter writer = review.rowWriter()) {
            writer.append(SampleRows.row(2));
        }
        try (Review review = Review.open(file)) {
            try (RowWriter writer = review.rowWriter()) {
                assertThatThrownBy(() -> writer.append(SampleRows.row(2)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("source order");
                writer.append(SampleRows.row(3));
            }
            assertThat(review.rowCount()).isEqualTo(2);
        }
    }

    @Test
    void commitsAnOpenWriterWhenTheReviewIsClosed() {
        Path file = dir.resolve("unclosed-writer.sluice");
        try (Review review = Review.create(file, ReviewTestSupport.info(), SampleRows.columns())) {
            RowWriter writer = review.rowWriter();
            writer.append(SampleRows.row(2));
            assertThatThrownBy(review::findingWriter).isInstanceOf(IllegalStateException.class);
        }

        try (Review review = Review.open(file)) {
            assertThat(review.rowCount()).isEqualTo(1);
        }
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws Exception {
        Path file = dir.resolve("taken.sluice");
        Files.writeString(file, "someone's notes");

        assertThatThrownBy(() -> Review.create(file, ReviewTestSupport.info(), List.of("A")))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("already exists");
        assertThat(Files.readString(file)).isEqualTo("someone's notes");
    }

    @Test
    void storesEarlyDatesAndLongDecimalsUnchanged() {
        Path file = dir.resolve("values.sluice");
        SourceRow row = new SourceRow(2, List.of(
                Cell.date("01/01/1900", LocalDate.of(1900, 1, 1)),
                Cell.dateTime("1904-01-01 12:00", LocalDateTime.of(1904, 1, 1, 12, 0)),
                Cell.number("1234567890.1234567890", new BigDecimal("1234567890.1234567890"))));
        try (Review review = Review.create(file, ReviewTestSupport.info(), List.of("D", "T", "N"));
             RowWriter writer = review.rowWriter()) {
            writer.append(row);
        }

        try (Review review = Review.open(file)) {
            assertThat(review.rows(0, 1)).containsExactly(row);
        }
    }
}
