package io.sluice.core.review;

import io.sluice.core.source.Cell;
import io.sluice.core.source.SourceRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Realistic generated sheet rows for staging tests and the staging benchmark: codes, numbers, dates, flags. */
final class SampleRows {

    static final int COLUMNS = 20;

    private SampleRows() {
    }

    static List<String> columns() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < COLUMNS; i++) {
            names.add("Column " + (i + 1));
        }
        return names;
    }

    private static final int POOL_SIZE = 4096;
    private static final List<List<Cell>> POOL = pool();

    /**
     * A row numbered {@code number}; cells come from a pool of distinct rows so that generating them costs next to
     * nothing and a benchmark measures staging, not {@code String.format}.
     */
    static SourceRow row(long number) {
        return new SourceRow(number, POOL.get((int) (number % POOL_SIZE)));
    }

    private static List<List<Cell>> pool() {
        List<List<Cell>> pool = new ArrayList<>(POOL_SIZE);
        for (int i = 0; i < POOL_SIZE; i++) {
            pool.add(List.copyOf(cells(i + 1_000_000L * i % 7_919)));
        }
        return pool;
    }

    /** A row with freshly made cells, sharing nothing with other rows (for memory tests). */
    static SourceRow fresh(long number) {
        return new SourceRow(number, cells(number));
    }

    private static List<Cell> cells(long number) {
        List<Cell> cells = new ArrayList<>(COLUMNS);
        long n = number;
        cells.add(Cell.text(String.format("MIX-%07d", n)));
        cells.add(Cell.text("Supplier " + (n % 997)));
        cells.add(Cell.text(String.format("%05d", n % 10_000)));
        BigDecimal strength = BigDecimal.valueOf(n % 600, 1);
        cells.add(Cell.number(strength.toPlainString(), strength));
        BigDecimal ratio = BigDecimal.valueOf(n % 1000, 3);
        cells.add(Cell.number(ratio.toPlainString(), ratio));
        cells.add(Cell.number(Long.toString(n * 7), BigDecimal.valueOf(n * 7)));
        LocalDate date = LocalDate.of(2020, 1, 1).plusDays(n % 1500);
        cells.add(Cell.date(date.toString(), date));
        LocalDateTime stamp = date.atTime((int) (n % 24), (int) (n % 60));
        cells.add(Cell.dateTime(stamp.toString().replace('T', ' '), stamp));
        cells.add(Cell.bool(n % 2 == 0 ? "TRUE" : "FALSE", n % 2 == 0));
        cells.add(n % 50 == 0 ? Cell.BLANK : Cell.text("Portland cement CEM I " + (n % 5) + "2.5 R"));
        for (int i = cells.size(); i < COLUMNS; i++) {
            cells.add(Cell.text("value " + i + "-" + (n % 313)));
        }
        return cells;
    }
}
