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

    private static String length(String text) {
        return text == null ? "null" : String.valueOf(text.length());
    }
}
