package io.sluice.desktop.export;

import io.sluice.core.review.Review;
import io.sluice.core.usecase.ExportRows;

import java.nio.file.Path;

/**
 * What the Export menu can write from the open review, each one output of the use case {@link ExportRows}, as
 * {@code sluice export --review} writes it. A new export is one constant: its menu label, what it writes (for
 * messages), the file name suffix and extension, and which output of the use case it is.
 */
public enum ExportKind {
    APPROVED_ROWS("_Approved rows as CSV…", "approved rows", "approved", "csv"),
    REJECTED_ROWS("_Rejected rows as CSV…", "rejected rows", "rejected", "csv"),
    FINDINGS("_Findings as CSV…", "findings", "findings", "csv"),
    RETURN_WORKBOOK("_Back-to-sender workbook (XLSX)…", "rows to fix", "to-fix", "xlsx"),
    REPORT("Validation re_port (HTML)…", "rows covered by the report", "report", "html");

    private final String menuLabel;
    private final String what;
    private final String suffix;
    private final String extension;

    ExportKind(String menuLabel, String what, String suffix, String extension) {
        this.menuLabel = menuLabel;
        this.what = what;
        this.suffix = suffix;
        this.extension = extension;
    }

    /** The menu item's text, with its mnemonic. */
    public String menuLabel() {
        return menuLabel;
    }

    /** What the file holds, in words, e.g. "rejected rows". */
    public String what() {
        return what;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** Whether the CSV options (delimiter, BOM, formula guard) apply; true for every CSV export. */
    public boolean usesCsvOptions() {
        return "csv".equals(extension);
    }

    /** Whether the export can show the source value of cells a fix or an edit changed: the rejected rows, the workbook. */
    public boolean showsOriginalValues() {
        return this == REJECTED_ROWS || this == RETURN_WORKBOOK;
    }

    /** The file name offered in the save dialog: the review's name with this export's suffix. */
    public String suggestedName(Path review) {
        String name = review.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + "-" + suffix + "." + extension;
    }

    /** Whether the export maps rows onto the target, so the target database is opened for it. */
    public boolean needsTarget() {
        return this == APPROVED_ROWS;
    }

    /** The use case's outputs with only this export asked for, written to {@code out}. */
    ExportRows.Outputs outputs(Path out) {
        return switch (this) {
            case APPROVED_ROWS -> new ExportRows.Outputs(out, null, null, null, null);
            case REJECTED_ROWS -> new ExportRows.Outputs(null, out, null, null, null);
            case FINDINGS -> new ExportRows.Outputs(null, null, out, null, null);
            case RETURN_WORKBOOK -> new ExportRows.Outputs(null, null, null, out, null);
            case REPORT -> new ExportRows.Outputs(null, null, null, null, out);
        };
    }

    /** How many rows or findings the export wrote; the report covers every row of the review. */
    long count(ExportRows.Written written, Review review) {
        return switch (this) {
            case APPROVED_ROWS -> written.approved();
            case REJECTED_ROWS -> written.rejected();
            case FINDINGS -> written.findings();
            case RETURN_WORKBOOK -> written.failedRows();
            case REPORT -> review.rowCount();
        };
    }
}
