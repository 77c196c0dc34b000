package io.sluice.core.review;

import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceRow;

import java.nio.file.Path;

/**
 * Runs review work in a separate JVM for {@link ReviewProcessTest}: {@code crash <file> <rows>} stages rows into a new
 * review and dies without closing anything; {@code crash-append <file> <rows>} does the same to a review that already
 * holds row 2; {@code bounded <file> <rows>} stages and reads back rows with fresh cells under a small
 * heap, checking every row, and exits 0 only if all went well.
 */
public final class ReviewChild {

    private ReviewChild() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[1]);
        long rows = Long.parseLong(args[2]);
        ReviewInfo info = ReviewInfo.of(Path.of("child.csv"), null, SourceFormat.CSV, "child.csv", 1);
        if (args[0].startsWith("crash")) {
            long first = 2;
            if (args[0].equals("crash-append")) {
                try (Review created = Review.create(file, info, SampleRows.columns());
                     RowWriter writer = created.rowWriter()) {
                    writer.append(SampleRows.row(first++));
                }
            }
            Review review = args[0].equals("crash-append") ? Review.open(file)
                    : Review.create(file, info, SampleRows.columns());
            RowWriter writer = review.rowWriter();
            for (long n = first; n < rows + 2; n++) {
                writer.append(SampleRows.row(n));
            }
            // Like kill -9: no close, no shutdown hooks, the WAL is left as it is.
            Runtime.getRuntime().halt(0);
        }
        try (Review review = Review.create(file, info, SampleRows.columns())) {
            try (RowWriter writer = review.rowWriter()) {
                for (long n = 2; n < rows + 2; n++) {
                    writer.append(SampleRows.fresh(n));
                }
            }
            long expected = 2;
            try (RowCursor cursor = review.cursor()) {
                while (cursor.hasNext()) {
                    SourceRow row = cursor.next();
                    if (!row.equals(SampleRows.fresh(expected++))) {
                        throw new IllegalStateException("Row " + row.number() + " did not read back as written.");
                    }
                }
            }
            if (expected != rows + 2) {
                throw new IllegalStateException("Read " + (expected - 2) + " rows instead of " + rows + ".");
            }
        }
    }
}
