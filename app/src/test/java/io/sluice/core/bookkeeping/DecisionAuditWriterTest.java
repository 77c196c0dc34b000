package io.sluice.core.bookkeeping;

import io.sluice.testing.TestDatabases;
import io.sluice.testing.TestDatabases.Database;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit of a review import reads back as written, whether it went through COPY (PostgreSQL) or JDBC batches. */
class DecisionAuditWriterTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void keepsEveryFieldOfEveryEntryExactly(TestDatabases.Engine engine) throws SQLException {
        Database db = engine.fresh();
        try (Bookkeeping ignored = Bookkeeping.open(db.url(), db.user(), db.password())) {
            // migrated
        }
        Instant at = Instant.parse("2026-12-06T21:25:12.123456789Z");
        List<DecisionAudit> written = List.of(
                new DecisionAudit(null, "/reviews/März \"A\".sluice", 2, DecisionAction.APPROVE, null, null, null,
                        null, "steward", at),
                new DecisionAudit(null, "/reviews/März \"A\".sluice", 3, DecisionAction.REJECT,
                        "Cement, water:\nboth \"missing\"", null, null, null, "Zoë", at.plusSeconds(1)),
                new DecisionAudit(null, "/reviews/r.sluice", 4, DecisionAction.EDIT, "", "Supplier", "", "NORD",
                        "steward", Instant.parse("2026-12-06T21:25:13Z")),
                new DecisionAudit(null, "/reviews/r.sluice", 5, DecisionAction.EDIT, null, "Remarks",
                        "x".repeat(5000), "=1+1", "steward", Instant.parse("2026-12-06T21:25:13.999999600Z")));
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            c.setAutoCommit(false);
            DecisionAuditWriter.write(c, written);
            c.commit();
            List<String> read = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT batch_id, review_file,"
                    + " source_row, action, reason, column_name, old_value, new_value, steward, decided_at"
                    + " FROM sluice_decision_audit ORDER BY id")) {
                while (rs.next()) {
                    read.add(rs.getObject(1) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|" + rs.getString(4)
                            + "|" + rs.getString(5) + "|" + rs.getString(6) + "|" + length(rs.getString(7)) + "|"
                            + rs.getString(8) + "|" + rs.getString(9) + "|"
                            + rs.getObject(10, OffsetDateTime.class).toInstant());
                }
            }
            assertThat(read).containsExactly(
                    "null|/reviews/März \"A\".sluice|2|approve|null|null|null|null|steward|2026-12-06T21:25:12.123457Z",
                    "null|/reviews/März \"A\".sluice|3|reject|Cement, water:\nboth \"missing\"|null|null|null|Zoë|"
                            + "2026-12-06T21:25:13.123457Z",
                    "null|/reviews/r.sluice|4|edit||Supplier|0|NORD|steward|2026-12-06T21:25:13Z",
                    "null|/reviews/r.sluice|5|edit|null|Remarks|4000|=1+1|steward|2026-12-06T21:25:14Z");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void entriesThatDifferOnlyInALaterRowAreRunsThatReadBackEntryByEntry(TestDatabases.Engine engine)
            throws SQLException {
        Database db = engine.fresh();
        Instant at = Instant.parse("2026-12-06T21:25:12.123456Z");
        List<DecisionAudit> written = new ArrayList<>();
        for (long row = 2; row < 25_002; row++) {
            if (row % 7 != 0) {
                written.add(new DecisionAudit(null, "r.sluice", row, DecisionAction.APPROVE, null, null, null,
                        "approved", "steward", at));
            }
        }
        // a row going back, a reason, another steward and a later time each end a run
        written.add(new DecisionAudit(null, "r.sluice", 5, DecisionAction.APPROVE, null, null, null, "approved",
                "steward", at));
        written.add(new DecisionAudit(null, "r.sluice", 6, DecisionAction.REJECT, "no lab sheet", null, "approved",
                "rejected", "steward", at));
        written.add(new DecisionAudit(null, "r.sluice", 8, DecisionAction.REJECT, "no lab sheet", null, "approved",
                "rejected", "Zoë", at));
        written.add(new DecisionAudit(null, "r.sluice", 9, DecisionAction.REJECT, "no lab sheet", null, "approved",
                "rejected", "Zoë", at.plusNanos(1000)));
        try (Bookkeeping bookkeeping = Bookkeeping.open(db.url(), db.user(), db.password())) {
            bookkeeping.recordDecisions(written);
            List<DecisionAudit> read = bookkeeping.decisions("r.sluice");

            assertThat(read).hasSize(written.size());
            for (int i = 0; i < written.size(); i++) {
                DecisionAudit w = written.get(i);
                DecisionAudit r = read.get(i);
                assertThat(List.of(r.sourceRow(), r.action(), r.reason(), r.oldValue(), r.newValue(), r.steward(),
                        r.decidedAt())).as("entry %d", i).isEqualTo(List.of(w.sourceRow(), w.action(), w.reason(),
                        w.oldValue(), w.newValue(), w.steward(), w.decidedAt()));
            }
        }
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT row_count FROM sluice_decision_audit ORDER BY id")) {
            List<Integer> counts = new ArrayList<>();
            while (rs.next()) {
                counts.add(rs.getInt(1));
            }
            assertThat(counts).containsExactly(10_000, 10_000, written.size() - 4 - 20_000, 1, 1, 1, 1);
        }
    }

    private static String length(String text) {
        return text == null ? "null" : String.valueOf(text.length());
    }
}
