package io.sluice.core.review;

import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceRow;

import java.nio.file.Path;
import java.util.List;
import java.util.function.LongFunction;

/** Builders shared by the review tests. */
final class ReviewTestSupport {

    private ReviewTestSupport() {
    }

    static ReviewInfo info() {
        return ReviewInfo.of(Path.of("/data/mixes/march.xlsx"), "ab".repeat(32), SourceFormat.XLSX, "Mixes", 3);
    }

    /**
     * A new review of {@code rows} rows (numbered from 2, as under a header) with the columns Code ({@code MIX-n}),
     * Note ({@code note} of n) and Amount (n modulo 100), n counting from 1: the review the search tests read.
     */
    static Review codesAndNotes(Path file, int rows, LongFunction<String> note) {
        Review review = Review.create(file, info(), List.of("Code", "Note", "Amount"));
        try (RowWriter writer = review.rowWriter()) {
            for (long row = 2; row < rows + 2; row++) {
                long n = row - 1;
                writer.append(new SourceRow(row, List.of(Cell.text("MIX-" + n), Cell.text(note.apply(n)),
                        Cell.text(String.valueOf(n % 100))), List.of()), List.of());
            }
        }
        return review;
    }
}
