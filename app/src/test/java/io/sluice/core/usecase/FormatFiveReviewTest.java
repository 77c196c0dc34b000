package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.BookkeepingSchema;
import io.sluice.core.database.SampleSchema;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.export.BackToSenderWriter;
import io.sluice.core.export.CsvOptions;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewSession;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.RowWriter;
import io.sluice.core.review.ValueFix;
import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;
import io.sluice.core.validate.ValidationSummary;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A review written in format 5 (filled-cell counts in {@code row_quality}, before decision 0074) opens in the current
 * format and scores, edits, undoes, fixes, decides, imports and exports exactly as the same file validated now.
 */
class FormatFiveReviewTest {

    private static final int WATER = 2;
    /** A target of its own per test, which imports into. */
    private TestDatabases.Database h2;
    private final Supplier<TargetDatabase> target = () -> TargetDatabase.open(h2.url(), h2.user(), h2.password());

    @TempDir
    Path dir;

    private Path old;
    private Path fresh;

    @BeforeEach
    void reviews() throws IOException {
        h2 = TestDatabases.h2Mem();
        SampleSchema.install(h2.url(), h2.user(), h2.password());
        BookkeepingSchema.migrate(h2.url(), h2.user(), h2.password());
        old = dir.resolve("old.sluice");
        try (InputStream in = FormatFiveReviewTest.class.getResourceAsStream("/reviews/mix-format-5.sluice")) {
            Files.copy(in, old);
        }
        Path now = Files.createDirectories(dir.resolve("now"));
        fresh = now.resolve("mix.sluice");
        try (TargetDatabase db = target.get()) {
            ValidateFile.run(new ValidateFile.Request(ReviewScoresTest.mixCsv(now), null, ReviewScoresTest.profile(),
                    null, fresh, false), db, null, Progress.NONE);
        }
    }

    @Test
    void opensWithTheScoresItWasValidatedWithAndThoseOfTheFileValidatedNow() throws SQLException {
        ValidationSummary now;
        try (OpenReview opened = OpenReview.open(fresh, target)) {
            now = opened.currentSummary().orElseThrow();
        }
        try (OpenReview opened = OpenReview.open(old, target)) {
            ValidationSummary summary = opened.currentSummary().orElseThrow();
            assertThat(summary).isEqualTo(now);
            assertThat(summary.scores().completeness()).isEqualTo(96.7);
            assertThat(summary.scores().overall()).isEqualTo(87.8);
        }
        assertThat(text(old, "PRAGMA user_version")).isEqualTo("6");
        assertThat(text(old, "SELECT filled_total || '|' || (SELECT count(*) FROM row_quality) FROM review_info"))
                .isEqualTo("29|5");
        assertThat(text(fresh, "SELECT filled_total || '|' || (SELECT count(*) FROM row_quality)"
                + " || '|' || (SELECT sum(filled) FROM source_row) FROM review_info")).isEqualTo("29|0|29");
    }

    @Test
    void rowsAddedAfterItsUpgradeCountInItsTotal() throws SQLException {
        try (Review review = Review.open(old); RowWriter writer = review.rowWriter()) {
            writer.append(new SourceRow(7, List.of(Cell.text("M-9"), Cell.text("300"), Cell.BLANK)), List.of(), 2);
        }
        assertThat(text(old, "SELECT filled_total || '|' || row_count FROM review_info")).isEqualTo("31|6");
        assertThat(text(old, "SELECT group_concat(coalesce(filled, 'null'), ',') FROM source_row"))
                .isEqualTo("null,null,null,null,null,2");
    }

    @Test
    void editsUndoAndRedoMoveItsScoresAsThoseOfAReviewWrittenNow() {
        assertSameScores(session -> session.edit(6, WATER, "180"));
        assertSameScores(session -> session.edit(3, WATER, ""));
        assertSameScores(ReviewSession::undo);
        assertSameScores(ReviewSession::undo);
        assertSameScores(ReviewSession::redo);
    }

    @Test
    void aFixOverEveryRowAndItsUndoMoveItsScoresAsThoseOfAReviewWrittenNow() {
        for (Path file : new Path[] {old, fresh}) {
            try (OpenReview opened = OpenReview.open(file, target)) {
                ValidationSummary before = opened.currentSummary().orElseThrow();
                FixValues.apply(opened, new FixValues.Request("water_kg", RowFilter.all(),
                        new ValueFix.SetValue("180")), Progress.NONE);
                assertThat(opened.currentSummary().orElseThrow().scores().completeness()).isEqualTo(100.0);
                assertThat(opened.session().undo()).isTrue();
                assertThat(opened.currentSummary()).contains(before);
            }
        }
    }

    @Test
    void itsApprovedRowsAreImportedAndItsRejectedRowsExported() throws IOException, SQLException {
        try (OpenReview opened = OpenReview.open(old, target)) {
            opened.session().edit(6, WATER, "180");
            assertThat(opened.session().approveAll(RowFilter.valid())).isEqualTo(2);
            opened.session().reject(3, "cement unreadable");
        }
        try (TargetDatabase db = target.get()) {
            try (ImportRows rows = ImportRows.fromReview(db, old,
                    new ImportRows.ImportSettings(null, false, "tester"))) {
                rows.commit(Progress.NONE);
            }
            assertThat(TableText.rows(db.connection(), "SELECT mix_code || '|' || water_kg FROM concrete_mix"
                    + " WHERE mix_code IN ('M-1', 'M-2', 'M-3', 'M-4') ORDER BY mix_code")).containsExactly("M-1|175.0", "M-4|180.0");
        }
        Path rejected = dir.resolve("rejected.csv");
        ExportRows.fromReview(null, old, new ExportRows.Outputs(null, rejected, null, null, null),
                new ExportRows.Settings(CsvOptions.DEFAULTS, BackToSenderWriter.DEFAULT_MAX_COMMENTS, false),
                Progress.NONE);
        assertThat(Files.readAllLines(rejected, StandardCharsets.UTF_8)).hasSize(2)
                .last().asString().startsWith("3,M-2,abc,").contains("cement unreadable");
    }

    /** Runs {@code step} on both reviews and expects the same summary of each afterwards. */
    private void assertSameScores(Consumer<ReviewSession> step) {
        ValidationSummary now;
        try (OpenReview opened = OpenReview.open(fresh, target)) {
            step.accept(opened.session());
            now = opened.currentSummary().orElseThrow();
        }
        try (OpenReview opened = OpenReview.open(old, target)) {
            step.accept(opened.session());
            assertThat(opened.currentSummary()).contains(now);
        }
    }

    private static String text(Path review, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + review);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
