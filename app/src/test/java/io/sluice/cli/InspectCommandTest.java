package io.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.sluice.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice inspect}: the counts agree with what validate reads, and the output reads as plain words. */
@ExtendWith(FreshSluiceHome.class)
class InspectCommandTest {

    private static final Path SAMPLES = Path.of("..", "sample-data");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"ds1-concrete-mix.csv, ds1.profile.json", "ds2-betonmischungen.csv, ds2.profile.json",
        "ds3-lab-refresh.xlsx, ds3.profile.json", "ds3-lab-refresh.xls, ds3.profile.json"})
    void reportsTheDataRowsValidateReads(String sample, String profile) throws IOException {
        String file = SAMPLES.resolve(sample).toString();
        String profilePath = SAMPLES.resolve("profiles").resolve(profile).toString();
        CliTest.Run validate = run("validate", file, "--profile", profilePath, "--format", "json");
        long validated = validate.json().get("counts").get("rows").asLong();
        JsonNode inspected = run("inspect", file, "--format", "json").json();
        assertThat(inspected.get("dataRows").asLong()).isEqualTo(validated);
        assertThat(inspected.get("sheets").get(0).get("dataRows").asLong()).isEqualTo(validated);
        assertThat(run("inspect", file).out()).contains("data rows below it").contains(" " + validated + " ");
    }

    @Test
    void marksAHiddenSheetReadByNameAsHiddenAndDefault() {
        CliTest.Run run = run("inspect", SAMPLES.resolve("ds3-lab-refresh.xlsx").toString(), "--sheet", "Lookup");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).containsPattern("Lookup +1 +9 +2 +hidden, default");
        assertThat(run.out()).containsPattern("Mixes +4 +120 +20\\n");
    }

    @Test
    void alignsWideSheetNamesByTheColumnsATerminalGivesThem() throws IOException {
        Path book = dir.resolve("sales.xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.OutputStream out = Files.newOutputStream(book)) {
            for (String name : new String[] {"売上データ", "Sales"}) {
                var sheet = wb.createSheet(name);
                sheet.createRow(0).createCell(0).setCellValue("code");
                sheet.createRow(1).createCell(0).setCellValue("A1");
            }
            wb.write(out);
        }

        CliTest.Run run = run("inspect", book.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        // the five wide characters take ten columns, as wide as the padding after them says
        assertThat(run.out()).contains("SHEET       HEADER ROW", "売上データ  1           1", "Sales       1  ");
    }

    @Test
    void saysWhenThereIsNoHeaderRow() throws IOException {
        Path csv = dir.resolve("plain.csv");
        Files.writeString(csv, "1,2\n3,4\n", StandardCharsets.UTF_8);
        CliTest.Run run = run("inspect", csv.toString(), "--no-header");
        assertThat(run.out()).contains("Sheet plain.csv: no header row, 2 data rows, 2 columns named by letter")
                .containsPattern("plain.csv +none +2 +2 +default");
    }

    @Test
    void printsNoJavaInternals() throws IOException {
        Path csv = dir.resolve("semicolons.csv");
        Files.writeString(csv, "\uFEFFName;City\r\nA;B\r\n", StandardCharsets.UTF_8);
        for (String file : new String[] {csv.toString(), SAMPLES.resolve("ds3-lab-refresh.xlsx").toString()}) {
            for (String format : new String[] {"text", "json"}) {
                String out = run("inspect", file, "--format", format).out();
                assertThat(out).as(file + " " + format).doesNotContain("null").doesNotContain("Optional")
                        .doesNotContain("SheetInfo").doesNotContain("=").doesNotContainPattern("(^|[\\s:])-1\\b");
                if (format.equals("text")) {
                    assertThat(out).as(file).doesNotContain("[").doesNotContain("{").doesNotContain("hiddendefault");
                }
            }
        }
    }

    @Test
    void refusesAnEmptyCsvInOneSentenceNamingTheFile() throws IOException {
        Path csv = dir.resolve("bom-only.csv");
        Files.write(csv, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        CliTest.Run run = run("inspect", csv.toString());
        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err().strip()).endsWith("bom-only.csv: holds no data, only a byte order mark.");
    }
}
