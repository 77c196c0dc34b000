package io.sluice.core.validate;

import io.sluice.core.mapping.MappedRow;
import io.sluice.core.rules.Finding;
import io.sluice.core.Severity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Scores rows as they are validated and adds them up into the file's {@link ValidationSummary}. */
public final class QualityTally {

    /** Where findings about no column are counted. */
    public static final String ROW_LEVEL = "(row)";

    private final List<String> targets;
    private final Set<String> uniquenessRules;
    private long rows;
    private long valid;
    private long withErrors;
    private long withWarnings;
    private long errors;
    private long warnings;
    private long cells;
    private long filledCells;
    private long errorCells;
    private long duplicateRows;
    private final Map<String, Long> byRule = new HashMap<>();
    private final Map<String, Long> byColumn = new HashMap<>();

    /**
     * @param targets         the mapped target columns
     * @param uniquenessRules rule ids whose findings mean "this row repeats a key"
     */
    public QualityTally(List<String> targets, Set<String> uniquenessRules) {
        this.targets = List.copyOf(targets);
        this.uniquenessRules = Set.copyOf(uniquenessRules);
    }

    /** How many of a mapped row's cells hold a value (a value that failed to convert counts as one). */
    public static int filledCells(MappedRow row) {
        int filled = 0;
        for (int i = 0; i < row.size(); i++) {
            if (row.value(i) != null || row.error(i) != null) {
                filled++;
            }
        }
        return filled;
    }

    /** Scores one row and counts it into the totals. */
    public RowScore add(MappedRow row, List<Finding> findings) {
        int filled = filledCells(row);
        int rowErrors = 0;
        int rowWarnings = 0;
        boolean duplicate = false;
        Set<String> badCells = null;
        for (int k = 0; k < findings.size(); k++) {
            Finding f = findings.get(k);
            if (f.severity() == Severity.ERROR) {
                rowErrors++;
                if (badCells == null) {
                    badCells = new HashSet<>();
                }
                badCells.add(f.target() != null ? f.target() : f.column() != null ? f.column() : ROW_LEVEL);
            } else {
                rowWarnings++;
            }
            duplicate |= uniquenessRules.contains(f.rule());
            byRule.merge(f.rule(), 1L, Long::sum);
            byColumn.merge(f.column() != null ? f.column() : f.target() != null ? f.target() : ROW_LEVEL, 1L,
                    Long::sum);
        }
        int width = Math.max(targets.size(), 1);
        int bad = badCells == null ? 0 : Math.min(badCells.size(), width);
        rows++;
        cells += width;
        filledCells += filled;
        errorCells += bad;
        errors += rowErrors;
        warnings += rowWarnings;
        if (rowErrors > 0) {
            withErrors++;
        } else {
            valid++;
        }
        if (rowWarnings > 0) {
            withWarnings++;
        }
        if (duplicate) {
            duplicateRows++;
        }
        return new RowScore(percent(filled, width), percent(width - bad, width), duplicate ? 0 : 100, rowErrors,
                rowWarnings);
    }

    public ValidationSummary summary() {
        return new ValidationSummary(rows, valid, withErrors, withWarnings, errors, warnings,
                scores(cells, filledCells, errorCells, rows, duplicateRows), sorted(byRule), sorted(byColumn));
    }

    /**
     * The file scores from their counts: mapped cells in all, those holding a value, those with an error finding,
     * rows, and rows that repeat a key. Validation and a review's current scores both count through here.
     */
    public static ValidationSummary.FileScores scores(long cells, long filledCells, long errorCells, long rows,
                                                      long duplicateRows) {
        double completeness = ratio(filledCells, cells);
        double validity = ratio(cells - errorCells, cells);
        double uniqueness = ratio(rows - duplicateRows, rows);
        double overall = Math.round((completeness + validity + uniqueness) / 3 * 10) / 10.0;
        return new ValidationSummary.FileScores(completeness, validity, uniqueness, overall);
    }

    private static int percent(int part, int whole) {
        return Math.round(100f * part / whole);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 100.0 : Math.round(1000.0 * part / whole) / 10.0;
    }

    /** Counts most frequent first, then by name, as a summary lists them. */
    public static Map<String, Long> sorted(Map<String, Long> counts) {
        Map<String, Long> result = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }
}
