package io.sluice.desktop.export;

import io.sluice.core.export.CsvOptions;
import io.sluice.core.review.Review;
import io.sluice.desktop.TargetChoice;
import io.sluice.desktop.task.TaskContext;

import java.nio.file.Path;

/**
 * What the Export menu can write from the open review. A new export is one constant: its menu label, what it writes
 * (for messages), the file name suffix and extension, and the core writer that does the work.
 */
public enum ExportKind {
    APPROVED_ROWS("_Approved rows as CSV…", "approved rows", "approved", "csv", ReviewExports::approvedRows),
    REJECTED_ROWS("_Rejected rows as CSV…", "rejected rows", "rejected", "csv", ReviewExports::rejectedRows),
    FINDINGS("_Findings as CSV…", "findings", "findings", "csv", ReviewExports::findings),
    RETURN_WORKBOOK("_Back-to-sender workbook (XLSX)…", "rows to fix", "to-fix", "xlsx",
            ReviewExports::returnWorkbook),
    REPORT("Validation re_port (HTML)…", "rows covered by the report", "report", "html", ReviewExports::report);

    /** Writes one export of a review to a file; returns how many rows or findings it wrote. */
    @FunctionalInterface
    public interface Writer {
        long write(Review review, TargetChoice target, Path out, CsvOptions options, TaskContext ctx);
    }

    private final String menuLabel;
    private final String what;
    private final String suffix;
    private final String extension;
    private final Writer writer;

    ExportKind(String menuLabel, String what, String suffix, String extension, Writer writer) {
        this.menuLabel = menuLabel;
        this.what = what;
        this.suffix = suffix;
        this.extension = extension;
        this.writer = writer;
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

    /** The file name offered in the save dialog: the review's name with this export's suffix. */
    public String suggestedName(Path review) {
        String name = review.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + "-" + suffix + "." + extension;
    }

    Writer writer() {
        return writer;
    }
}
