package io.sluice.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark harness runs end to end on a small file and prints a figure for every stage (no timing asserted). */
class BenchmarkTest {

    @Test
    void printsRowsPerSecondAndPeakHeapForEveryStage(@TempDir Path dir) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Benchmark.main(new String[] {"--rows", "300", "--dir", dir.toString(), "--heap", "128m"});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        for (String stage : new String[] {"csv-read", "csv-validate", "csv-review", "xlsx-read", "xlsx-validate",
                "xlsx-review"}) {
            assertThat(output).as(stage).containsPattern("(?m)^" + stage + " +300 +[0-9.]+ +[0-9,]+ +[0-9]+$");
        }
        // fastexcel alone counts the banner and header rows of the workbook too
        assertThat(output).containsPattern("(?m)^xlsx-raw-fastexcel +303 ");
        assertThat(output).contains("XLSX headless validate / raw fastexcel read:")
                .contains("CSV review (staged + validated):");
    }
}
