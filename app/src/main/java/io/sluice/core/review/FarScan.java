package io.sluice.core.review;

import org.sqlite.ProgressHandler;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Reads the row numbers of the far part of a view in row order on a second, read-only connection to the review and
 * a thread of its own, while the review's own connection reads the near part (see {@link ReviewQuery#selectFirst}):
 * on two cores a search whose matches are only in the last rows has its first screen in about half the time
 * (decision 0078). The connection is opened for the first such read and kept until the review closes; WAL lets it
 * read the last commit while the review's connection reads or writes.
 */
final class FarScan implements AutoCloseable {

    /** Between two checks whether a read was stopped: a few milliseconds of SQLite's work. */
    private static final int CHECK_EVERY_OPS = 100_000;

    /** The second connection's page cache in KiB. */
    private static final int CACHE_KIB = 2 * 1024;

    private final Path file;
    private final Object lock = new Object();
    private Connection connection;
    private ExecutorService thread;
    private boolean closed;
    /** Reads started, for the tests that prove a view was read in two parts. */
    private int started;

    FarScan(Path file) {
        this.file = file;
    }

    /** A read started by {@link #start}: its rows once done, or stopped. */
    static final class Read {

        private final Future<List<Long>> rows;
        private final AtomicBoolean stopped;

        private Read(Future<List<Long>> rows, AtomicBoolean stopped) {
            this.rows = rows;
            this.stopped = stopped;
        }

        /** Waits for the rows, in the order of the read's statement. */
        List<Long> rows() throws SQLException {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return rows.get();
                    } catch (InterruptedException e) {
                        // the second connection must be done before the review's thread goes on with the review
                        interrupted = true;
                        stopped.set(true);
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof SQLException sql) {
                            throw sql;
                        }
                        if (e.getCause() instanceof RuntimeException runtime) {
                            throw runtime;
                        }
                        throw new IllegalStateException(e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Stops the read (its statement is interrupted at once) and waits until its connection is free again. */
        void stop() {
            stopped.set(true);
            try {
                rows();
            } catch (SQLException | CancellationException e) {
                // stopped on purpose: what it would have found is not wanted
            }
        }
    }

    /**
     * Starts reading the row numbers {@code sql} selects (one column), with {@code parameters} bound in order; a
     * read that was stopped ends with a {@link CancellationException}.
     */
    Read start(String sql, List<Object> parameters) throws SQLException {
        return start(sql, parameters, () -> false);
    }

    /** As {@link #start(String, List)}, and the read also stops when {@code stop} says so. */
    Read start(String sql, List<Object> parameters, BooleanSupplier stop) throws SQLException {
        AtomicBoolean stopped = new AtomicBoolean();
        Connection reader = open(() -> stopped.get() || stop.getAsBoolean());
        Future<List<Long>> rows = thread.submit(() -> read(reader, sql, parameters, stopped));
        started++;
        return new Read(rows, stopped);
    }

    /** How many reads were started on the second connection since the review was opened. */
    int started() {
        return started;
    }

    private Connection open(BooleanSupplier stopped) throws SQLException {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("The review " + file + " is closed.");
            }
            if (connection == null) {
                connection = ReviewFiles.openReader(file);
                // a scan reads each page once: the review's 16 MiB page cache would only hold native memory
                try (Statement s = connection.createStatement()) {
                    s.execute("PRAGMA cache_size = -" + CACHE_KIB);
                }
                ValueFunctions.register(connection);
                thread = Executors.newSingleThreadExecutor(task -> {
                    Thread t = new Thread(task, "sluice-review-far-scan");
                    t.setDaemon(true);
                    return t;
                });
            }
            ProgressHandler.setHandler(connection, CHECK_EVERY_OPS, new ProgressHandler() {
                @Override
                protected int progress() {
                    return stopped.getAsBoolean() ? 1 : 0;
                }
            });
            return connection;
        }
    }

    private static List<Long> read(Connection reader, String sql, List<Object> parameters, AtomicBoolean stopped)
            throws SQLException {
        List<Long> rows = new ArrayList<>();
        try (PreparedStatement q = reader.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                q.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            if (stopped.get()) {
                throw new CancellationException("The read of the far rows was stopped.");
            }
            throw e;
        }
        if (stopped.get()) {
            throw new CancellationException("The read of the far rows was stopped.");
        }
        return rows;
    }

    /** Closes the second connection, after the read in hand (which the review's thread has stopped or waited for). */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            if (thread != null) {
                thread.shutdown();
                ReviewFiles.closeQuietly(connection);
                connection = null;
            }
        }
    }
}
