package io.sluice.core.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class StagingWriteBackTest {

    private static final String THREAD = "sluice-review-write-back";
    /** Enough rows for several syncs while staging goes on. */
    private static final long ROWS = 3L * StagingWriteBack.COMMITS_PER_SYNC * RowWriter.ROWS_PER_TRANSACTION;

    @TempDir
    Path dir;

    @Test
    void aNewReviewIsWrittenBackWhileItsRowsAreStagedAndLetGoWhenTheWriterCloses() throws Exception {
        Path file = dir.resolve("new.sluice");
        boolean seenWhileStaging = false;
        try (Review review = Review.create(file, ReviewTestSupport.info(), SampleRows.columns());
             RowWriter writer = review.rowWriter()) {
            for (long n = 2; n < ROWS + 2; n++) {
                writer.append(SampleRows.fresh(n), List.of(), (int) (n % 21));
                if (n == ROWS / 2) {
                    seenWhileStaging = writeBackRunning();
                }
            }
        }

        assertThat(seenWhileStaging).isTrue();
        assertThat(writeBackRunning()).isFalse();
        try (Review review = Review.open(file)) {
            assertThat(review.rowCount()).isEqualTo(ROWS);
            assertThat(review.row(ROWS / 3)).contains(SampleRows.fresh(ROWS / 3));
        }
    }

    @Test
    void aFileThatCannotBeOpenedForWritingBackIsLeftToTheFinalSync() {
        StagingWriteBack writeBack = StagingWriteBack.start(dir.resolve("missing").resolve("gone.sluice"));

        assertThat(writeBack.active()).isFalse();
        assertThatCode(() -> {
            for (int i = 0; i < 3 * StagingWriteBack.COMMITS_PER_SYNC; i++) {
                writeBack.committed();
            }
            writeBack.close();
        }).doesNotThrowAnyException();
    }

    /** Whether a staging's write-back thread is running in this JVM. */
    static boolean writeBackRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(THREAD) && t.isAlive());
    }
}
