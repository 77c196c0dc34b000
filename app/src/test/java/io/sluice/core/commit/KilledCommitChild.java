package io.sluice.core.commit;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.ImportMode;
import io.sluice.testing.TestDatabases;

/**
 * The child JVM of {@link CommitterKilledProcessTest}: commits many rows into the database given as arguments
 * (engine, JDBC URL, user, password, rows) and prints {@value #WRITING} once some chunks are in the open
 * transaction, so the parent can kill it mid-commit. Prints {@value #DONE} if it ever finishes.
 */
public final class KilledCommitChild {

    static final String WRITING = "CHUNKS-WRITTEN";
    static final String DONE = "COMMIT-FINISHED";

    private KilledCommitChild() {
    }

    public static void main(String[] args) {
        TestDatabases.Database database = new TestDatabases.Database(TestDatabases.Engine.valueOf(args[0]), args[1],
                args[2], args[3]);
        int rows = Integer.parseInt(args[4]);
        try (CommitFixture f = new CommitFixture(database, false)) {
            Progress announce = new Progress() {
                private boolean told;

                @Override
                public void rowsDone(long n) {
                    if (!told && n >= 3L * Committer.CHUNK_SIZE) {
                        told = true;
                        System.out.println(WRITING);
                        System.out.flush();
                    }
                }
            };
            f.committer().commit(f.request(ImportMode.INSERT, "c".repeat(64), false),
                    CommitThroughput.lazily(f, 1000, rows), announce);
        }
        System.out.println(DONE);
    }
}
