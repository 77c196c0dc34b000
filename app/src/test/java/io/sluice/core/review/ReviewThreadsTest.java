package io.sluice.core.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A review's connection is opened without SQLite's own lock (decision 0069): the driver lets one call at a time into
 * it. These tests use one review from several threads at once, as background tasks may.
 */
class ReviewThreadsTest {

    private static final int ROWS = 3_000;
    private static final int THREADS = 4;

    @TempDir
    Path dir;

    @Test
    void severalThreadsReadingOneReviewAtOnceEachGetTheRowsTheyAskedFor() throws Exception {
        Path file = dir.resolve("shared.sluice");
        try (Review review = Review.create(file, ReviewTestSupport.info(), SampleRows.columns())) {
            try (RowWriter writer = review.rowWriter()) {
                for (long n = 2; n < ROWS + 2; n++) {
                    writer.append(SampleRows.fresh(n), List.of(), 20);
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<Long>> readers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int first = t;
                    readers.add(pool.submit(() -> {
                        long right = 0;
                        // row by row, each thread in its own order, while the others step their own statements
                        for (long n = 2 + first; n < ROWS + 2; n += THREADS) {
                            if (review.row(n).equals(Optional.of(SampleRows.fresh(n)))) {
                                right++;
                            }
                        }
                        return right;
                    }));
                }
                long right = 0;
                for (Future<Long> reader : readers) {
                    right += reader.get();
                }
                assertThat(right).isEqualTo(ROWS);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void rowsStagedWhileAnotherThreadReadsTheReviewAreAllThereAfterwards() throws Exception {
        Path file = dir.resolve("staged-while-read.sluice");
        try (Review review = Review.create(file, ReviewTestSupport.info(), SampleRows.columns())) {
            try (RowWriter writer = review.rowWriter()) {
                writer.append(SampleRows.fresh(2), List.of(), 20);
            }
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Long> reads = pool.submit(() -> {
                    long right = 0;
                    for (int i = 0; i < 2_000; i++) {
                        if (review.row(2).equals(Optional.of(SampleRows.fresh(2)))) {
                            right++;
                        }
                    }
                    return right;
                });
                try (RowWriter writer = review.rowWriter()) {
                    for (long n = 3; n < ROWS + 2; n++) {
                        writer.append(SampleRows.fresh(n), List.of(), 20);
                    }
                }
                assertThat(reads.get()).isEqualTo(2_000);
            } finally {
                pool.shutdownNow();
            }
            assertThat(review.rowCount()).isEqualTo(ROWS);
            assertThat(review.row(ROWS + 1)).contains(SampleRows.fresh(ROWS + 1));
        }
        try (Review review = Review.open(file)) {
            assertThat(review.rowCount()).isEqualTo(ROWS);
        }
    }
}
