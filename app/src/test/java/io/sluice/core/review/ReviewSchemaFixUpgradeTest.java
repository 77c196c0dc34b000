package io.sluice.core.review;

import io.sluice.core.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A review written before value fixes existed keeps its undo history when it is opened and brought to the current version. */
class ReviewSchemaFixUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void aVersionThreeReviewKeepsItsHistoryAndTakesFixes() throws Exception {
        Path file = dir.resolve("v3.sluice");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            ReviewSchema.createVersion1(c, 1);
            ReviewInfoStore.insert(c, ReviewTestSupport.info(), List.of("A"), 1);
            c.commit();
            ReviewSchema.upgrade(c, 1, ReviewSchema.UPGRADES.subList(0, 2));
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO source_row (row_no, c0, v0) VALUES (2, ' x ', NULL)");
                s.execute("UPDATE review_info SET row_count = 1");
                s.execute("INSERT INTO cell_edit (row_no, col, text, steward, at) VALUES (2, 0, ' y ', 'ann',"
                        + " '2026-03-01T10:00:00Z')");
                s.execute("INSERT INTO command (kind, description, row_no, col, old_text, new_text, steward, at)"
                        + " VALUES ('edit', 'Edit A2 (''A'')', 2, 0, NULL, ' y ', 'ann', '2026-03-01T10:00:00Z')");
            }
            c.commit();
        }

        try (Review review = Review.open(file); ReviewSession session = ReviewSession.open(review, null)) {
            assertThat(session.undoDescription()).contains("Edit A2 ('A')");
            assertThat(session.fix(0, RowFilter.all(), new ValueFix.Trim(), Progress.NONE).cells())
                    .isEqualTo(1);
            assertThat(session.effectiveRow(2).cell(0).text()).isEqualTo("y");
            session.undo();
            session.undo();
            assertThat(session.effectiveRow(2).cell(0).text()).isEqualTo(" x ");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(ReviewSchema.version(c)).isEqualTo(ReviewSchema.CURRENT_VERSION);
        }
    }
}
