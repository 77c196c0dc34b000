package io.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.core.database.SampleSchema;
import io.sluice.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line on the sample data, against the embedded default database and a real PostgreSQL. */
@ExtendWith(FreshSluiceHome.class)
class CliTest {

    private static final Path SAMPLES = Path.of("..", "sample-data");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A fresh embedded default database for this class, whatever earlier runs left in the build's Sluice home. */
    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SluiceCommand.commandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String sample(String name) {
        return SAMPLES.resolve(name).toString();
    }

    private static String profile(String name) {
        return SAMPLES.resolve("profiles").resolve(name).toString();
    }

    @Test
    void printsItsVersion() {
        Run run = run("--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).matches("sluice \\d+\\.\\d+\\.\\d+\\s*");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("inspect", "preview", "load", "suggest", "validate", "review", "decide", "fixes",
                "clusters", "import", "batches", "batch", "rollback", "export")) {
            Run run = run(command, "--help");
            assertThat(run.exit()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: sluice " + command);
        }
    }

    @Test
    void inspectListsSheetsWithTheHiddenOneFlagged() throws IOException {
        Run run = run("inspect", sample("ds3-lab-refresh.xlsx"), "--format", "json");
        assertThat(run.exit()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("format").asText()).isEqualTo("XLSX");
        assertThat(json.get("sheet").asText()).isEqualTo("Mixes");
        assertThat(json.get("headerRow").asInt()).isEqualTo(4);
        List<String> hidden = new ArrayList<>();
        json.get("sheets").forEach(s -> {
            if (s.get("hidden").asBoolean()) {
                hidden.add(s.get("name").asText());
            }
        });
        assertThat(hidden).containsExactly("Lookup");
    }

    @Test
    void inspectReportsEncodingAndDelimiterOfACsv() throws IOException {
        JsonNode json = run("inspect", sample("ds2-betonmischungen.csv"), "--format", "json").json();
        assertThat(json.get("encoding").asText()).isEqualToIgnoringCase("windows-1252");
        assertThat(json.get("delimiter").asText()).isEqualTo(";");
        assertThat(json.get("columns").get(1).asText()).isEqualTo("Zement (kg/m³)");
        JsonNode sheet = json.get("sheets").get(0);
        assertThat(sheet.get("rows").asLong()).isEqualTo(151);
        assertThat(sheet.get("columns").asInt()).isEqualTo(15);
    }

    @Test
    void previewShowsValuesExactlyAsDisplayed() throws IOException {
        Run run = run("preview", sample("ds2-betonmischungen.csv"), "--limit", "2", "--format", "json");
        assertThat(run.exit()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("rows")).hasSize(2);
        assertThat(json.get("rows").get(0).get(1).asText()).isEqualTo("482,0");
        assertThat(json.get("rows").get(0).get(12).asText()).isEqualTo("30.03.2022");
    }

    @Test
    void previewHonoursAChosenHeaderRow() throws IOException {
        JsonNode json = run("preview", sample("ds3-lab-refresh.xlsx"), "--header-row", "4", "--limit", "1",
                "--format", "json").json();
        assertThat(json.get("columns").get(0).asText()).isEqualTo("Mix Code");
        assertThat(json.get("rows").get(0).get(0).asText()).startsWith("DS3-");
    }

    @Test
    void suggestWritesAProfileThatValidates() throws IOException {
        Path profile = dir.resolve("suggested.json");
        Run suggest = run("suggest", sample("ds1-concrete-mix.csv"), "--table", "concrete_mix", "-o",
                profile.toString());
        assertThat(suggest.exit()).as(suggest.err()).isZero();
        assertThat(suggest.out()).contains("Cement (kg/m3)").contains("CEMENT_KG");
        assertThat(profile).exists();
        Run validate = run("validate", sample("ds1-concrete-mix.csv"), "--profile", profile.toString());
        assertThat(validate.err()).isEmpty();
        assertThat(validate.exit()).isEqualTo(SluiceCommand.FINDINGS);
    }

    @Test
    void validateWritesTheReportAndExitsOneOnErrors() throws IOException {
        Path report = dir.resolve("report.json");
        Run run = run("validate", sample("ds1-concrete-mix.csv"), "--profile", profile("ds1.profile.json"),
                "--report", report.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(SluiceCommand.FINDINGS);
        JsonNode json = JSON.readTree(report.toFile());
        assertThat(json.get("format").asText()).isEqualTo("sluice-report");
        assertThat(json.get("source").get("sha256").asText()).hasSize(64);
        assertThat(json.get("counts").get("rows").asInt()).isEqualTo(200);
        assertThat(json.get("counts").get("withErrors").asInt()).isPositive();
        assertThat(json.get("scores").get("overall").asDouble()).isBetween(0.0, 100.0);
        JsonNode first = json.get("findings").get(0);
        for (String field : List.of("row", "column", "rule", "severity", "message", "value")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(json.get("findings")).anySatisfy(f -> {
            assertThat(f.get("row").asInt()).isEqualTo(84);
            assertThat(f.get("value").asText()).isEqualTo("00028-A");
        });
    }

    @Test
    void validateExitsZeroWhenNoRowHasAnError() throws IOException {
        Path clean = dir.resolve("clean.csv");
        Files.writeString(clean, String.join("\n",
                "Mix Code,Cement (kg/m3),Water (kg/m3),Coarse Aggregate (kg/m3),Fine Aggregate (kg/m3),Age (days),"
                        + "Supplier",
                "DS1-000001,350,175,1050,780,28,NORD",
                "DS1-000002,300,165,1000,800,7,ALPC"));
        Path profile = dir.resolve("clean.json");
        assertThat(run("suggest", clean.toString(), "--table", "concrete_mix", "-o", profile.toString()).exit())
                .isZero();
        Run run = run("validate", clean.toString(), "--profile", profile.toString(), "--format", "json");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.json().get("counts").get("valid").asInt()).isEqualTo(2);
    }

    @Test
    void unreadableInputExitsTwoWithOneLineNamingTheFile() throws IOException {
        Path corrupt = dir.resolve("broken.xlsx");
        Files.write(corrupt, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        for (String file : List.of(corrupt.toString(), dir.resolve("missing.csv").toString())) {
            Run run = run("validate", file, "--profile", profile("ds1.profile.json"));
            assertThat(run.exit()).as(file).isEqualTo(SluiceCommand.INPUT);
            assertThat(run.err().lines()).as(run.err()).hasSize(1);
            assertThat(run.err()).contains(Path.of(file).getFileName().toString()).doesNotContain("Exception");
        }
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("validate", sample("ds1-concrete-mix.csv")).exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run("preview", sample("ds1-concrete-mix.csv"), "--header-row", "2", "--no-header").exit())
                .isEqualTo(SluiceCommand.INPUT);
    }

    @Test
    void targetProblemsExitThree() {
        Run run = run("validate", sample("ds1-concrete-mix.csv"), "--profile", profile("ds1.profile.json"),
                "--target", "jdbc:postgresql://127.0.0.1:1/nowhere", "--user", "x");
        assertThat(run.exit()).isEqualTo(SluiceCommand.TARGET);
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void validatesAgainstPostgresqlLikeAgainstTheEmbeddedDatabase() throws IOException {
        TestDatabases.Database pg = TestDatabases.postgres();
        SampleSchema.install(pg.url(), pg.user(), pg.password());
        Path pgReport = dir.resolve("pg.json");
        Path h2Report = dir.resolve("h2.json");
        Run onPg = run("validate", sample("ds3-lab-refresh.xlsx"), "--profile", profile("ds3.profile.json"),
                "--target", pg.url(), "--user", pg.user(), "--report", pgReport.toString());
        Run onH2 = run("validate", sample("ds3-lab-refresh.xlsx"), "--profile", profile("ds3.profile.json"),
                "--report", h2Report.toString());
        assertThat(onPg.exit()).as(onPg.err()).isEqualTo(SluiceCommand.FINDINGS);
        assertThat(onH2.exit()).as(onH2.err()).isEqualTo(SluiceCommand.FINDINGS);
        JsonNode pgCounts = JSON.readTree(pgReport.toFile()).get("counts");
        JsonNode h2Counts = JSON.readTree(h2Report.toFile()).get("counts");
        assertThat(pgCounts).isEqualTo(h2Counts);
    }

    @Test
    void validateStagesAReviewThatReopensWithEveryRowAndFinding() throws IOException {
        Path review = dir.resolve("ds3.sluice");
        Run validate = run("validate", sample("ds3-lab-refresh.xlsx"), "--profile", profile("ds3.profile.json"),
                "--review", review.toString(), "--format", "json");
        assertThat(validate.exit()).as(validate.err()).isEqualTo(SluiceCommand.FINDINGS);
        JsonNode report = validate.json();
        Run show = run("review", review.toString(), "--format", "json");
        assertThat(show.exit()).as(show.err()).isZero();
        JsonNode saved = show.json();
        assertThat(saved.get("rows").asInt()).isEqualTo(report.get("counts").get("rows").asInt());
        assertThat(saved.get("counts").get("rowsWithErrors").asInt())
                .isEqualTo(report.get("counts").get("withErrors").asInt());
        assertThat(saved.get("source").get("sheet").asText()).isEqualTo("Mixes");
        assertThat(run("review", review.toString()).out()).contains("Rows: 120");
    }

    @Test
    void reviewRefusesAFileThatIsNotAReview() {
        Run run = run("review", sample("ds1-concrete-mix.csv"));
        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void loadStagesEveryRowOfTheChosenSheetIntoANewReview() throws IOException {
        Path review = dir.resolve("loaded.sluice");
        Run load = run("load", sample("ds3-lab-refresh.xls"), "-o", review.toString());
        assertThat(load.exit()).as(load.err()).isZero();
        assertThat(load.out()).contains("Loaded 120 rows").contains("'Mixes'").contains("header row 4");
        JsonNode saved = run("review", review.toString(), "--format", "json").json();
        assertThat(saved.get("rows").asInt()).isEqualTo(120);
        assertThat(saved.get("counts").get("errors").asInt()).isZero();
        Run again = run("load", sample("ds3-lab-refresh.xls"), "-o", review.toString());
        assertThat(again.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(again.err()).contains("loaded.sluice");
        assertThat(run("load", sample("ds3-lab-refresh.xls"), "-o", review.toString(), "--force").exit()).isZero();
    }

    @Test
    void decidesOnRowsOfAReviewWithUndoRedoAndEdits() throws IOException {
        Path review = dir.resolve("decide.sluice");
        run("validate", sample("ds1-concrete-mix.csv"), "--profile", profile("ds1.profile.json"), "--review",
                review.toString());
        assertThat(run("decide", review.toString(), "--approve", "valid").out()).contains("Approved 191 row(s).");
        Run noReason = run("decide", review.toString(), "--reject", "errors");
        assertThat(noReason.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(noReason.err()).contains("--reason");
        assertThat(run("decide", review.toString(), "--reject", "errors", "--reason", "fix at the lab").out())
                .contains("191 approved, 9 rejected, 0 pending");
        assertThat(run("decide", review.toString(), "--undo").out()).contains("Undone:")
                .contains("191 approved, 0 rejected, 9 pending");
        Run edit = run("decide", review.toString(), "--edit", "141:Water (kg/m3)=180");
        assertThat(edit.exit()).as(edit.err()).isZero();
        assertThat(edit.out()).contains("no findings now");
        assertThat(run("decide", review.toString(), "--approve", "rows:141+pending").out())
                .contains("Approved 1 row(s).").contains("192 approved, 0 rejected, 8 pending");
        assertThat(run("decide", review.toString(), "--approve", "bogus").exit()).isEqualTo(SluiceCommand.INPUT);
    }

    /** Imports ds1's valid rows, lists and shows the batch, refuses a duplicate, rolls back to the table as it was. */
    private void importListAndRollBack(String... targetOptions) throws IOException {
        List<String> importArgs = new ArrayList<>(List.of("import", sample("ds1-concrete-mix.csv"), "--profile",
                profile("ds1.profile.json"), "--approve", "valid"));
        importArgs.addAll(List.of(targetOptions));
        Run dryRun = run(with(importArgs, "--dry-run"));
        assertThat(dryRun.exit()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("191 to insert").contains("Nothing was written");
        Run imported = run(importArgs.toArray(String[]::new));
        assertThat(imported.exit()).as(imported.err()).isZero();
        long batch = Long.parseLong(imported.out().replaceAll("(?s).*Imported batch (\\d+).*", "$1"));
        assertThat(imported.out()).contains("191 inserted, 0 updated, 0 skipped");

        JsonNode batches = run(with(List.of("batches", "--format", "json"), targetOptions)).json();
        assertThat(batches.get(0).get("id").asLong()).isEqualTo(batch);
        assertThat(batches.get(0).get("status").asText()).isEqualTo("committed");
        JsonNode details = run(with(List.of("batch", String.valueOf(batch), "--format", "json"), targetOptions))
                .json();
        assertThat(details.get("provenance").get("inserted").asLong()).isEqualTo(191);
        assertThat(details.get("counts").get("rejected").asLong()).isEqualTo(9);
        assertThat(details.get("rows").get(0).get("row").asLong()).isEqualTo(2);
        JsonNode origin = run(with(List.of("batch", String.valueOf(batch), "--key", "00028-A", "--format", "json"),
                targetOptions)).json().get("rows");
        assertThat(origin).singleElement().satisfies(o -> {
            assertThat(o.get("row").asLong()).isEqualTo(29);
            assertThat(o.get("sheet").asText()).isEqualTo("ds1-concrete-mix.csv");
            assertThat(o.get("action").asText()).isEqualTo("inserted");
        });
        Run typo = run(with(List.of("batch", String.valueOf(batch), "--key", "0028-A"), targetOptions));
        assertThat(typo.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(typo.err()).matches("(?i)No batch wrote a row with key 0028-A into public\\.concrete_mix\\.\\R");
        assertThat(typo.out()).contains("Batch " + batch + ": committed");

        Run again = run(importArgs.toArray(String[]::new));
        assertThat(again.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(again.err()).contains("already imported").contains("batch " + batch);

        Run rollback = run(with(List.of("rollback", String.valueOf(batch)), targetOptions));
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("191 inserted rows deleted");
        assertThat(run(with(List.of("batch", String.valueOf(batch), "--format", "json"), targetOptions)).json()
                .get("status").asText()).isEqualTo("rolled_back");
        assertThat(run(with(importArgs, "--dry-run")).out()).contains("191 to insert");
    }

    private static String[] with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void importsListsAndRollsBackOnTheEmbeddedDatabase() throws IOException {
        importListAndRollBack();
    }

    @Test
    void importsListsAndRollsBackOnPostgresql() throws IOException {
        TestDatabases.Database pg = TestDatabases.postgres();
        SampleSchema.install(pg.url(), pg.user(), pg.password());
        importListAndRollBack("--target", pg.url(), "--user", pg.user());
    }

    @Test
    void importsTheRowsApprovedInAReviewWithTheirEdits() throws IOException {
        TestDatabases.Database pg = TestDatabases.postgres();
        SampleSchema.install(pg.url(), pg.user(), pg.password());
        String[] target = {"--target", pg.url(), "--user", pg.user()};
        Path review = dir.resolve("staged.sluice");
        run(with(List.of("validate", sample("ds3-lab-refresh.xlsx"), "--profile", profile("ds3.profile.json"),
                "--review", review.toString()), target));
        Run none = run(with(List.of("import", "--review", review.toString()), target));
        assertThat(none.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(none.err()).contains("no approved rows");
        run("decide", review.toString(), "--approve", "valid");
        run(with(List.of("decide", review.toString(), "--edit", "66:Coarse Aggregate (kg/m3)=1010"), target));
        run("decide", review.toString(), "--approve", "rows:66");
        Run imported = run(with(List.of("import", "--review", review.toString()), target));
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("108 inserted").containsPattern("audit log \\(\\d+ entries\\) is kept");
        run(with(List.of("decide", review.toString(), "--edit", "66:Coarse Aggregate (kg/m3)=1020"), target));
        run("decide", review.toString(), "--approve", "rows:66");
        Run upsert = run(with(List.of("import", "--review", review.toString(), "--mode", "upsert",
                "--allow-duplicate"), target));
        // the rows that already hold the review's values are left as they are and counted so
        assertThat(upsert.out()).as(upsert.err()).contains("0 inserted, 1 updated, 107 unchanged");
        Run refused = run(with(List.of("rollback", "1"), target));
        assertThat(refused.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(refused.err()).contains("later batch(es) 2");
        assertThat(run(with(List.of("rollback", "1", "--cascade"), target)).out())
                .contains("Rolled back batch 2: 0 inserted rows deleted, 1 updated row restored.");
    }

    @Test
    void importLeavesOutRowsWhoseKeyIsAlreadyInTheTable() throws IOException {
        Path file = dir.resolve("one.csv");
        Files.writeString(file, String.join("\n",
                "Mix Code,Cement (kg/m3),Water (kg/m3),Coarse Aggregate (kg/m3),Fine Aggregate (kg/m3),Age (days)",
                "CONFLICT-1,350,175,1050,780,28"));
        Path profile = dir.resolve("one.json");
        run("suggest", file.toString(), "--table", "concrete_mix", "-o", profile.toString());
        assertThat(run("import", file.toString(), "--profile", profile.toString(), "--approve", "valid").exit())
                .isZero();
        Path second = dir.resolve("two.csv");
        Files.writeString(second, Files.readString(file) + "\n");
        // the key is taken by the first import: validation flags the row, so nothing is valid to import (a key taken
        // between validation and commit is refused by the commit itself: CommitterTest)
        Run again = run("import", second.toString(), "--profile", profile.toString(), "--approve", "valid",
                "--dry-run");
        assertThat(again.out()).contains("0 to insert");
    }

    @Test
    void importNeedsAnApprovalPolicyOrAReview() {
        Run run = run("import", sample("ds1-concrete-mix.csv"), "--profile", profile("ds1.profile.json"));
        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).contains("--approve valid");
    }

    @Test
    void exportsApprovedRejectedAndFindingsFromAFileAndFromAReview() throws IOException {
        Path ok = dir.resolve("ok.csv");
        Path bad = dir.resolve("bad.csv");
        Path found = dir.resolve("findings.json");
        Run direct = run("export", sample("ds1-concrete-mix.csv"), "--profile", profile("ds1.profile.json"),
                "--approved", ok.toString(), "--rejected", bad.toString(), "--findings", found.toString(), "--bom");
        assertThat(direct.exit()).as(direct.err()).isZero();
        assertThat(direct.out()).contains("Approved rows: 191").contains("Rejected rows: 9").contains("Findings: 16");
        byte[] bytes = Files.readAllBytes(ok);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        JsonNode preview = run("preview", ok.toString(), "--limit", "1", "--format", "json").json();
        assertThat(preview.get("columns").get(0).asText()).isEqualTo("MIX_CODE");
        assertThat(preview.get("rows").get(0).get(12).asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        List<String> rejectedLines = Files.readAllLines(bad);
        assertThat(rejectedLines.get(0)).endsWith("reject_reason,findings");
        assertThat(String.join("\n", rejectedLines)).contains("-309.4").doesNotContain("'-309.4");
        assertThat(JSON.readTree(found.toFile())).hasSize(16);

        Path review = dir.resolve("export.sluice");
        run("validate", sample("ds1-concrete-mix.csv"), "--profile", profile("ds1.profile.json"), "--review",
                review.toString());
        run("decide", review.toString(), "--approve", "valid");
        run("decide", review.toString(), "--reject", "errors", "--reason", "ask the lab");
        Path reviewBad = dir.resolve("review-bad.csv");
        Run fromReview = run("export", "--review", review.toString(), "--rejected", reviewBad.toString());
        assertThat(fromReview.exit()).as(fromReview.err()).isZero();
        assertThat(Files.readString(reviewBad)).contains("ask the lab");
        assertThat(run("export", "--review", review.toString()).exit()).isEqualTo(SluiceCommand.INPUT);
    }
}
