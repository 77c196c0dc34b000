package io.sluice.cli;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.sluice.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sluice validate --report} on the samples writes, byte for byte, the report kept in
 * {@code src/test/resources/reports}: a change made for speed must not change a finding, a count, a score or their
 * order. Only the file paths and the target's address, which depend on where the test runs, are left out.
 */
@ExtendWith(FreshSluiceHome.class)
class ReportUnchangedTest {

    private static final Path SAMPLES = Path.of("..", "sample-data");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"ds1-concrete-mix.csv,ds1", "ds2-betonmischungen.csv,ds2", "ds4-deliveries-march.csv,ds4",
            "ds4-deliveries-april.csv,ds4"})
    void writesTheSameReportForASampleAsBefore(String sample, String profile) throws IOException {
        Path report = dir.resolve("report.json");

        CliTest.Run run = run("validate", SAMPLES.resolve(sample).toString(), "--profile",
                SAMPLES.resolve("profiles/" + profile + ".profile.json").toString(), "--report", report.toString());

        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        String expected;
        try (InputStream in = ReportUnchangedTest.class.getResourceAsStream(
                "/reports/" + sample.replace(".csv", ".report.json"))) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(withoutLocations(Files.readString(report, StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    private static String withoutLocations(String report) {
        return report.replaceAll("(?m)^(\\s*\"(path|url)\" : ).*$", "$1\"-\",");
    }
}
