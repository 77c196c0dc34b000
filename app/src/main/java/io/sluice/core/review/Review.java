package io.sluice.core.review;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.database.TableShape;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceIssue;
import io.sluice.core.source.SourceRow;
import io.sluice.core.validate.ValidationSummary;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A review on disk: one SQLite file holding a loaded source sheet (its cells exactly as read, and its issues) and the
 * validation findings on it. Heap use does not grow with the row count; rows are paged or streamed out of the file.
 * Every committed write survives a crash. Create one with {@link #create}, reopen it with {@link #open}, and close it.
 * <p>
 * Not thread-safe: use a review from one thread at a time. While a {@link RowWriter} or {@link FindingWriter} is
 * open, no other write may be made through the review.
 */
public final class Review implements AutoCloseable {

    /**
     * Rows indexed per transaction by {@link #indexSearchNext}: about 80 ms of CPU each, so that the grid's reads,
     * which wait for the review, are not held up for long.
     */
    private static final int SEARCH_INDEX_SLICE = 5_000;

    private final Path file;
    private final Connection connection;
    private final List<String> columns;
    private final int wide;
    private ReviewInfo info;
    private AutoCloseable activeWriter;
    private final SearchIndex searchIndex;
    /** Whether the search index holds every row; read by the row filters, which may be built on another thread. */
    private volatile boolean searchIndexed;
    /** The second connection a view in row order reads its far rows on; opened by its first read. */
    private final FarScan farScan;
    /** Created by this object and given no rows yet: its first row writer stages it as a new review. */
    private boolean newlyCreated;

    private Review(Path file, Connection connection) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.columns = ReviewInfoStore.readColumns(connection);
        this.info = ReviewInfoStore.readInfo(connection);
        this.wide = queryInt("SELECT wide_columns FROM review_info");
        // for the whole connection: the statistics group by them and the row filters on a value select with them
        ValueFunctions.register(connection);
        this.searchIndex = new SearchIndex(connection, wide);
        this.farScan = new FarScan(file);
        this.searchIndexed = searchIndex.complete();
    }

    /**
     * Creates a new review; refuses to overwrite an existing file (replacing a review is {@code ReviewReplacement}'s,
     * which keeps the old one until the new one is complete). Missing parent folders are created.
     */
    public static Review create(Path file, ReviewInfo info, List<String> columns) {
        Objects.requireNonNull(info, "info");
        List<String> names = List.copyOf(columns);
        Connection connection = ReviewFiles.createEmpty(file);
        try {
            connection.setAutoCommit(false);
            ReviewSchema.createVersion1(connection, names.size());
            ReviewInfoStore.insert(connection, info, names, Math.min(names.size(), ReviewSchema.WIDE_COLUMNS));
            connection.commit();
            connection.setAutoCommit(true);
            ReviewSchema.upgrade(connection, 1, ReviewSchema.UPGRADES);
            Review review = new Review(file, connection);
            review.newlyCreated = true;
            return review;
        } catch (SQLException e) {
            ReviewFiles.closeQuietly(connection);
            ReviewFiles.deleteQuietly(file);
            throw ReviewFailures.of(file, e);
        }
    }

    /** Whether {@code file} is a Sluice review, finished or left unfinished by a staging that stopped. */
    public static boolean isReview(Path file) {
        return ReviewFiles.isReview(file);
    }

    /**
     * Makes the file at {@code file}, a review nobody has open, hold all of the review on its own (its write-ahead log
     * folded in and gone), so that it can be moved as one file; false when something else still has it open.
     */
    public static boolean settle(Path file) {
        return ReviewFiles.settle(file);
    }

    /** Where a review being replaced waits until its replacement is complete: its name plus {@code .replaced}. */
    public static Path setAside(Path file) {
        return Path.of(file + ".replaced");
    }

    /** Opens an existing review, upgrading a file written by an older Sluice; anything else is an input error. */
    public static Review open(Path file) {
        Connection connection = ReviewFiles.openExisting(file);
        try {
            return new Review(file, connection);
        } catch (SQLException e) {
            ReviewFiles.closeQuietly(connection);
            // The file carries Sluice's application id, so it is a review, just not a readable one.
            throw SluiceException.input("The review " + file + " is damaged and cannot be read.", e);
        }
    }

    public Path file() {
        return file;
    }

    public ReviewInfo info() {
        return info;
    }

    /** Source column names, in sheet order. */
    public List<String> columns() {
        return columns;
    }

    /** A writer that stages rows in source order; close it before making other writes. */
    public RowWriter rowWriter() {
        claimWriter();
        // the rows it adds are not in the search index until it is brought up to date
        searchIndexed = false;
        try {
            long last = queryLong("SELECT coalesce(max(row_no), 0) FROM source_row");
            boolean newReview = newlyCreated && last == 0;
            newlyCreated = false;
            RowWriter writer = new RowWriter(this, connection, wide, last, newReview);
            activeWriter = writer;
            return writer;
        } catch (SQLException e) {
            throw ReviewFailures.of(file, e);
        }
    }

    /** A writer that appends findings; close it before making other writes. */
    public FindingWriter findingWriter() {
        claimWriter();
        try {
            FindingWriter writer = new FindingWriter(this, connection);
            activeWriter = writer;
            return writer;
        } catch (SQLException e) {
            throw ReviewFailures.of(file, e);
        }
    }

    /** Stores sheet-level issues (renamed headers, merged ranges, ...); row issues travel with their rows. */
    public void addSourceIssues(List<SourceIssue> sheetLevel) {
        inTransaction(() -> {
            try (PreparedStatement insert = connection.prepareStatement(IssueStore.INSERT)) {
                for (SourceIssue issue : sheetLevel) {
                    IssueStore.bind(insert, null, issue);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Sheet-level issues, in the order they were added. */
    public List<SourceIssue> sourceIssues() {
        return query("SELECT kind, row, col, message FROM source_issue WHERE owner_row IS NULL ORDER BY id",
                rs -> IssueStore.read(rs, 1));
    }

    /** Replaces one row's findings in one durable transaction, e.g. after the steward edited the row. */
    public void replaceFindings(long sourceRowNumber, List<Finding> findings) {
        for (Finding finding : findings) {
            if (finding.row() != sourceRowNumber) {
                throw new IllegalArgumentException("A finding on row " + finding.row()
                        + " cannot replace the findings of row " + sourceRowNumber + ".");
            }
        }
        inTransaction(() -> FindingStore.replace(connection, sourceRowNumber, findings));
    }

    /**
     * A writer that replaces every finding of one rule, on any row, by the findings appended, in one durable
     * transaction made by its {@code commit()}; close it before other writes.
     */
    public RuleFindingsWriter replacingFindingsOf(String rule) {
        Objects.requireNonNull(rule, "rule");
        claimWriter();
        try {
            RuleFindingsWriter writer = new RuleFindingsWriter(this, connection, rule);
            activeWriter = writer;
            return writer;
        } catch (SQLException e) {
            try {
                connection.rollback();
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the failure to start is the one to report
            }
            throw ReviewFailures.of(file, e);
        }
    }

    /** The numbers of the rows with an error finding of any rule but {@code rule}, in ascending order. */
    public long[] rowsWithErrorsOtherThan(String rule) {
        return query("SELECT DISTINCT row_no FROM finding WHERE severity = 'error' AND rule <> ? ORDER BY row_no",
                rs -> rs.getLong(1), rule).stream().mapToLong(Long::longValue).toArray();
    }

    /** The steward's decisions, cell edits, audit log and undo history on this review. */
    public DecisionLedger ledger() {
        return new DecisionLedger(this, connection);
    }

    /** Which cells fixes and edits changed, with the source file's value and the steps in effect. */
    public CellOrigins cellOrigins() {
        return new CellOrigins(this, connection);
    }

    /** Removes every finding, before the whole sheet is validated again (e.g. with a changed profile). */
    public void clearFindings() {
        inTransaction(() -> {
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("DELETE FROM finding");
            }
        });
    }

    /** Rows staged and committed so far. */
    public long rowCount() {
        return guarded(() -> queryLong("SELECT row_count FROM review_info"));
    }

    /** How many rows {@code filter} matches now, counted in the review file. */
    public long countRows(RowFilter filter) {
        return guarded(() -> {
            try (PreparedStatement q = connection.prepareStatement("SELECT count(*) FROM source_row r WHERE "
                    + filter.sql())) {
                int i = 1;
                for (Object parameter : filter.parameters()) {
                    q.setObject(i++, parameter);
                }
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** A page of rows in source order: skips {@code offset} rows, returns at most {@code limit}. */
    public List<SourceRow> rows(long offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("Offset and limit must not be negative.");
        }
        try (RowCursor cursor = cursorOver(Long.MIN_VALUE, Long.MAX_VALUE, limit, offset)) {
            return cursor.toList();
        }
    }

    /** The row with this source row number (as the steward sees it in Excel), if the review holds it. */
    public Optional<SourceRow> row(long sourceRowNumber) {
        try (RowCursor cursor = cursorOver(sourceRowNumber, sourceRowNumber, 1, 0)) {
            return cursor.hasNext() ? Optional.of(cursor.next()) : Optional.empty();
        }
    }

    /** Every row in source order, one at a time; close the cursor when done. */
    public RowCursor cursor() {
        return cursorOver(Long.MIN_VALUE, Long.MAX_VALUE, -1, 0);
    }

    /**
     * Every row in source order reading only the wide columns whose indexes are in {@code columns}; the others are
     * blank. Close the cursor when done.
     */
    public RowCursor cursor(Set<Integer> columns) {
        boolean[] read = new boolean[wide];
        for (int column : columns) {
            if (column >= 0 && column < wide) {
                read[column] = true;
            }
        }
        return guarded(() -> new RowCursor(this, connection, wide, read));
    }

    /** One row's findings, in the order they were written. */
    public List<Finding> findings(long sourceRowNumber) {
        return query("SELECT " + FindingStore.COLUMNS + " FROM finding WHERE row_no = ? ORDER BY id",
                FindingStore::read, sourceRowNumber);
    }

    /** Hands every finding to {@code consumer} in source order, streamed from the file (any number of them). */
    public void forEachFinding(Consumer<Finding> consumer) {
        guarded(() -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + FindingStore.COLUMNS + " FROM finding ORDER BY row_no, id");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(FindingStore.read(rs));
                }
            }
            return null;
        });
    }

    /** The first findings in source order (by row, then as recorded), at most {@code limit}. */
    public List<Finding> firstFindings(int limit) {
        return query("SELECT " + FindingStore.COLUMNS + " FROM finding ORDER BY row_no, id LIMIT ?",
                FindingStore::read, limit);
    }

    /**
     * Statistics of one column's effective values (0-based index): counts, a page of the distinct values ({@code
     * offset}, {@code limit}) most frequent first, number and date ranges with histograms of {@code bins} bins, length
     * range and the {@code patterns} most frequent value shapes. Counted in the file with bounded heap; cancelling
     * through {@code progress} throws a CancellationException.
     */
    public ColumnStats columnStats(int column, long offset, int limit, int bins, int patterns, Progress progress) {
        if (column < 0 || column >= columns.size()) {
            throw new IllegalArgumentException("No column " + column + " in the review " + file + ".");
        }
        if (offset < 0 || limit < 0 || patterns < 0) {
            throw new IllegalArgumentException("Offset, limit and patterns must not be negative.");
        }
        claimWriter();
        return guarded(() -> new ColumnStatsQuery(this, connection).run(column, offset, limit, bins, patterns,
                progress));
    }

    /** Counts of findings by row, severity, rule and column. */
    public FindingCounts counts() {
        return guarded(() -> {
            long[] totals = new long[5];
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT count(DISTINCT CASE WHEN severity = 'error' THEN row_no END),
                           count(DISTINCT CASE WHEN severity = 'warning' THEN row_no END),
                           count(DISTINCT row_no),
                           coalesce(sum(severity = 'error'), 0),
                           coalesce(sum(severity = 'warning'), 0)
                    FROM finding""")) {
                rs.next();
                for (int i = 0; i < totals.length; i++) {
                    totals[i] = rs.getLong(i + 1);
                }
            }
            return new FindingCounts(totals[0], totals[1], totals[2], totals[3], totals[4],
                    countBy("SELECT rule, count(*) FROM finding GROUP BY rule ORDER BY rule"),
                    countBy("SELECT col, count(*) FROM finding WHERE col IS NOT NULL GROUP BY col ORDER BY col"));
        });
    }

    /**
     * The counts and quality scores as the findings stand now, counted again on every call, so they follow every
     * edit, undo, redo and re-validation; empty while the review has not been validated to the end.
     */
    public Optional<ValidationSummary> currentSummary() {
        return guarded(() -> ReviewQuality.current(this, connection));
    }

    /**
     * Records, in one durable transaction, a validation of every row that has just finished: its summary, what the
     * current scores are counted with, and the profile (JSON) and target (URL, any password removed) it used.
     */
    public void recordValidation(ValidationSummary summary, QualityBasis basis, String profileJson,
                                 String targetUrl) {
        recordValidation(summary, basis, profileJson, targetUrl, Map.of());
    }

    /**
     * Records a validation as {@link #recordValidation(ValidationSummary, QualityBasis, String, String)} does, with
     * the shapes of the target tables its findings were judged against, by table as the profile names it (none
     * given: those recorded before stay), so that an import can tell when the target changed since.
     */
    public void recordValidation(ValidationSummary summary, QualityBasis basis, String profileJson,
                                 String targetUrl, Map<String, TableShape> shapes) {
        String target = ReviewInfo.withoutPassword(targetUrl);
        inTransaction(() -> {
            ReviewQuality.record(connection, summary, basis, profileJson, target);
            if (!shapes.isEmpty()) {
                TargetShapes.record(connection, shapes);
            }
        });
        info = info.withProfileJson(profileJson).withTargetUrl(target);
    }

    /**
     * The shapes of the target tables the last validation judged the findings against, by table as the profile
     * names it (case-insensitively); empty for a review validated before Sluice recorded them, or never validated.
     */
    public Optional<Map<String, TableShape>> targetShapes() {
        return meta(TargetShapes.KEY).map(TargetShapes::fromJson);
    }

    /** Forgets the last validation's summary before the rows are validated again, so no stale scores remain. */
    public void forgetValidation() {
        inTransaction(() -> ReviewQuality.forget(connection));
    }

    /** Records the mapping profile (JSON) this review is validated with; null clears it. */
    public void setProfile(String profileJson) {
        inTransaction(() -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE review_info SET profile_json = ?")) {
                update.setString(1, profileJson);
                update.executeUpdate();
            }
        });
        info = info.withProfileJson(profileJson);
    }

    /** Keeps the cached info in step with a profile written by a step's own transaction (a rule applied). */
    void profileWritten(String profileJson) {
        info = info.withProfileJson(profileJson);
    }

    /** Stores a free-form setting of this review (e.g. the grid's column widths); a null value removes the key. */
    public void putMeta(String key, String value) {
        Objects.requireNonNull(key, "key");
        inTransaction(() -> {
            String sql = value == null ? "DELETE FROM review_meta WHERE key = ?"
                    : "INSERT INTO review_meta (key, value) VALUES (?, ?)"
                    + " ON CONFLICT (key) DO UPDATE SET value = excluded.value";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, key);
                if (value != null) {
                    statement.setString(2, value);
                }
                statement.executeUpdate();
            }
        });
    }

    /**
     * Adds the next slice of rows to the index a text search narrows its rows with (see {@link
     * RowFilter#containing}), in one transaction; returns whether rows are left to index. Call it again until it
     * returns false, from the review's one thread, with no writer open; stopping between two calls loses nothing.
     */
    public boolean indexSearchNext() {
        return indexSearchNext(() -> false);
    }

    /**
     * As {@link #indexSearchNext()}, but the slice gives way as soon as {@code giveWay} says so (checked every few
     * milliseconds of SQLite's work, e.g. while a search of the steward waits for the review): it is then undone and
     * written again by the next call, which this one says is needed by returning true.
     */
    public boolean indexSearchNext(BooleanSupplier giveWay) {
        claimWriter();
        return guarded(() -> {
            boolean more = searchIndex.indexNext(SEARCH_INDEX_SLICE, giveWay);
            searchIndexed = !more;
            return more;
        });
    }

    /** Whether a text search can use the search index: it holds every row of the review. */
    public boolean searchIndexed() {
        return searchIndexed;
    }

    public Optional<String> meta(String key) {
        return query("SELECT value FROM review_meta WHERE key = ?", rs -> rs.getString(1), key).stream().findFirst();
    }

    /** Commits what an open writer still holds, then releases the file. */
    @Override
    public void close() {
        farScan.close();
        try {
            if (activeWriter != null) {
                activeWriter.close();
            }
        } catch (Exception e) {
            ReviewFiles.closeQuietly(connection);
            throw e instanceof SluiceException se ? se : SluiceException.input("Could not close the review "
                    + file + ": " + e.getMessage() + ".", e);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw ReviewFailures.of(file, e);
        }
    }

    /** The open connection, for queries of this package that run on the review's thread (e.g. {@link ReviewQuery}). */
    Connection connection() {
        return connection;
    }

    /** The far rows' reader of {@link ReviewQuery#selectFirst}, on a connection of its own. */
    FarScan farScan() {
        return farScan;
    }

    /** How many source columns live in {@code source_row} (c0..cN); the rest are in {@code source_cell_extra}. */
    int wideColumns() {
        return wide;
    }

    void writerClosed(AutoCloseable writer) {
        if (activeWriter == writer) {
            activeWriter = null;
        }
    }

    private RowCursor cursorOver(long firstRow, long lastRow, long limit, long offset) {
        return guarded(() -> new RowCursor(this, connection, wide, firstRow, lastRow, limit, offset));
    }

    /** The rows listed in {@code rowsJson} (a JSON array of row numbers, all within first..last), in source order. */
    RowCursor cursorOverRows(long firstRow, long lastRow, String rowsJson) {
        return guarded(() -> new RowCursor(this, connection, wide, firstRow, lastRow, -1, 0, rowsJson));
    }

    private void claimWriter() {
        if (activeWriter != null) {
            throw new IllegalStateException("Close the open writer of review " + file + " before opening another.");
        }
    }

    /** Runs {@code work} in one durable transaction, rolled back whole on any failure. */
    void inTransaction(SqlWork work) {
        claimWriter();
        guarded(() -> {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return null;
        });
    }

    private Map<String, Long> countBy(String sql) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    private <T> List<T> query(String sql, SqlRow<T> reader, Object... parameters) {
        return guarded(() -> {
            List<T> list = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        list.add(reader.read(rs));
                    }
                }
            }
            return list;
        });
    }

    private long queryLong(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private int queryInt(String sql) throws SQLException {
        return Math.toIntExact(queryLong(sql));
    }

    <T> T guarded(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw ReviewFailures.of(file, e);
        }
    }

    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    @FunctionalInterface
    interface SqlCall<T> {
        T call() throws SQLException;
    }

    @FunctionalInterface
    private interface SqlRow<T> {
        T read(ResultSet rs) throws SQLException;
    }
}
