package io.sluice.desktop.app;

import io.sluice.core.Progress;
import io.sluice.core.bookkeeping.BatchStatus;
import io.sluice.core.bookkeeping.ImportBatch;
import io.sluice.core.database.SluiceHome;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.usecase.BatchHistory;
import io.sluice.core.usecase.RollbackBatch;
import io.sluice.desktop.TargetChoice;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A rollback stopped part-way by the end of its process, as when Sluice is closed anyway while one runs: {@link #main}
 * runs in a process of its own, deletes the batch's rows in its transaction, says so and waits; {@link #run} ends that
 * process at that moment, as the JVM's exit (its shutdown hooks run) or as a kill.
 */
final class RollbackKilledMidway {

    /** Printed by the rollback's process once the rows are deleted in its transaction, not yet committed. */
    static final String MIDWAY = "rows deleted, not committed";

    private RollbackKilledMidway() {
    }

    /** Arguments: sluice.home, URL (or "embedded"), user, password, batch id. */
    public static void main(String[] args) throws Exception {
        System.setProperty(SluiceHome.PROPERTY, args[0]);
        TargetChoice choice = "embedded".equals(args[1]) ? TargetChoice.embedded()
                : new TargetChoice("target", args[1], args[2], args[3]);
        RollbackBatch.run(choice.target(), Long.parseLong(args[4]), false, "tester", new Progress() {
            @Override
            public void rowsDone(long rows) {
                System.out.println(MIDWAY);
                System.out.flush();
                try {
                    Thread.sleep(TimeUnit.MINUTES.toMillis(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    /** Runs the rollback of {@code batch} in a process of its own and ends that process midway. */
    static void run(Path home, TargetChoice choice, long batch, boolean kill) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), RollbackKilledMidway.class.getName(),
                home.toString()));
        command.addAll(choice.isEmbedded() ? List.of("embedded", "", "")
                : List.of(choice.url(), choice.user(), choice.password()));
        command.add(Long.toString(batch));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(MIDWAY)) {
                // the process's log lines
            }
            if (line == null) {
                throw new IllegalStateException("The rollback's process ended before it deleted the rows.");
            }
            if (kill) {
                process.destroyForcibly();
            } else {
                process.destroy();
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("The rollback's process did not end.");
            }
        }
    }

    /** The batch's status in the target's bookkeeping. */
    static BatchStatus status(TargetChoice choice, long batch) {
        try (BatchHistory history = BatchHistory.open(choice.target())) {
            return history.batches().stream().filter(b -> b.id() == batch).map(ImportBatch::status).findFirst()
                    .orElseThrow();
        }
    }

    /** The rows of {@code table} in the target now. */
    static long rows(TargetChoice choice, String table) throws SQLException {
        try (TargetDatabase db = choice.open(); Statement statement = db.connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
