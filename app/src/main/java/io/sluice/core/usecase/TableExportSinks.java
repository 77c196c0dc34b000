package io.sluice.core.usecase;

import io.sluice.core.database.ColumnInfo;
import io.sluice.core.export.ApprovedRowsCsvWriter;
import io.sluice.core.export.CsvOptions;
import io.sluice.core.export.RejectedRowsCsvWriter;
import io.sluice.core.export.TableFindingCounts;
import io.sluice.core.export.TableFindingsWriter;
import io.sluice.core.export.TablesBackToSenderWriter;
import io.sluice.core.export.WorstRows;
import io.sluice.core.mapping.MappedRow;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceRow;
import io.sluice.core.tables.TableFinding;
import io.sluice.core.tables.TargetRow;
import io.sluice.core.tables.WorkbookValidation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The writers of one export of a workbook onto several tables, fed as the validation goes: every finding as it comes,
 * then each chunk of source rows once its findings are all out. A source row with an error in any table goes to its
 * sheet's rejected rows and to the back-to-sender workbook with the findings of every table on it; the target rows
 * of every other source row go to their table's approved rows. Holds one chunk's findings at a time. Closes every
 * writer whatever happens.
 */
final class TableExportSinks implements Consumer<TableFinding>, WorkbookValidation.ChunkListener, AutoCloseable {

    static final String NOT_VALID = "has error findings";

    private final Map<String, ApprovedRowsCsvWriter> approved = new LinkedHashMap<>();
    private final Map<String, RejectedRowsCsvWriter> rejected = new LinkedHashMap<>();
    private final List<TableFinding> chunkFindings = new ArrayList<>();
    private final TableFindingCounts counts = new TableFindingCounts();
    private final WorstRows worst;
    private TableFindingsWriter findings;
    private TablesBackToSenderWriter returned;

    TableExportSinks(boolean report) {
        this.worst = new WorstRows(report ? WorstRows.DEFAULT_LIMIT : 0);
    }

    /** Opens the approved rows' file of each table (by its name in the profile), headed by its target columns. */
    void openApproved(Map<String, Path> files, Function<String, List<ColumnInfo>> columns, CsvOptions csv) {
        files.forEach((table, file) -> approved.put(table, new ApprovedRowsCsvWriter(file, columns.apply(table),
                csv)));
    }

    /** Opens the rejected rows' file of each sheet, headed by the sheet's columns. */
    void openRejected(Map<String, Path> files, Function<String, List<String>> columns, CsvOptions csv) {
        files.forEach((sheet, file) -> rejected.put(sheet, new RejectedRowsCsvWriter(file, columns.apply(sheet),
                csv)));
    }

    void openFindings(TableFindingsWriter writer) {
        this.findings = writer;
    }

    void openReturned(TablesBackToSenderWriter writer) {
        this.returned = writer;
    }

    @Override
    public void accept(TableFinding f) {
        chunkFindings.add(f);
        finding(f);
    }

    /** One finding to the findings file and the report's counts. */
    void finding(TableFinding f) {
        if (findings != null) {
            findings.write(f);
        }
        counts.accept(f);
    }

    /** One rejected source row to its sheet's file, when rejected rows are written. */
    void rejected(String sheet, SourceRow row, String reason, List<TableFinding> on) {
        RejectedRowsCsvWriter writer = rejected.get(sheet);
        if (writer != null) {
            writer.writeWithTables(row, reason, on);
        }
    }

    /** One failed source row to the back-to-sender workbook, when it is written. */
    void failed(String sheet, SourceRow row, String reason, List<TableFinding> on) {
        if (returned != null) {
            returned.write(sheet, row, reason, on);
        }
    }

    /** One approved target row to its table's file, when approved rows are written. */
    void approved(String table, MappedRow values) {
        ApprovedRowsCsvWriter writer = approved.get(table);
        if (writer != null) {
            writer.write(values);
        }
    }

    /** Whether approved rows are written (so that a review's rows need mapping). */
    boolean writesApproved() {
        return !approved.isEmpty();
    }

    @Override
    public void checked(String sheet, List<SourceRow> rows, Map<String, List<TargetRow>> made, BitSet errors) {
        Map<Long, List<TableFinding>> byRow = new TreeMap<>();
        for (TableFinding f : chunkFindings) {
            byRow.computeIfAbsent(f.finding().row(), r -> new ArrayList<>()).add(f);
        }
        chunkFindings.clear();
        for (SourceRow row : rows) {
            List<TableFinding> on = byRow.getOrDefault(row.number(), List.of());
            if (failed(errors, row.number())) {
                rejected(sheet, row, NOT_VALID, on);
                failed(sheet, row, null, on);
            }
            offerWorst(sheet, row.number(), on);
        }
        made.forEach((table, targetRows) -> {
            for (TargetRow target : targetRows) {
                if (!failed(errors, target.sourceRow())) {
                    approved(table, target.values());
                }
            }
        });
    }

    /** Offers one source row with the findings of every table on it to the report's worst rows. */
    void offerWorst(String sheet, long row, List<TableFinding> on) {
        if (on.isEmpty()) {
            return;
        }
        List<Finding> each = new ArrayList<>(on.size());
        List<String> tables = new ArrayList<>(on.size());
        for (TableFinding f : on) {
            each.add(f.finding());
            tables.add(f.table());
        }
        worst.offer(sheet, row, each, tables, -1);
    }

    private static boolean failed(BitSet errors, long row) {
        return row <= Integer.MAX_VALUE && errors.get((int) row);
    }

    /** Approved rows written per table, in the order the files were opened. */
    Map<String, Long> approvedRows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        approved.forEach((table, writer) -> rows.put(table, writer.rows()));
        return rows;
    }

    /** Rejected rows written per sheet. */
    Map<String, Long> rejectedRows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        rejected.forEach((sheet, writer) -> rows.put(sheet, writer.rows()));
        return rows;
    }

    Long findings() {
        return findings == null ? null : findings.count();
    }

    TablesBackToSenderWriter returned() {
        return returned;
    }

    TableFindingCounts counts() {
        return counts;
    }

    List<WorstRows.WorstRow> worst() {
        return worst.rows();
    }

    @Override
    public void close() {
        // each writer is closed even when another fails, so no file handle outlives the export
        RuntimeException failure = null;
        List<AutoCloseable> writers = new ArrayList<>(approved.values());
        writers.addAll(rejected.values());
        writers.add(findings);
        writers.add(returned);
        for (AutoCloseable writer : writers) {
            if (writer == null) {
                continue;
            }
            try {
                writer.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
