package io.sluice.cli;

import io.sluice.core.export.BackToSenderWriter;
import io.sluice.testing.TestDatabases;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.sluice.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice export --return-xlsx / --report} on the sample data, from a file and from a review. */
@ExtendWith(FreshSluiceHome.class)
class ExportCommandTest {

    private static final Path SAMPLES = Path.of("..", "sample-data");
    private static final String DS1 = SAMPLES.resolve("ds1-concrete-mix.csv").toString();
    private static final String PROFILE = SAMPLES.resolve("profiles/ds1.profile.json").toString();
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    @Test
    void writesTheFailedRowsWorkbookAndTheReportFromAFile() throws IOException {
        Path xlsx = dir.resolve("back.xlsx");
        Path html = dir.resolve("report.html");

        CliTest.Run export = run("export", DS1, "--profile", PROFILE, "--return-xlsx", xlsx.toString(), "--report",
                html.toString());

        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).contains("Failed rows: 9 written to " + xlsx).contains("Report written to " + html);
        assertThat(rowNumbers(xlsx)).hasSize(9);
        assertThat(Files.readString(html)).contains("<div class=\"n\">200</div><div class=\"l\">rows</div>")
                .contains("<div class=\"n\">191</div><div class=\"l\">valid rows</div>");
        CliTest.Run again = run("validate", xlsx.toString(), "--profile", PROFILE);
        assertThat(again.exit()).as("the returned file is read with the same profile: " + again.err()).isOne();
    }

    @Test
    void sendsBackRejectedRowsAndUnapprovedRowsWithErrorsFromAReview() throws IOException {
        Path review = dir.resolve("r.sluice");
        assertThat(run("validate", DS1, "--profile", PROFILE, "--review", review.toString()).exit()).isOne();
        run("decide", review.toString(), "--approve", "valid");
        run("decide", review.toString(), "--approve", "rows:6");
        run("decide", review.toString(), "--reject", "rows:3", "--reason", "=ask the lab");
        Path xlsx = dir.resolve("back.xlsx");
        Path html = dir.resolve("report.html");

        CliTest.Run export = run("export", "--review", review.toString(), "--return-xlsx", xlsx.toString(),
                "--report", html.toString());

        assertThat(export.exit()).as(export.err()).isZero();
        List<String> rows = rowNumbers(xlsx);
        assertThat(rows).contains("3").doesNotContain("6").hasSize(9);
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheetAt(0);
            int findings = sheet.getRow(0).getLastCellNum() - 1;
            assertThat(sheet.getRow(1).getCell(findings).getStringCellValue()).startsWith("Rejected: =ask the lab");
        }
        assertThat(Files.readString(html)).contains("<div class=\"n\">1</div><div class=\"l\">rejected</div>");
    }

    @Test
    void showsTheSendersValueOfAFixedCellWithWhatSluiceChangedItToWhenAsked() throws IOException {
        Path review = dir.resolve("r.sluice");
        assertThat(run("validate", DS1, "--profile", PROFILE, "--review", review.toString()).exit()).isOne();
        run("decide", review.toString(), "--reject", "errors", "--reason", "sent back");
        // step 1 of the history is the rejection, step 2 the fix
        assertThat(run("fix", review.toString(), "--column", "Supplier", "--replace", "NRD=NORD").exit()).isZero();
        Path rejected = dir.resolve("rejected.csv");
        Path xlsx = dir.resolve("back.xlsx");

        CliTest.Run export = run("export", "--review", review.toString(), "--rejected", rejected.toString(),
                "--return-xlsx", xlsx.toString(), "--original-values");

        assertThat(export.exit()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(rejected);
        assertThat(lines.get(0)).endsWith(",findings,original_values");
        assertThat(lines).filteredOn(line -> line.endsWith(",Supplier: 'NRD' -> 'NORD' (fix #2)")).hasSize(1);
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheetAt(0);
            int supplier = 0;
            while (!"Supplier".equals(sheet.getRow(0).getCell(supplier).getStringCellValue())) {
                supplier++;
            }
            List<String> comments = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var cell = sheet.getRow(r).getCell(supplier);
                if (cell != null && cell.getCellComment() != null) {
                    comments.add(cell.getStringCellValue() + " / " + cell.getCellComment().getString().getString());
                }
            }
            assertThat(comments).anySatisfy(c -> assertThat(c).startsWith("NRD / Sluice changed this to 'NORD'"
                    + " (fix #2, replace: Replace 'NRD' by 'NORD' in 'Supplier', by "));
        }
        CliTest.Run fromFile = run("export", DS1, "--profile", PROFILE, "--rejected", rejected.toString(),
                "--original-values");
        assertThat(fromFile.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(fromFile.err()).contains("--original-values goes with --review");
    }

    @Test
    void writesEveryKindOfExportFromAFileAndSaysHowMuch() {
        Path approved = dir.resolve("approved.csv");
        Path rejected = dir.resolve("rejected.csv");
        Path findings = dir.resolve("findings.json");

        CliTest.Run run = run("export", DS1, "--profile", PROFILE, "--approved", approved.toString(), "--rejected",
                rejected.toString(), "--findings", findings.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("Approved rows: 191 written to " + approved + NL + "Rejected rows: 9 written "
                + "to " + rejected + NL + "Findings: 16 written to " + findings + NL);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void refusesToOverwriteTheFileItExports() throws IOException {
        Path source = Files.copy(Path.of(DS1), dir.resolve("copy.csv"));
        long size = Files.size(source);

        CliTest.Run run = run("export", source.toString(), "--profile", PROFILE, "--approved", source.toString());

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice export: --approved " + source + " would overwrite the source file; "
                + "write it elsewhere." + NL);
        assertThat(Files.size(source)).isEqualTo(size);
    }

    @Test
    void refusesToOverwriteTheFileAReviewWasMadeFrom() throws IOException {
        Path source = Files.copy(Path.of(DS1), dir.resolve("copy.csv"));
        Path review = dir.resolve("r.sluice");
        assertThat(run("validate", source.toString(), "--profile", PROFILE, "--review", review.toString()).exit())
                .isOne();
        byte[] before = Files.readAllBytes(source);

        CliTest.Run approved = run("export", "--review", review.toString(), "--approved", source.toString());
        CliTest.Run report = run("export", "--review", review.toString(), "--report",
                dir.resolve("..").resolve(dir.getFileName()).resolve("copy.csv").toString());

        assertThat(approved.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(approved.err()).isEqualTo("sluice export: --approved " + source + " would overwrite the file the"
                + " review was made from; write it elsewhere." + NL);
        assertThat(approved.out()).isEmpty();
        assertThat(report.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(Files.readAllBytes(source)).isEqualTo(before);
    }

    @Test
    void aReviewIsExportedAgainstTheTargetItRecordsAndItsRejectedRowsNeedNone() throws IOException {
        TestDatabases.Database db = CommandRun.sampleTarget(TestDatabases.Engine.H2,
                Files.createDirectories(dir.resolve("db")));
        Path review = dir.resolve("r.sluice");
        // H2 takes its user in the URL, which the review records
        assertThat(run("validate", DS1, "--profile", PROFILE, "--review", review.toString(), "--target",
                db.url() + ";USER=sa").exit()).isOne();
        Path approved = dir.resolve("approved.csv");
        Path rejected = dir.resolve("rejected.csv");
        run("decide", review.toString(), "--approve", "valid");
        run("decide", review.toString(), "--reject", "errors", "--reason", "ask the lab");

        CliTest.Run fromRecorded = run("export", "--review", review.toString(), "--approved", approved.toString());
        deleteTree(dir.resolve("db"));
        CliTest.Run withoutTarget = run("export", "--review", review.toString(), "--rejected", rejected.toString());
        CliTest.Run targetGone = run("export", "--review", review.toString(), "--approved", approved.toString());

        assertThat(fromRecorded.exit()).as(fromRecorded.err()).isZero();
        assertThat(fromRecorded.out()).isEqualTo("Approved rows: 191 written to " + approved + NL);
        assertThat(withoutTarget.exit()).as(withoutTarget.err()).isZero();
        assertThat(withoutTarget.out()).isEqualTo("Rejected rows: 9 written to " + rejected + NL);
        assertThat(targetGone.exit()).isEqualTo(SluiceCommand.TARGET);
        assertThat(targetGone.err()).startsWith("sluice export: There is no H2 database ");
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void refusesToOverwriteTheProfile() throws IOException {
        Path profile = Files.copy(Path.of(PROFILE), dir.resolve("p.json"));

        CliTest.Run run = run("export", DS1, "--profile", profile.toString(), "--report", profile.toString());

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice export: --report " + profile + " would overwrite the profile; write "
                + "it elsewhere." + NL);
    }

    @Test
    void refusesTwoExportsIntoOneFile() {
        Path both = dir.resolve("rows.csv");

        CliTest.Run run = run("export", DS1, "--profile", PROFILE, "--approved", both.toString(), "--rejected",
                both.toString());

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice export: --approved and --rejected both write " + both + "; give each"
                + " its own file." + NL);
        assertThat(both).doesNotExist();
    }

    @Test
    void refusesAFolderAsTheFileToWrite() {
        CliTest.Run run = run("export", DS1, "--profile", PROFILE, "--approved", dir.toString());

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice export: --approved " + dir + " is a folder; give a file name to "
                + "write." + NL);
    }

    @Test
    void refusesAFileInAFolderThatDoesNotExistBeforeWritingAnything() {
        Path approved = dir.resolve("approved.csv");
        Path findings = dir.resolve("no-such-folder").resolve("findings.csv");

        CliTest.Run run = run("export", DS1, "--profile", PROFILE, "--approved", approved.toString(), "--findings",
                findings.toString());

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice export: --findings " + findings + ": the folder "
                + findings.getParent().toAbsolutePath() + " does not exist." + NL);
        assertThat(approved).doesNotExist();
    }

    @Test
    void refusesANegativeNumberOfComments() {
        CliTest.Run run = run("export", DS1, "--profile", PROFILE, "--return-xlsx", dir.resolve("b.xlsx").toString(),
                "--max-comments", "-1");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice export: The option --max-comments must be 0 or more, not -1." + NL);
    }

    @Test
    void refusesAProfileNextToAReviewThatHoldsItsOwn() throws IOException {
        Path review = dir.resolve("r.sluice");
        assertThat(run("validate", DS1, "--profile", PROFILE, "--review", review.toString()).exit()).isOne();

        CliTest.Run run = run("export", "--review", review.toString(), "--profile", PROFILE, "--report",
                dir.resolve("r.html").toString());

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice export: --profile goes with FILE; a review is exported with the "
                + "profile it was validated with." + NL);
    }

    @Test
    void saysWhatToExportWhenNothingIsAsked() {
        CliTest.Run run = run("export", DS1, "--profile", PROFILE);

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice export: Say what to export: --approved, --rejected, --findings, "
                + "--return-xlsx and/or --report." + NL);
    }

    @Test
    void refusesAReviewThatIsNotOne() {
        CliTest.Run run = run("export", "--review", DS1, "--report", dir.resolve("r.html").toString());

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice export: The file " + DS1 + " is not a Sluice review." + NL);
    }

    private static List<String> rowNumbers(Path xlsx) throws IOException {
        List<String> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            XSSFSheet sheet = book.getSheetAt(0);
            int column = -1;
            for (var cell : sheet.getRow(0)) {
                if (cell.getStringCellValue().equals(BackToSenderWriter.ROW_COLUMN)) {
                    column = cell.getColumnIndex();
                }
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                rows.add(Long.toString((long) sheet.getRow(r).getCell(column).getNumericCellValue()));
            }
        }
        return rows;
    }
}
