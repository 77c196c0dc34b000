package io.sluice.cli;

import io.sluice.core.Progress;
import io.sluice.core.export.BackToSenderWriter;
import io.sluice.core.export.RejectedRowsCsvWriter;
import io.sluice.core.export.CsvOptions;
import io.sluice.core.profile.Profile;
import io.sluice.core.profile.ProfileIO;
import io.sluice.core.database.TargetDatabase;
import io.sluice.core.tables.TablesSummary;
import io.sluice.core.usecase.ExportRows;
import io.sluice.core.usecase.ExportTables;
import io.sluice.core.usecase.ValidateWorkbookReview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sluice export}: validated CSVs for analysts and data owners — approved rows (target columns, normalised
 * values), rejected rows (original values, row number, reason, findings) and the findings — a back-to-sender XLSX of
 * the failed rows and an HTML report, from a file validated on the fly or from a review. Cells that a spreadsheet
 * would run as a formula are neutralised unless told otherwise.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export approved rows, rejected rows with their reasons, or the findings, as CSV (findings also"
                + " as JSON); the failed rows as an XLSX to send back to the data owner; or an HTML report; from a"
                + " FILE validated with --profile or from a --review.",
                "Failed rows: with FILE, the rows with error findings; with --review, the rejected rows plus the rows"
                        + " with error findings that are not approved (the steward's edits applied).",
                "A profile onto several tables (version 2) exports the workbook whole: a source row with an error in"
                        + " any table is rejected with every row it makes; --approved writes one CSV per table and"
                        + " --rejected one CSV per sheet, into a folder (made if missing: OUT/material.csv,"
                        + " OUT/Mixes.csv) or under a file name with " + ExportTables.TABLE + " or "
                        + ExportTables.SHEET + " (lab-" + ExportTables.TABLE + ".csv); findings name their table and"
                        + " sheet; --return-xlsx has one sheet per source sheet; --report counts per sheet and per"
                        + " table. The review of such a workbook (validate FILE --profile P2 --review R) exports the"
                        + " same files from the steward's decisions: approved source rows per table, rejected ones"
                        + " per sheet with the steward's reason.",
                "Cells starting with = + - @ TAB CR or LF get a leading ' so that Excel or LibreOffice show them as text "
                        + "(OWASP; in an XLSX the cell is marked to stay text); --no-formula-guard turns that off for"
                        + " programs that read the CSV."})
final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Source file, validated on the fly.")
    Path file;

    @Option(names = "--profile", paramLabel = "PROFILE.json", description = "Mapping profile (with FILE).")
    Path profilePath;

    @Option(names = "--review", paramLabel = "REVIEW.sluice",
            description = "Export from a review: the steward's approvals, rejections and edits.")
    Path reviewPath;

    @Option(names = "--approved", paramLabel = "OUT.csv",
            description = "Approved rows in target column order (with FILE: the rows without error findings). For a"
                    + " profile onto several tables: a folder or a name with " + ExportTables.TABLE + ", one CSV per"
                    + " table, a reference column holding the parent's natural key (the mix code, not its id).")
    Path approved;

    @Option(names = "--rejected", paramLabel = "OUT.csv",
            description = "Rejected rows with their original values, row number, reason and findings (with FILE: the"
                    + " rows with error findings). For a profile onto several tables: a folder or a name with "
                    + ExportTables.SHEET + ", one CSV per source sheet, each row with the findings of every table.")
    Path rejected;

    @Option(names = "--findings", paramLabel = "OUT.csv|OUT.json", description = "Every finding, one per line.")
    Path findings;

    @Option(names = "--return-xlsx", paramLabel = "OUT.xlsx",
            description = "The failed rows to send back to the data owner: original header and values, offending"
                    + " cells filled red (error) or yellow (warning) with the message as a comment, a '"
                    + BackToSenderWriter.FINDINGS_COLUMN + "' column and a summary sheet. Sluice reads it back with"
                    + " the same profile.")
    Path returnXlsx;

    @Option(names = "--max-comments", paramLabel = "N", defaultValue = "" + BackToSenderWriter.DEFAULT_MAX_COMMENTS,
            description = "Cells of the --return-xlsx that get a comment, at most (default ${DEFAULT-VALUE}); every"
                    + " message is in the findings column anyway.")
    int maxComments;

    @Option(names = "--original-values",
            description = "From a review: show the source value of each cell a fix or an edit changed. --rejected gets"
                    + " a last column '" + RejectedRowsCsvWriter.ORIGINAL_VALUES + "' (Supplier: 'NRD' -> 'NORD'"
                    + " (fix #3)); --return-xlsx shows the sender's value with a comment saying what Sluice changed"
                    + " it to, by which fix, who and when.")
    boolean originalValues;

    @Option(names = "--report", paramLabel = "OUT.html",
            description = "The validation report as one self-contained HTML file: counts, quality scores, findings"
                    + " per rule and per column as charts, the worst rows.")
    Path report;

    @Option(names = "--out-delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "Delimiter of the CSVs written: , ; | or TAB (default ,).")
    String outDelimiter;

    @Option(names = "--bom", description = "Start the CSVs with a UTF-8 byte order mark (Excel wants it).")
    boolean bom;

    @Option(names = "--quote-all", description = "Quote every field, not only those that need it.")
    boolean quoteAll;

    @Option(names = "--lf", description = "End lines with LF instead of CRLF.")
    boolean lf;

    @Option(names = "--no-formula-guard",
            description = "Write cells exactly, even those a spreadsheet would run as a formula. Only for CSVs that "
                    + "programs read, never for files people open in a spreadsheet.")
    boolean noFormulaGuard;

    @Mixin
    SourceOptionsMixin source;

    @Mixin
    TargetOptionsMixin target;

    @Mixin
    DebugOption debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if ((file == null) == (reviewPath == null)) {
            throw new UsageException("Give either FILE with --profile, or --review REVIEW.");
        }
        UsageErrors.refuseReviewAsSource(file, "export it (with the profile it was validated with)");
        if (file != null && profilePath == null) {
            throw new UsageException("Exporting from a file needs --profile P.json to validate it.");
        }
        if (reviewPath != null && profilePath != null) {
            throw new UsageException("--profile goes with FILE; a review is exported with the profile it was "
                    + "validated with.");
        }
        if (approved == null && rejected == null && findings == null && returnXlsx == null && report == null) {
            throw new UsageException("Say what to export: --approved, --rejected, --findings, --return-xlsx and/or"
                    + " --report.");
        }
        Profile profile = file == null ? null : ProfileIO.read(profilePath);
        boolean workbookReview = reviewPath != null && ValidateWorkbookReview.isWorkbookReview(reviewPath);
        boolean severalTables = profile != null && profile.mapsSeveralTables() || workbookReview;
        if (maxComments < 0) {
            throw new UsageException("The option --max-comments must be 0 or more, not " + maxComments + ".");
        }
        checkOutputs(severalTables);
        ExportRows.Outputs outputs = new ExportRows.Outputs(approved, rejected, findings, returnXlsx, report);
        if (originalValues && reviewPath == null) {
            throw new UsageException("--original-values goes with --review: a file validated on the fly has no fixes"
                    + " or edits.");
        }
        ExportRows.Settings settings = new ExportRows.Settings(csvOptions(), maxComments, originalValues);
        PrintWriter out = spec.commandLine().getOut();
        // a review's rejected rows, findings, failed rows and report are read from the review alone
        boolean mapsOntoTarget = file != null || workbookReview || approved != null;
        try (TargetDatabase db = mapsOntoTarget ? target.targetOf(reviewPath).open() : null) {
            ExportRows.Written written;
            if (severalTables) {
                TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
                ExportTables.Written tables = workbookReview
                        ? ExportTables.fromReview(db, reviewPath, outputs, settings, progress)
                        : ExportTables.fromFile(db, file, source.toOptions(), profile, profilePath.toString(), outputs,
                        settings, progress);
                progress.clear();
                report(out, tables);
                out.flush();
                return SluiceCommand.OK;
            }
            if (file != null) {
                TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
                written = ExportRows.fromFile(db, file, source.toOptions(), profile,
                        profilePath.toString(), outputs, settings, progress);
                progress.clear();
            } else {
                written = ExportRows.fromReview(db, reviewPath, outputs, settings, Progress.NONE);
            }
            report(out, written);
        }
        out.flush();
        return SluiceCommand.OK;
    }

    /**
     * Refuses, before anything is read or written, an output that is a folder, lies in a folder that does not exist,
     * is one of the inputs (the export would destroy what it reads) or is named by two options (one would overwrite
     * the other while both report their rows as written).
     */
    private void checkOutputs(boolean severalTables) {
        Map<Path, String> inputs = new LinkedHashMap<>();
        putInput(inputs, file, "the source file");
        putInput(inputs, profilePath, "the profile");
        putInput(inputs, reviewPath, "the review");
        Map<Path, String> written = new LinkedHashMap<>();
        String[] options = {"--approved", "--rejected", "--findings", "--return-xlsx", "--report"};
        Path[] paths = {approved, rejected, findings, returnXlsx, report};
        for (int i = 0; i < options.length; i++) {
            Path out = paths[i];
            if (out == null) {
                continue;
            }
            String option = options[i];
            if (severalTables && i < 2) {
                continue; // a folder or a name per table or sheet: ExportTables checks each file it makes
            }
            if (Files.isDirectory(out)) {
                throw new UsageException(option + " " + out + " is a folder; give a file name to write.");
            }
            Path folder = out.toAbsolutePath().getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                throw new UsageException(option + " " + out + ": the folder " + folder + " does not exist.");
            }
            Path key = identity(out);
            if (inputs.containsKey(key)) {
                throw new UsageException(option + " " + out + " would overwrite " + inputs.get(key)
                        + "; write it elsewhere.");
            }
            String earlier = written.putIfAbsent(key, option);
            if (earlier != null) {
                throw new UsageException(earlier + " and " + option + " both write " + out + "; give each its own"
                        + " file.");
            }
        }
    }

    private static void putInput(Map<Path, String> inputs, Path input, String what) {
        if (input != null) {
            inputs.putIfAbsent(identity(input), what);
        }
    }

    /** One name per file, whichever relative path, link or ".." reached it. */
    private static Path identity(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            // a file still to be written has no real path yet; its folder may have one
            Path absolute = path.toAbsolutePath().normalize();
            Path folder = absolute.getParent();
            try {
                return folder == null ? absolute : folder.toRealPath().resolve(absolute.getFileName());
            } catch (IOException missingFolder) {
                return absolute;
            }
        }
    }

    private CsvOptions csvOptions() {
        char delimiter = switch (outDelimiter.toLowerCase(Locale.ROOT)) {
            case "tab", "\\t" -> '\t';
            default -> {
                if (outDelimiter.length() != 1) {
                    throw new UsageException("--out-delimiter must be one character (or TAB), not '" + outDelimiter
                            + "'.");
                }
                yield outDelimiter.charAt(0);
            }
        };
        return CsvOptions.DEFAULTS.withDelimiter(delimiter).withBom(bom)
                .withQuoting(quoteAll ? CsvOptions.Quoting.ALL : CsvOptions.Quoting.MINIMAL)
                .withLineEnding(lf ? CsvOptions.LF : CsvOptions.CRLF).withGuardFormulas(!noFormulaGuard);
    }

    private void report(PrintWriter out, ExportTables.Written written) {
        TablesSummary s = written.summary();
        if (reviewPath == null) {
            out.printf("Source rows: %d   valid: %d   with errors: %d (rejected with every row they make)%n",
                    s.rows(), s.rows() - s.rowsWithErrors(), s.rowsWithErrors());
        } else {
            out.printf("Source rows: %d   with errors: %d%n", s.rows(), s.rowsWithErrors());
        }
        for (ExportTables.FileRows f : written.approved()) {
            out.printf("Approved rows of table %s: %d written to %s%n", f.name(), f.rows(), f.file());
        }
        for (ExportTables.FileRows f : written.rejected()) {
            out.printf("Rejected rows of sheet %s: %d written to %s%n", f.name(), f.rows(), f.file());
        }
        if (written.findings() != null) {
            out.printf("Findings: %d written to %s%n", written.findings(), findings);
        }
        if (written.failedRows() != null) {
            out.printf("Failed rows: %d written to %s, one sheet per source sheet (%d cells commented)%n",
                    written.failedRows(), returnXlsx, written.failedComments());
        }
        if (written.report()) {
            out.printf("Report written to %s%n", report);
        }
    }

    private void report(PrintWriter out, ExportRows.Written written) {
        if (written.approved() != null) {
            out.printf("Approved rows: %d written to %s%n", written.approved(), approved);
        }
        if (written.rejected() != null) {
            out.printf("Rejected rows: %d written to %s%n", written.rejected(), rejected);
        }
        if (written.findings() != null) {
            out.printf("Findings: %d written to %s%n", written.findings(), findings);
        }
        if (written.failedRows() != null) {
            out.printf("Failed rows: %d written to %s (%d cells commented)%n", written.failedRows(), returnXlsx,
                    written.failedComments());
        }
        if (written.report()) {
            out.printf("Report written to %s%n", report);
        }
    }
}
