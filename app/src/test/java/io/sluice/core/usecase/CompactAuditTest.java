package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.DecisionAudit;
import io.sluice.core.commit.RollbackResult;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.ValueFix;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TableText;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The review's audit kept with a batch, stored compactly (a bulk decision as runs of rows, decision 0040), reads back
 * entry by entry exactly as the review logged it, in any page size, after a rollback, and for a batch whose audit was
 * recorded one row per entry before V10.
 */
class CompactAuditTest {

    @TempDir
    Path dir;

    private MixTarget target;

    @AfterEach
    void close() {
        if (target != null) {
            target.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void bulkApprovalsRejectionsEditsAndFixesReadBackEntryByEntryInEveryPageSize(TestDatabases.Engine engine)
            throws Exception {
        target = MixTarget.of(engine, dir);
        long batch = importReviewedMixes();

        List<String> all = read(batch, 1000);
        String steward = System.getProperty("user.name");
        String fix = "Fix #\\d+ \\(replace\\): Replace 'NRD' by 'NORD' in 'Supplier' \\(rows with errors\\)";
        List<String> expected = new ArrayList<>();
        for (long row : new long[] {2, 3, 4, 6, 7, 8, 9, 11, 12, 13}) {
            expected.add(row + "\\|approve\\|null\\|null\\|approved\\|null\\|" + steward);
        }
        expected.add("0\\|edit\\|Supplier\\|null\\|null\\|" + fix + ": 2 cells\\|" + steward);
        expected.add("5\\|edit\\|Supplier\\|NRD\\|NORD\\|" + fix + "\\|" + steward);
        expected.add("10\\|edit\\|Supplier\\|NRD\\|NORD\\|" + fix + "\\|" + steward);
        expected.add("5\\|approve\\|null\\|null\\|approved\\|null\\|" + steward);
        expected.add("10\\|approve\\|null\\|null\\|approved\\|null\\|" + steward);
        expected.add("7\\|reject\\|null\\|approved\\|rejected\\|cement delivery note missing\\|" + steward);
        expected.add("3\\|edit\\|Remarks\\|\\|checked\\|null\\|" + steward);
        expected.add("3\\|undo\\|Remarks\\|checked\\|\\|null\\|" + steward);
        expected.add("3\\|redo\\|Remarks\\|\\|checked\\|null\\|" + steward);
        assertThat(all).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(all.get(i)).as("entry %d", i).matches(expected.get(i));
        }
        assertThat(times(batch)).as("a bulk decision's entries share its time").element(0).isEqualTo(times(batch)
                .get(9));
        assertThat(Long.parseLong(count("SELECT count(*) FROM sluice_decision_audit"))).as("stored rows")
                .isEqualTo(8);

        for (int pageSize : new int[] {1, 2, 3, 4, 7, 11}) {
            assertThat(read(batch, pageSize)).as("pages of %d", pageSize).isEqualTo(all);
        }
        try (BatchHistory history = BatchHistory.open(target.target())) {
            assertThat(history.decisions(batch, 17, 5)).hasSize(2);
            assertThat(history.decisions(batch, 19, 5)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aRolledBackBatchKeepsItsAudit(TestDatabases.Engine engine) throws Exception {
        target = MixTarget.of(engine, dir);
        long batch = importReviewedMixes();
        List<String> before = read(batch, 5);

        RollbackResult result = RollbackBatch.run(target.target(), batch, false, "tester", Progress.NONE);

        assertThat(result.deleted()).isEqualTo(11);
        assertThat(target.mixes()).isEmpty();
        assertThat(read(batch, 5)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aBatchRecordedOneRowPerEntryBeforeTheRunsStillListsPagesAndRollsBack(TestDatabases.Engine engine)
            throws Exception {
        target = MixTarget.of(engine, dir);
        long batch = importReviewedMixes();
        List<String> compact = read(batch, 1000);
        List<DecisionAudit> entries;
        try (BatchHistory history = BatchHistory.open(target.target())) {
            entries = history.decisions(batch, 0, 1000);
        }
        rewriteOneRowPerEntry(batch, entries);
        assertThat(count("SELECT count(*) FROM sluice_decision_audit WHERE first_entry IS NULL AND row_count = 1"))
                .isEqualTo(String.valueOf(entries.size()));

        for (int pageSize : new int[] {1, 4, 1000}) {
            assertThat(read(batch, pageSize)).as("pages of %d", pageSize).isEqualTo(compact);
        }
        try (BatchHistory history = BatchHistory.open(target.target())) {
            assertThat(history.batches()).extracting(b -> b.id()).containsExactly(batch);
            assertThat(history.batch(batch).inserted()).isEqualTo(11);
        }
        RollbackBatch.run(target.target(), batch, false, "tester", Progress.NONE);
        assertThat(target.mixes()).isEmpty();
        assertThat(read(batch, 3)).isEqualTo(compact);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void theAuditReadWhileTheRowsStreamIsStoredAsTheSameRunsInTheSamePositions(TestDatabases.Engine engine)
            throws Exception {
        target = MixTarget.of(engine, dir);
        long batch = importReviewedMixes(true);

        // source row, action, column, old, new, reason, entries, rows as ranges, position of the first entry
        String fix = "Fix #2 (replace): Replace 'NRD' by 'NORD' in 'Supplier' (rows with errors)";
        assertThat(TableText.rows(target.db.connection(), "SELECT source_row, action, column_name, old_value,"
                + " new_value, reason, row_count, source_rows, first_entry FROM sluice_decision_audit"
                + " WHERE batch_id = " + batch + " ORDER BY first_entry")).containsExactly(
                "2|approve|null|null|approved|null|10|2+2,6+3,11+2|0",
                "0|edit|Supplier|null|null|" + fix + ": 2 cells|1|null|10",
                "5|edit|Supplier|NRD|NORD|" + fix + "|2|5,10|11",
                "5|approve|null|null|approved|null|2|5,10|13",
                "7|reject|null|approved|rejected|cement delivery note missing|1|null|15",
                "3|edit|Remarks||checked|null|1|null|16",
                "3|undo|Remarks|checked||null|1|null|17",
                "3|redo|Remarks||checked|null|1|null|18",
                "0|edit|Remarks|null|null|Fix #6 (set): Set 'late' in 'Remarks': 12 cells|1|null|19",
                "0|undo|Remarks|null|null|Undo fix #6 (set): Set 'late' in 'Remarks': 12 cells|1|null|20");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aCancelledReviewImportStopsReadingTheAuditAndLeavesNoThreadBehind(TestDatabases.Engine engine)
            throws Exception {
        target = MixTarget.of(engine, dir);
        Path reviewFile = reviewMixes(false);
        Progress cancelled = new Progress() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThat(failedImport(reviewFile, cancelled)).isInstanceOf(RuntimeException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void anAuditThatCannotBeReadFailsTheImportWithTheReviewsSentenceAndWritesNothing(TestDatabases.Engine engine)
            throws Exception {
        target = MixTarget.of(engine, dir);
        Path reviewFile = reviewMixes(false);
        try (Connection review = DriverManager.getConnection("jdbc:sqlite:" + reviewFile);
             Statement s = review.createStatement()) {
            s.execute("ALTER TABLE audit RENAME COLUMN reason TO why");
        }
        assertThat(failedImport(reviewFile, Progress.NONE)).isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("Could not use the review " + reviewFile + ": ");
    }

    /** The import's failure, once it has left no audit reader, no audit and no rows behind. */
    private Throwable failedImport(Path reviewFile, Progress progress) throws SQLException {
        Throwable failure;
        try (ImportRows rows = ImportRows.fromReview(target.db, reviewFile,
                new ImportRows.ImportSettings(null, false, "tester"))) {
            failure = catchThrowable(() -> rows.commit(progress));
        }
        assertThat(failure).isNotNull();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("sluice-audit-reader");
        assertThat(count("SELECT count(*) FROM sluice_decision_audit")).isEqualTo("0");
        assertThat(target.mixes()).isEmpty();
        return failure;
    }

    /**
     * Twelve mixes, two with an unknown supplier: all valid rows approved at once, the two fixed by one replace and
     * approved, one rejected with a reason, one cell edited, undone and redone; then imported.
     */
    private long importReviewedMixes() throws Exception {
        return importReviewedMixes(false);
    }

    /** As above; with {@code undoneFix}, a fix of every row's remarks made and undone after the rest. */
    private long importReviewedMixes(boolean undoneFix) throws Exception {
        Path reviewFile = reviewMixes(undoneFix);
        try (ImportRows rows = ImportRows.fromReview(target.db, reviewFile,
                new ImportRows.ImportSettings(null, false, "tester"))) {
            ImportResult result = rows.commit(Progress.NONE);
            assertThat(result.auditEntries()).isEqualTo(undoneFix ? 21 : 19);
            return result.batch().batchId();
        }
    }

    private Path reviewMixes(boolean undoneFix) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            String mix = MixTarget.mix(String.format("DS1-%07d", i), "350.0");
            lines.add(i == 4 || i == 9 ? mix.replace("CEMS", "NRD") : mix);
        }
        Path csv = target.csv("mixes.csv", lines.toArray(String[]::new));
        Path reviewFile = dir.resolve("mixes.sluice");
        ValidateFile.run(new ValidateFile.Request(csv, SourceOptions.DEFAULTS, MixTarget.profile(), "ds1",
                reviewFile, false), target.db, null, Progress.NONE);
        try (OpenReview review = OpenReview.open(reviewFile, () -> target.target().open())) {
            assertThat(review.session().approveAll(RowFilter.valid())).isEqualTo(10);
            FixValues.apply(review, new FixValues.Request("Supplier", RowFilter.withErrors(),
                    new ValueFix.Replace(Map.of("NRD", "NORD"))), Progress.NONE);
            assertThat(review.session().approveAll(RowFilter.valid())).isEqualTo(2);
            review.session().reject(7, "cement delivery note missing");
            review.session().edit(3, review.columnIndex("Remarks"), "checked");
            assertThat(review.session().undo()).isTrue();
            assertThat(review.session().redo()).isTrue();
            if (undoneFix) {
                FixValues.apply(review, new FixValues.Request("Remarks", RowFilter.all(),
                        new ValueFix.SetValue("late")), Progress.NONE);
                assertThat(review.session().undo()).isTrue();
            }
        }
        return reviewFile;
    }

    /** Every entry of the batch's audit as "row|action|column|old|new|reason|steward", read page by page. */
    private List<String> read(long batch, int pageSize) {
        List<String> all = new ArrayList<>();
        try (BatchHistory history = BatchHistory.open(target.target())) {
            for (int offset = 0; ; offset += pageSize) {
                List<DecisionAudit> page = history.decisions(batch, offset, pageSize);
                assertThat(page.size()).isLessThanOrEqualTo(pageSize);
                if (page.isEmpty()) {
                    return all;
                }
                page.forEach(d -> all.add(d.sourceRow() + "|" + d.action().code() + "|"
                        + d.columnName().orElse(null) + "|" + d.oldValue().orElse(null) + "|"
                        + d.newValue().orElse(null) + "|" + d.reason().orElse(null) + "|" + d.steward()));
            }
        }
    }

    private List<String> times(long batch) {
        try (BatchHistory history = BatchHistory.open(target.target())) {
            return history.decisions(batch, 0, 1000).stream().map(d -> d.decidedAt().toString()).toList();
        }
    }

    private String count(String sql) throws SQLException {
        return TableText.rows(target.db.connection(), sql).get(0);
    }

    /** The batch's audit as Sluice wrote it before V10: one row per entry, without a position. */
    private void rewriteOneRowPerEntry(long batch, List<DecisionAudit> entries) throws SQLException {
        Connection c = target.db.connection();
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM sluice_decision_audit WHERE batch_id = " + batch);
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO sluice_decision_audit (batch_id,"
                + " review_file, source_row, action, reason, column_name, old_value, new_value, steward, decided_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (DecisionAudit d : entries) {
                insert.setLong(1, batch);
                insert.setString(2, d.reviewFile());
                insert.setLong(3, d.sourceRow());
                insert.setString(4, d.action().code());
                insert.setString(5, d.reason().orElse(null));
                insert.setString(6, d.columnName().orElse(null));
                insert.setString(7, d.oldValue().orElse(null));
                insert.setString(8, d.newValue().orElse(null));
                insert.setString(9, d.steward());
                insert.setObject(10, d.decidedAt().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.executeUpdate();
            }
        }
    }
}
