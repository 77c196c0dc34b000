package io.sluice.core.review;

import io.sluice.core.Severity;
import io.sluice.core.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A review written before rules could be applied to it keeps its undo history when it is brought to version 5, and
 * takes a rule step on top of it that undo and redo swap exactly.
 */
class ReviewSchemaRuleUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void aVersionFourReviewKeepsItsHistoryAndTakesARuleStep() throws Exception {
        Path file = dir.resolve("v4.sluice");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            ReviewSchema.createVersion1(c, 1);
            ReviewInfoStore.insert(c, ReviewTestSupport.info(), List.of("A"), 1);
            c.commit();
            ReviewSchema.upgrade(c, 1, ReviewSchema.UPGRADES.subList(0, 3));
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO source_row (row_no, c0, v0) VALUES (2, 'x', NULL)");
                s.execute("UPDATE review_info SET row_count = 1, profile_json = '{\"old\":1}'");
                s.execute("INSERT INTO finding (row_no, rule, severity, message) VALUES (2, 'old-rule', 'warning',"
                        + " 'An old warning.')");
                s.execute("INSERT INTO command (kind, description, row_no, col, old_text, new_text, steward, at)"
                        + " VALUES ('edit', 'Edit A2 (''A'')', 2, 0, NULL, 'y', 'ann', '2026-03-01T10:00:00Z')");
            }
            c.commit();
        }
        Finding error = new Finding(2, "A", "A2", "a", "new-rule", Severity.ERROR, "A new error.", "x");

        try (Review review = Review.open(file); ReviewSession session = ReviewSession.open(review, null)) {
            assertThat(session.undoDescription()).contains("Edit A2 ('A')");
            RuleChange.Step step = session.applyRule(new RuleChange("new-rule", "Apply rule 'new-rule'",
                    Set.of("new-rule", "old-rule"), "{\"new\":1}", new QualityBasis(1, List.of()),
                    sink -> sink.accept(error)));

            assertThat(step).isEqualTo(new RuleChange.Step(step.command(), 1, 1, 1, 0));
            assertThat(review.findings(2)).containsExactly(error);
            assertThat(review.info().profileJson()).isEqualTo("{\"new\":1}");
            assertThat(session.undo()).isTrue();
            assertThat(review.findings(2)).extracting(Finding::rule).containsExactly("old-rule");
            assertThat(review.info().profileJson()).isEqualTo("{\"old\":1}");
            assertThat(session.redo()).isTrue();
            assertThat(review.findings(2)).containsExactly(error);
            assertThat(session.undoDescription()).contains("Apply rule 'new-rule'");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(ReviewSchema.version(c)).isEqualTo(6);
        }
    }
}
