package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.Severity;
import io.sluice.core.database.TableInfo;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.export.ReviewExports;
import io.sluice.core.export.StagedFiles;
import io.sluice.core.export.TableFindingsWriter;
import io.sluice.core.export.TablesBackToSenderWriter;
import io.sluice.core.export.TablesHtmlReportWriter;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.profile.TableMapping;
import io.sluice.core.review.Decision;
import io.sluice.core.review.DecisionCounts;
import io.sluice.core.review.DecisionStatus;
import io.sluice.core.review.Review;
import io.sluice.core.review.ReviewInfo;
import io.sluice.core.rules.Finding;
import io.sluice.core.source.SourceRow;
import io.sluice.core.tables.TableExpansion;
import io.sluice.core.tables.TableFinding;
import io.sluice.core.tables.TablesReportWriter;
import io.sluice.core.tables.TablesSummary;
import io.sluice.core.tables.TargetRow;
import io.sluice.core.tables.WorkbookValidation;
import io.sluice.core.validate.ReportSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * The export of a workbook review (several tables, one member review per sheet), as {@link ExportTables#fromReview}
 * describes it: each sheet is read once, its rows with the steward's edits; an approved source row gives every target
 * row it makes to its table's approved file, a rejected one goes to its sheet's rejected file with the steward's
 * reason and every table's findings, and the failed rows (rejected, or with an error and not approved) to the
 * back-to-sender workbook.
 */
final class WorkbookReviewExport {

    /** One table part compiled over its member's columns, with its counts. */
    private static final class Part {
        final TableMapping mapping;
        final TableExpansion expansion;
        long targetRows;
        long approved;
        long errors;
        long warnings;

        Part(TableMapping mapping, TableExpansion expansion) {
            this.mapping = mapping;
            this.expansion = expansion;
        }
    }

    private WorkbookReviewExport() {
    }

    static ExportTables.Written export(TargetDatabase db, Path reviewFile, ExportRows.Outputs outputs,
                                       ExportRows.Settings settings, Progress progress) {
        try (WorkbookFiles files = WorkbookFiles.open(reviewFile)) {
            Profile profile = files.profile();
            Function<String, TableInfo> tables = db.tablesIntrospectedOnce();
            Map<String, List<Part>> partsBySheet = new LinkedHashMap<>();
            Map<String, Part> partsByTable = new LinkedHashMap<>();
            files.sheets().forEach(sheet -> partsBySheet.put(sheet, new ArrayList<>()));
            for (TableMapping mapping : WorkbookValidation.parentsFirst(profile)) {
                String sheet = files.sheetOf(profile, mapping);
                Review member = files.member(sheet);
                ReviewInfo info = member.info();
                Part part = new Part(mapping, TableExpansion.compile(profile, mapping, info.sheet(), info.headerRow(),
                        member.columns(), tables));
                partsBySheet.get(sheet).add(part);
                partsByTable.put(mapping.table(), part);
            }
            TableOutputFiles names = TableOutputFiles.ofReview(reviewFile, files.workbook().info().source());
            Map<String, Path> approved = outputs.approved() == null ? Map.of() : names.each("--approved",
                    outputs.approved(), ExportTables.TABLE, "table", List.copyOf(partsByTable.keySet()));
            Map<String, Path> rejected = outputs.rejected() == null ? Map.of() : names.each("--rejected",
                    outputs.rejected(), ExportTables.SHEET, "sheet", files.sheets());
            names.one("--findings", outputs.findings());
            names.one("--return-xlsx", outputs.returnWorkbook());
            names.one("--report", outputs.report());
            TableOutputFiles.makeFolders(approved);
            TableOutputFiles.makeFolders(rejected);

            ReviewInfo workbook = files.workbook().info();
            TablesReportWriter.About about = new TablesReportWriter.About(workbook.source().toString(),
                    workbook.sha256(), profile.name(), reviewFile.toString(), ProfileIO.sha256(profile),
                    workbook.targetUrl() == null ? db.displayUrl() : workbook.targetUrl());
            try (StagedFiles staged = new StagedFiles()) {
                ExportRows.Outputs hidden = ExportRows.stagedSingles(outputs, staged);
                Map<String, Path> approvedHidden = staged.stageEach(approved);
                Map<String, Path> rejectedHidden = staged.stageEach(rejected);
                List<TablesSummary.SheetTally> sheets = new ArrayList<>();
                List<TablesHtmlReportWriter.SheetDecisions> decisions = new ArrayList<>();
                TableExportSinks sinks = new TableExportSinks(hidden.report() != null);
                try (sinks) {
                    sinks.openApproved(approvedHidden, t -> partsByTable.get(t).expansion.targetColumns(),
                            settings.csv());
                    sinks.openRejected(rejectedHidden, s -> files.member(s).columns(), settings.csv());
                    if (hidden.findings() != null) {
                        sinks.openFindings(TableFindingsWriter.open(hidden.findings(), settings.csv()));
                    }
                    if (hidden.returnWorkbook() != null) {
                        sinks.openReturned(returned(hidden.returnWorkbook(), about, files, partsBySheet, settings));
                    }
                    for (String sheet : files.sheets()) {
                        Review member = files.member(sheet);
                        List<Part> parts = partsBySheet.get(sheet);
                        findings(member, sheet, parts, sinks);
                        decided(member, sheet, sinks, progress);
                        long targetRows = expand(member, parts, sinks, progress);
                        DecisionCounts counts = member.ledger().counts();
                        sheets.add(new TablesSummary.SheetTally(sheet, member.rowCount(),
                                member.counts().rowsWithErrors(), targetRows,
                                member.counts().errors() + member.counts().warnings()));
                        decisions.add(new TablesHtmlReportWriter.SheetDecisions(sheet, counts.approved(),
                                counts.rejected(), counts.pending()));
                    }
                }
                List<TablesSummary.TableTally> tally = partsByTable.values().stream().map(p ->
                        new TablesSummary.TableTally(p.expansion.table(), files.sheetOf(profile, p.mapping),
                                p.targetRows, p.approved, p.errors, p.warnings)).toList();
                TablesSummary summary = new TablesSummary(tally, sheets);
                if (hidden.report() != null) {
                    TablesHtmlReportWriter.write(hidden.report(), about, summary, sinks.counts(), sinks.worst(),
                            decisions);
                }
                staged.commit();
                TablesBackToSenderWriter returned = sinks.returned();
                return new ExportTables.Written(ExportTables.files(approved, sinks.approvedRows()),
                        ExportTables.files(rejected, sinks.rejectedRows()), sinks.findings(),
                        returned == null ? null : returned.rows(), returned == null ? null : returned.comments(),
                        outputs.report() != null, summary);
            }
        }
    }

    /** Every finding of the sheet, as the findings file and the report take them; counts them per table. */
    private static void findings(Review member, String sheet, List<Part> parts, TableExportSinks sinks) {
        List<TableFinding> row = new ArrayList<>();
        member.forEachFinding(f -> {
            TableFinding tf = TableFinding.fromReview(sheet, f);
            if (!row.isEmpty() && row.get(0).finding().row() != f.row()) {
                sinks.offerWorst(sheet, row.get(0).finding().row(), row);
                row.clear();
            }
            row.add(tf);
            sinks.finding(tf);
            for (Part p : parts) {
                if (p.expansion.table().equals(tf.table())) {
                    if (f.severity() == Severity.ERROR) {
                        p.errors++;
                    } else {
                        p.warnings++;
                    }
                }
            }
        });
        if (!row.isEmpty()) {
            sinks.offerWorst(sheet, row.get(0).finding().row(), row);
        }
    }

    /** The rejected rows with the steward's reasons, and the failed rows, of one sheet; edits applied. */
    private static void decided(Review member, String sheet, TableExportSinks sinks, Progress progress) {
        for (long row : member.ledger().rowsWith(DecisionStatus.REJECTED)) {
            stopIfCancelled(progress);
            String reason = member.ledger().decision(row).map(Decision::reason).orElse(null);
            sinks.rejected(sheet, member.ledger().effectiveRow(row).orElseThrow(), reason, findingsOf(member, sheet,
                    row));
        }
        if (sinks.returned() == null) {
            return;
        }
        for (long row : ReviewExports.failedRows(member)) {
            stopIfCancelled(progress);
            String reason = member.ledger().decision(row).filter(d -> d.status() == DecisionStatus.REJECTED)
                    .map(d -> d.reason() == null ? "" : d.reason()).orElse(null);
            sinks.failed(sheet, member.ledger().effectiveRow(row).orElseThrow(), reason, findingsOf(member, sheet,
                    row));
        }
    }

    /**
     * Reads the sheet's rows once, with the steward's edits, expanding each into every table part of the sheet: the
     * target rows are counted, and those of an approved row written to its table's approved file. Returns the target
     * rows made.
     */
    private static long expand(Review member, List<Part> parts, TableExportSinks sinks, Progress progress) {
        BitSet approved = WorkbookFiles.bits(member.ledger().rowsWith(DecisionStatus.APPROVED));
        long made = 0;
        long read = 0;
        try (ReviewRows rows = new ReviewRows(member.file())) {
            SourceRow row;
            while ((row = rows.next()) != null) {
                if (++read % 1_000 == 0) {
                    stopIfCancelled(progress);
                    progress.rowsDone(read);
                }
                boolean isApproved = row.number() <= Integer.MAX_VALUE && approved.get((int) row.number());
                for (Part part : parts) {
                    for (TargetRow target : part.expansion.expand(row)) {
                        part.targetRows++;
                        made++;
                        if (isApproved) {
                            part.approved++;
                            sinks.approved(part.mapping.table(), target.values());
                        }
                    }
                }
            }
        }
        return made;
    }

    private static List<TableFinding> findingsOf(Review member, String sheet, long row) {
        List<TableFinding> on = new ArrayList<>();
        for (Finding f : member.findings(row)) {
            on.add(TableFinding.fromReview(sheet, f));
        }
        return on;
    }

    private static TablesBackToSenderWriter returned(Path file, TablesReportWriter.About about, WorkbookFiles files,
                                                     Map<String, List<Part>> partsBySheet,
                                                     ExportRows.Settings settings) {
        List<String[]> lines = List.of(new String[] {"Source file", Path.of(about.path()).getFileName().toString()},
                new String[] {"Review", files.file().getFileName().toString()},
                new String[] {"Sheets", String.join(", ", files.sheets())},
                new String[] {"Profile", about.profileName()},
                new String[] {"Target tables", String.join(", ", partsBySheet.values().stream()
                        .flatMap(List::stream).map(p -> p.mapping.table()).toList())});
        TablesBackToSenderWriter writer = new TablesBackToSenderWriter(file, lines, settings.csv().guardFormulas(),
                settings.maxComments());
        try {
            for (String sheet : files.sheets()) {
                Review member = files.member(sheet);
                ReviewInfo info = member.info();
                writer.addSheet(new ReportSource(about.path(), about.sha256(), info.format().name(), info.sheet(),
                        info.headerRow(), about.profileName(), about.profilePath(), about.profileSha256(),
                        about.target(), String.join(", ", partsBySheet.get(sheet).stream()
                        .map(p -> p.mapping.table()).toList())), member.columns());
            }
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
        return writer;
    }

    private static void stopIfCancelled(Progress progress) {
        if (progress.isCancelled()) {
            throw new CancellationException("The export was cancelled.");
        }
    }

}
