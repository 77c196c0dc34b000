package io.sluice.core.usecase;

import io.sluice.core.Progress;
import io.sluice.core.export.BackToSenderWriter;
import io.sluice.core.export.CsvOptions;
import io.sluice.core.export.RejectedRowsCsvWriter;
import io.sluice.core.review.RowFilter;
import io.sluice.core.review.ValueFix;
import io.sluice.core.source.SourceOptions;
import io.sluice.testing.TestDatabases;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rejected rows and the back-to-sender workbook of a review with fixes and edits, with the original values asked
 * for: a fix, a fix then an edit of the same cell, a cell fixed to blank, a fix undone before the export, a value
 * with a leading '=', and a review without any change.
 */
class OriginalValuesExportTest {

    private static final int SUPPLIER = 13;
    private static final int REMARKS = 14;

    @TempDir
    Path dir;

    private MixTarget target;
    private Path reviewFile;
    private final String steward = System.getProperty("user.name");
    private final String today = LocalDate.now(ZoneOffset.UTC).toString();

    @BeforeEach
    void validate() throws Exception {
        target = MixTarget.of(TestDatabases.Engine.H2, dir);
        Path csv = target.csv("mixes.csv",
                MixTarget.mix("DS1-0000001", "350.0").replace("CEMS,", "NRD,n/a"),
                MixTarget.mix("DS1-0000002", "350.0").replace("CEMS", "NRD"),
                MixTarget.mix("DS1-0000003", "350.0"),
                MixTarget.mix("DS1-0000004", "350.0").replace("CEMS", "=SUM(A1)"));
        reviewFile = dir.resolve("mixes.sluice");
        ValidateFile.run(new ValidateFile.Request(csv, SourceOptions.DEFAULTS, MixTarget.profile(), "ds1",
                reviewFile, false), target.db, null, Progress.NONE);
    }

    @AfterEach
    void close() {
        target.close();
    }

    @Test
    void theRejectedRowsAndTheWorkbookShowWhatEachCellWasAndWhatSluiceMadeOfIt() throws Exception {
        try (OpenReview review = OpenReview.open(reviewFile, () -> target.target().open())) {
            fix(review, "Supplier", ValueFix.Replace.of("NRD", "NORD"));
            review.session().edit(3, review.columnIndex("Supplier"), "CEMS");
            fix(review, "Remarks", ValueFix.Replace.of("n/a", ""));
            fix(review, "Supplier", ValueFix.Replace.of("=SUM(A1)", "CEMS"));
            assertThat(review.session().undo()).isTrue();
            review.session().edit(5, review.columnIndex("Remarks"), "checked");
            review.session().rejectAll(review.rows(List.of(2L, 3L, 5L)), "sent back");
        }

        Path rejected = dir.resolve("rejected.csv");
        Path workbook = dir.resolve("to-fix.xlsx");
        export(rejected, workbook, true);

        List<String> lines = Files.readAllLines(rejected);
        assertThat(lines.get(0)).endsWith(",reject_reason,findings," + RejectedRowsCsvWriter.ORIGINAL_VALUES);
        assertThat(lines.get(1)).startsWith("2,DS1-0000001,").contains(",NORD,,sent back,")
                .endsWith(",Supplier: 'NRD' -> 'NORD' (fix #1); Remarks: 'n/a' -> '' (fix #3)");
        assertThat(lines.get(2)).startsWith("3,DS1-0000002,").contains(",CEMS,,sent back,")
                .endsWith(",Supplier: 'NRD' -> 'CEMS' (fix #1 then edit)");
        // the undone fix is not mentioned; the owner's '=' value stays guarded; a blank cell filled in shows as ''
        assertThat(lines.get(3)).startsWith("5,DS1-0000004,").contains(",'=SUM(A1),checked,sent back,")
                .endsWith(",Remarks: '' -> 'checked' (edit)").doesNotContain("SUM(A1)' ->");
        assertThat(lines).hasSize(4);

        try (XSSFWorkbook book = new XSSFWorkbook(workbook.toFile())) {
            XSSFSheet sheet = book.getSheetAt(0);
            XSSFRow first = sheet.getRow(1);
            assertThat(first.getCell(SUPPLIER).getStringCellValue()).isEqualTo("NRD");
            assertThat(comment(first, SUPPLIER)).isEqualTo("Sluice changed this to 'NORD' (fix #1, replace: Replace"
                    + " 'NRD' by 'NORD' in 'Supplier', by " + steward + " on " + today + ")");
            assertThat(first.getCell(REMARKS).getStringCellValue()).isEqualTo("n/a");
            assertThat(comment(first, REMARKS)).startsWith("Sluice changed this to '' (fix #3, replace:");
            assertThat(first.getCell(SUPPLIER + 3).getStringCellValue()).isEqualTo("Rejected: sent back"
                    + " | Changed by Sluice (Supplier): 'NRD' -> 'NORD' (fix #1)"
                    + " | Changed by Sluice (Remarks): 'n/a' -> '' (fix #3)");
            XSSFRow second = sheet.getRow(2);
            assertThat(second.getCell(SUPPLIER).getStringCellValue()).isEqualTo("NRD");
            assertThat(comment(second, SUPPLIER)).startsWith("Sluice changed this to 'CEMS' (fix #1, replace:")
                    .endsWith("; then edited, by " + steward + " on " + today + ")");
            XSSFRow third = sheet.getRow(3);
            assertThat(third.getCell(SUPPLIER).getStringCellValue()).isEqualTo("=SUM(A1)");
            assertThat(third.getCell(SUPPLIER).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(String.valueOf(comment(third, SUPPLIER))).doesNotContain("Sluice changed");
            assertThat(third.getCell(REMARKS).getStringCellValue()).isEmpty();
            assertThat(comment(third, REMARKS)).isEqualTo("Sluice changed this to 'checked' (edited, by " + steward
                    + " on " + today + ")");
            assertThat(third.getCell(SUPPLIER + 3).getStringCellValue()).doesNotContain("Changed by Sluice (Supplier)")
                    .endsWith(" | Changed by Sluice (Remarks): '' -> 'checked' (edit)");
        }
    }

    @Test
    void withoutTheOptionTheExportsShowTheValuesAsFixedAndSayNothingMore() throws Exception {
        try (OpenReview review = OpenReview.open(reviewFile, () -> target.target().open())) {
            fix(review, "Supplier", ValueFix.Replace.of("NRD", "NORD"));
            review.session().rejectAll(review.rows(List.of(2L)), "sent back");
        }
        Path rejected = dir.resolve("rejected.csv");
        Path workbook = dir.resolve("to-fix.xlsx");
        export(rejected, workbook, false);

        List<String> lines = Files.readAllLines(rejected);
        assertThat(lines.get(0)).endsWith(",reject_reason,findings");
        assertThat(lines.get(1)).contains(",NORD,").doesNotContain("NRD");
        try (XSSFWorkbook book = new XSSFWorkbook(workbook.toFile())) {
            XSSFRow first = book.getSheetAt(0).getRow(1);
            assertThat(first.getCell(SUPPLIER).getStringCellValue()).isEqualTo("NORD");
            assertThat(first.getCell(SUPPLIER).getCellComment()).isNull();
        }
    }

    @Test
    void aReviewWithoutFixesOrEditsGetsNoEmptyColumnAndNoComment() throws Exception {
        try (OpenReview review = OpenReview.open(reviewFile, () -> target.target().open())) {
            review.session().rejectAll(review.rows(List.of(2L, 4L)), "sent back");
        }
        Path rejected = dir.resolve("rejected.csv");
        Path workbook = dir.resolve("to-fix.xlsx");
        export(rejected, workbook, true);

        List<String> lines = Files.readAllLines(rejected);
        assertThat(lines.get(0)).endsWith(",reject_reason,findings");
        assertThat(lines.get(2)).startsWith("4,DS1-0000003,").endsWith(",sent back,");
        try (XSSFWorkbook book = new XSSFWorkbook(workbook.toFile())) {
            XSSFRow first = book.getSheetAt(0).getRow(1);
            assertThat(first.getCell(SUPPLIER).getStringCellValue()).isEqualTo("NRD");
            assertThat(String.valueOf(comment(first, SUPPLIER))).doesNotContain("Sluice changed");
            assertThat(first.getCell(SUPPLIER + 3).getStringCellValue()).doesNotContain("Changed by Sluice");
        }
    }

    private void export(Path rejected, Path workbook, boolean originalValues) {
        ExportRows.Written written = ExportRows.fromReview(null, reviewFile,
                new ExportRows.Outputs(null, rejected, null, workbook, null),
                new ExportRows.Settings(CsvOptions.DEFAULTS, BackToSenderWriter.DEFAULT_MAX_COMMENTS, originalValues),
                Progress.NONE);
        assertThat(written.rejected()).isPositive();
    }

    private static void fix(OpenReview review, String column, ValueFix fix) {
        assertThat(FixValues.apply(review, new FixValues.Request(column, RowFilter.all(), fix), Progress.NONE).cells())
                .isPositive();
    }

    private static String comment(XSSFRow row, int column) {
        Comment comment = row.getCell(column).getCellComment();
        return comment == null ? null : comment.getString().getString();
    }
}
