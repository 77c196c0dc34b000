package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.SluiceException;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.export.StagedFiles;
import io.sluice.core.export.TableFindingsWriter;
import io.sluice.core.export.TablesBackToSenderWriter;
import io.sluice.core.export.TablesHtmlReportWriter;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.source.SourceOptions;
import io.sluice.core.source.Sources;
import io.sluice.core.tables.TablesReportWriter;
import io.sluice.core.tables.TablesSummary;
import io.sluice.core.tables.WorkbookValidation;
import io.sluice.core.validate.ReportSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what a steward sends on or back for a workbook with a profile onto several related tables (version 2), in
 * one validation pass: the approved rows as one CSV per target table (the target rows every source row without an
 * error makes, a reference column holding the parent's natural key, headed by the table's mapped columns), the
 * rejected source rows as one CSV per sheet with the findings of every table on each, every finding with its table
 * and sheet, the back-to-sender workbook with one data sheet per source sheet, and the HTML report with counts per
 * sheet and per table. Approved and rejected rows name a folder or a file name with {@value #TABLE} or
 * {@value #SHEET}.
 */
public final class ExportTables {

    /** The placeholder of an approved rows' file name that each table's name replaces. */
    public static final String TABLE = TableOutputFiles.TABLE;
    /** The placeholder of a rejected rows' file name that each sheet's name replaces. */
    public static final String SHEET = TableOutputFiles.SHEET;

    /** One file written: the table or sheet it holds, where, and its data rows. */
    public record FileRows(String name, Path file, long rows) {
    }

    /**
     * What was written; a list is empty and a count null when that output was not asked for.
     *
     * @param approved       one file per table, parents first
     * @param rejected       one file per sheet, in the order the sheets were read
     * @param failedRows     source rows in the back-to-sender workbook
     * @param failedComments cells of it that carry a comment
     * @param summary        the validation's counts per sheet and per table
     */
    public record Written(List<FileRows> approved, List<FileRows> rejected, Long findings, Long failedRows,
                          Long failedComments, boolean report, TablesSummary summary) {
    }

    private ExportTables() {
    }

    /**
     * Validates {@code file} with {@code profile} across its tables and writes the outputs: a source row without an
     * error in any table is approved with every target row it makes; one with an error is rejected and failed.
     *
     * @param outputs  {@code approved} and {@code rejected} name a folder or a file name with a placeholder; the
     *                 others one file each
     * @param settings the CSVs' form and the workbook's comment cap; {@code originalValues} does not apply to a file
     */
    public static Written fromFile(TargetDatabase db, Path file, SourceOptions chosen, Profile profile,
                                   String profileLabel, ExportRows.Outputs outputs, ExportRows.Settings settings,
                                   Progress progress) {
        try (WorkbookValidation validation = WorkbookValidation.prepare(file,
                part -> ValidateTables.optionsOf(chosen, profile, part), profile, db)) {
            List<WorkbookValidation.SheetLayout> layout = validation.layout();
            List<String> tables = WorkbookValidation.parentsFirst(profile).stream().map(t -> t.table()).toList();
            List<String> sheets = layout.stream().map(WorkbookValidation.SheetLayout::sheet).toList();
            TableOutputFiles names = new TableOutputFiles(file);
            Map<String, Path> approved = outputs.approved() == null ? Map.of()
                    : names.each("--approved", outputs.approved(), TABLE, "table", tables);
            Map<String, Path> rejected = outputs.rejected() == null ? Map.of()
                    : names.each("--rejected", outputs.rejected(), SHEET, "sheet", sheets);
            names.one("--findings", outputs.findings());
            names.one("--return-xlsx", outputs.returnWorkbook());
            names.one("--report", outputs.report());
            TableOutputFiles.makeFolders(approved);
            TableOutputFiles.makeFolders(rejected);

            String sha = Sources.sha256(file);
            TablesReportWriter.About about = new TablesReportWriter.About(file.toString(), sha, profile.name(),
                    profileLabel, ProfileIO.sha256(profile), db.displayUrl());
            try (StagedFiles staged = new StagedFiles()) {
                ExportRows.Outputs hidden = ExportRows.stagedSingles(outputs, staged);
                Map<String, Path> approvedHidden = staged.stageEach(approved);
                Map<String, Path> rejectedHidden = staged.stageEach(rejected);
                TablesSummary summary;
                TableExportSinks sinks = new TableExportSinks(hidden.report() != null);
                try (sinks) {
                    Map<String, List<String>> columns = new LinkedHashMap<>();
                    layout.forEach(l -> columns.put(l.sheet(), l.columns()));
                    sinks.openApproved(approvedHidden, validation::targetColumns, settings.csv());
                    sinks.openRejected(rejectedHidden, columns::get, settings.csv());
                    if (hidden.findings() != null) {
                        sinks.openFindings(TableFindingsWriter.open(hidden.findings(), settings.csv()));
                    }
                    if (hidden.returnWorkbook() != null) {
                        sinks.openReturned(returned(hidden.returnWorkbook(), about, layout, settings));
                    }
                    summary = validation.run(sinks, sinks, progress);
                }
                if (hidden.report() != null) {
                    TablesHtmlReportWriter.write(hidden.report(), about, summary, sinks.counts(), sinks.worst(),
                            null);
                }
                staged.commit();
                TablesBackToSenderWriter returned = sinks.returned();
                return new Written(files(approved, sinks.approvedRows()), files(rejected, sinks.rejectedRows()),
                        sinks.findings(), returned == null ? null : returned.rows(),
                        returned == null ? null : returned.comments(), outputs.report() != null, summary);
            }
        }
    }

    /**
     * Writes the outputs of a workbook review (several tables, one member review per sheet) with the steward's
     * decisions and edits: the target rows of every approved source row per table, the rejected source rows per sheet
     * with the steward's reason and every table's findings, every finding with its table and sheet, the failed rows
     * (rejected, or with an error finding and not approved) to send back, and the report with the decisions per
     * sheet; "to import" counts the target rows of approved source rows.
     *
     * @param settings the CSVs' form and the workbook's comment cap; {@code originalValues} is not supported yet
     */
    public static Written fromReview(TargetDatabase db, Path review, ExportRows.Outputs outputs,
                                     ExportRows.Settings settings, Progress progress) {
        if (settings.originalValues()) {
            throw SluiceException.input(review.getFileName() + " is the review of a workbook onto several tables;"
                    + " the original values (--original-values) are not shown for such a review yet.");
        }
        return WorkbookReviewExport.export(db, review, outputs, settings, progress == null ? Progress.NONE
                : progress);
    }

    private static TablesBackToSenderWriter returned(Path file, TablesReportWriter.About about,
                                                     List<WorkbookValidation.SheetLayout> layout,
                                                     ExportRows.Settings settings) {
        List<String[]> lines = List.of(new String[] {"Source file", fileName(about.path())},
                new String[] {"Sheets", String.join(", ", layout.stream().map(WorkbookValidation.SheetLayout::sheet)
                        .toList())},
                new String[] {"Profile", about.profileName()},
                new String[] {"Target tables", String.join(", ", layout.stream().flatMap(l -> l.tables().stream())
                        .toList())});
        TablesBackToSenderWriter writer = new TablesBackToSenderWriter(file, lines, settings.csv().guardFormulas(),
                settings.maxComments());
        try {
            for (WorkbookValidation.SheetLayout sheet : layout) {
                writer.addSheet(new ReportSource(about.path(), about.sha256(), sheet.format(), sheet.sheet(),
                        sheet.headerRow(), about.profileName(), about.profilePath(), about.profileSha256(),
                        about.target(), String.join(", ", sheet.tables())), sheet.columns());
            }
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
        return writer;
    }

    static List<FileRows> files(Map<String, Path> files, Map<String, Long> rows) {
        List<FileRows> written = new ArrayList<>();
        files.forEach((name, file) -> written.add(new FileRows(name, file, rows.getOrDefault(name, 0L))));
        return written;
    }

    private static String fileName(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? path : name.toString();
    }
}
