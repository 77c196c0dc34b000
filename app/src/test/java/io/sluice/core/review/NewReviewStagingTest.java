package io.sluice.core.review;

import io.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewReviewStagingTest {

    @TempDir
    Path dir;

    @Test
    void aNewReviewIsBackInWalModeWithoutTheUnfinishedMarkOnceItsRowsAreStaged() throws Exception {
        Path file = dir.resolve("staged.sluice");
        try (Review review = Review.create(file, ReviewTestSupport.info(), SampleRows.columns());
             RowWriter writer = review.rowWriter()) {
            for (long n = 2; n < 12_002; n++) {
                writer.append(SampleRows.fresh(n), List.of(), (int) (n % 21));
            }
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(text(c, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(text(c, "SELECT count(*) FROM review_meta WHERE key = 'staging.unfinished'")).isEqualTo("0");
            // every row's own count in the row, and their total beside the row count
            assertThat(text(c, "SELECT count(*) FROM source_row WHERE filled = row_no % 21")).isEqualTo("12000");
            assertThat(text(c, "SELECT count(*) FROM row_quality")).isEqualTo("0");
            long total = 0;
            for (long n = 2; n < 12_002; n++) {
                total += n % 21;
            }
            assertThat(text(c, "SELECT filled_total FROM review_info")).isEqualTo(String.valueOf(total));
        }
        try (Review review = Review.open(file)) {
            assertThat(review.rowCount()).isEqualTo(12_000);
            assertThat(review.row(6_001)).contains(SampleRows.fresh(6_001));
        }
    }

    @Test
    void aReviewWhoseStagingStoppedMidwayIsRefusedInOneSentence() throws Exception {
        Path file = dir.resolve("staging.sluice");
        Path left = dir.resolve("left-by-a-crash.sluice");
        try (Review review = Review.create(file, ReviewTestSupport.info(), SampleRows.columns());
             RowWriter writer = review.rowWriter()) {
            for (long n = 2; n < 7_002; n++) {
                writer.append(SampleRows.fresh(n), List.of(), 20);
            }
            // what a killed process leaves: the rows of the first transaction on disk, the rest never written
            Files.copy(file, left);
        }

        assertThatThrownBy(() -> Review.open(left))
                .isInstanceOfSatisfying(SluiceException.class,
                        e -> assertThat(e.kind()).isEqualTo(SluiceException.Kind.INPUT))
                .hasMessage("The review " + left + " is unfinished: Sluice stopped while it was writing the review's"
                        + " rows, so it holds only some of them; validate the source file again to make a new"
                        + " review.");
        try (Review review = Review.open(file)) {
            assertThat(review.rowCount()).isEqualTo(7_000);
        }
    }

    @Test
    void everyFilledCountIsStoredExactlyInItsRowAndAnUnknownOneAsNull() throws Exception {
        Path file = dir.resolve("wide.sluice");
        int huge = Integer.MAX_VALUE;
        try (Review review = Review.create(file, ReviewTestSupport.info(), SampleRows.columns());
             RowWriter writer = review.rowWriter()) {
            writer.append(SampleRows.fresh(2), List.of(), 7);
            writer.append(SampleRows.fresh(3), List.of(), huge);
            writer.append(SampleRows.fresh(4), List.of(), 0);
            writer.append(SampleRows.fresh(5), List.of(), -1);
        }

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(rows(c, "SELECT row_no || ':' || coalesce(filled, 'null') FROM source_row ORDER BY row_no"))
                    .containsExactly("2:7", "3:" + huge, "4:0", "5:null");
            assertThat(text(c, "SELECT filled_total FROM review_info")).isEqualTo(String.valueOf(7L + huge));
        }
    }

    @Test
    void rowsAddedToAReviewThatWasOpenedAgainAreWrittenInTheWriteAheadLogWithoutWriteBack() throws Exception {
        Path file = dir.resolve("reopened.sluice");
        try (Review review = Review.create(file, ReviewTestSupport.info(), SampleRows.columns());
             RowWriter writer = review.rowWriter()) {
            writer.append(SampleRows.fresh(2), List.of(), 3);
        }
        try (Review review = Review.open(file); RowWriter writer = review.rowWriter()) {
            writer.append(SampleRows.fresh(3), List.of(), 4);
            try (Statement s = review.connection().createStatement();
                 ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
            assertThat(StagingWriteBackTest.writeBackRunning()).isFalse();
        }

        try (Review review = Review.open(file)) {
            assertThat(review.rowCount()).isEqualTo(2);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(text(c, "SELECT filled_total FROM review_info")).isEqualTo("7");
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
