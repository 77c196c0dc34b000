package io.sluice.core.review;

import io.sluice.core.Severity;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceIssue;
import io.sluice.core.source.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowWriterThreadTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryRowHandedOverWithItsFindingsInSourceOrder() {
        Path file = dir.resolve("staged.sluice");
        List<SourceRow> written = new ArrayList<>();
        try (Review review = Review.create(file, ReviewTestSupport.info(), SampleRows.columns())) {
            RowWriterThread rows = new RowWriterThread(review.rowWriter());
            for (long n = 2; n < 1_236; n++) {
                // plain text rows (every CSV row) and rows with typed cells, in the same transactions
                SourceRow row = n % 3 == 0 ? textRow(n) : SampleRows.fresh(n);
                written.add(row);
                rows.append(row, n % 100 == 0 ? List.of(finding(n)) : List.of(), 20);
            }
            rows.finish();
        }

        try (Review review = Review.open(file)) {
            assertThat(review.rowCount()).isEqualTo(written.size());
            assertThat(review.rows(0, written.size())).isEqualTo(written);
            assertThat(review.findings(300)).containsExactly(finding(300));
            assertThat(review.counts().errors()).isEqualTo(12);
        }
    }

    @Test
    void keepsEveryKindOfRowWhicheverTransactionItFallsIn() {
        Path file = dir.resolve("kinds.sluice");
        int width = ReviewSchema.WIDE_COLUMNS + 2;
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            columns.add("Col" + i);
        }
        List<SourceRow> written = new ArrayList<>();
        try (Review review = Review.create(file, ReviewTestSupport.info(), columns)) {
            RowWriterThread rows = new RowWriterThread(review.rowWriter());
            // two full transactions and a part: each kind of row turns up in some of them only, and rows with
            // source issues and findings only after the last full one, so that only the end of the staging stores them
            for (long n = 2; n < 12_347; n++) {
                SourceRow row = n < 5_000 ? textRow(n)
                        : n < 10_000 ? (n % 7 == 0 ? SampleRows.fresh(n) : textRow(n))
                        : n < 10_100 ? wideRow(n, width)
                        : n < 12_300 ? textRow(n)
                        : new SourceRow(n, textRow(n).cells(),
                        List.of(new SourceIssue("ragged-row", n, null, "Row " + n + " is ragged.")));
                written.add(row);
                rows.append(row, n >= 12_300 && n % 10 == 0 ? List.of(finding(n)) : List.of(), 19);
            }
            rows.finish();
        }

        try (Review review = Review.open(file)) {
            assertThat(review.rowCount()).isEqualTo(written.size());
            assertThat(review.rows(0, written.size())).isEqualTo(written);
            assertThat(review.findings(12_340)).containsExactly(finding(12_340));
            assertThat(review.counts().errors()).isEqualTo(5);
        }
    }

    private static SourceRow wideRow(long n, int width) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            cells.add(Cell.text("w" + n + "c" + i));
        }
        return new SourceRow(n, cells);
    }

    @Test
    void aFailedWriteReachesTheCallerOnceAndKeepsTheRowsCommittedBeforeIt() {
        Path file = dir.resolve("failed.sluice");
        try (Review review = Review.create(file, ReviewTestSupport.info(), SampleRows.columns())) {
            RowWriterThread rows = new RowWriterThread(review.rowWriter());
            rows.append(SampleRows.fresh(10), List.of(), 20);
            rows.append(SampleRows.fresh(5), List.of(), 20);
            assertThatThrownBy(() -> {
                rows.finish();
            }).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Rows must be appended in source order: row 5 comes after row 10.");
            rows.finish();
            assertThatThrownBy(() -> rows.append(SampleRows.fresh(11), List.of(), 20))
                    .isInstanceOf(IllegalStateException.class).hasMessage("This row writer is closed.");
            // the review is free for other writes again
            review.putMeta("after", "failure");
        }
    }

    @Test
    void aFinishOnAnInterruptedThreadStillWritesEveryRowHandedOverAndKeepsTheInterrupt() {
        Path file = dir.resolve("cancelled.sluice");
        try (Review review = Review.create(file, ReviewTestSupport.info(), SampleRows.columns())) {
            RowWriterThread rows = new RowWriterThread(review.rowWriter());
            for (long n = 2; n < 2_002; n++) {
                rows.append(SampleRows.fresh(n), List.of(), 20);
            }
            Thread.currentThread().interrupt();
            try {
                rows.finish();
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }

        try (Review review = Review.open(file)) {
            assertThat(review.rowCount()).isEqualTo(2_000);
        }
    }

    @Test
    void aShortPlainTextRowComesBackAsShortAsItWas() {
        Path file = dir.resolve("short.sluice");
        SourceRow shortRow = new SourceRow(4, List.of(Cell.text("MIX-1"), Cell.text("North")));
        try (Review review = Review.create(file, ReviewTestSupport.info(), SampleRows.columns());
             RowWriter writer = review.rowWriter()) {
            writer.append(shortRow);
        }

        try (Review review = Review.open(file)) {
            assertThat(review.row(4)).contains(shortRow);
        }
    }

    private static SourceRow textRow(long n) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < SampleRows.COLUMNS; i++) {
            cells.add(i == 7 ? Cell.BLANK : Cell.text("r" + n + "c" + i));
        }
        return new SourceRow(n, cells);
    }

    private static Finding finding(long row) {
        return new Finding(row, "Column 1", "A" + row, "mix_code", "required", Severity.ERROR,
                "Column 1 is required but the cell is empty.", "");
    }
}
