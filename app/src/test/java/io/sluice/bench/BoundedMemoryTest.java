package io.sluice.bench;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the generator in a JVM with a deliberately small heap, so that anything buffering all rows fails here. */
class BoundedMemoryTest {

    @TempDir
    Path dir;

    @Test
    void writesTwoHundredThousandXlsxRowsInA64MegabyteHeap() throws Exception {
        Path out = dir.resolve("big.xlsx");
        Path log = dir.resolve("generator.log");
        Process process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m",
                "-cp", System.getProperty("java.class.path"),
                ConcreteMixGenerator.class.getName(),
                "--rows", "200000", "--columns", "20", "--format", "xlsx", "--out", out.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();

        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("generator finished within 5 minutes").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("Wrote 200,000 rows");
        assertThat(lastRowOfFirstSheet(out)).isEqualTo(4 + 200_000);
    }

    /** Reads the sheet as a stream: loading 200k rows into POI's usermodel would need a big heap. */
    private static int lastRowOfFirstSheet(Path file) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile());
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            return rows.mapToInt(Row::getRowNum).max().orElse(0);
        }
    }
}
