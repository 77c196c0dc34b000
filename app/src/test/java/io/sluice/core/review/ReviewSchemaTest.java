package io.sluice.core.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewSchemaTest {

    @TempDir
    Path dir;

    @Test
    void marksANewReviewWithTheCurrentVersion() throws Exception {
        Path file = dir.resolve("new.sluice");
        Review.create(file, ReviewTestSupport.info(), List.of("A")).close();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(ReviewSchema.applicationId(c)).isEqualTo(ReviewSchema.APPLICATION_ID);
            assertThat(ReviewSchema.version(c)).isEqualTo(ReviewSchema.CURRENT_VERSION);
        }
    }

    @Test
    void upgradesAnOlderReviewOneStepAtATime() throws Exception {
        Path file = versionOne("old.sluice");
        List<ReviewSchema.Upgrade> steps = List.of(
                c -> execute(c, "CREATE TABLE decision (row_no INTEGER PRIMARY KEY, state TEXT NOT NULL)"),
                c -> execute(c, "ALTER TABLE decision ADD COLUMN reason TEXT"));

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            ReviewSchema.upgrade(c, 1, steps);

            assertThat(ReviewSchema.version(c)).isEqualTo(3);
            execute(c, "INSERT INTO decision (row_no, state, reason) VALUES (2, 'rejected', 'bad ratio')");
        }
    }

    @Test
    void leavesTheVersionAloneWhenAnUpgradeStepFails() throws Exception {
        Path file = versionOne("failing.sluice");
        List<ReviewSchema.Upgrade> steps = List.of(
                c -> execute(c, "CREATE TABLE decision (row_no INTEGER PRIMARY KEY)"),
                c -> execute(c, "ALTER TABLE no_such_table ADD COLUMN reason TEXT"));

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThatThrownBy(() -> ReviewSchema.upgrade(c, 1, steps)).isInstanceOf(SQLException.class);

            assertThat(ReviewSchema.version(c)).isEqualTo(2);
        }
    }

    @Test
    void opensAVersionOneReviewWithDecisionTablesAdded() throws Exception {
        Path file = versionOne("v1.sluice");

        try (Review review = Review.open(file)) {
            DecisionLedger.Recorded recorded = review.ledger().decide(RowFilter.all(), DecisionStatus.APPROVED,
                    null, "steward", Instant.parse("2026-03-01T10:00:00Z"), "Approve all rows");

            assertThat(recorded.rows()).isZero();
            assertThat(review.ledger().counts()).isEqualTo(new DecisionCounts(0, 0, 0));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(ReviewSchema.version(c)).isEqualTo(ReviewSchema.CURRENT_VERSION).isEqualTo(6);
        }
    }

    /** A review file as the first Sluice wrote it, before decisions existed. */
    private Path versionOne(String name) throws SQLException {
        Path file = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            ReviewSchema.createVersion1(c, 1);
            ReviewInfoStore.insert(c, ReviewTestSupport.info(), List.of("A"), 1);
            c.commit();
        }
        return file;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
