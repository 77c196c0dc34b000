package io.sluice.cli;

import io.sluice.core.usecase.OpenReview;
import io.sluice.core.usecase.OpenWorkbookReview;

import java.nio.file.Path;

/**
 * The {@code --sheet SHEET} option of the commands that read or change one column of a review: it names a sheet of
 * the review of a workbook onto several tables, and is a usage error on the review of one sheet.
 */
final class WorkbookSheetOption {

    private WorkbookSheetOption() {
    }

    /**
     * The sheet of the workbook review that {@code --sheet} names; without the option, one sentence naming the
     * sheets there are.
     *
     * @param what what needs the sheet, as a sentence starts, e.g. "Column statistics"
     */
    static OpenReview sheet(OpenWorkbookReview review, String sheet, String what) {
        if (sheet == null) {
            throw new UsageException(what + " on the review of a workbook: name the sheet with --sheet SHEET, as"
                    + " each sheet has its own columns (sheets: "
                    + String.join(", ", review.sheets()) + ").");
        }
        return review.sheet(sheet);
    }

    /** Refuses {@code --sheet} on the review of one sheet. */
    static void refuseOnOneSheet(Path file, String sheet) {
        if (sheet != null) {
            throw new UsageException("--sheet goes with the review of a workbook onto several tables; "
                    + file.getFileName() + " is the review of one sheet.");
        }
    }
}
