package io.sluice.core.review;

import io.sluice.core.Progress;
import io.sluice.core.review.ColumnStats.DateBin;
import io.sluice.core.review.ColumnStats.DateStats;
import io.sluice.core.review.ColumnStats.NumberBin;
import io.sluice.core.review.ColumnStats.NumberStats;
import io.sluice.core.review.ColumnStats.ValueCount;
import org.sqlite.ProgressHandler;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Counts a column's statistics in SQL. One pass over the rows groups the effective values into a temporary table of
 * distinct (text, typed value, count); every figure is then counted from that table, so the heap holds one page of
 * values whatever the row count, and SQLite sorts on disk. A cancel interrupts the statement running.
 */
final class ColumnStatsQuery {

    /** Blank: nothing but spaces, tabs, line breaks and no-break spaces. */
    private static final String BLANK = "trim(text, ' ' || char(9) || char(10) || char(13) || char(160)) = ''";

    private final Review review;
    private final Connection connection;

    ColumnStatsQuery(Review review, Connection connection) {
        this.review = review;
        this.connection = connection;
    }

    ColumnStats run(int column, long offset, int limit, int bins, int patterns, Progress progress)
            throws SQLException {
        if (progress.isCancelled()) {
            throw new CancellationException("The statistics were cancelled.");
        }
        ValueFunctions.register(connection);
        ProgressHandler.setHandler(connection, 200_000, new ProgressHandler() {
            @Override
            protected int progress() {
                return progress.isCancelled() ? 1 : 0;
            }
        });
        try {
            ColumnSql sql = ColumnSql.of(column, review.wideColumns());
            execute("DROP TABLE IF EXISTS temp.stat_value");
            execute("CREATE TEMP TABLE stat_value AS SELECT " + sql.text() + " AS text, " + sql.stored()
                    + " AS stored, count(*) AS n FROM " + sql.from() + " GROUP BY 1, 2");
            progress.rowsDone(review.rowCount());
            return stats(column, offset, limit, Math.max(1, bins), patterns);
        } catch (SQLException e) {
            if (progress.isCancelled()) {
                throw new CancellationException("The statistics were cancelled.");
            }
            throw e;
        } finally {
            ProgressHandler.clearHandler(connection);
            execute("DROP TABLE IF EXISTS temp.stat_value");
            ValueFunctions.unregister(connection);
        }
    }

    private ColumnStats stats(int column, long offset, int limit, int bins, int patterns) throws SQLException {
        long rows;
        long blanks;
        long distinct;
        Integer minLength;
        Integer maxLength;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(sum(n), 0),"
                + " coalesce(sum(CASE WHEN " + BLANK + " THEN n END), 0),"
                + " count(DISTINCT CASE WHEN NOT " + BLANK + " THEN text END),"
                + " min(CASE WHEN NOT " + BLANK + " THEN length(text) END),"
                + " max(CASE WHEN NOT " + BLANK + " THEN length(text) END) FROM stat_value")) {
            rs.next();
            rows = rs.getLong(1);
            blanks = rs.getLong(2);
            distinct = rs.getLong(3);
            minLength = nullableInt(rs, 4);
            maxLength = nullableInt(rs, 5);
        }
        List<ValueCount> values = counts("SELECT text, sum(n) FROM stat_value WHERE NOT " + BLANK
                + " GROUP BY text ORDER BY 2 DESC, text LIMIT " + limit + " OFFSET " + offset);
        List<ValueCount> shapes = counts("SELECT sluice_shape(text), sum(n) FROM stat_value WHERE NOT " + BLANK
                + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + patterns);
        long shapeCount = single("SELECT count(DISTINCT sluice_shape(text)) FROM stat_value WHERE NOT " + BLANK);
        return new ColumnStats(review.columns().get(column), rows, blanks, distinct, values, offset,
                minLength, maxLength, numbers(bins), dates(bins), shapes, shapeCount);
    }

    private NumberStats numbers(int bins) throws SQLException {
        String numbers = "(SELECT sluice_number(text, stored) AS x, n FROM stat_value) WHERE x IS NOT NULL";
        long count;
        double min;
        double max;
        double mean;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT coalesce(sum(n), 0), min(x), max(x), sum(x * n) / sum(n) FROM " + numbers)) {
            rs.next();
            count = rs.getLong(1);
            if (count == 0) {
                return null;
            }
            min = rs.getDouble(2);
            max = rs.getDouble(3);
            mean = rs.getDouble(4);
        }
        double standardDeviation = 0;
        if (count > 1) {
            // A second pass around the mean: summing squares first loses the digits of a small spread.
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT sum((x - (" + mean + ")) * (x - (" + mean + ")) * n) FROM " + numbers)) {
                rs.next();
                standardDeviation = Math.sqrt(rs.getDouble(1) / (count - 1));
            }
        }
        int binCount = min == max ? 1 : bins;
        double width = (max - min) / binCount;
        long[] counts = binCounts("SELECT " + binOf("x", min, width, binCount) + ", sum(n) FROM " + numbers
                + " GROUP BY 1", binCount);
        List<NumberBin> histogram = new ArrayList<>(binCount);
        for (int i = 0; i < binCount; i++) {
            histogram.add(new NumberBin(min + i * width, i == binCount - 1 ? max : min + (i + 1) * width,
                    counts[i]));
        }
        return new NumberStats(count, min, max, mean, standardDeviation, histogram);
    }

    private DateStats dates(int bins) throws SQLException {
        String dates = "(SELECT CAST(julianday(sluice_date(text, stored)) AS INTEGER) AS d, n FROM stat_value)"
                + " WHERE d IS NOT NULL";
        long count;
        long min;
        long max;
        double mean;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT coalesce(sum(n), 0), min(d), max(d), sum(d * 1.0 * n) / sum(n) FROM " + dates)) {
            rs.next();
            count = rs.getLong(1);
            if (count == 0) {
                return null;
            }
            min = rs.getLong(2);
            max = rs.getLong(3);
            mean = rs.getDouble(4);
        }
        long days = max - min + 1;
        int binCount = (int) Math.min(bins, days);
        double width = (double) days / binCount;
        long[] counts = binCounts("SELECT " + binOf("d", min, width, binCount) + ", sum(n) FROM " + dates
                + " GROUP BY 1", binCount);
        LocalDate first = day(min);
        List<DateBin> histogram = new ArrayList<>(binCount);
        for (int i = 0; i < binCount; i++) {
            long from = (long) Math.ceil(i * width);
            long to = i == binCount - 1 ? days - 1 : (long) Math.ceil((i + 1) * width) - 1;
            histogram.add(new DateBin(first.plusDays(from), first.plusDays(to), counts[i]));
        }
        return new DateStats(count, first, day(max), day(Math.round(mean)), histogram);
    }

    /** The 0-based bin of {@code x}; the figures are the query's own, not the user's, so they are written in. */
    private static String binOf(String x, double min, double width, int binCount) {
        return binCount == 1 ? "0" : "min(" + (binCount - 1) + ", CAST((" + x + " - (" + min + ")) / " + width
                + " AS INTEGER))";
    }

    private long[] binCounts(String sql, int binCount) throws SQLException {
        long[] counts = new long[binCount];
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                int bin = Math.max(0, Math.min(binCount - 1, rs.getInt(1)));
                counts[bin] += rs.getLong(2);
            }
        }
        return counts;
    }

    /** The day whose midnight has this Julian day number, cut to a whole number (1970-01-01 is 2,440,587.5). */
    private static LocalDate day(long julianDay) {
        return LocalDate.of(1970, 1, 1).plus(julianDay - 2_440_587, ChronoUnit.DAYS);
    }

    private List<ValueCount> counts(String sql) throws SQLException {
        List<ValueCount> list = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                list.add(new ValueCount(rs.getString(1), rs.getLong(2)));
            }
        }
        return list;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private long single(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
