package io.sluice.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark harness runs end to end on a small file and prints a figure for every stage (no timing asserted). */
class BenchmarkTest {

    @Test
    void printsRowsPerSecondAndPeakHeapForEveryReadStage(@TempDir Path dir) throws Exception {
        String output = run("--rows", "300", "--dir", dir.toString(), "--heap", "128m", "--stages",
                "csv-read,csv-validate,csv-review,xlsx-raw-fastexcel,xlsx-read,xlsx-validate,xlsx-review");
        for (String stage : new String[] {"csv-read", "csv-validate", "csv-review", "xlsx-read", "xlsx-validate",
                "xlsx-review"}) {
            assertThat(output).as(stage).containsPattern("(?m)^" + stage + " +300 +[0-9.]+ +[0-9,]+ +[0-9]+$");
        }
        // fastexcel alone counts the banner and header rows of the workbook too
        assertThat(output).containsPattern("(?m)^xlsx-raw-fastexcel +303 ");
        assertThat(output).contains("XLSX headless validate / raw fastexcel read:")
                .contains("XLSX review (staged + validated) / raw fastexcel read:")
                .contains("CSV review (staged + validated) / CSV headless validate:");
        // each JVM stage tells its CPU time, the JIT's and GC's apart from the Java threads'
        assertThat(output).containsPattern("(?m)^  csv-validate: cpu [0-9.]+ s: the JVM's own threads");
        assertThat(output).doesNotContain("commit stage");
    }

    @Test
    void comparesTheCsvValidationWithPandasReadCsvOrSaysWhyNot(@TempDir Path dir) throws Exception {
        String output = run("--rows", "300", "--dir", dir.toString(), "--heap", "128m", "--stages",
                "pandas-read,csv-validate");
        if (output.contains("pandas-read: skipped")) {
            assertThat(output).containsPattern("(?m)^  pandas-read: skipped, .+ is not installed.*$")
                    .doesNotContain("CSV headless validate / pandas read_csv");
        } else {
            assertThat(output).containsPattern("(?m)^pandas-read +300 +[0-9.]+ +[0-9,]+ +[0-9]+$")
                    .containsPattern("(?m)^CSV headless validate / pandas read_csv: [0-9]+\\.[0-9]{2}x "
                            + "\\(target <= 1.0x\\)$");
        }
    }

    @Test
    void validatesTheCsvFiveTimesInOneJvmAndTellsEachRunsCpu(@TempDir Path dir) throws Exception {
        String output = run("--rows", "300", "--dir", dir.toString(), "--heap", "128m", "--stages",
                "csv-validate-warm");

        for (int run = 1; run <= 5; run++) {
            assertThat(output).containsPattern("(?m)^  csv-validate-warm: run " + run + " of 5: [0-9.]+ s$");
        }
        assertThat(output).containsPattern("(?m)^csv-validate-warm +300 +[0-9.]+ +[0-9,]+ +[0-9]+$")
                .containsPattern("(?m)^  csv-validate-warm: cpu [0-9.]+ s: the JVM's own threads");
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            // on Linux the JVM's own threads are split into the compilers and the collector
            assertThat(output).containsPattern("(?m)^  csv-validate-warm: cpu .*; the JVM's threads: C1 [0-9.]+ "
                    + "C2 [0-9.]+ GC/VM [0-9.]+$");
        }
    }

    @Test
    void readsTheCsvWithFastCsvAloneColdAndFiveTimesInOneJvm(@TempDir Path dir) throws Exception {
        String output = run("--rows", "300", "--dir", dir.toString(), "--heap", "128m", "--stages",
                "csv-validate,csv-fastcsv,csv-fastcsv-warm");

        // the floor reads every data row the validation does
        assertThat(output).containsPattern("(?m)^csv-fastcsv +300 +[0-9.]+ +[0-9,]+ +[0-9]+$")
                .containsPattern("(?m)^csv-fastcsv-warm +300 +[0-9.]+ +[0-9,]+ +[0-9]+$")
                .containsPattern("(?m)^  csv-fastcsv: cpu [0-9.]+ s: the JVM's own threads")
                .containsPattern("(?m)^CSV headless validate / FastCSV read alone, each in a fresh JVM: "
                        + "[0-9]+\\.[0-9]{2}x$");
        for (int run = 1; run <= 5; run++) {
            assertThat(output).containsPattern("(?m)^  csv-fastcsv-warm: run " + run + " of 5: [0-9.]+ s$");
        }
    }

    @Test
    void commitsTheCleanRowsWithProvenanceAndLoadsTheSameRowsWithCsvread(@TempDir Path dir) throws Exception {
        String output = run("--rows", "300", "--dir", dir.toString(), "--heap", "128m", "--stages",
                "h2-commit,h2-csvread,pg-commit,psql-copy");

        long committed = rows(output, "h2-commit");
        assertThat(committed).as("rows without errors").isBetween(250L, 299L);
        assertThat(rows(output, "h2-csvread")).isEqualTo(committed);
        assertThat(output).containsPattern("(?m)^  h2-commit: validation pass \\(not counted\\): 300 rows, "
                + (300 - committed) + " with errors left out, [0-9.]+ s$");
        assertThat(output).containsPattern("(?m)^H2 commit / H2 CSVREAD: [0-9]+\\.[0-9]{2}x \\(target <= 1.0x\\)$")
                .contains("PostgreSQL stages skipped: no --pg-url given; run them with --pg-url")
                .doesNotContain("PostgreSQL commit / psql")
                .doesNotContain("csv-validate");
        // the table-shaped CSV the bulk loads read: header, then one line per committed row (no text has a newline)
        List<String> tableCsv = Files.readAllLines(dir.resolve("300-mix-approved.csv"));
        assertThat(tableCsv.get(0)).startsWith("mix_code,cement_kg,water_kg");
        assertThat(tableCsv).hasSize((int) committed + 1);
    }

    @Test
    void importsTheGeneratedLabWorkbookIntoFiveTablesAndLoadsTheSameRowsWithCsvread(@TempDir Path dir)
            throws Exception {
        String output = run("--mixes", "30", "--dir", dir.toString(), "--heap", "128m", "--stages",
                "related-h2-import,related-h2-csvread,related-pg-import");

        // 7 materials, 30 mixes, 7 components each, a 28-day strength each and a 7-day one for every tenth mix
        assertThat(rows(output, "related-h2-import")).isEqualTo(7 + 30 + 210 + 33);
        assertThat(rows(output, "related-h2-csvread")).isEqualTo(7 + 30 + 210 + 33);
        assertThat(output).contains("30 mixes -> 210 components and 33 strength tests")
                .containsPattern("(?m)^Related import into H2 / H2 CSVREAD of the four CSVs: [0-9]+\\.[0-9]{2}x"
                        + " \\(target <= 1.5x\\)$")
                .contains("PostgreSQL related stages skipped: no --pg-url given.")
                .doesNotContain("Sluice benchmark: ");
        assertThat(Files.readAllLines(dir.resolve("lab-30-csv").resolve("mix_component.csv")))
                .hasSize(211).startsWith("id,mix_id,material_id,dosage_kg", "1,1,1,250.0");
        assertThat(dir.resolve("lab-30.xlsx")).isNotEmptyFile();
    }

    private static long rows(String output, String stage) {
        Matcher line = Pattern.compile("(?m)^" + stage + " +([0-9,]+) +[0-9.]+ +[0-9,]+ +[0-9]+$").matcher(output);
        assertThat(line.find()).as(stage + " result line in:%n%s", output).isTrue();
        return Long.parseLong(line.group(1).replace(",", ""));
    }

    private static String run(String... args) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            Benchmark.run(args, out);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
