package io.sluice.core.export;

import io.sluice.core.rules.Finding;
import io.sluice.core.tables.TableFinding;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts the findings of a workbook validated onto several tables by table, by rule and by sheet and column, for the
 * HTML report; holds one entry per distinct table, rule and column, whatever the number of findings.
 */
public final class TableFindingCounts implements Consumer<TableFinding> {

    private final Map<String, Long> byTable = new HashMap<>();
    private final Map<String, Long> byRule = new HashMap<>();
    private final Map<String, Long> byColumn = new HashMap<>();

    @Override
    public void accept(TableFinding f) {
        Finding finding = f.finding();
        byTable.merge(f.table(), 1L, Long::sum);
        byRule.merge(finding.rule(), 1L, Long::sum);
        byColumn.merge(f.sheet() + ": " + (finding.column() == null ? "(whole row)" : finding.column()), 1L,
                Long::sum);
    }

    /** Findings per target table. */
    public Map<String, Long> byTable() {
        return Map.copyOf(byTable);
    }

    /** Findings per rule id. */
    public Map<String, Long> byRule() {
        return Map.copyOf(byRule);
    }

    /** Findings per source column, named "sheet: column". */
    public Map<String, Long> byColumn() {
        return Map.copyOf(byColumn);
    }
}
