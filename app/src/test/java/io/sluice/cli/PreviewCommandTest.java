package io.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.sluice.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code sluice preview}: the first rows as the cells display them, and plain refusals. */
class PreviewCommandTest {

    private static final Path SAMPLES = Path.of("..", "sample-data");
    private static final String DS1 = SAMPLES.resolve("ds1-concrete-mix.csv").toString();
    private static final String DS3 = SAMPLES.resolve("ds3-lab-refresh.xlsx").toString();
    private static final String NL = System.lineSeparator();

    @TempDir
    Path dir;

    @Test
    void showsWhereItReadAndTheFirstRowsWithTheirRowNumbers() {
        CliTest.Run run = run("preview", DS1, "--limit", "2");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("ds1-concrete-mix.csv (CSV, header row 1)");
        assertThat(lines.get(1)).startsWith("ROW  Mix Code    Cement (kg/m3)  ");
        assertThat(lines.get(2)).startsWith("2    DS1-000001  394.3           242.8");
        assertThat(lines.get(3)).startsWith("3    DS1-000002  314.2");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void namesTheSheetOfAWorkbook() {
        CliTest.Run run = run("preview", DS3, "--limit", "1");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst()).hasValue("ds3-lab-refresh.xlsx (sheet 'Mixes', header row 4)");
        assertThat(run.out().lines().skip(2).findFirst().orElseThrow()).startsWith("5    DS3-");
    }

    @Test
    void saysWhenThereIsNoHeaderRow() {
        CliTest.Run run = run("preview", DS1, "--no-header", "--limit", "1");

        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("ds1-concrete-mix.csv (CSV, no header row)");
        assertThat(lines.get(1)).startsWith("ROW  A         B               C");
        assertThat(lines.get(2)).startsWith("1    Mix Code  Cement (kg/m3)");
    }

    @Test
    void writesColumnsAndRowsAsJson() throws IOException {
        CliTest.Run run = run("preview", DS3, "--limit", "3", "--format", "json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("columns").get(0).asText()).isEqualTo("Mix Code");
        assertThat(json.get("rows")).hasSize(3);
        assertThat(json.get("rows").get(0).get(0).asText()).startsWith("DS3-");
    }

    @Test
    void aLimitOfZeroShowsTheHeaderOnly() {
        CliTest.Run run = run("preview", DS1, "--limit", "0");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).hasSize(2);
    }

    @Test
    void saysWhenNoRowFollowsTheHeader() throws IOException {
        Path file = Files.writeString(dir.resolve("header-only.csv"), "code;name\n", StandardCharsets.UTF_8);

        CliTest.Run run = run("preview", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("header-only.csv (CSV, header row 1)" + NL + "ROW  code  name" + NL
                + "No rows below the header." + NL);
    }

    @Test
    void keepsACellWithALineBreakOnItsLine() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.csv"), "code,note\nA1,\"first\nsecond\"\n",
                StandardCharsets.UTF_8);

        CliTest.Run run = run("preview", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactly("notes.csv (CSV, header row 1)", "ROW  code  note",
                "2    A1    first\\nsecond");
    }

    @Test
    void anEncodingTheBytesCannotBeIsRefusedNamingTheOneDetected() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.csv"), "code,name,city\nA1,Müller,Kiel\nA2,Øster,Ålborg\n",
                StandardCharsets.UTF_8);
        Path wide = Files.writeString(dir.resolve("wide.csv"), "code,name\nA1,Müller\n", StandardCharsets.UTF_16LE);

        CliTest.Run asUtf16 = run("preview", file.toString(), "--encoding", "UTF-16");
        CliTest.Run asUtf8 = run("preview", wide.toString(), "--encoding", "UTF-8");

        assertThat(asUtf16.exit()).isEqualTo(2);
        assertThat(asUtf16.out()).isEmpty();
        assertThat(asUtf16.err().strip()).isEqualTo("sluice preview: plain.csv: it cannot be UTF-16 (read so, it holds"
                + " no line break or field delimiter); its bytes read as UTF-8: give that encoding, or none to have it"
                + " detected.");
        assertThat(asUtf8.exit()).isEqualTo(2);
        assertThat(asUtf8.err()).contains("wide.csv: it cannot be UTF-8 (read so, it holds mostly NUL or undecodable"
                + " characters); its bytes read as UTF-16LE");
    }

    @Test
    void refusesANegativeLimit() {
        CliTest.Run run = run("preview", DS1, "--limit", "-3");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice preview: The option --limit must be 0 or more, not -3." + NL);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void refusesAFolder() {
        CliTest.Run run = run("preview", dir.toString());

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice preview: " + dir.getFileName() + ": is a folder, not a file." + NL);
    }

    @Test
    void refusesAMissingFile() {
        CliTest.Run run = run("preview", dir.resolve("nothing.xlsx").toString());

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice preview: nothing.xlsx: does not exist." + NL);
    }

    @Test
    void refusesAHeaderRowTogetherWithNoHeader() {
        CliTest.Run run = run("preview", DS1, "--header-row", "2", "--no-header");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice preview: Use either --header-row or --no-header, not both." + NL);
    }

    @Test
    void aSheetAskedOfACsvIsNotedNotSilentlyIgnored() {
        CliTest.Run run = run("preview", DS1, "--sheet", "Mixes", "--limit", "1");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEqualTo("Note: A CSV file has no sheets, so the sheet \"Mixes\" asked for does not"
                + " apply; the file's rows are read." + NL);
    }

    @Test
    void aHeaderRowBeyondACsvNamesTheFileNotASheet() {
        CliTest.Run run = run("preview", DS1, "--header-row", "9999");

        assertThat(run.exit()).isEqualTo(SluiceCommand.INPUT);
        assertThat(run.err()).isEqualTo("sluice preview: ds1-concrete-mix.csv: the file has no row 9999 to use as"
                + " header." + NL);
    }

    @Test
    void whatTheReaderNoticedInAWorkbookIsNoted() {
        CliTest.Run run = run("preview", DS3, "--limit", "1");

        assertThat(run.err()).contains("Note: ").contains("merged");
    }
}
