package io.sluice.core.commit;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.core.database.TargetDatabase;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** PostgreSQL only: the server ends the committing connection mid-write. */
class CommitterConnectionLossTest {

    @Test
    void aConnectionCutMidWriteLeavesNothingAndARetryOnANewConnectionSucceeds() throws SQLException {
        try (CommitFixture f = new CommitFixture(TestDatabases.Engine.POSTGRESQL)) {
            int backend;
            try (Statement s = f.db.connection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                backend = rs.getInt(1);
            }
            boolean[] cut = {false};
            Progress cutMidWrite = new Progress() {
                @Override
                public void rowsDone(long n) {
                    if (!cut[0] && n < 20) {
                        cut[0] = true;
                        terminate(f.database, backend);
                    }
                }
            };
            CommitRequest request = f.request(ImportMode.INSERT);

            SluiceException e = catchThrowableOfType(() -> f.committer(5).commit(request, f.rows(0, 20),
                    cutMidWrite), SluiceException.class);

            assertThat(e.kind()).isEqualTo(SluiceException.Kind.TARGET);
            assertThat(e.getMessage()).startsWith("The import into table concrete_mix failed and nothing was written");
            assertThat(e.getMessage().lines()).hasSize(1);
            assertThat(f.contents()).isEmpty();
            assertThat(f.count("SELECT COALESCE(SUM(row_count), 0) FROM sluice_provenance_run")).isZero();
            assertThat(f.batches().values()).doesNotContain("committed", "running");

            try (TargetDatabase fresh = TargetDatabase.open(f.database.url(), f.database.user(),
                    f.database.password())) {
                CommitResult retry = new Committer(fresh, fresh.table("concrete_mix"), f.mapper.targetColumns(), 5)
                        .commit(request, f.rows(0, 20), Progress.NONE);
                assertThat(retry.inserted()).isEqualTo(20);
            }
            assertThat(f.contents()).hasSize(20);
        }
    }

    private static void terminate(TestDatabases.Database database, int backend) {
        try (Connection c = database.connect();
             PreparedStatement s = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
            s.setInt(1, backend);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
            }
            // pg_terminate_backend only signals: wait until the backend is really gone
            try (PreparedStatement alive = c.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ?")) {
                alive.setInt(1, backend);
                for (int i = 0; i < 100; i++) {
                    try (ResultSet rs = alive.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) == 0) {
                            return;
                        }
                    }
                    Thread.sleep(50);
                }
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException("Cannot terminate backend " + backend, e);
        }
    }
}
