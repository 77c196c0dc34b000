package io.sluice.core.commit;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** A process killed in the middle of a commit leaves no partial batch: the transaction dies with it. */
class CommitterKilledProcessTest {

    private static final int ROWS = 200_000;

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(TestDatabases.Engine.class)
    void aProcessKilledMidCommitLeavesTheTableAsBeforeAndNoBatchVisible(TestDatabases.Engine engine)
            throws Exception {
        TestDatabases.Database database = engine == TestDatabases.Engine.H2
                ? TestDatabases.h2File(directory) : TestDatabases.postgres();
        List<String> contentsBefore;
        Map<Long, String> batchesBefore;
        long provenanceBefore;
        try (CommitFixture f = new CommitFixture(database, true)) {
            f.committer().commit(f.request(ImportMode.INSERT), f.rows(0, 10), Progress.NONE);
            contentsBefore = f.contents();
            batchesBefore = f.batches();
            provenanceBefore = f.count("SELECT COALESCE(SUM(row_count), 0) FROM sluice_provenance_run");
        }
        assertThat(contentsBefore).hasSize(10);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), KilledCommitChild.class.getName(),
                engine.name(), database.url(), database.user(), database.password(), String.valueOf(ROWS))
                .redirectErrorStream(true).start();
        try {
            String seen = awaitLine(child, KilledCommitChild.WRITING);
            assertThat(seen).as("the child's output until it was killed").endsWith(KilledCommitChild.WRITING);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the killed child exits").isTrue();
        } finally {
            child.destroyForcibly();
        }

        try (CommitFixture f = new CommitFixture(database, false)) {
            assertThat(f.contents()).isEqualTo(contentsBefore);
            assertThat(f.batches()).isEqualTo(batchesBefore);
            assertThat(f.count("SELECT COALESCE(SUM(row_count), 0) FROM sluice_provenance_run")).isEqualTo(provenanceBefore);

            // the identity the dead batch drew from still numbers: the next import gets fresh ids and, on H2, puts
            // back the cache the dead batch had widened
            f.committer().commit(f.request(ImportMode.INSERT, "d".repeat(64), false), f.rows(10, 10), Progress.NONE);
            assertThat(f.count("SELECT COUNT(DISTINCT id) FROM concrete_mix")).isEqualTo(20);
            if (engine == TestDatabases.Engine.H2) {
                assertThat(f.count("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_NAME = 'CONCRETE_MIX' AND COLUMN_NAME = 'ID'")).isEqualTo(32);
            }
        }
    }

    /** The child's output up to and including that line; fails if the child ends or is silent for a minute. */
    private static String awaitLine(Process child, String wanted)
            throws InterruptedException, ExecutionException, TimeoutException {
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            StringBuilder seen = new StringBuilder();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    seen.append(seen.length() == 0 ? "" : "\n").append(line);
                    if (line.equals(wanted) || line.equals(KilledCommitChild.DONE)) {
                        return seen.toString();
                    }
                }
            } catch (IOException e) {
                seen.append("\n(reading the child's output failed: ").append(e.getMessage()).append(')');
            }
            return seen.toString();
        });
        return output.get(60, TimeUnit.SECONDS);
    }
}
