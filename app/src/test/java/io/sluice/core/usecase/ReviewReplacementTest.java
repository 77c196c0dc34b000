package io.sluice.core.usecase;

import io.sluice.core.SluiceException;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewInfo;
import io.sluice.core.review.RowWriter;
import io.sluice.core.review.WorkbookMembers;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceFormat;
import io.sluice.core.source.SourceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A replaced review is set aside, not deleted, until its replacement is complete: on real review files, with the
 * states a Sluice stopped at any point of a replacement leaves behind.
 */
class ReviewReplacementTest {

    @TempDir
    Path dir;

    @Test
    void aCompleteReplacementLeavesOnlyTheNewReview() {
        Path review = dir.resolve("lab.sluice");
        stage(review, "old", 3);

        long rows = ReviewReplacement.replace(review, () -> {
            assertThat(review).doesNotExist();
            assertThat(ReviewReplacement.asideOf(review)).exists();
            return stage(review, "new", 5);
        });

        assertThat(rows).isEqualTo(5);
        assertThat(firstValue(review)).isEqualTo("new");
        assertThat(ReviewReplacement.asideOf(review)).doesNotExist();
        assertThat(dir).isDirectoryContaining(p -> p.equals(review));
    }

    @Test
    void aFailedReplacementPutsTheOldReviewBackWithItsSheets() {
        Path review = dir.resolve("lab.sluice");
        stage(review, "old", 3);
        Path member = WorkbookMembers.folder(review).resolve("01-Mixes.sluice");
        stage(member, "old member", 2);
        SluiceException failure = SluiceException.input("lab.xlsx has no data rows below its header, so there is"
                + " nothing to validate.");

        assertThatThrownBy(() -> ReviewReplacement.replace(review, () -> {
            stage(review, "half", 1);
            stage(WorkbookMembers.folder(review).resolve("01-Mixes.sluice"), "half member", 1);
            throw failure;
        })).isSameAs(failure);

        assertThat(firstValue(review)).isEqualTo("old");
        assertThat(firstValue(member)).isEqualTo("old member");
        assertThat(ReviewReplacement.asideOf(review)).doesNotExist();
        assertThat(WorkbookMembers.folder(ReviewReplacement.asideOf(review))).doesNotExist();
    }

    @Test
    void replacingWhereNoReviewIsIsAPlainStaging() {
        Path review = dir.resolve("new.sluice");

        assertThat(ReviewReplacement.replace(review, () -> {
            assertThat(dir).isEmptyDirectory();
            return stage(review, "new", 2);
        })).isEqualTo(2);

        assertThat(firstValue(review)).isEqualTo("new");
        assertThat(dir).isDirectoryContaining(p -> p.equals(review))
                .isDirectoryNotContaining(p -> p.getFileName().toString().contains("replaced"));
    }

    @Test
    void aReviewSetAsideByAStoppedReplacementStaysAsideUntilTheNextOneSucceeds() throws Exception {
        Path review = dir.resolve("lab.sluice");
        Path aside = ReviewReplacement.asideOf(review);
        stage(aside, "old", 3);
        stage(review, "half", 1);
        markUnfinished(review);

        assertThatThrownBy(() -> ReviewReplacement.replace(review, () -> {
            assertThat(review).doesNotExist();
            throw new IllegalStateException("stopped again");
        })).hasMessage("stopped again");
        assertThat(firstValue(review)).isEqualTo("old");
        assertThat(aside).doesNotExist();

        Files.move(review, aside);
        stage(review, "half", 1);
        ReviewReplacement.replace(review, () -> stage(review, "new", 2));
        assertThat(firstValue(review)).isEqualTo("new");
        assertThat(aside).doesNotExist();
    }

    @Test
    void aReplacementStoppedBetweenMovingTheSheetsAndTheReviewIsFinished() throws IOException {
        // the sheets' folder was moved aside, the workbook review was not yet
        Path review = dir.resolve("lab.sluice");
        Path aside = ReviewReplacement.asideOf(review);
        stage(review, "old", 3);
        Path member = WorkbookMembers.folder(aside).resolve("01-Mixes.sluice");
        stage(member, "old member", 2);

        assertThatThrownBy(() -> ReviewReplacement.replace(review, () -> {
            assertThat(aside).exists();
            throw new IllegalStateException("stopped");
        })).hasMessage("stopped");

        assertThat(firstValue(review)).isEqualTo("old");
        assertThat(firstValue(WorkbookMembers.folder(review).resolve("01-Mixes.sluice"))).isEqualTo("old member");
        assertThat(WorkbookMembers.folder(aside)).doesNotExist();
    }

    @Test
    void aReviewOpenInAnotherSluiceIsNotReplaced() throws Exception {
        Path review = dir.resolve("lab.sluice");
        stage(review, "old", 3);

        try (Review open = Review.open(review)) {
            open.rowCount();
            assertThatThrownBy(() -> ReviewReplacement.replace(review, () -> stage(review, "new", 1)))
                    .isInstanceOf(SluiceException.class)
                    .hasMessage("The review " + review + " is open in another Sluice; close it there before"
                            + " replacing it.");
        }
        assertThat(firstValue(review)).isEqualTo("old");
        assertThat(ReviewReplacement.asideOf(review)).doesNotExist();
    }

    @Test
    void nothingButReviewsIsMovedOrDeleted() throws IOException {
        Path notes = dir.resolve("notes.sluice");
        Files.writeString(notes, "someone's notes");
        assertThatThrownBy(() -> ReviewReplacement.replace(notes, () -> 0))
                .hasMessage(notes + " is not a Sluice review, so it is not replaced; choose another review name.");
        assertThat(Files.readString(notes)).isEqualTo("someone's notes");

        Path review = dir.resolve("lab.sluice");
        stage(review, "old", 3);
        Files.writeString(ReviewReplacement.asideOf(review), "a file of the same name");
        assertThatThrownBy(() -> ReviewReplacement.replace(review, () -> 0))
                .hasMessage(ReviewReplacement.asideOf(review) + " is not a Sluice review, so it is not replaced;"
                        + " choose another review name.");
        assertThat(firstValue(review)).isEqualTo("old");

        Path other = dir.resolve("other.sluice");
        stage(other, "old", 1);
        Files.createDirectories(WorkbookMembers.folder(other));
        Files.writeString(WorkbookMembers.folder(other).resolve("plan.txt"), "plan");
        assertThatThrownBy(() -> ReviewReplacement.replace(other, () -> 0))
                .hasMessageContaining("holds other files than a workbook review's sheets");
        assertThat(firstValue(other)).isEqualTo("old");
        assertThat(WorkbookMembers.folder(other).resolve("plan.txt")).hasContent("plan");
    }

    /** A review of {@code rows} rows whose first cell reads {@code first}; returns the row count. */
    private static long stage(Path file, String first, int rows) {
        ReviewInfo info = ReviewInfo.of(Path.of("/data/lab.xlsx"), "ab".repeat(32), SourceFormat.XLSX, "Mixes", 1);
        try (Review review = Review.create(file, info, List.of("A", "B"));
             RowWriter writer = review.rowWriter()) {
            for (int n = 0; n < rows; n++) {
                writer.append(new SourceRow(n + 2, List.of(Cell.text(n == 0 ? first : "v" + n), Cell.text("b"))));
            }
        }
        return rows;
    }

    private static String firstValue(Path file) {
        try (Review review = Review.open(file)) {
            return review.rows(0, 1).get(0).cell(0).text();
        }
    }

    /** What a staging killed midway leaves: the mark that its rows are still being written. */
    private static void markUnfinished(Path review) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + review);
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO review_meta (key, value) VALUES ('staging.unfinished', 'rows')");
        }
    }
}
