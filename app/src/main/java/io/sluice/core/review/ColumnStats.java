package io.sluice.core.review;

import java.time.LocalDate;
import java.util.List;

/**
 * Statistics of one review column's effective values (the steward's edits laid over the raw cells), counted in the
 * review file. A value is blank when it holds nothing but white space; blanks count in {@code rows} and
 * {@code blanks} and nowhere else.
 *
 * @param column        the column's header
 * @param rows          rows of the review
 * @param blanks        rows whose value is blank
 * @param distinct      distinct non-blank values
 * @param values        a page of the distinct values with their counts, most frequent first (ties by value)
 * @param offset        where the page starts in that order
 * @param minLength     the shortest non-blank value's length in characters, null when all are blank
 * @param maxLength     the longest non-blank value's length, null when all are blank
 * @param numbers       the values that are numbers, null when none is
 * @param dates         the values that are dates, null when none is
 * @param patterns      the most frequent value shapes (letters as A, digits as 9, other characters kept)
 * @param patternCount  how many distinct shapes there are in all
 */
public record ColumnStats(String column, long rows, long blanks, long distinct, List<ValueCount> values, long offset,
                          Integer minLength, Integer maxLength, NumberStats numbers, DateStats dates,
                          List<ValueCount> patterns, long patternCount) {

    public ColumnStats {
        values = List.copyOf(values);
        patterns = List.copyOf(patterns);
    }

    /** A value (or a shape) and how many rows hold it. */
    public record ValueCount(String value, long count) {
    }

    /**
     * The values that read as numbers: a number cell of a workbook, or a text like {@code -12.5} or {@code 3e4}
     * (a point for the decimals, no grouping).
     *
     * @param count             rows holding a number
     * @param standardDeviation the sample standard deviation (divided by count - 1, as a spreadsheet's STDEV.S),
     *                          0 for a single number; what {@code RuleTemplates.outlier} takes
     * @param histogram         equal-width bins from min to max (the last includes max)
     */
    public record NumberStats(long count, double min, double max, double mean, double standardDeviation,
                              List<NumberBin> histogram) {
        public NumberStats {
            histogram = List.copyOf(histogram);
        }
    }

    /** Numbers from {@code from} up to {@code to} (the last bin includes {@code to}). */
    public record NumberBin(double from, double to, long count) {
    }

    /**
     * The values that read as dates: a date cell of a workbook, or a text like {@code 2024-03-31} or
     * {@code 31.03.2024}.
     *
     * @param count     rows holding a date
     * @param mean      the average day
     * @param histogram bins of whole days from min to max
     */
    public record DateStats(long count, LocalDate min, LocalDate max, LocalDate mean, List<DateBin> histogram) {
        public DateStats {
            histogram = List.copyOf(histogram);
        }
    }

    /** Dates from {@code from} to {@code to}, both included. */
    public record DateBin(LocalDate from, LocalDate to, long count) {
    }
}
