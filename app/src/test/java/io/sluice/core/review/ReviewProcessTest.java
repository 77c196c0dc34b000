package io.sluice.core.review;

import io.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs a review in a separate JVM to prove what one JVM cannot: bounded heap, and surviving a hard kill. */
class ReviewProcessTest {

    @TempDir
    Path dir;

    @Test
    void refusesANewReviewWhoseProcessDiedWhileStagingItsRows() throws Exception {
        Path file = dir.resolve("crashed.sluice");
        int staged = 2 * RowWriter.ROWS_PER_TRANSACTION + 1_234;

        Result result = runChild("-Xmx128m", "crash", file, staged);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThatThrownBy(() -> Review.open(file))
                .isInstanceOf(SluiceException.class)
                .hasMessage("The review " + file + " is unfinished: Sluice stopped while it was writing the review's"
                        + " rows, so it holds only some of them; validate the source file again to make a new"
                        + " review.");
    }

    @Test
    void keepsCommittedRowsWhenTheProcessDiesWhileAddingRowsToAnExistingReview() throws Exception {
        Path file = dir.resolve("crashed.sluice");
        int staged = 2 * RowWriter.ROWS_PER_TRANSACTION + 1_234;

        Result result = runChild("-Xmx128m", "crash-append", file, staged);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Path.of(file + "-wal")).exists();
        try (Review review = Review.open(file)) {
            // row 2 from the first writer, then two transactions of the second
            long committed = 1 + 2L * RowWriter.ROWS_PER_TRANSACTION;
            assertThat(review.rowCount()).isEqualTo(committed);
            assertThat(review.rows(committed - 1, 10)).containsExactly(SampleRows.row(committed + 1));
            try (RowWriter writer = review.rowWriter()) {
                writer.append(SampleRows.row(committed + 2));
            }
            assertThat(review.rowCount()).isEqualTo(committed + 1);
        }
    }

    @Test
    void stagesAndReadsBack200kRowsInASmallHeap() throws Exception {
        Path file = dir.resolve("bounded.sluice");

        // 200k rows of fresh cells take well over 300 MB as objects; 48 MB only suffices if nothing is kept.
        Result result = runChild("-Xmx48m", "bounded", file, 200_000);

        assertThat(result.exitCode()).as(result.output()).isZero();
        try (Review review = Review.open(file)) {
            assertThat(review.rowCount()).isEqualTo(200_000);
        }
    }

    private static Result runChild(String heap, String mode, Path file, long rows) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(javaBin, heap, "-cp", System.getProperty("java.class.path"),
                ReviewChild.class.getName(), mode, file.toString(), Long.toString(rows));
        File log = file.resolveSibling(mode + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The " + mode + " child did not finish within 5 minutes.");
        }
        return new Result(process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
