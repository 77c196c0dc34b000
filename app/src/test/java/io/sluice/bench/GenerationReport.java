package io.sluice.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a generator run wrote.
 *
 * @param file         the file written
 * @param rows         data rows written
 * @param firstDataRow row number a spreadsheet shows for data row 1 (2 for CSV, after the header)
 * @param faultCounts  number of faulty rows per kind
 * @param faults       the planted faults in row order, the first {@value FaultTally#KEPT} of them
 */
public record GenerationReport(Path file, long rows, long firstDataRow, Map<Fault, Long> faultCounts,
                               List<InjectedFault> faults) {

    /** All faulty rows, including those beyond the kept list. */
    public long faultyRows() {
        return faultCounts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The row number a spreadsheet (or Sluice's grid) shows for the fault's row. */
    public long sheetRow(InjectedFault fault) {
        return firstDataRow + fault.dataRow() - 1;
    }
}
